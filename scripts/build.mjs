// Bundles every layer with esbuild. Outputs:
//   dist/extension.cjs            the extension (Node extension host; `vscode` is external)
//   dist/web/extension.cjs        the same extension for a browser's web-worker extension host
//                                 (vscode.dev, github.dev): CommonJS, which that host loads; `.cjs`
//                                 because this package is `"type": "module"` and it loads no ESM
//   dist/cli.js                   the `grounded` command-line tool
//   dist/webview/<name>.js        browser code for webviews (one bundle per panel); built first,
//                                 the extension carries the pages' scripts as text (page-scripts-plugin)
//   dist/test/integration.cjs     the mocha entry the real extension host loads (`run()`)
//   dist/test/web.cjs             the entry of the tests run in the web-worker extension host
// Before bundling, the schema validators are generated (scripts/lib/schema-validators.mjs), and
// every bundle goes through the no-eval plugin (scripts/lib/no-eval-plugin.mjs).
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkBundles } from './lib/bundle-check.mjs';
import { noEvalPlugin } from './lib/no-eval-plugin.mjs';
import { pageScriptsPlugin } from './lib/page-scripts-plugin.mjs';
import { writeSchemaValidators } from './lib/schema-validators.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const withTests = !production;

const webviewOut = 'dist/webview';

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  target: 'es2022',
  plugins: [noEvalPlugin, pageScriptsPlugin(webviewOut)],
};

const builds = [
  {
    ...common,
    entryPoints: ['src/vscode/extension-node.ts'],
    outfile: 'dist/extension.cjs',
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['src/vscode/extension-web.ts'],
    outfile: 'dist/web/extension.cjs',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    // A web worker has neither `process` nor Node's globals; `global` is its `globalThis`.
    define: { global: 'globalThis' },
    // Nor a DOM: packages that publish a `worker` build (before their `browser` one) get it.
    conditions: ['worker'],
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'esm',
    // Some CommonJS dependencies call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  },
];

/** The webview pages: built before the rest, which embeds them. */
const pageBuilds = [];
const webviewDir = 'src/webview';
if (existsSync(webviewDir)) {
  // A page's script (`*-main.ts`) and parts a page loads when it needs them (`*-bundle.ts`).
  const entries = readdirSync(webviewDir).filter((f) => f.endsWith('-main.ts') || f.endsWith('-bundle.ts'));
  if (entries.length > 0) {
    pageBuilds.push({
      ...common,
      plugins: [noEvalPlugin],
      // Always minified: a panel's first paint waits for its script to load and compile (the
      // source map still leads a debugger to the TypeScript).
      minify: true,
      entryPoints: entries.map((f) => join(webviewDir, f)),
      outdir: webviewOut,
      platform: 'browser',
      format: 'iife',
    });
  }
}

// esbuild cannot glob, so the integration entry imports a generated module that lists every
// test/integration/**/*.test.ts; a new test file is picked up with no list to maintain.
const integrationTestsDir = resolve('test/integration');
const integrationTestList = {
  name: 'integration-test-list',
  setup(build) {
    build.onResolve({ filter: /^grounded:integration-tests$/ }, (args) => ({ path: args.path, namespace: 'test-list' }));
    build.onLoad({ filter: /.*/, namespace: 'test-list' }, () => {
      const files = readdirSync(integrationTestsDir, { recursive: true })
        .map((f) => f.split('\\').join('/'))
        .filter((f) => f.endsWith('.test.ts'))
        .sort();
      const entries = files.map((f) => `  { file: ${JSON.stringify(f)}, load: () => import(${JSON.stringify(`./${f}`)}) },`);
      return {
        contents: `export const testModules = [\n${entries.join('\n')}\n];\n`,
        loader: 'js',
        resolveDir: integrationTestsDir,
        watchDirs: [integrationTestsDir, ...files.map((f) => resolve(integrationTestsDir, f, '..'))],
      };
    });
  },
};

if (withTests && existsSync('test/integration/index.ts')) {
  builds.push({
    ...common,
    entryPoints: ['test/integration/index.ts'],
    outfile: 'dist/test/integration.cjs',
    platform: 'node',
    format: 'cjs',
    external: ['vscode', 'mocha'],
    plugins: [...common.plugins, integrationTestList],
  });
}

if (withTests && existsSync('test/web/index.ts')) {
  builds.push({
    ...common,
    entryPoints: ['test/web/index.ts'],
    outfile: 'dist/test/web.cjs',
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    define: { global: 'globalThis' },
    conditions: ['worker'],
  });
}

writeSchemaValidators();

if (!watch) rmSync('dist', { recursive: true, force: true });

if (watch) {
  const pageContexts = await Promise.all(pageBuilds.map((b) => esbuild.context(b)));
  await Promise.all(pageContexts.map((c) => c.rebuild()));
  const contexts = [...pageContexts, ...(await Promise.all(builds.map((b) => esbuild.context(b))))];
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('watching…');
} else {
  await Promise.all(pageBuilds.map((b) => esbuild.build(b)));
  await Promise.all(builds.map((b) => esbuild.build(b)));
  const findings = checkBundles('dist');
  if (findings.length > 0) {
    console.error(`A bundle builds code from text (new Function / eval), which no bundle may do:\n${findings.join('\n')}`);
    process.exit(1);
  }
}
