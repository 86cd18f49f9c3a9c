/**
 * A compared coder who has no coding of a transcript did not code it (as in the agreement figures:
 * missing, not "not coded"). Listing every passage of the others there as "only …" would invite
 * reconciling to accept the absent coder's "version" and leave the passage uncoded.
 */
import assert from 'node:assert/strict';
import { codersOfTranscript, computeDisagreements, type Disagreement } from '../../../src/core/disagreements';
import type { PlacedSegment } from '../../../src/core/placement';

let serial = 0;
function at(coder: string, start: number, end: number, codes: string[], placed = true): PlacedSegment {
  serial++;
  const segment = { id: `s-${coder}-${serial}`, codes, quote: { exact: '', prefix: '', suffix: '' }, position: { start, end } };
  return placed ? { coder: { id: coder, name: coder }, segment, status: 'exact', range: { start, end } } : { coder: { id: coder, name: coder }, segment, status: 'orphan', range: undefined };
}

/** What the Disagreements view lists for one transcript: the compared coders who coded it, compared. */
const listed = (placed: PlacedSegment[], coders: string[], readers: string[] = []): Disagreement[] => computeDisagreements('t.md', placed, codersOfTranscript(placed, coders, readers));

const brief = (d: Disagreement): string => `${d.kind} ${d.codes.join('+')} ${d.range.start}-${d.range.end} without[${d.without.join(',')}]`;

describe('disagreements where a compared coder never coded the transcript', () => {
  it('finds none when only one of two compared coders coded it', () => {
    assert.deepEqual(listed([at('ana', 0, 10, ['trust']), at('ana', 20, 30, ['fear'])], ['ana', 'ben']), []);
  });

  it('with three coders, compares the two who coded it: agreement is not "only ana, ben"', () => {
    // ana and ben both coded trust [0,10); cy has no coding of this transcript at all.
    // work: ana [20,30), ben [22,30) → different boundaries between the two who coded it.
    const placed = [at('ana', 0, 10, ['trust']), at('ben', 0, 10, ['trust']), at('ana', 20, 30, ['work']), at('ben', 22, 30, ['work'])];
    assert.deepEqual(listed(placed, ['ana', 'ben', 'cy']).map(brief), ['boundaries work 20-30 without[]']);
  });

  it('still counts a coder whose segments here could not be placed as having coded it', () => {
    // ben coded this transcript, but his segment is lost after an edit: ana's trust is hers only.
    const placed = [at('ana', 0, 10, ['trust']), at('ben', 0, 10, ['trust'], false)];
    assert.deepEqual(listed(placed, ['ana', 'ben']).map(brief), ['only trust 0-10 without[ben]']);
  });

  it('counts the consensus coder who only left passages uncoded here as having read it', () => {
    const placed = [at('ana', 0, 10, ['trust'])];
    assert.deepEqual(listed(placed, ['ana', 'consensus']), []);
    assert.deepEqual(listed(placed, ['ana', 'consensus'], ['consensus']).map(brief), ['only trust 0-10 without[consensus]']);
  });
});
