import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptured } from './run-captured';

const run = runCaptured;

describe('grounded export: the file it writes', () => {
  let work: string;
  let project: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'grounded-export-'));
    project = join(work, 'study');
    cpSync(new URL('../../../demo/', import.meta.url), project, { recursive: true });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  for (const format of ['csv', 'qdc']) {
    it(`keeps an existing ${format} file of the default name unless --force, and says what to do`, async () => {
      const target = join(work, `study.${format}`);
      writeFileSync(target, 'my own notes');
      const refused = await run(['export', format, 'study'], work);
      assert.equal(refused.code, 1);
      assert.equal(refused.out, '');
      assert.equal(refused.err, `grounded export: ${target} already exists; use --force to overwrite it, or --out FILE to write elsewhere\n`);
      assert.equal(readFileSync(target, 'utf8'), 'my own notes');
      const forced = await run(['export', format, 'study', '--force'], work);
      assert.equal(forced.code, 0, forced.err);
      assert.match(forced.out, new RegExp(`written to ${target.replace(/[.]/g, '\\.')}\\n$`));
      assert.notEqual(readFileSync(target, 'utf8'), 'my own notes');
    });
  }

  it('writes the default name when it is free, and over a file named with --out', async () => {
    const first = await run(['export', 'csv', 'study'], work);
    assert.equal(first.code, 0, first.err);
    assert.match(readFileSync(join(work, 'study.csv'), 'utf8'), /^transcript,/);
    writeFileSync(join(work, 'chosen.csv'), 'old');
    const named = await run(['export', 'csv', 'study', '--out', 'chosen.csv'], work);
    assert.equal(named.code, 0, named.err);
    assert.match(readFileSync(join(work, 'chosen.csv'), 'utf8'), /^transcript,/);
  });

  it('refuses a folder as the file to write', async () => {
    mkdirSync(join(work, 'out'));
    const run1 = await run(['export', 'csv', 'study', '--out', 'out'], work);
    assert.equal(run1.code, 1);
    assert.equal(run1.err, `grounded export: ${join(work, 'out')} is a folder; give --out a file name\n`);
  });
});
