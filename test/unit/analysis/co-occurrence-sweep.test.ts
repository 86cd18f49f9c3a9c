import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AnalysisContext, coOccurrence, type AnalysisProject } from '../../../src/core/analysis';
import { overlap, totalLength } from '../../../src/core/analysis/regions';

/** Co-occurrence as its definition reads: each pair of rows' normalised regions merged pairwise. */
function pairwise(context: AnalysisContext, codes: string[], subcodes: boolean): { counts: number[][]; jaccard: number[][] } {
  const regions = codes.map((code) => context.regionsOf(context.segmentsOf(context.lookup.withDescendants(code, subcodes))));
  const length = (r: (typeof regions)[number]): number => [...r.values()].reduce((n, set) => n + totalLength(set), 0);
  const counts = codes.map((_, a) => codes.map((__, b) => [...regions[a]].reduce((n, [path, set]) => n + overlap(set, regions[b].get(path) ?? []).count, 0)));
  const shared = codes.map((_, a) => codes.map((__, b) => [...regions[a]].reduce((n, [path, set]) => n + overlap(set, regions[b].get(path) ?? []).length, 0)));
  const jaccard = codes.map((_, a) =>
    codes.map((__, b) => {
      if (a === b) return length(regions[a]) === 0 ? 0 : 1;
      const either = length(regions[a]) + length(regions[b]) - shared[a][b];
      return either === 0 ? 0 : shared[a][b] / either;
    }),
  );
  return { counts, jaccard };
}

const CODES = [
  { id: 'a', name: 'A', parent: null },
  { id: 'a1', name: 'A1', parent: 'a' },
  { id: 'b', name: 'B', parent: null },
  { id: 'c', name: 'C', parent: null },
];

const segmentArb = fc.record({
  transcript: fc.constantFrom('t1.md', 't2.md'),
  start: fc.integer({ min: 0, max: 30 }),
  length: fc.integer({ min: -2, max: 12 }),
  codes: fc.uniqueArray(fc.constantFrom('a', 'a1', 'b', 'c'), { minLength: 1, maxLength: 2 }),
});

describe('co-occurrence by one sweep per transcript', () => {
  it('agrees with pairwise merging of each pair of rows, for touching, nested, empty and multi-code segments', () => {
    fc.assert(
      fc.property(fc.array(segmentArb, { maxLength: 25 }), fc.boolean(), (raw, subcodes) => {
        const project: AnalysisProject = {
          codes: CODES,
          transcripts: ['t1.md', 't2.md'].map((path) => ({ path, participant: path, attributes: {}, text: 'x'.repeat(50), turns: [] })),
          segments: raw.map((s, i) => ({ transcript: s.transcript, coder: 'dana', id: `s${i}`, codes: [...s.codes].sort(), start: s.start, end: s.start + s.length })),
        };
        const context = new AnalysisContext(project);
        const rows = ['a', 'b', 'c', 'a1', 'a'];
        const table = coOccurrence(context, { codes: rows, ownOnly: !subcodes });
        const expected = pairwise(context, rows, subcodes);
        assert.deepEqual(table.counts, expected.counts);
        assert.deepEqual(table.jaccard, expected.jaccard);
      }),
      { numRuns: 300 },
    );
  });

  it('counts two touching segments of one code as one stretch, and what they share with a third once', () => {
    const project: AnalysisProject = {
      codes: CODES,
      transcripts: [{ path: 't.md', participant: 'T', attributes: {}, text: 'x'.repeat(40), turns: [] }],
      segments: [
        { transcript: 't.md', coder: 'dana', id: 's1', codes: ['a'], start: 0, end: 10 },
        { transcript: 't.md', coder: 'sam', id: 's2', codes: ['a'], start: 10, end: 20 },
        { transcript: 't.md', coder: 'dana', id: 's3', codes: ['b'], start: 5, end: 15 },
        { transcript: 't.md', coder: 'dana', id: 's4', codes: ['b'], start: 25, end: 30 },
      ],
    };
    const table = coOccurrence(new AnalysisContext(project), { codes: ['a', 'b'] });
    assert.deepEqual(table.counts, [[1, 1], [1, 2]]);
    // Shared 5..15 = 10; either = 20 + 15 − 10 = 25.
    assert.equal(table.jaccard[0][1], 10 / 25);
  });
});
