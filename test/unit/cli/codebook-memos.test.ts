/** `grounded codebook` and `grounded memos` over a copy of the demo study. */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { runCaptured } from './run-captured';

const DEMO = new URL('../../../demo/', import.meta.url);

const run = runCaptured;

describe('grounded codebook and grounded memos', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'grounded-cli-'));
    cpSync(DEMO, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('print their help', async () => {
    for (const name of ['codebook', 'memos']) {
      const help = await run([name, '--help'], dir);
      assert.equal(help.code, 0);
      assert.match(help.out, new RegExp(`^Usage: grounded ${name} \\[dir\\]`));
      assert.match(help.out, /--format md\|html/);
    }
    assert.match((await run(['help'], dir)).out, /codebook \[dir\][^\n]*\n {2}memos \[dir\]/);
  });

  it('writes the codebook as Markdown to the terminal and as HTML and Word to files', async () => {
    const md = await run(['codebook'], join(dir, 'interviews'));
    assert.equal(md.code, 0, md.err);
    assert.match(md.out, /^# .*: codebook\n/);
    assert.match(md.out, /### Barriers \/ Fear of authorities\n\n\*\d+ segments in \d+ transcripts by 2 coders\*\n\n\*\*Definition:\*\* Fear of police/);
    const html = await run(['codebook', dir, '--format', 'html', '--out', 'codebook.html'], dir);
    assert.equal(html.code, 0, html.err);
    assert.match(readFileSync(join(dir, 'codebook.html'), 'utf8'), /^<!DOCTYPE html>[\s\S]*Fear of authorities/);
    const word = await run(['codebook', '--format', 'docx', '-o', 'codebook.docx'], dir);
    assert.equal(word.code, 0, word.err);
    const xml = new TextDecoder().decode(unzipSync(readFileSync(join(dir, 'codebook.docx')))['word/document.xml']);
    assert.match(xml, /Fear of authorities/);
  });

  it('refuses a Word document on the terminal, and an unknown format', async () => {
    assert.deepEqual(await run(['codebook', '--format', 'docx'], dir), { code: 2, out: '', err: 'grounded codebook: a Word document needs --out FILE\n' });
    assert.equal((await run(['memos', '--format', 'docx'], dir)).code, 2);
    assert.equal((await run(['codebook'], tmpdir())).code, 2);
  });

  it('writes the memo report by kind, dating an undated memo by its file', async () => {
    writeFileSync(join(dir, 'memos/undated.md'), '---\nkind: methodological\n---\n\n# Sampling\n\nWe add two interviews. [[s-15v1f7k0dxp2]]\n');
    const when = new Date(2020, 0, 15, 12);
    utimesSync(join(dir, 'memos/undated.md'), when, when);
    const report = await run(['memos', dir], dir);
    assert.equal(report.code, 0, report.err);
    assert.match(report.out, /## Methodological memos\n\n### Sampling\n\n\*2020-01-15 · memos\/undated\.md\*\n\nWe add two interviews\. \(quoted below\)\n\n> A phone, a proper phone with my own number\n/);
    assert.match(report.out, /## Memos of no kind\n/);
    const html = await run(['memos', '--format', 'html', '--out', 'memos.html'], dir);
    assert.equal(html.code, 0);
    assert.match(readFileSync(join(dir, 'memos.html'), 'utf8'), /<h2>Methodological memos<\/h2>/);
  });
});
