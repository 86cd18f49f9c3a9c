import assert from 'node:assert/strict';
import { diffSnapshots, renderMarkdown, type CodingDiff } from '../../../src/core/coding-review';
import { loadSnapshot } from '../../../src/core/project-index';
import { codeFilePath, codingFilePath } from '../../../src/core/storage/format';
import { DANA, P01, SAM, TRUST, WORK, baseSpec, code, conflicted, files, seg, type ProjectSpec } from './projects';

const P01_DANA = codingFilePath('interviews/p01.md', DANA.id);
const TRUST_FILE = codeFilePath(TRUST);

/**
 * The diff from base to head, where `broken` names files of one side to replace by a conflicted
 * merge of that side's version and another branch's (`other`), or by the text given.
 */
async function diffWith(side: 'base' | 'head', broken: Record<string, string | ((s: ProjectSpec) => void)>, edit: (s: ProjectSpec) => void = () => {}): Promise<CodingDiff> {
  const [baseSpecNow, headSpec] = [baseSpec(), baseSpec()];
  edit(headSpec);
  const fs = { base: files(baseSpecNow), head: files(headSpec) };
  for (const [path, breaking] of Object.entries(broken)) {
    const ours = fs[side].files.get(path)!;
    if (typeof breaking === 'string') fs[side].files.set(path, breaking);
    else {
      const other = baseSpec();
      if (side === 'head') edit(other);
      breaking(other);
      fs[side].files.set(path, conflicted(ours, files(other).files.get(path)!, 'other'));
    }
  }
  return diffSnapshots(await loadSnapshot(fs.base), await loadSnapshot(fs.head));
}

/** Dana's first segment recoded on the other branch: her file of p01 is the only one in conflict. */
const danaOther = (s: ProjectSpec): void => {
  s.coding['interviews/p01.md'][DANA.id][0] = seg(P01, 's-00000000000a', 'A friend from church', [WORK]);
};
const trustOther = (s: ProjectSpec): void => {
  s.codes[0] = code(TRUST, 'Trust, earned');
};
const brief = (d: CodingDiff): string[] => d.transcripts.flatMap((t) => t.changes.map((c) => `${t.path} ${c.kinds.join('+')} ${c.coder} ${c.segment}`));

