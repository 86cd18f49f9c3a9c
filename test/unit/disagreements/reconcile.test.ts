import assert from 'node:assert/strict';
import { CONSENSUS_CODER, atCursor, computeDisagreements, neighbour, openDisagreements, planReconcile } from '../../../src/core/disagreements';
import { at, show } from './placed-at';

describe('reconcile planning', () => {
  // trust: ana [0,10) and [14,20); ben [4,16). One boundaries disagreement over 0–20.
  const boundaries = computeDisagreements('t.md', [at('ana', 0, 10, ['trust']), at('ana', 14, 20, ['trust']), at('ben', 4, 16, ['trust'])], ['ana', 'ben'])[0];

  it('takes one coder\'s version as it is', () => {
    assert.deepEqual(show(planReconcile(boundaries, { kind: 'coder', coder: 'ana' })), ['trust@0-10', 'trust@14-20']);
    assert.deepEqual(show(planReconcile(boundaries, { kind: 'coder', coder: 'ben' })), ['trust@4-16']);
  });

  it('unites boundaries: every character either coder coded', () => {
    // [0,10) ∪ [14,20) ∪ [4,16) = [0,20)
    assert.deepEqual(show(planReconcile(boundaries, { kind: 'union' })), ['trust@0-20']);
  });

  it('intersects boundaries: only the characters both coded', () => {
    // ([0,10) ∪ [14,20)) ∩ [4,16) = [4,10) and [14,16)
    assert.deepEqual(show(planReconcile(boundaries, { kind: 'intersection' })), ['trust@4-10', 'trust@14-16']);
  });

  it('keeps both codes of a different-codes disagreement, on one segment where their ranges are the same', () => {
    // ana trust [0,20); ben fear [0,20) and cy trust [5,20). Union: trust [0,20), fear [0,20) → one segment with both.
    const d = computeDisagreements('t.md', [at('ana', 0, 20, ['trust']), at('ben', 0, 20, ['fear']), at('cy', 5, 20, ['trust'])], ['ana', 'ben', 'cy'])[0];
    assert.equal(d.kind, 'codes');
    assert.deepEqual(show(planReconcile(d, { kind: 'union' })), ['fear+trust@0-20']);
    // Intersection per code among the coders who applied it: trust ana∩cy = [5,20); fear ben = [0,20).
    assert.deepEqual(show(planReconcile(d, { kind: 'intersection' })), ['fear@0-20', 'trust@5-20']);
  });

  it('gives nothing for the version of a coder who left the passage uncoded', () => {
    const d = computeDisagreements('t.md', [at('ana', 0, 10, ['trust'])], ['ana', 'ben'])[0];
    assert.deepEqual(planReconcile(d, { kind: 'coder', coder: 'ben' }), []);
    assert.deepEqual(planReconcile(d, { kind: 'intersection' }), [{ range: { start: 0, end: 10 }, codes: ['trust'] }], 'the only coder who applied it agrees with themself');
  });

  it('closes a disagreement once the consensus coder has one of its codes over its text, or left it uncoded', () => {
    const all = computeDisagreements('t.md', [at('ana', 0, 10, ['trust']), at('ben', 30, 40, ['work'])], ['ana', 'ben']);
    assert.equal(all.length, 2);
    const consensus = [at(CONSENSUS_CODER.id, 2, 8, ['trust']), at(CONSENSUS_CODER.id, 30, 40, ['other'])];
    assert.deepEqual(openDisagreements(all, consensus).map((d) => d.codes[0]), ['work'], 'another code on the same text settles nothing');
    assert.deepEqual(openDisagreements(all, consensus, [{ range: { start: 30, end: 40 }, codes: ['work'] }]), []);
    assert.deepEqual(openDisagreements(all, [at('ana', 30, 40, ['work'])]).length, 2, 'only the consensus coder settles');
  });

  it('counts a passage left uncoded as decided only for the codes decided against, over its own text', () => {
    const all = computeDisagreements('t.md', [at('ana', 0, 10, ['trust']), at('ben', 30, 40, ['work'])], ['ana', 'ben']);
    assert.deepEqual(openDisagreements(all, [], [{ range: { start: 30, end: 40 }, codes: ['trust'] }]).length, 2, 'another code left out settles nothing');
    assert.deepEqual(openDisagreements(all, [], [{ range: { start: 10, end: 30 }, codes: ['trust', 'work'] }]).length, 2, 'touching is not overlapping');
    assert.deepEqual(openDisagreements(all, [], [{ range: { start: 9, end: 12 }, codes: ['trust'] }]).map((d) => d.codes[0]), ['work']);
  });
});

describe('moving between disagreements', () => {
  const all = [
    ...computeDisagreements('a.md', [at('ana', 10, 20, ['x']), at('ana', 40, 50, ['y'])], ['ana', 'ben']),
    ...computeDisagreements('b.md', [at('ben', 5, 8, ['x'])], ['ana', 'ben']),
  ];
  const where = (d: { transcript: string; range: { start: number } }): string => `${d.transcript}@${d.range.start}`;

  it('goes to the next one after the cursor, on to the next transcript, and wraps around', () => {
    assert.equal(where(neighbour(all, { transcript: 'a.md', offset: 0 }, 1)), 'a.md@10');
    assert.equal(where(neighbour(all, { transcript: 'a.md', offset: 10 }, 1)), 'a.md@40', 'from a revealed (selected) disagreement, on to the next');
    assert.equal(where(neighbour(all, { transcript: 'a.md', offset: 45 }, 1)), 'b.md@5');
    assert.equal(where(neighbour(all, { transcript: 'b.md', offset: 6 }, 1)), 'a.md@10');
    assert.equal(where(neighbour(all, undefined, 1)), 'a.md@10');
  });

  it('goes back to the one before the selection start, not to the one selected', () => {
    assert.equal(where(neighbour(all, { transcript: 'a.md', offset: 40 }, -1)), 'a.md@10');
    assert.equal(where(neighbour(all, { transcript: 'b.md', offset: 5 }, -1)), 'a.md@40');
    assert.equal(where(neighbour(all, { transcript: 'a.md', offset: 10 }, -1)), 'b.md@5', 'wraps to the last');
  });

  it('finds the disagreement the cursor is in', () => {
    assert.equal(atCursor(all, { transcript: 'a.md', offset: 15 })?.range.start, 10);
    assert.equal(atCursor(all, { transcript: 'a.md', offset: 30 }), undefined);
  });
});
