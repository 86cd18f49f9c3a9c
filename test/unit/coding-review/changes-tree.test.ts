import assert from 'node:assert/strict';
import { baseCandidates, codingChanges, diffSnapshots, pullRequestBase, type RefSummary } from '../../../src/core/coding-review';
import { DANA, P01, SAM, WORK, baseSpec, seg, snapshot } from './projects';

describe('coding changes by transcript and code', () => {
  it('counts codes applied and taken away per transcript and code, with removed segments placed on the current text', async () => {
    const head = baseSpec();
    const edited = P01.replace('How did you find help?', 'How did you first find help?');
    head.texts['interviews/p01.md'] = edited;
    const dana = head.coding['interviews/p01.md'][DANA.id];
    dana.splice(0, 1); // removed: "A friend from church" (Trust)
    dana[0] = seg(edited, 's-00000000000b', 'I did not trust anyone then', [WORK]); // recoded Trust → Work
    head.coding['interviews/p01.md'][SAM.id] = [seg(edited, 's-00000000000d', 'did not trust anyone then')]; // re-bounded
    const [base, now] = [await snapshot(baseSpec()), await snapshot(head)];
    const changes = codingChanges(diffSnapshots(base, now), base, now);
    assert.equal(changes.length, 1);
    const [p01] = changes;
    assert.deepEqual([p01.path, p01.added, p01.removed, p01.rebounded], ['interviews/p01.md', 1, 2, 1]);
    assert.deepEqual(
      p01.codes.map((c) => [c.name, c.added, c.removed, c.rebounded, c.rows.map((r) => `${r.sign} ${r.coder} ${r.range ? edited.slice(r.range.start, r.range.end) : 'unplaced'}`)]),
      [
        ['Trust', 0, 2, 1, ['- dana-reyes A friend from church', '- dana-reyes I did not trust anyone then', '~ sam-okafor did not trust anyone then']],
        ['Work', 1, 0, 0, ['+ dana-reyes I did not trust anyone then']],
      ],
    );
  });

  it('leaves a removed segment unplaced when its words are gone from the current text', async () => {
    const head = baseSpec();
    const edited = P01.replace('A friend from church', 'Someone');
    head.texts['interviews/p01.md'] = edited;
    head.coding['interviews/p01.md'][DANA.id].splice(0, 1);
    const [base, now] = [await snapshot(baseSpec()), await snapshot(head)];
    const row = codingChanges(diffSnapshots(base, now), base, now)[0].codes[0].rows[0];
    assert.deepEqual([row.sign, row.quote, row.range], ['-', 'A friend from church', null]);
  });
});

describe('coding changes of a moved transcript', () => {
  it('places a segment removed on the way on the text at its new path', async () => {
    const head = baseSpec();
    head.texts['wave-1/p01.md'] = head.texts['interviews/p01.md'];
    head.coding['wave-1/p01.md'] = head.coding['interviews/p01.md'];
    delete head.texts['interviews/p01.md'];
    delete head.coding['interviews/p01.md'];
    head.coding['wave-1/p01.md'][DANA.id].splice(0, 1); // removed: "A friend from church"
    const [base, now] = [await snapshot(baseSpec()), await snapshot(head)];
    const [moved] = codingChanges(diffSnapshots(base, now), base, now);
    assert.equal(moved.path, 'wave-1/p01.md');
    const row = moved.codes[0].rows[0];
    assert.equal(row.sign, '-');
    assert.equal(row.range && P01.slice(row.range.start, row.range.end), 'A friend from church');
  });
});

describe('which revision to compare with', () => {
  const refs: RefSummary[] = [
    { name: 'main', kind: 'branch' },
    { name: 'pr/ana/12', kind: 'branch' },
    { name: 'origin/HEAD', kind: 'remote' },
    { name: 'origin/main', kind: 'remote' },
    { name: 'origin/develop', kind: 'remote' },
    { name: 'v1', kind: 'tag' },
  ];

  it('takes a pull request\'s base from what the GitHub Pull Requests extension recorded, as a merge base', () => {
    assert.deepEqual(pullRequestBase({ githubPrBase: 'ana#study#develop' }, refs), { ref: 'origin/develop', mergeBase: true, reason: 'pull request base (develop), from where this branch left it' });
    assert.equal(pullRequestBase({ githubPrBase: '"ana#study#develop"', vscodeMergeBase: 'origin/main' }, refs)?.ref, 'origin/main', 'the merge base VS Code recorded comes first');
    assert.equal(pullRequestBase({ vscodeMergeBase: 'origin/main' }, refs)?.ref, 'origin/main');
    assert.equal(pullRequestBase({ githubPrBase: 'ana#study#gone' }, refs), undefined, 'a base branch not fetched is not offered');
    assert.equal(pullRequestBase({}, refs), undefined);
  });

  it('offers the pull request base, then the default branch\'s merge base, then every other ref', () => {
    const offered = baseCandidates('pr/ana/12', pullRequestBase({ githubPrBase: 'ana#study#develop' }, refs), refs);
    assert.deepEqual(
      offered.map((c) => `${c.ref}${c.mergeBase ? ' (merge base)' : ''}`),
      ['origin/develop (merge base)', 'origin/HEAD (merge base)', 'main', 'origin/main', 'origin/develop', 'v1'],
    );
  });
});