describe('coding diff: files one side cannot read', () => {
  it('leaves a coding file conflicted in head out on both sides, lists it, and still diffs the other files', async () => {
    const d = await diffWith('head', { [P01_DANA]: danaOther }, (s) => {
      s.coding['interviews/p01.md'][SAM.id].push(seg(P01, 's-000000000010', 'we cook together', [WORK]));
      s.coding['interviews/p02.md'][SAM.id] = [];
    });
    assert.deepEqual(brief(d), ['interviews/p01.md added sam-okafor s-000000000010', 'interviews/p02.md removed sam-okafor s-00000000000e']);
    assert.deepEqual(
      d.summary.map((r) => `${r.coder} ${r.codeName} +${r.added} -${r.removed}`),
      ['sam-okafor Work +1 -1'],
      'none of Dana’s segments counted as removed',
    );
    assert.equal(d.problems.length, 1);
    const [problem] = d.problems;
    assert.deepEqual([problem.side, problem.path, problem.line, problem.kind], ['head', P01_DANA, 2, 'merge-conflict']);
    assert.match(problem.message, /unresolved git merge conflict between "HEAD" and "other"/);
  });

  it('does not list the segments of a coding file conflicted in base as added', async () => {
    const d = await diffWith('base', { [P01_DANA]: danaOther });
    assert.deepEqual(brief(d), []);
    assert.deepEqual(d.summary, []);
    assert.deepEqual(d.problems.map((p) => [p.side, p.path, p.kind]), [['base', P01_DANA, 'merge-conflict']]);
  });

  it('does not call a code deleted when its file is conflicted in head, and keeps its name for the segments', async () => {
    const d = await diffWith('head', { [TRUST_FILE]: trustOther }, (s) => {
      s.codes[1] = code(WORK, 'Paid work', { color: '#ff7f0e' });
      s.coding['interviews/p01.md'][SAM.id].push(seg(P01, 's-000000000010', 'we cook together', [TRUST]));
    });
    assert.deepEqual(d.codebook, [{ kind: 'renamed', code: WORK, from: 'Work', to: 'Paid work', segments: 2 }]);
    assert.deepEqual(brief(d), ['interviews/p01.md added sam-okafor s-000000000010']);
    assert.equal(d.codeNames[TRUST], 'Trust', 'named from the side that could read it');
    assert.deepEqual(d.problems.map((p) => [p.side, p.path, p.kind]), [['head', TRUST_FILE, 'merge-conflict']]);
  });

  it('does not call a code added when its file is conflicted in base', async () => {
    const d = await diffWith('base', { [TRUST_FILE]: trustOther });
    assert.deepEqual(d.codebook, []);
    assert.deepEqual(d.problems.map((p) => [p.side, p.path, p.kind]), [['base', TRUST_FILE, 'merge-conflict']]);
  });

  it('treats malformed JSON and invalid records the same way, each file named with its line', async () => {
    const header = files(baseSpec()).files.get(P01_DANA)!.split('\n')[0];
    const d = await diffWith('head', {
      [P01_DANA]: `${header}\n{"id": "s-00000000000a", "codes": [\n`,
      [codingFilePath('interviews/p02.md', SAM.id)]: `${header.replace(DANA.id, SAM.id).replace(DANA.name, SAM.name)}\n{"id":"s-00000000000e","codes":["${WORK}"],"start":20,"end":5,"exact":"x","prefix":"","suffix":""}\n`,
    });
    assert.deepEqual(brief(d), []);
    const where = [...new Set(d.problems.map((p) => `${p.side} ${p.path}:${p.line} ${p.kind}`))];
    assert.deepEqual(where, [`head ${P01_DANA}:2 invalid`, `head ${codingFilePath('interviews/p02.md', SAM.id)}:2 invalid`]);
    assert.ok(d.problems.some((p) => p.message.includes('"end" (5) is before "start" (20)')), JSON.stringify(d.problems));
  });

  it('lists the unreadable files first in Markdown, escaped, and only the kind of problem in privacy mode', async () => {
    const d = await diffWith('head', { [P01_DANA]: danaOther }, (s) => {
      s.coding['interviews/p02.md'][SAM.id] = [];
    });
    d.problems[0].message = d.problems[0].message.replace('"other"', '"@octocat <b>"');
    const md = renderMarkdown(d, { quotes: true, base: 'main', head: 'HEAD' });
    const lines = md.split('\n');
    assert.equal(lines[2], '**Unreadable files (1):** their records are left out of this comparison on both sides, not shown as added or removed. Fix them and compare again.');
    assert.ok(lines[4].startsWith(`- head · .grounded/coding/interviews/p01.md/dana-reyes.jsonl line 2: unresolved git merge conflict between "HEAD" and "@\u2060octocat &lt;b&gt;"`), lines[4]);
    assert.ok(md.indexOf('Unreadable files') < md.indexOf('| Coder | Code |'), md);
    assert.ok(!md.includes('removed · dana-reyes'), md);
    const quiet = renderMarkdown(d, { quotes: false });
    assert.match(quiet, /^- head · \.grounded\/coding\/interviews\/p01\.md\/dana-reyes\.jsonl line 2: unresolved git merge conflict$/m);
    assert.ok(!quiet.includes('octocat'), quiet);
  });

  it('says nothing else changed in the files it could read', async () => {
    const d = await diffWith('head', { [P01_DANA]: danaOther });
    assert.match(renderMarkdown(d, { quotes: true }), /No changes to coding, codes, memos or attributes in the files that could be read\./);
  });
});
