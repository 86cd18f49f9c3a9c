import { strict as assert } from 'node:assert';
import { AnalysisContext, chiSquarePValue, CodeLookupError, GroupingError, chiSquareTest, codeByTranscript, codeFrequencies, coOccurrence, crosstab, retrieveSegments, saturation } from '../../../src/core/analysis';
import { saturationSummary } from '../../../src/core/analysis/saturation';
import { fixtureProject } from './analysis-fixture';

const context = () => new AnalysisContext(fixtureProject());

describe('analysis tables', () => {
  it('counts segments, words, transcripts and participants per code, own and with sub-codes', () => {
    const pay = codeFrequencies(context()).find((f) => f.name === 'Pay')!;
    // Own: "The pay was low." (4 words) and "Money was short." (3).
    assert.deepEqual(pay.own, { segments: 2, words: 7, transcripts: 2, participants: 2 });
    // "pay was low" lies inside "The pay was low.": a third segment, no new words.
    assert.deepEqual(pay.withSubcodes, { segments: 3, words: 7, transcripts: 2, participants: 2 });
    assert.equal(pay.path, 'Pay');
    const low = codeFrequencies(context()).find((f) => f.name === 'Low pay')!;
    assert.equal(low.path, 'Pay/Low pay');
    // "I felt unheard at work. The pay" (7 words) and "Nobody listened to me." (4).
    assert.equal(codeFrequencies(context()).find((f) => f.name === 'Invalidation')!.own.words, 11);
    assert.equal(codeFrequencies(context(), { coders: ['sam'] }).find((f) => f.name === 'Pay')!.own.segments, 1);
    assert.equal(codeFrequencies(context(), { attributes: [{ attribute: 'sector', equals: ['HOUSING'] }] }).find((f) => f.name === 'Pay')!.withSubcodes.segments, 2);
  });

  it('retrieves segments by code, coder, attribute, date, speaker and text, in interview order', () => {
    const texts = (hits: { text: string }[]) => hits.map((h) => h.text);
    assert.deepEqual(texts(retrieveSegments(context(), { code: 'Pay', subcodes: true })), ['Money was short.', 'The pay was low.', 'pay was low']);
    assert.deepEqual(texts(retrieveSegments(context(), { filter: { text: 'money' } })), ['Money was short.']);
    assert.deepEqual(texts(retrieveSegments(context(), { filter: { text: '^(nobody|my)\\b', regex: true } })), ['Nobody listened to me.', 'My family helped.']);
    assert.deepEqual(texts(retrieveSegments(context(), { filter: { attributes: [{ attribute: 'interview_date', from: '2024-01-01' }], coders: ['sam'] } })), ['pay was low', 'My family helped.']);
    assert.deepEqual(texts(retrieveSegments(context(), { code: 'Invalidation', filter: { attributes: [{ attribute: 'age', min: 22, max: 30 }] } })), ['I felt unheard at work. The pay']);
    const [hit] = retrieveSegments(context(), { code: 'Family' });
    assert.equal(hit.speaker, 'Ana');
    assert.equal(hit.participant, 'Ana');
    // The context reaches back to the start of what Ana said, not into her label.
    assert.equal(hit.before, 'I felt unheard at work. The pay was low. ');
    assert.equal(hit.after, '');
    assert.deepEqual(hit.segments, [{ id: 's3', coder: 'sam', codes: ['fam'] }]);
    assert.throws(() => retrieveSegments(context(), { filter: { text: '(', regex: true } }), /The text pattern: Not a valid regular expression/);
    // A saved query can come from a pull request: a runaway pattern is refused, not run.
    assert.throws(() => retrieveSegments(context(), { filter: { text: '(a+)+$', regex: true } }), /Nested repetition/);
  });

  it('builds the code × transcript matrix', () => {
    const matrix = codeByTranscript(context(), { codes: ['Invalidation', 'Pay'] });
    assert.deepEqual(matrix.columns.map((c) => c.transcript), ['b.md', 'a.md']);
    assert.deepEqual(matrix.segments, [[1, 1], [1, 2]]);
    assert.deepEqual(matrix.words, [[4, 7], [3, 4]]);
  });

  it('crosstabs codes by an attribute, with participants per group and percentages', () => {
    const table = crosstab(context(), 'sector', { codes: ['Pay', 'Family'] });
    // Column totals are every segment of the group, whatever its codes: Ben (advocacy) has s5, s6;
    // Ana (housing) s1–s4.
    assert.deepEqual(table.columns, [
      { value: 'advocacy', participants: 1, segments: 2 },
      { value: 'housing', participants: 1, segments: 4 },
    ]);
    const [pay, family] = table.rows;
    // Pay with Low pay: s6 in advocacy; s2 and s4 in housing.
    assert.deepEqual(pay.segments, [1, 2]);
    assert.deepEqual(pay.participants, [1, 1]);
    assert.deepEqual(pay.segmentsRowPercent.map((p) => p.toFixed(1)), ['33.3', '66.7']);
    // Column %: 1 of Ben's 2 segments, 2 of Ana's 4; Family: 0 of 2, 1 (s3) of 4.
    assert.deepEqual(pay.segmentsColumnPercent, [50, 50]);
    assert.deepEqual(family.segmentsColumnPercent, [0, 25]);
    assert.deepEqual(family.participantsColumnPercent, [0, 100]);
    assert.deepEqual(pay.test, { computed: false, reason: 'every participant has this code: nothing to compare', n: 2 });
    assert.equal(pay.exact, undefined, 'nothing for an exact test to compare either');
    // Family: Ana (housing) has it, Ben (advocacy) not. χ²'s expected counts are 0.5: not computed.
    // Fisher: with margins 1 / 1 both ways there are two tables, (0, 1) and (1, 0), each 1/2: p = 1.
    assert.equal(family.test.computed, false);
    assert.deepEqual(family.exact, { computed: true, p: 1, n: 2, tables: 2 });
  });

  it('takes column percentages over the group\'s distinct segments, not over the rows', () => {
    // In housing the rows overlap: Pay holds s2 and s4, Pay/Low pay s4 again, Invalidation s1,
    // Family s3. Adding up the rows gives 2 + 1 + 1 + 1 = 5; Ana has four segments, s1–s4, and that
    // total stays 4 whatever rows are shown (one row alone added up to 1).
    const all = crosstab(context(), 'sector', { codes: ['Pay', 'Pay/Low pay', 'Invalidation', 'Family'] });
    const one = crosstab(context(), 'sector', { codes: ['Pay/Low pay'] });
    assert.deepEqual(all.columns.map((c) => c.segments), [2, 4]);
    assert.deepEqual(one.columns.map((c) => c.segments), [2, 4]);
    // Ben: Pay s6, Invalidation s5, of 2. Ana: Pay 2, Low pay 1, Invalidation 1, Family 1, of 4.
    assert.deepEqual(all.rows.map((r) => r.segmentsColumnPercent), [[50, 50], [0, 25], [50, 25], [0, 25]]);
    assert.deepEqual(one.rows[0].segmentsColumnPercent, [0, 25]);
    // A segment with two codes of one row counts once, in the row and in the total.
    const project = fixtureProject();
    project.segments[1] = { ...project.segments[1], codes: ['low', 'pay'] };
    const twice = crosstab(new AnalysisContext(project), 'sector', { codes: ['Pay'] });
    assert.deepEqual(twice.columns.map((c) => c.segments), [2, 4]);
    assert.deepEqual(twice.rows[0].segments, [1, 2]);
  });

  it('counts a group\'s segments and participants within the filter', () => {
    // Sam's segments: s6 (Ben, advocacy); s3 and s4 (Ana, housing). Both participants still count.
    const sam = crosstab(context(), 'sector', { codes: ['Pay'], filter: { coders: ['sam'] } });
    assert.deepEqual(sam.columns, [
      { value: 'advocacy', participants: 1, segments: 1 },
      { value: 'housing', participants: 1, segments: 2 },
    ]);
    // Pay by Sam: s6 of 1, s4 of 2.
    assert.deepEqual(sam.rows[0].segmentsColumnPercent, [100, 50]);
    // Only participants over 30: Ana (25) is not in the housing group any more, so no share is taken of her.
    const over30 = crosstab(context(), 'sector', { codes: ['Pay'], filter: { attributes: [{ attribute: 'age', min: 31 }] } });
    assert.deepEqual(over30.columns, [
      { value: 'advocacy', participants: 1, segments: 2 },
      { value: 'housing', participants: 0, segments: 0 },
    ]);
    assert.deepEqual(over30.rows[0].participantsColumnPercent, [100, 0]);
  });

  it('tests on participants whether having a code depends on the group', () => {
    // 20 participants per sector; "Pay" in 18 of the housing group and 4 of the advocacy group.
    // Participants with / without: housing 18 / 2, advocacy 4 / 16; expected 11 / 9 in each group.
    // χ² = 2 × 7²/11 + 2 × 7²/9 = 8.909 + 10.889 = 19.798, df 1.
    const project = fixtureProject();
    project.transcripts = [];
    project.segments = [];
    for (let i = 0; i < 40; i++) {
      const path = `t${i}.md`;
      const housing = i < 20;
      project.transcripts.push({ path, participant: `P${i}`, attributes: { sector: housing ? 'housing' : 'advocacy' }, text: 'Some words here.', turns: [] });
      if ((housing && i < 18) || (!housing && i < 24)) project.segments.push({ transcript: path, coder: 'dana', id: `s${i}`, codes: ['pay'], start: 0, end: 4 });
    }
    const [row] = crosstab(new AnalysisContext(project), 'sector', { codes: ['Pay'] }).rows;
    assert.deepEqual(row.participants, [4, 18]);
    assert.ok(row.test.computed);
    if (!row.test.computed) return;
    assert.equal(row.test.df, 1);
    assert.ok(Math.abs(row.test.chiSquare - 19.798) < 0.001, String(row.test.chiSquare));
    assert.ok(row.test.p < 1e-4 && row.test.p > 5e-6, String(row.test.p));
    assert.equal(row.exact, undefined, 'χ² holds here: no exact test instead');
  });

  it('groups a number attribute by the edges given', () => {
    const table = crosstab(context(), 'age', { codes: ['Pay'], edges: [30] });
    assert.deepEqual(table.columns.map((c) => c.value), ['≤ 30', '> 30']);
    assert.deepEqual(crosstab(context(), 'age', { codes: ['Pay'], edges: [20, 30] }).columns.map((c) => c.value), ['21–30', '> 30']);
    assert.deepEqual(crosstab(context(), 'lens', { codes: ['Pay'] }).columns.map((c) => c.value), ['(not recorded)']);
  });

  it('reads an age written in quotes as the number, and refuses edges that cannot group', () => {
    // Ben's age "40" (YAML text): still > 30, not a column of its own.
    const quoted = fixtureProject();
    quoted.transcripts[1].attributes.age = '40';
    assert.deepEqual(crosstab(new AnalysisContext(quoted), 'age', { codes: ['Pay'], edges: [30] }).columns, [
      { value: '≤ 30', participants: 1, segments: 4 },
      { value: '> 30', participants: 1, segments: 2 },
    ]);
    assert.throws(() => crosstab(context(), 'age', { edges: [45, 30] }), (e: Error) => e instanceof GroupingError && e instanceof CodeLookupError && /Edges go up strictly.*in 45,30, 30 comes after 45/.test(e.message));
    assert.throws(() => crosstab(context(), 'age', { edges: [30, 30] }), /in 30,30, 30 comes after 30/);
    assert.throws(() => crosstab(context(), 'sector', { edges: [30] }), /"sector" holds text \(e\.g\. "advocacy"\), not numbers, so grouping by edges cannot apply: group it by its values, without edges/);
    const slip = fixtureProject();
    slip.transcripts[0].attributes.age = 'unknown';
    assert.throws(() => crosstab(new AnalysisContext(slip), 'age', { edges: [30] }), /Grouping by edges needs numbers, but "age" is not a number in every transcript \("unknown" in a\.md\)/);
  });

  it('counts co-occurrences and the share of text two codes share', () => {
    const table = coOccurrence(context(), { codes: ['Invalidation', 'Pay', 'Family'] });
    assert.deepEqual(table.counts, [[2, 1, 0], [1, 2, 0], [0, 0, 1]]);
    // Both: "The pay"; either: "I felt unheard at work. The pay was low." + "Nobody listened to me." + "Money was short."
    const either = 'I felt unheard at work. The pay was low.'.length + 'Nobody listened to me.'.length + 'Money was short.'.length;
    assert.equal(table.jaccard[0][1], 'The pay'.length / either);
    assert.equal(table.jaccard[0][0], 1);
    assert.equal(table.jaccard[0][2], 0);
  });

  it('lists new codes per transcript in interview order (by date)', () => {
    assert.deepEqual(saturation(context()), [
      { transcript: 'b.md', participant: 'Ben', date: '2023-12-01', newCodes: ['inv', 'pay'], cumulative: 2 },
      { transcript: 'a.md', participant: 'Ana', date: '2024-01-10', newCodes: ['fam', 'low'], cumulative: 4 },
    ]);
  });

  it('puts an interview whose date is not a real day after the dated ones, and reads a date with a time by its day', () => {
    const project = fixtureProject();
    project.transcripts[0].attributes.interview_date = '2024-13-45';
    project.transcripts[1].attributes.interview_date = '2023-12-01T10:30';
    assert.deepEqual(
      saturation(new AnalysisContext(project)).map((s) => [s.transcript, s.date]),
      [['b.md', '2023-12-01'], ['a.md', undefined]],
    );
    project.transcripts[1].attributes.interview_date = '2025-01-01';
    assert.deepEqual(saturation(new AnalysisContext(project)).map((s) => s.transcript), ['b.md', 'a.md'], 'dated before undated, whatever the date');
  });

  it('says in one sentence whether the codebook is still growing', () => {
    const step = (participant: string, newCodes: string[], date?: string) => ({ transcript: `${participant}.md`, participant, ...(date ? { date } : {}), newCodes, cumulative: 0 });
    // Ana's interview was the last to add codes; the two after it added none.
    assert.equal(saturationSummary([step('Ana', ['a', 'b'], '2024-01-10'), step('Ben', []), step('Cy', [])]), 'The last 2 transcripts brought no new code; the last one that did was Ana (2024-01-10).');
    assert.equal(saturationSummary([step('Ana', ['a']), step('Ben', [])]), 'The last transcript brought no new code; the last one that did was Ana.');
    assert.equal(saturationSummary([step('Ana', ['a']), step('Ben', ['b'], '2024-02-01')]), 'The latest transcript, Ben (2024-02-01), still brought 1 new code: the codebook is still growing.');
    assert.equal(saturationSummary([step('Ana', [])]), 'No transcript has coding yet.');
    assert.equal(saturationSummary([]), 'No transcripts.');
    // The fixture: Ana, interviewed last, still brought Family and Low pay.
    assert.equal(saturationSummary(saturation(context())), 'The latest transcript, Ana (2024-01-10), still brought 2 new codes: the codebook is still growing.');
  });
});

