import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { exportCommand } from '../../../src/cli/commands/export';
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

  it('lists and counts a transcript nobody has coded, as export csv and matrix count it, in text and JSON', async () => {
    writeFileSync(join(dir, 'interviews/p18-zoe.md'), '---\nparticipant: Zoe\n---\n\n**Interviewer:** How was the work?\n\n**Zoe:** The pay was terrible.\n');
    const text = await stats([], dir);
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /: 31 codes, 754 segments by 2 coder\(s\) in 18 transcript\(s\) \(1 with no segments yet\)\n/);
    assert.match(text.out, /^ {2}interviews\/p18-zoe\.md\n {4}\(no coder\) +0 segments$/m);
    const json = JSON.parse((await stats(['--json'], dir)).out) as { totals: Record<string, number>; transcripts: { transcript: string; exists: boolean; coders: unknown[] }[] };
    assert.deepEqual(json.totals, { codes: 31, transcripts: 18, missingTranscripts: 0, segments: 754, coders: 2 });
    assert.equal(json.transcripts.length, 18);
    assert.deepEqual(json.transcripts.at(-1), { transcript: 'interviews/p18-zoe.md', exists: true, coders: [] });
    let exported = '';
    const code = await exportCommand.run(['csv', dir], { out: join(dir, 'coding.csv') }, { out: (t) => (exported += t), err: () => undefined, cwd: dir });
    assert.equal(code, 0);
    assert.match(exported, /, 18 transcript\(s\)\n/);
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
