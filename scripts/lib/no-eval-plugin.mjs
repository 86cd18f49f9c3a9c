// An esbuild plugin that keeps code-from-text out of every bundle. Two dependencies of mammoth
// (Word import) carry it on paths Grounded never takes: underscore's `template` and the
// `setimmediate` polyfill jszip loads (the browser build of jszip inlines the same polyfill, so
// jszip is taken from its sources, without Node streams in a browser). They are swapped for the small shims in scripts/shims/;
// test/unit/build/bundles.test.ts checks no bundle contains `new Function(` or `eval(`.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { repoRoot } from './paths.mjs';

const require = createRequire(join(repoRoot, 'package.json'));
const shims = join(repoRoot, 'scripts', 'shims');

export const noEvalPlugin = {
  name: 'no-eval',
  setup(build) {
    const underscoreModules = join(dirname(require.resolve('underscore/package.json')), 'modules');
    const jszipDir = dirname(require.resolve('jszip/package.json', { paths: [dirname(require.resolve('mammoth/package.json'))] }));
    build.onResolve({ filter: /^setimmediate$/ }, () => ({ path: join(shims, 'set-immediate.cjs') }));
    // mammoth uses underscore's functions only: its ES modules let the template module be swapped.
    build.onResolve({ filter: /^underscore$/ }, () => ({ path: join(underscoreModules, 'index.js') }));
    build.onResolve({ filter: /^\.\/template\.js$/ }, (args) => (args.importer.startsWith(underscoreModules) ? { path: join(shims, 'underscore-template.mjs') } : undefined));
    build.onResolve({ filter: /^jszip$/ }, () => ({ path: join(jszipDir, 'lib', 'index.js') }));
    // jszip's sources expect Node streams where its browser build had a copy inlined; without
    // them it reads and writes archives all the same.
    if (build.initialOptions.platform === 'browser') {
      build.onResolve({ filter: /^stream$/ }, (args) => (args.importer.startsWith(jszipDir) ? { path: join(shims, 'no-stream.cjs') } : undefined));
    }
  },
};
