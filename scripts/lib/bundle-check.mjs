// No bundle may turn text into code: a browser host's Content Security Policy may refuse it, and
// text from a study (code names, memos, imported files) must never run. The build fails when a
// bundle in dist/ contains `new Function(` or a call to `eval(` (direct or as a property).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const CODE_FROM_TEXT = /\bnew\s+Function\s*\(|(?<![A-Za-z0-9_$])eval\s*\(/g;

/** Each place in `text` that builds code from text, as `line:column` and the words found. */
export function codeFromText(text) {
  const found = [];
  for (const match of text.matchAll(CODE_FROM_TEXT)) {
    const before = text.slice(0, match.index);
    const line = before.split('\n').length;
    const column = match.index - before.lastIndexOf('\n');
    found.push(`${line}:${column} ${match[0]}`);
  }
  return found;
}

/** The JavaScript bundles under `dir` (source maps left out). */
export function bundlesIn(dir) {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => /\.(c|m)?js$/.test(f))
    .sort();
}

/** Every finding in every bundle under `dir`, as `file:line:column words`. */
export function checkBundles(dir) {
  return bundlesIn(dir).flatMap((file) => codeFromText(readFileSync(file, 'utf8')).map((at) => `${relative(process.cwd(), file)}:${at}`));
}
