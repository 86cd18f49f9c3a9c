/**
 * A crosstab counted by hand: participants (not transcripts) per group, each figure over its own
 * denominator, and the tests on participants — including one interviewed twice.
 */
import assert from 'node:assert/strict';
import { AnalysisContext, crosstab, retrieveSegments, type AnalysisProject } from '../../../src/core/analysis';

const TEXT = 'One two three.';

/** transcript path → [participant, sector or undefined, codes of each segment in it]. */
type Spec = Record<string, [string, string | undefined, string[]]>;

function project(spec: Spec): AnalysisProject {
  const result: AnalysisProject = { codes: [{ id: 'pay', name: 'Pay', parent: null }, { id: 'fam', name: 'Family', parent: null }], transcripts: [], segments: [] };
  let n = 0;
  for (const [path, [participant, sector, codes]] of Object.entries(spec)) {
    result.transcripts.push({ path, participant, attributes: sector === undefined ? {} : { sector }, text: TEXT, turns: [] });
    for (const code of codes) result.segments.push({ id: `s${++n}`, transcript: path, coder: 'dana', codes: [code], start: 0, end: 3 });
  }
  return result;
}

// Ana was interviewed twice (a1, a2), both in housing; Fay records no sector.
const STUDY: Spec = {
  'a1.md': ['Ana', 'housing', ['pay', 'fam']],
  'a2.md': ['Ana', 'housing', ['pay']],
  'b.md': ['Ben', 'housing', ['fam']],
  'c.md': ['Cy', 'advocacy', ['pay']],
  'd.md': ['Di', 'advocacy', ['pay']],
  'e.md': ['Ed', 'advocacy', ['pay', 'fam']],
  'f.md': ['Fay', undefined, ['pay']],
  'g.md': ['Gus', 'advocacy', ['fam']],
  'h.md': ['Hal', 'housing', []],
  'i.md': ['Ivy', 'housing', []],
};

describe('a crosstab counted by hand', () => {
  it('counts participants once per group, and each percentage over its own denominator', () => {
    const table = crosstab(new AnalysisContext(project(STUDY)), 'sector', { codes: ['Pay'] });
    // advocacy: Cy, Di, Ed, Gus = 4; housing: Ana (two transcripts, one participant), Ben, Hal, Ivy = 4; not recorded: Fay.
    // Segments per column, whatever their code: advocacy 1+1+2+1 = 5, housing 3+1 = 4, not recorded 1.
    assert.deepEqual(table.columns, [
      { value: 'advocacy', participants: 4, segments: 5 },
      { value: 'housing', participants: 4, segments: 4 },
      { value: '(not recorded)', participants: 1, segments: 1 },
    ]);
    const [pay] = table.rows;
    // Pay segments: advocacy 3, housing 2 (both Ana's), not recorded 1; row total 6.
    assert.deepEqual(pay.segments, [3, 2, 1]);
    assert.deepEqual(pay.segmentsRowPercent.map((p) => p.toFixed(2)), ['50.00', '33.33', '16.67']); // 3/6, 2/6, 1/6
    assert.deepEqual(pay.segmentsColumnPercent, [60, 50, 100]); // 3/5, 2/4, 1/1
    // Participants with Pay: Cy, Di, Ed of 4; Ana (once) of 4; Fay of 1.
    assert.deepEqual(pay.participants, [3, 1, 1]);
    assert.deepEqual(pay.participantsColumnPercent, [75, 25, 100]);
    // Test table, not-recorded left out: with [3, 1], without [1, 3], n = 8. Every expected count is
    // 4 × 4 / 8 = 2 < 5, so no χ². Fisher: P(k with Pay in advocacy) = C(4,k)·C(4,4−k)/C(8,4) =
    // 1, 16, 36, 16, 1 (/70) for k = 0…4; observed k = 3 (16/70); two-sided p = (1+16+16+1)/70 = 0.4857.
    assert.equal(pay.test.computed, false);
    assert.equal(pay.test.n, 8);
    assert.match(pay.test.computed ? '' : pay.test.reason, /4 of 4 expected counts are below 5/);
    assert.ok(pay.exact?.computed);
    assert.ok(Math.abs(pay.exact.p - 34 / 70) < 1e-9, String(pay.exact.p));
  });

  it('does not test a table that counts a participant in two groups, and says who', () => {
    // Ana's second interview was after she moved to advocacy: she is in both columns, so the test's
    // 2 × k table would count her twice, as if she were two independent participants.
    const moved: Spec = { ...STUDY, 'a2.md': ['Ana', 'advocacy', ['pay']] };
    const table = crosstab(new AnalysisContext(project(moved)), 'sector', { codes: ['Pay'] });
    assert.deepEqual(table.columns.map((c) => c.participants), [5, 4, 1], 'the percentages still count her in each group');
    const [pay] = table.rows;
    assert.equal(pay.test.computed, false);
    assert.match(pay.test.computed ? '' : pay.test.reason, /Ana is in more than one group \(advocacy, housing\)/);
    assert.equal(pay.exact, undefined);
  });

  it("finds a cell's passages by its column's label: an age band, a band of fractions, (not recorded)", () => {
    // The panel opens a cell's passages with `equals: [the column's label]`; those labels are not
    // values any transcript records, so an age band and "(not recorded)" used to open nothing.
    const spec: Spec = { ...STUDY };
    const ages: Record<string, number | undefined> = { 'a1.md': 25, 'a2.md': 25, 'b.md': 31, 'c.md': 45, 'd.md': 46, 'e.md': 60, 'f.md': undefined, 'g.md': 30, 'h.md': 30.5, 'i.md': 44 };
    const study = project(spec);
    for (const t of study.transcripts) t.attributes = ages[t.path] === undefined ? {} : { age: ages[t.path]! };
    const context = new AnalysisContext(study);
    const integers = new AnalysisContext({ ...study, transcripts: study.transcripts.filter((t) => t.path !== 'h.md') });
    for (const [edges, each] of [[30, 45], [30.5, 45], [-1, 45]].flatMap((e) => [[e, context], [e, integers]] as const)) {
      const table = crosstab(each, 'age', { codes: ['Pay'], edges });
      for (const column of table.columns) {
        const found = retrieveSegments(each, { filter: { attributes: [{ attribute: 'age', equals: [column.value] }] } });
        assert.equal(found.length, column.segments, `${edges.join()}: ${column.value}`);
      }
    }
    // An age of 30.5 makes the bands fractional: ≤ 30 holds a1, a2 and g (4 segments), 30 < x ≤ 45
    // holds b, c, h and i (1 + 1 + 0 + 0), > 45 holds d and e (1 + 2), not recorded f (1).
    const fractional = crosstab(context, 'age', { edges: [30, 45] }).columns;
    assert.deepEqual(fractional.map((c) => [c.value, c.segments]), [['≤ 30', 4], ['30 < x ≤ 45', 2], ['> 45', 3], ['(not recorded)', 1]]);
    const whole = crosstab(integers, 'age', { edges: [30, 45] }).columns;
    assert.deepEqual(whole.map((c) => c.value), ['≤ 30', '31–45', '> 45', '(not recorded)']);
  });
});
