import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AnalysisContext, crosstab, type AnalysisProject } from '../../../src/core/analysis';
import { segmentPredicate, type SegmentFilter } from '../../../src/core/analysis/filters';

const CODES = [
  { id: 'a', name: 'A', parent: null },
  { id: 'a1', name: 'A1', parent: 'a' },
  { id: 'a2', name: 'A2', parent: 'a' },
  { id: 'b', name: 'B', parent: null },
];

/**
 * The crosstab's counts as their definition reads: per row, the distinct segments of its codes
 * the filter keeps, counted in their transcript's group, and the distinct participants holding them.
 */
function byDefinition(context: AnalysisContext, rows: string[], subcodes: boolean, attribute: string, filter: SegmentFilter): { value: string; segments: number; participants: number }[][] {
  const keep = segmentPredicate(context, filter);
  const groupOf = (path: string): string => {
    const v = context.transcripts.get(path)!.attributes[attribute];
    return v === undefined || v === null || v === '' ? '(not recorded)' : String(v);
  };
  return rows.map((code) => {
    const ids = new Set(context.lookup.withDescendants(code, subcodes));
    const segments = context.project.segments.filter((s) => context.transcripts.has(s.transcript) && s.codes.some((c) => ids.has(c)) && keep(s));
    const groups = [...new Set([...context.transcripts.keys()].map(groupOf))];
    return groups
      .map((value) => {
        const inGroup = segments.filter((s) => groupOf(s.transcript) === value);
        return { value, segments: new Set(inGroup).size, participants: new Set(inGroup.map((s) => context.transcripts.get(s.transcript)!.participant)).size };
      })
      .sort((x, y) => x.value.localeCompare(y.value));
  });
}

const segmentArb = fc.record({
  transcript: fc.constantFrom('t1.md', 't2.md', 't3.md', 't4.md', 'gone.md'),
  coder: fc.constantFrom('dana', 'sam'),
  start: fc.integer({ min: 0, max: 30 }),
  codes: fc.uniqueArray(fc.constantFrom('a', 'a1', 'a2', 'b', 'unknown'), { minLength: 1, maxLength: 3 }),
});

describe('crosstab counts in one pass', () => {
  it('agree with counting each row’s segments and participants by definition', () => {
    fc.assert(
      fc.property(
        fc.array(segmentArb, { maxLength: 30 }),
        // Which participant each transcript belongs to: one participant may have several, in different groups.
        fc.array(fc.constantFrom('P1', 'P2', 'P3'), { minLength: 4, maxLength: 4 }),
        fc.array(fc.constantFrom('north', 'south', ''), { minLength: 4, maxLength: 4 }),
        fc.boolean(),
        fc.constantFrom<SegmentFilter>({}, { coders: ['sam'] }, { transcripts: ['t1.md', 't3.md'] }),
        (raw, participants, sectors, subcodes, filter) => {
          const project: AnalysisProject = {
            codes: CODES,
            // Both coders have coding files, whether or not a segment of theirs was drawn.
            coders: [{ id: 'dana', name: 'Dana' }, { id: 'sam', name: 'Sam' }],
            transcripts: ['t1.md', 't2.md', 't3.md', 't4.md'].map((path, i) => ({ path, participant: participants[i], attributes: { sector: sectors[i] }, text: 'x'.repeat(50), turns: [] })),
            segments: raw.map((s, i) => ({ transcript: s.transcript, coder: s.coder, id: `s${i}`, codes: [...s.codes].sort(), start: s.start, end: s.start + 5 })),
          };
          const context = new AnalysisContext(project);
          const rows = ['a', 'b', 'a1', 'a'];
          const table = crosstab(context, 'sector', { codes: rows, ownOnly: !subcodes, filter });
          const expected = byDefinition(context, rows, subcodes, 'sector', filter);
          const actual = table.rows.map((row) =>
            table.columns.map((column, c) => ({ value: column.value, segments: row.segments[c], participants: row.participants[c] })).sort((x, y) => x.value.localeCompare(y.value)),
          );
          assert.deepEqual(actual, expected);
          // Column totals: distinct segments the filter keeps in the group's transcripts, whatever their codes;
          // participants with a transcript in the group that the filter's transcript conditions keep.
          const keep = segmentPredicate(context, filter);
          const sector = (path: string) => project.transcripts.find((t) => t.path === path)!.attributes.sector || '(not recorded)';
          const kept = project.transcripts.filter((t) => !filter.transcripts || filter.transcripts.includes(t.path));
          assert.deepEqual(
            table.columns.map((column) => ({ value: column.value, segments: column.segments, participants: column.participants })),
            table.columns.map(({ value }) => ({
              value,
              segments: project.segments.filter((s) => s.transcript !== 'gone.md' && sector(s.transcript) === value && keep(s)).length,
              participants: new Set(kept.filter((t) => sector(t.path) === value).map((t) => t.participant)).size,
            })),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
