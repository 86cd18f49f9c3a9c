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

describe('a disagreement row where a compared coder never coded the transcript', () => {
  it('offers a version of each coder who coded it, and none of the absent coder', async () => {
    const { disagreementRow } = await import('../../../src/core/disagreements');
    const placed = [at('ana', 0, 10, ['trust']), at('ben', 0, 4, ['trust'])];
    const [d] = listed(placed, ['ana', 'cy', 'ben']);
    const row = disagreementRow(d, 'I trusted them then.', { code: (id) => id, coder: (id) => id.toUpperCase() }, ['ana', 'cy', 'ben']);
    assert.deepEqual(
      row.versions.map((v) => [v.id, v.coder]),
      [
        ['ana', 'ANA'],
        ['ben', 'BEN'],
      ],
    );
  });
});

describe('a disagreement row quoting emoji', () => {
  it('never cuts an emoji in half where it shortens a quote', async () => {
    const { disagreementRow } = await import('../../../src/core/disagreements');
    // 78 letters, then an emoji (two UTF-16 code units at 78 and 79), then more: the quote is cut
    // to 79 code units plus "…", which would keep the emoji's first half alone.
    const text = `${'a'.repeat(78)}😀${'b'.repeat(20)}`;
    const [d] = computeDisagreements('t.md', [at('ana', 0, text.length, ['trust']), at('ben', 0, 1, ['fear'])], ['ana', 'ben']);
    const names = { code: (id: string) => id, coder: (id: string) => id };
    const row = disagreementRow(d, text, names, ['ana', 'ben']);
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    assert.ok(!lone.test(row.description), row.description);
    assert.ok(row.versions.every((v) => !lone.test(v.text)), JSON.stringify(row.versions));
    assert.ok(row.description.endsWith('…”'));
  });
});
