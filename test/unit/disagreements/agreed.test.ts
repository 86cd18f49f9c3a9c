import assert from 'node:assert/strict';
import { CONSENSUS_CODER, agreedPassages, computeDisagreements, planAgreed } from '../../../src/core/disagreements';
import { at, show } from './placed-at';

describe('agreed coding, for the consensus coder', () => {
  // ana: trust [0,10), fear [0,10), work [20,30) and [30,35) (touching), pay [50,60).
  // ben: trust [0,10), fear [2,10), work [20,35), pay nowhere. cy (not compared): trust [40,45).
  const placed = [
    at('ana', 0, 10, ['fear', 'trust']), at('ana', 20, 30, ['work']), at('ana', 30, 35, ['work']), at('ana', 50, 60, ['pay']),
    at('ben', 0, 10, ['trust']), at('ben', 2, 10, ['fear']), at('ben', 20, 35, ['work']),
    at('cy', 40, 45, ['trust']),
  ];

  it('is each code over the text every compared coder gave it alike, and nothing computeDisagreements lists', () => {
    // trust [0,10): alike. fear: [0,10) against [2,10), a boundaries disagreement. work: ana's two
    // touching segments cover [20,35) as ben's one does: alike. pay: ana only. cy is not compared.
    assert.deepEqual(show(agreedPassages(placed, ['ana', 'ben'])), ['trust@0-10', 'work@20-35']);
    const disagreed = computeDisagreements('t.md', placed, ['ana', 'ben']).map((d) => `${d.kind}:${d.codes.join('+')}`);
    assert.deepEqual(disagreed, ['boundaries:fear', 'only:pay']);
  });

  it('carries codes that agree over the same text together, as one segment', () => {
    const both = [at('ana', 0, 10, ['fear', 'trust']), at('ben', 0, 10, ['trust']), at('ben', 0, 10, ['fear'])];
    assert.deepEqual(show(agreedPassages(both, ['ana', 'ben'])), ['fear+trust@0-10']);
  });

  it('needs every compared coder: with three, two alike and one absent is no agreement', () => {
    const three = [at('ana', 0, 10, ['trust']), at('ben', 0, 10, ['trust']), at('cy', 20, 30, ['trust'])];
    assert.deepEqual(show(agreedPassages(three, ['ana', 'ben', 'cy'])), []);
    assert.deepEqual(show(agreedPassages(three, ['ana'])), [], 'one coder agrees with nobody');
  });

  it('gives the consensus coder only what it lacks: a code it has over any of the text was decided', () => {
    const consensus = [at(CONSENSUS_CODER.id, 0, 4, ['trust']), at(CONSENSUS_CODER.id, 20, 35, ['other'])];
    const plan = planAgreed([...placed, ...consensus], ['ana', 'ben', CONSENSUS_CODER.id]);
    assert.deepEqual(show(plan.targets), ['work@20-35'], 'another code on the same text is not the agreed one');
    assert.equal(plan.already, 1);
    const again = planAgreed([...placed, ...consensus, at(CONSENSUS_CODER.id, 20, 35, ['work'])], ['ana', 'ben']);
    assert.deepEqual(again, { targets: [], already: 2 }, 'a second copy adds nothing');
  });
});
