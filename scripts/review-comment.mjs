#!/usr/bin/env node
// The body of the pull-request comment the grounded-review action posts: `grounded validate` and
// `grounded diff` run on the project, wrapped with a hidden marker by which the comment is found and
// updated in place on the next push. Runs offline; the tests run it exactly as the action does.
//
//   node scripts/review-comment.mjs --project <dir> --base <rev> --head <rev> [--no-quotes] [--out <file>]
//
// Exits 0, or 1 when `grounded validate` found errors or `grounded diff` could not read a file at one
// of the revisions (the body is written either way), 2 on misuse or when no diff could be made.
// GROUNDED_CLI names the CLI entry to run (default: bin/grounded.js beside this script).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const MARKER = '<!-- grounded-review -->';
/** GitHub refuses comments longer than 65,536 characters. */
const MAX_BODY = 65_000;
const MAX_VALIDATE = 4_000;

const { values } = parseArgs({
  options: {
    project: { type: 'string', default: '.' },
    base: { type: 'string' },
    head: { type: 'string' },
    'no-quotes': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
});
if (!values.base || !values.head) {
  process.stderr.write('review-comment: --base and --head are required\n');
  process.exit(2);
}

const cli = process.env.GROUNDED_CLI ?? fileURLToPath(new URL('../bin/grounded.js', import.meta.url));
function grounded(args) {
  const result = spawnSync(process.execPath, [...process.execArgv, cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.error) throw result.error;
  return { code: result.status ?? 2, out: result.stdout, err: result.stderr };
}

/** A fence longer than any run of backticks in the text, so nothing inside can close it. */
function fenced(text) {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}

function shorten(text, limit) {
  return text.length <= limit ? text : `${text.slice(0, limit)}\n… (cut; run grounded validate locally for the rest)`;
}

const project = resolve(values.project);
const validate = grounded(['validate', project]);
const quotes = values['no-quotes'] ? ['--no-quotes'] : [];
const diff = grounded(['diff', project, `${values.base}...${values.head}`, '--format', 'md', ...quotes]);

const validation =
  validate.code === 0
    ? `**grounded validate:** no errors.`
    : `**grounded validate:** ${validate.code === 1 ? 'errors found' : 'could not run'} — fix them before merging.`;
// Problems name files and lines; their messages may quote project text, so they stay in a code block.
const problems = `${validate.out}${validate.err}`.trim();
const details = validate.code === 0 && !/\[(error|warning)\]$/m.test(problems) ? [] : ['<details>', '<summary>Problems</summary>', '', fenced(shorten(problems, MAX_VALIDATE)), '', '</details>', ''];
// Exit 1: the diff was made, but files that could not be read at one revision are listed in it
// (and left out of the comparison) — the comment shows it all, and the check fails.
const body =
  diff.code === 0 || diff.code === 1
    ? diff.out.trim()
    : `**grounded diff** could not compare the two versions:\n\n${fenced(shorten(diff.err.trim(), MAX_VALIDATE))}`;
const text = [MARKER, '## Grounded coding review', '', validation, '', ...details, body, ''].join('\n');
const out = text.length <= MAX_BODY ? text : `${text.slice(0, MAX_BODY)}\n\n_… cut to fit a comment: run \`grounded diff\` locally for everything._\n`;

if (values.out) {
  mkdirSync(dirname(resolve(values.out)), { recursive: true });
  writeFileSync(values.out, out);
} else process.stdout.write(out);
process.exit(diff.code > 1 ? 2 : validate.code === 0 && diff.code === 0 ? 0 : 1);
