import type { Plugin } from 'esbuild';

/** Gives a bundle the webview pages' scripts in `dir` as the module `grounded:page-scripts`. */
export function pageScriptsPlugin(dir: string): Plugin;
