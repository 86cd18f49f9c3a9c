import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { statsCommand } from '../../../src/cli/commands/stats';
import { printStats } from '../../../src/cli/print-stats';
import { checkProject } from '../../../src/core/validation/project-check';
import { projectStats } from '../../../src/core/validation/project-stats';
import { smallProject } from '../project-index/small-project';

const DEMO = fileURLToPath(new URL('../../../demo/', import.meta.url));

describe('stats of coding whose transcript is gone', () => {
  it('counts its segments as not placed, and the closing sentence says so', async () => {
    const stats = projectStats(await checkProject(smallProject()));
    const p03 = stats.transcripts.find((t) => t.transcript === 'interviews/p03.md')!;
    assert.equal(p03.exists, false);
    assert.deepEqual(p03.coders.map((c) => [c.coder, c.segments, c.exact, c.moved, c.fuzzy, c.orphan]), [['dana-reyes', 1, 0, 0, 0, 1]]);
    assert.equal(stats.transcripts.find((t) => t.transcript === 'interviews/p01.md')!.exists, true);
    assert.deepEqual([stats.totals.transcripts, stats.totals.missingTranscripts], [2, 1]);
    const text = printStats(stats);
    assert.match(text, /^Small study: 2 codes, 5 segments by 2 coder\(s\) in 2 transcript\(s\), and coding of 1 transcript\(s\) that are missing or unreadable\n/);
    assert.match(text, /^ {2}interviews\/p03\.md {2}\(no text: missing or unreadable\)\n {4}Dana Reyes +1 segments {2}\(0 approximate, 1 not placed\)$/m);
    assert.match(text, /^1 segment\(s\) are not placed: their transcript is missing or could not be read \(interviews\/p03\.md; grounded validate says which and why\)\.\n1 segment\(s\) need review:$/m);
    assert.doesNotMatch(text, /Every segment is placed/);
  });

  describe('grounded stats after one branch moved a transcript and another coded it under the old path', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'grounded-stats-'));
      cpSync(DEMO, dir, { recursive: true });
      const coding = join(dir, '.grounded/coding/interviews');
      mkdirSync(join(coding, 'p01.md'));
      for (const coder of ['dana-reyes', 'sam-okafor']) renameSync(join(coding, `p01-amara.md/${coder}.jsonl`), join(coding, `p01.md/${coder}.jsonl`));
      renameSync(join(dir, 'interviews/p01-amara.md'), join(dir, 'interviews/p01.md'));
      const dana = readFileSync(join(coding, 'p01.md/dana-reyes.jsonl'), 'utf8').split('\n');
      writeFileSync(join(coding, 'p01-amara.md/lee.jsonl'), `${dana[0].replace('"id":"dana-reyes","name":"Dana Reyes"', '"id":"lee","name":"Lee"')}\n${dana[1]}\n`);
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    async function stats(json: boolean): Promise<{ code: number; out: string; err: string }> {
      let out = '';
      let err = '';
      const code = await statsCommand.run([dir], json ? { json: true } : {}, { out: (t) => (out += t), err: (t) => (err += t), cwd: dir });
      return { code, out, err };
    }

    it('lists the old path as having no text, its segments not placed, and says so at the end', async () => {
      const text = await stats(false);
      assert.equal(text.code, 0, text.err);
      assert.match(text.out, /^ {2}interviews\/p01-amara\.md {2}\(no text: missing or unreadable\)\n {4}Lee +1 segments {2}\(0 approximate, 1 not placed\)$/m);
      assert.match(text.out, /^1 segment\(s\) are not placed: their transcript is missing or could not be read \(interviews\/p01-amara\.md; grounded validate says which and why\)\.$/m);
      assert.doesNotMatch(text.out, /Every segment is placed/);
    });

    it('counts them as orphans in the JSON', async () => {
      const json = JSON.parse((await stats(true)).out) as { transcripts: { transcript: string; exists: boolean }[] };
      assert.deepEqual(json.transcripts.find((t) => t.transcript === 'interviews/p01-amara.md'), {
        transcript: 'interviews/p01-amara.md',
        exists: false,
        coders: [{ coder: 'lee', name: 'Lee', segments: 1, exact: 0, moved: 0, fuzzy: 0, orphan: 1 }],
      });
      assert.equal(json.transcripts.find((t) => t.transcript === 'interviews/p01.md')?.exists, true);
    });
  });
});
