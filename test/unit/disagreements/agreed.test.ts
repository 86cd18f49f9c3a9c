import assert from 'node:assert/strict';
import { CONSENSUS_CODER, agreedPassages, computeDisagreements, planAgreed, planAgreedCopy } from '../../../src/core/disagreements';
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

  it('plans the copy transcript by transcript, with each passage\'s quote, comparing in each only the coders who coded it', () => {
    const text = 'The rent was high. I paid late.';
    const source = (path: string, segments: ReturnType<typeof at>[], exists = true) => ({ path, text, exists, segments, uncodedBy: [] });
    const copy = planAgreedCopy([
      source('a.md', [at('ana', 0, 18, ['rent']), at('ben', 0, 18, ['rent']), at('cy', 19, 31, ['late'])]),
      // Only ana and cy coded b.md: ben is absent there, and ana and cy agree.
      source('b.md', [at('ana', 19, 31, ['late']), at('cy', 19, 31, ['late'])]),
      // Gone from disk: nothing is written for it.
      source('gone.md', [at('ana', 0, 18, ['rent']), at('ben', 0, 18, ['rent'])], false),
    ], ['ana', 'ben', 'cy']);
    // a.md: ana and ben coded rent alike, but cy coded it too and not rent: no agreement of all three.
    assert.deepEqual(copy.transcripts.map((t) => [t.transcript, show(t.targets), t.targets.map((x) => x.quote.exact)]), [['b.md', ['late@19-31'], ['I paid late.']]]);
    assert.equal(copy.copied, 1);
    assert.equal(copy.already, 0);
  });
});
