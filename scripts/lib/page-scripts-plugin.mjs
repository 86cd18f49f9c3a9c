// The webview pages' scripts (dist/webview/*-main.js), given to the extension as text through the
// module `grounded:page-scripts`. A panel's page then carries its script inline: its first paint
// does not wait for the script to be fetched through the webview's service worker, which took
// 60–110 ms of a first panel's 500. The pages are built before the bundles that embed them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const MODULE = 'grounded:page-scripts';
const SOURCE_MAP_LINE = /\n\/\/# sourceMappingURL=[^\n]*\s*$/;

/** `dir`: where the pages' bundles are written. */
export function pageScriptsPlugin(dir) {
  return {
    name: 'page-scripts',
    setup(build) {
      build.onResolve({ filter: /^grounded:page-scripts$/ }, (args) => ({ path: args.path, namespace: MODULE }));
      build.onLoad({ filter: /.*/, namespace: MODULE }, () => {
        const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('-main.js')).sort() : [];
        const scripts = {};
        for (const file of files) {
          const text = readFileSync(join(dir, file), 'utf8');
          // The map's address is relative to the bundle's own; the host gives the page an absolute one.
          scripts[file.slice(0, -'.js'.length)] = { text: text.replace(SOURCE_MAP_LINE, '\n'), map: SOURCE_MAP_LINE.test(text) };
        }
        return {
          contents: `export const PAGE_SCRIPTS = ${JSON.stringify(scripts)};\n`,
          loader: 'js',
          // Rebuilt in watch mode when a page's bundle is.
          watchFiles: files.map((f) => resolve(dir, f)),
        };
      });
    },
  };
}
