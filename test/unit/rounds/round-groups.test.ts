import assert from 'node:assert/strict';
import { Codebook } from '../../../src/core/codebook';
import type { Code } from '../../../src/core/model';
import { DEFAULT_ROUNDS } from '../../../src/core/rounds';
import { keptByRound, parentInView, roundGroups, rootsOfRound, subcodesInView } from '../../../src/core/views/round-groups';

const code = (id: string, name: string, parent: string | null, round?: string): Code => ({ id, name, parent, color: '#4e79a7', description: '', ...(round ? { round } : {}) });

describe('the Codebook grouped by round', () => {
  // An initial code with an initial and a focused sub-code; a code from before rounds; one from a removed round.
  const codebook = new Codebook([
    code('c-1', 'Voice', null, 'initial'),
    code('c-2', 'talked over', 'c-1', 'initial'),
    code('c-3', 'Silencing', 'c-1', 'focused'),
    code('c-4', 'Old code', null),
    code('c-5', 'Axial thing', null, 'axial'),
  ]);

  it('lists declared rounds in order, then recorded ones not declared, then codes with none', () => {
    assert.deepEqual(roundGroups(codebook, DEFAULT_ROUNDS), ['initial', 'focused', 'theoretical', 'axial', null]);
  });

  it('shows each code once: under its parent in the same round, else at the top of its own round', () => {
    assert.deepEqual(rootsOfRound(codebook, 'initial').map((c) => c.id), ['c-1']);
    assert.deepEqual(rootsOfRound(codebook, 'focused').map((c) => c.id), ['c-3']);
    assert.deepEqual(rootsOfRound(codebook, null).map((c) => c.id), ['c-4']);
    assert.deepEqual(subcodesInView(codebook, 'c-1', { group: true }).map((c) => c.id), ['c-2']);
    assert.deepEqual(subcodesInView(codebook, 'c-1', { group: false }).map((c) => c.id), ['c-3', 'c-2']);
    assert.deepEqual(parentInView(codebook, codebook.get('c-3')!, { group: true }), { round: 'focused' });
    assert.deepEqual(parentInView(codebook, codebook.get('c-2')!, { group: true }), { code: 'c-1' });
    assert.deepEqual(parentInView(codebook, codebook.get('c-3')!, { group: false }), { code: 'c-1' });
    assert.equal(parentInView(codebook, codebook.get('c-1')!, { group: false }), undefined);
  });

  it('filters to one round, keeping the codes above a match for context', () => {
    assert.equal(keptByRound(codebook, 'c-1', { group: false, only: 'focused' }), true, 'it holds a focused code');
    assert.equal(keptByRound(codebook, 'c-2', { group: false, only: 'focused' }), false);
    assert.equal(keptByRound(codebook, 'c-4', { group: false, only: null }), true);
    assert.equal(keptByRound(codebook, 'c-4', { group: false }), true);
  });
});
