import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { statsCommand } from '../../../src/cli/commands/stats';

const DEMO = fileURLToPath(new URL('../../../demo/', import.meta.url));
const BROKEN = '.grounded/coding/interviews/p02-tomasz.md/dana-reyes.jsonl';

async function stats(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: statsCommand.options, strict: true });
  let out = '';
  let err = '';
  const code = await statsCommand.run(positionals, values, { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}

describe('grounded stats', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'grounded-stats-'));
    cpSync(DEMO, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('counts the demo and exits 0', async () => {
    const run = await stats([], dir);
    assert.equal(run.code, 0, run.err);
    assert.equal(run.err, '');
  });

  it('names a coding file it cannot read (file:line) and exits 1, in text and JSON', async () => {
    const lines = readFileSync(join(dir, BROKEN), 'utf8').split('\n');
    lines[2] = '{"id": broken';
    writeFileSync(join(dir, BROKEN), lines.join('\n'));
    for (const args of [[], ['--json']]) {
      const run = await stats(args, dir);
      assert.equal(run.code, 1, `${args.join(' ')}: exit 1`);
      assert.match(run.err, new RegExp(`^${BROKEN.replace(/[.]/g, '\\.')}:3: `, 'm'));
      assert.match(run.err, /^grounded stats: 1 file\(s\) could not be read and are left out of this output/m);
    }
  });
});
