/**
 * Every command that reads the whole project says, after its output, which files that output lacks
 * or shows conflicted, and exits 1: a coder whose file a merge left conflicted must not simply
 * vanish from agreement, counts and exports.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptured } from './run-captured';

const DEMO = new URL('../../../demo/', import.meta.url);
const SAM = '.grounded/coding/interviews/p01-amara.md/sam-okafor.jsonl';

const run = runCaptured;

/** Each command that reads the whole project, with the name it signs its warnings with. */
function commands(dir: string): { name: string; args: string[] }[] {
  return [
    { name: 'query', args: ['query', dir, '--codes', 'Emotions/Mistrust'] },
    { name: 'agreement', args: ['agreement', dir] },
    { name: 'matrix', args: ['matrix', dir] },
    { name: 'report', args: ['report', dir] },
    { name: 'codebook', args: ['codebook', dir] },
    { name: 'export', args: ['export', 'csv', dir, '--out', join(dir, 'out.csv')] },
    { name: 'export', args: ['export', 'qdpx', dir, '--out', join(dir, 'out.qdpx')] },
    { name: 'memos', args: ['memos', dir] },
    { name: 'relations', args: ['relations', dir, '--format', 'mermaid'] },
    { name: 'stats', args: ['stats', dir] },
  ];
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('grounded commands over files they cannot use', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'grounded-left-out-'));
    cpSync(DEMO, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('say nothing on stderr and exit 0 over the demo, where every file reads', async () => {
    for (const { args } of commands(dir)) {
      const result = await run(args, dir);
      assert.equal(result.code, 0, `${args[0]}: ${result.err}`);
      assert.equal(result.err, '', args.join(' '));
    }
  });

  it('name a coding file a merge left conflicted, at its line, say it is left out, exit 1, and still write their output', async () => {
    const lines = readFileSync(join(dir, SAM), 'utf8').split('\n');
    const edited = lines[1].replace(/"codes":\["[^"]+"\]/, '"codes":[]');
    writeFileSync(join(dir, SAM), [lines[0], '<<<<<<< HEAD', lines[1], '=======', edited, '>>>>>>> sam-edits', ...lines.slice(2)].join('\n'));
    for (const { name, args } of commands(dir)) {
      const result = await run(args, dir);
      const label = args.slice(0, 2).join(' ');
      assert.equal(result.code, 1, label);
      assert.match(result.err, new RegExp(`^${escape(SAM)}:2: unresolved git merge conflict between "HEAD" and "sam-edits"`, 'm'), label);
      assert.match(result.err, new RegExp(`^grounded ${name}: 1 file\\(s\\) could not be read and are left out of this output`, 'm'), label);
      assert.notEqual(result.out, '', `${label} wrote nothing`);
    }
    // What could be read is exported: Dana's segments of the same transcript, none of Sam's.
    const rows = readFileSync(join(dir, 'out.csv'), 'utf8').split('\r\n').filter((r) => r.startsWith('interviews/p01-amara.md,'));
    assert.ok(rows.some((r) => r.includes(',dana-reyes,')));
    assert.ok(!rows.some((r) => r.includes(',sam-okafor,')));
    assert.ok(existsSync(join(dir, 'out.qdpx')));
  });

  it('warn that a conflicted memo is shown with both sides, and do not count a warning of validate as a problem', async () => {
    const memo = 'memos/p03-lucia.md';
    const memoLines = readFileSync(join(dir, memo), 'utf8').split('\n');
    writeFileSync(join(dir, memo), [...memoLines.slice(0, 8), '<<<<<<< HEAD', memoLines[8], '=======', 'Lucía left through the union first.', '>>>>>>> dana', ...memoLines.slice(9)].join('\n'));
    const memos = await run(['memos', dir], dir);
    assert.equal(memos.code, 1);
    assert.match(memos.out, /Lucía left through the union first\./);
    assert.match(memos.err, /^memos\/p03-lucia\.md:9: unresolved git merge conflict between "HEAD" and "dana" \(from this line\): edit the file to keep the lines you want and remove the marker lines$/m);
    assert.match(memos.err, /^grounded memos: 1 transcript\(s\) or memo\(s\) hold unresolved git merge conflicts and are in this output with both sides' lines/m);

    // A segment placed approximately is a warning of validate, not something left out.
    writeFileSync(join(dir, memo), memoLines.join('\n'));
    const p02 = join(dir, 'interviews/p02-tomasz.md');
    const exact = (JSON.parse(readFileSync(join(dir, '.grounded/coding/interviews/p02-tomasz.md/dana-reyes.jsonl'), 'utf8').split('\n')[1]) as { exact: string }).exact;
    writeFileSync(p02, readFileSync(p02, 'utf8').replace(exact, exact.replace(/\w{5,}/, (word) => [...word].reverse().join(''))));
    assert.match((await run(['validate', dir], dir)).out, /placed by approximate match[^\n]*\[warning\]\n0 error\(s\), 1 warning\(s\)/);
    const matrix = await run(['matrix', dir], dir);
    assert.equal(matrix.code, 0, matrix.err);
    assert.equal(matrix.err, '');
  });

  it('leave out, and name, the coding of a transcript that is gone and a transcript that is not UTF-8', async () => {
    renameSync(join(dir, 'interviews/p05-mei.md'), join(dir, 'interviews/p05.md'));
    writeFileSync(join(dir, 'interviews/p18.md'), Buffer.from([0x48, 0x69, 0x0a, 0xff, 0x0a]));
    const matrix = await run(['matrix', dir], dir);
    assert.equal(matrix.code, 1);
    assert.match(matrix.err, /^interviews\/p05-mei\.md: has coding in \.grounded\/coding\/interviews\/p05-mei\.md\/ but the transcript does not exist/m);
    assert.match(matrix.err, /^interviews\/p18\.md:2: not valid UTF-8 \(byte 0xFF\)/m);
    assert.match(matrix.err, /^grounded matrix: 1 file\(s\) could not be read and are left out of this output/m);
    assert.match(matrix.err, /^grounded matrix: the coding of 1 transcript\(s\) that do not exist is left out of this output/m);
    const validate = await run(['validate', dir], dir);
    assert.equal(validate.code, 1);
    assert.match(validate.out, /^interviews\/p18\.md:2: not valid UTF-8 \(byte 0xFF\).* \[error\]$/m);
  });
});
