/**
 * A transcript whose front matter cannot be read still counts in every figure, but under its file
 * name and in no group: the analysis commands say so after their output, as validate does.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCaptured } from './run-captured';

const DEMO = new URL('../../../demo/', import.meta.url);

const run = runCaptured;

describe('analysis commands over front matter that cannot be read', () => {
  let dir: string;
  before(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'grounded-unread-attributes-')), 'study');
    cpSync(DEMO, dir, { recursive: true });
    const path = join(dir, 'interviews/p11-celeste.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('sector: decriminalisation advocacy', 'sector: decriminalisation: advocacy'));
  });
  after(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  for (const args of [['matrix', '.', '--cols', 'sector'], ['query', '.', '--codes', 'Leadership/**'], ['report', '.', '--code', 'Leadership/Burnout'], ['export', 'csv', '.', '--out', 'out.csv']]) {
    it(`grounded ${args[0]} names the transcript, its line, and what became of its participant`, async () => {
      const { code, err } = await run(args, dir);
      assert.equal(code, 0, err);
      assert.match(err, /^note: interviews\/p11-celeste\.md:7: the front matter cannot be read \(Front matter is not valid YAML: .*\): this transcript's participant is named "p11-celeste" after the file, and its attributes are "not recorded" \(see grounded validate\)$/m);
    });
  }
});
