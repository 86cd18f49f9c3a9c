import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../../../src/cli/cli-command';
import { pseudonymiseCommand } from '../../../src/cli/commands/pseudonymise';
import { validateCommand } from '../../../src/cli/commands/validate';
import { JOURNAL_PATH } from '../../../src/core/pseudonymise';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { KilledAfter, run } from './killed-after';

const DEMO = fileURLToPath(new URL('../../../demo/', import.meta.url));

async function cli(command: CliCommand, args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: command.options, strict: true });
  let out = '';
  let err = '';
  const code = await command.run(positionals, values, { out: (t) => (out += t), err: (t) => (err += t), cwd });
  return { code, out, err };
}

describe('grounded pseudonymise after an interruption', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'grounded-pseudonymise-'));
    cpSync(DEMO, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('--check and validate say where the name is left; the next run finishes the interrupted one', async () => {
    await assert.rejects(run(new KilledAfter(new NodeFileSystem(dir), 2), 'Amara', 'Zola'), /killed/);
    assert.ok(existsSync(join(dir, JOURNAL_PATH)));

    const before = await cli(pseudonymiseCommand, ['--check', 'Amara'], dir);
    assert.equal(before.code, 1);
    assert.match(before.out, /^memos\/p03-lucia\.md:\d+: "Amara"$/m, 'the memo not yet written');
    assert.match(before.out, /^\.grounded\/coding\/interviews\/p01-amara\.md\/dana-reyes\.jsonl:\d+: "mara" \(a part of the name cut at the edge of the quote's context\) in the quote's prefix$/m);
    assert.match(before.out, /An interrupted pseudonymisation is unfinished/);

    const validate = await cli(validateCommand, [], dir);
    assert.equal(validate.code, 1);
    assert.match(validate.out, /^\.grounded\/pseudonymise\.journal\.json: a pseudonymisation \(to "Zola"\) was interrupted/m);
    assert.match(validate.out, /^memos\/p03-lucia\.md:1: still holds its text from before an interrupted pseudonymisation/m);

    const again = await cli(pseudonymiseCommand, ['Amara', 'Zola'], dir);
    assert.equal(again.code, 0, again.err);
    assert.match(again.out, /^Finished an interrupted pseudonymisation \(to "Zola"\): wrote 1 file\(s\) \(1 were already done\)/m);
    assert.match(again.out, /"Amara" does not occur in any transcript, memo or code; nothing to do\./);
    assert.ok(!existsSync(join(dir, JOURNAL_PATH)));

    const after = await cli(pseudonymiseCommand, ['--check', 'Amara'], dir);
    assert.equal(after.code, 0, after.out);
    assert.match(after.out, /^No trace of "Amara" in the transcripts, memos, codes or coded segments\.$/m);
    assert.equal((await cli(validateCommand, [], dir)).out.includes('pseudonymisation'), false);
  });

  it('--resume finishes without a name, and says when there is nothing to finish', async () => {
    await assert.rejects(run(new KilledAfter(new NodeFileSystem(dir), 1), 'Tomasz', 'Piotr'), /killed/);
    const resumed = await cli(pseudonymiseCommand, ['--resume'], dir);
    assert.equal(resumed.code, 0, resumed.err);
    assert.match(resumed.out, /^Finished an interrupted pseudonymisation \(to "Piotr"\)/);
    assert.equal((await cli(pseudonymiseCommand, ['--check', 'Tomasz'], dir)).code, 0);
    assert.equal((await cli(pseudonymiseCommand, ['--resume'], dir)).out, 'No interrupted pseudonymisation to finish.\n');
  });

  it('says it finished the interrupted run even when the new name is then refused', async () => {
    await assert.rejects(run(new KilledAfter(new NodeFileSystem(dir), 1), 'Tomasz', 'Piotr'), /killed/);
    // A pseudonym that would break Amara's speaker labels is refused before anything is written.
    const refused = await cli(pseudonymiseCommand, ['Amara', '[P1]'], dir);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /would not read as a speaker label/);
    assert.match(refused.out, /^Finished an interrupted pseudonymisation \(to "Piotr"\)/);
    assert.ok(!existsSync(join(dir, JOURNAL_PATH)));
    assert.equal((await cli(pseudonymiseCommand, ['--check', 'Tomasz'], dir)).code, 0);
  });

  it('refuses a dry run while a pseudonymisation is unfinished', async () => {
    await assert.rejects(run(new KilledAfter(new NodeFileSystem(dir), 1), 'Tomasz', 'Piotr'), /killed/);
    const dry = await cli(pseudonymiseCommand, ['Tomasz', 'Piotr', '--dry-run'], dir);
    assert.equal(dry.code, 2);
    assert.match(dry.err, /interrupted pseudonymisation is unfinished/);
  });
});
