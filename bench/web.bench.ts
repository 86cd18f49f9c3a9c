// Figures for the browser build (vscode.dev, github.dev), printed as `bench <name> <value> <unit>`:
//   web.bundle_kb       the web-worker bundle as shipped (minified, the webview pages' scripts in it), in KiB
//   web.word_import_kb  of which Word import (mammoth and what only it needs)
//   web.word_export_kb  of which Word export of the codebook (the docx library)
// Both are evaluated on first use only (dynamic import); they still ship in the one file, since
// the worker host loads a single CommonJS module and gives extensions no loader for more chunks.
import * as esbuild from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { noEvalPlugin } from '../scripts/lib/no-eval-plugin.mjs';
import { pageScriptsPlugin } from '../scripts/lib/page-scripts-plugin.mjs';
import { writeSchemaValidators } from '../scripts/lib/schema-validators.mjs';

/** Packages that only Word export pulls in. */
const WORD_EXPORT = /node_modules\/docx\//;
/** Packages that only Word import pulls in. */
const WORD_IMPORT = /node_modules\/(mammoth|jszip|underscore|@xmldom|xmlbuilder|lop|dingbat-to-unicode|bluebird|base64-js|lie|immediate|pako|readable-stream|setimmediate|option|duck)\//;

/** The webview pages the bundle carries, as `npm run build` wrote them. */
const PAGES = 'dist/webview';
if (!existsSync(PAGES) || !readdirSync(PAGES).some((f) => f.endsWith('-main.js'))) throw new Error(`${PAGES} holds no page: run \`npm run build\` first.`);

writeSchemaValidators();
const dir = mkdtempSync(join(tmpdir(), 'grounded-web-bench-'));
try {
  const outfile = join(dir, 'extension.cjs');
  // The same options as scripts/build.mjs gives the web bundle, minified as `npm run package` ships it.
  const result = await esbuild.build({
    entryPoints: ['src/vscode/extension-web.ts'],
    outfile,
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    define: { global: 'globalThis' },
    conditions: ['worker'],
    plugins: [noEvalPlugin, pageScriptsPlugin(PAGES)],
    metafile: true,
    logLevel: 'warning',
  });
  const inputs = Object.values(result.metafile.outputs).flatMap((o) => Object.entries(o.inputs));
  const word = inputs.filter(([path]) => WORD_IMPORT.test(path)).reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
  console.log(`bench web.bundle_kb ${(statSync(outfile).size / 1024).toFixed(0)} KiB`);
  const wordExport = inputs.filter(([path]) => WORD_EXPORT.test(path)).reduce((sum, [, input]) => sum + input.bytesInOutput, 0);
  console.log(`bench web.word_import_kb ${(word / 1024).toFixed(0)} KiB`);
  console.log(`bench web.word_export_kb ${(wordExport / 1024).toFixed(0)} KiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