describe('χ² test', () => {
  it('gives the p-values of the χ² distribution’s published critical values', () => {
    // Critical values at α = 0.05 for df 1, 2, 5 and at α = 0.01 for df 1 (standard tables).
    assert.ok(Math.abs(chiSquarePValue(3.841459, 1) - 0.05) < 1e-6);
    assert.ok(Math.abs(chiSquarePValue(5.991465, 2) - 0.05) < 1e-6);
    assert.ok(Math.abs(chiSquarePValue(11.070498, 5) - 0.05) < 1e-6);
    assert.ok(Math.abs(chiSquarePValue(6.634897, 1) - 0.01) < 1e-6);
    assert.equal(chiSquarePValue(0, 3), 1);
  });

  it('tests a 2 × 2 table computed by hand', () => {
    // Expected 25 in every cell; each contributes (5²)/25 = 1, so χ² = 4 with df 1: p = 0.0455.
    const result = chiSquareTest([[20, 30], [30, 20]]);
    assert.ok(result.computed);
    if (!result.computed) return;
    assert.equal(result.chiSquare, 4);
    assert.equal(result.df, 1);
    assert.ok(Math.abs(result.p - 0.0455) < 1e-4);
  });

  it('refuses where expected counts are too small, and says why', () => {
    const result = chiSquareTest([[1, 2], [3, 1]]);
    assert.equal(result.computed, false);
    assert.match((result as { reason: string }).reason, /expected counts are below 5/);
  });
});
