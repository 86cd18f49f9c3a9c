import type { Plugin } from 'esbuild';

export declare const noEvalPlugin: Plugin;
