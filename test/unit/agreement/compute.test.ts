import assert from 'node:assert/strict';
import { computeAgreement, type AgreementInput, type AgreementTranscript, type AgreementUnit } from '../../../src/core/agreement';

const X = { id: 'c-x', name: 'Fear' };
const Y = { id: 'c-y', name: 'Trust' };
const two = [
  { id: 'a', name: 'Ana' },
  { id: 'b', name: 'Ben' },
];

function segs(codeId: string, ...ranges: [number, number][]): { codeId: string; start: number; end: number }[] {
  return ranges.map(([start, end]) => ({ codeId, start, end }));
}

function run(transcripts: AgreementTranscript[], unit: AgreementUnit = 'char', coders = two, codes = [X]): ReturnType<typeof computeAgreement> {
  const input: AgreementInput = { coders, codes, transcripts };
  return computeAgreement(input, { unit, continuum: 'whole text' });
}

function close(actual: number | null, expected: number, message?: string): void {
  assert.ok(actual !== null, message ?? 'expected a number, got null');
  assert.ok(Math.abs(actual - expected) < 1e-12, `${message ?? ''} ${actual} ≠ ${expected}`);
}

describe('agreement over a project', () => {
  it('over characters: the 2×2 table, percent, both kappas, α and uα of a small fixture, by hand', () => {
    // 40 characters; Ana codes [0,10), Ben [5,15): both 5, Ana only 5, Ben only 5, neither 25.
    // p_o = 30/40 = .75; p_e = .25·.25 + .75·.75 = .625; κ = (.75 − .625)/(1 − .625) = 1/3, and
    // Fleiss' κ (Scott's π for two coders) is the same since both coders coded 10 characters.
    // α: o_11 = 10, o_00 = 50, o_01 = o_10 = 10; n_1 = 20, n_0 = 60, n = 80;
    //    α = 1 − 79·20 / (2·60·20) = 1 − 1580/2400.
    // uα: δ² = 5² + 5² = 50 each way, D_o = 100 / (2·40²); units 10 and 10, gaps 30 (Ana), 5 and
    //    25 (Ben): D_e = (2/40)·2·[(1/3)(2000 − 300 + 10) + 100·(21 + 16)] / (80·79 − 2·90).
    const report = run([{ name: 't.md', length: 40, coding: [{ coderId: 'a', segments: segs('c-x', [0, 10]) }, { coderId: 'b', segments: segs('c-x', [5, 15]) }] }]);
    const f = report.codes[0].overall;
    assert.deepEqual(f.counts.table, { both: 5, first_only: 5, second_only: 5, neither: 25 });
    assert.equal(f.counts.items, 40);
    assert.equal(f.counts.agreeing, 30);
    assert.deepEqual(f.counts.coded_by, { a: 10, b: 10 });
    assert.equal(f.percent, 75);
    close(f.cohen_kappa, 1 / 3);
    close(f.fleiss_kappa, 1 / 3);
    close(f.krippendorff_alpha, 1 - 1580 / 2400);
    const observed = 100 / (2 * 40 * 40);
    const expected = ((2 / 40) * 2 * ((1 / 3) * (2000 - 300 + 10) + 100 * (21 + 16))) / (80 * 79 - 2 * 90);
    close(f.counts.unitized.observed_disagreement, observed);
    close(f.counts.unitized.expected_disagreement, expected);
    close(f.unitized_alpha, 1 - observed / expected);
    assert.deepEqual(report.codes[0].transcripts.map((t) => t.transcript), ['t.md']);
  });

  it('over speaker turns: a unit counts as coded when a segment overlaps it by one character', () => {
    // Six turns. Ana's segment touches turns 1–2, Ben's turn 2 only, and both code turn 5;
    // a segment ending exactly where turn 3 starts does not code turn 3.
    const units = [[0, 10], [10, 20], [20, 30], [30, 40], [40, 50], [50, 60]].map(([start, end]) => ({ start, end }));
    const report = run(
      [{ name: 't.md', length: 60, units, coding: [{ coderId: 'a', segments: segs('c-x', [5, 15], [42, 44]) }, { coderId: 'b', segments: segs('c-x', [12, 20], [45, 50]) }] }],
      'turn',
    );
    const f = report.codes[0].overall;
    // both: turns 2 and 5; Ana only: turn 1; Ben only: none; neither: turns 3, 4, 6.
    assert.deepEqual(f.counts.table, { both: 2, first_only: 1, second_only: 0, neither: 3 });
    // p_o = 5/6; p_e = (3/6)(2/6) + (3/6)(4/6) = 1/2; κ = (5/6 − 1/2) / (1/2) = 2/3.
    close(f.cohen_kappa, 2 / 3);
    assert.ok(f.warnings.some((w) => /only 6 turns/.test(w)), 'six turns are too few to be dependable');
  });

  it('a coder without coding of a transcript is missing there, not "not coded"', () => {
    const three = [...two, { id: 'c', name: 'Cem' }];
    const units = [0, 1, 2, 3].map((i) => ({ start: i * 10, end: i * 10 + 10 }));
    const report = run(
      [
        { name: 'one.md', length: 40, units, coding: ['a', 'b', 'c'].map((coderId) => ({ coderId, segments: segs('c-x', [0, 5]) })) },
        { name: 'two.md', length: 40, units, coding: [{ coderId: 'a', segments: segs('c-x', [10, 15]) }, { coderId: 'b', segments: segs('c-x', [10, 15], [30, 35]) }] },
      ],
      'paragraph',
      three,
    );
    const f = report.codes[0].overall;
    // Fleiss uses only one.md's 4 units (rated by all three); α uses all 8.
    assert.equal(f.counts.fleiss.subjects, 4);
    assert.equal(f.counts.alpha.pairable_values, 4 * 3 + 4 * 2);
    assert.equal(f.fleiss_kappa, 1);
    // Pairs: a–b disagree on one unit of two.md; a–c and b–c agree on one.md only.
    assert.deepEqual(f.pairs?.map((p) => [p.coders.join('-'), p.table.both + p.table.first_only + p.table.second_only + p.table.neither]), [['a-b', 8], ['a-c', 4], ['b-c', 4]]);
    assert.equal(f.cohen_kappa, null, "Cohen's κ is for two coders; the pairs carry it");
    assert.ok(report.warnings.some((w) => w.startsWith('two.md: not coded by c')));
    // uα needs all three coders on the continuum: only one.md counts.
    assert.equal(f.counts.unitized.continuum_length, 40);
  });

  it('says why a figure is undefined instead of printing NaN', () => {
    // Both coders coded the whole text: no variation, so κ and α are 0/0.
    const report = run([{ name: 't.md', length: 30, coding: ['a', 'b'].map((coderId) => ({ coderId, segments: segs('c-x', [0, 30]) })) }], 'char', two, [X, Y]);
    const [x, y] = report.codes;
    assert.equal(x.overall.percent, 100);
    assert.equal(x.overall.cohen_kappa, null);
    assert.equal(x.overall.krippendorff_alpha, null);
    assert.ok(x.overall.warnings.some((w) => /Cohen's κ undefined: .*no variation/.test(w)));
    assert.equal(x.overall.unitized_alpha, 1, 'identical units: uα is defined and perfect');
    // Nobody used Trust: every coefficient undefined, and said so.
    assert.equal(y.overall.unitized_alpha, null);
    assert.deepEqual(y.transcripts, []);
    assert.equal(y.overall.warnings[0], 'no coder used this code in the transcripts compared');
    assert.ok(!JSON.stringify(report).includes('NaN'));
  });

  it('leaves out transcripts coded by fewer than two coders, and clips coding to the continuum', () => {
    const report = run([
      { name: 'solo.md', length: 10, coding: [{ coderId: 'a', segments: segs('c-x', [0, 5]) }] },
      { name: 'pair.md', length: 100, continuum: [{ start: 20, end: 60 }], coding: [{ coderId: 'a', segments: segs('c-x', [0, 30]) }, { coderId: 'b', segments: segs('c-x', [25, 30], [70, 90]) }] },
    ]);
    assert.deepEqual(report.transcripts, ['pair.md']);
    assert.deepEqual(report.warnings, ['solo.md: coded by only a; left out']);
    const f = report.codes[0].overall;
    // Inside [20,60): Ana [20,30), Ben [25,30): both 5, Ana only 5, neither 30.
    assert.deepEqual(f.counts.table, { both: 5, first_only: 5, second_only: 0, neither: 30 });
    assert.equal(f.counts.unitized.continuum_length, 40);
  });

  it('reads a continuum of several stretches as one, with the text between them cut out', () => {
    // Stretches [0,10) and [15,25) (a speaker label [10,15) cut out). Ana's one segment [5,20)
    // spans the label and stays one unit [5,15) on the continuum; Ben codes [5,10) and [15,20),
    // which touch there and so are two units.
    const report = run([
      { name: 't.md', length: 25, continuum: [{ start: 0, end: 10 }, { start: 15, end: 25 }], coding: [{ coderId: 'a', segments: segs('c-x', [5, 20]) }, { coderId: 'b', segments: segs('c-x', [5, 10], [15, 20]) }] },
    ]);
    const f = report.codes[0].overall;
    assert.equal(f.counts.items, 20);
    assert.equal(f.percent, 100);
    assert.equal(f.counts.unitized.units, 3);
    // δ²: [5,15) against [5,10) gives 0 + 25, against [10,15) gives 25 + 0: 50 each way.
    close(f.counts.unitized.observed_disagreement, 100 / (2 * 20 * 20));
  });

  it("joins a coder's overlapping segments of one code, keeps touching ones as two units", () => {
    const coding = (b: [number, number][]): AgreementTranscript[] => [
      { name: 't.md', length: 50, coding: [{ coderId: 'a', segments: segs('c-x', [10, 30]) }, { coderId: 'b', segments: segs('c-x', ...b) }] },
    ];
    const overlapping = run(coding([[10, 25], [15, 30]])).codes[0].overall;
    assert.equal(overlapping.unitized_alpha, 1);
    assert.equal(overlapping.counts.unitized.units, 2);
    const touching = run(coding([[10, 20], [20, 30]])).codes[0].overall;
    assert.equal(touching.percent, 100, 'the same characters are coded');
    assert.equal(touching.counts.unitized.units, 3);
    assert.ok(touching.unitized_alpha !== null && touching.unitized_alpha < 1, 'but the units differ');
  });

  it('gives the same pooled figures without the per-transcript ones', () => {
    const input: AgreementInput = {
      coders: two,
      codes: [X, Y],
      transcripts: [
        { name: 'one.md', length: 50, coding: [{ coderId: 'a', segments: segs('c-x', [0, 10], [20, 30]) }, { coderId: 'b', segments: [...segs('c-x', [5, 25]), ...segs('c-y', [40, 45])] }] },
        { name: 'two.md', length: 30, coding: [{ coderId: 'a', segments: segs('c-y', [0, 12]) }, { coderId: 'b', segments: segs('c-y', [3, 12]) }] },
      ],
    };
    const full = computeAgreement(input, { unit: 'char', continuum: 'whole text' });
    const lean = computeAgreement(input, { unit: 'char', continuum: 'whole text', perTranscript: false });
    assert.deepEqual(full.codes.map((c) => c.transcripts.length), [1, 2]);
    assert.deepEqual(lean.codes.map((c) => c.transcripts), [[], []]);
    assert.deepEqual(lean.codes.map((c) => c.overall), full.codes.map((c) => c.overall));
    assert.deepEqual(lean.overall, full.overall);
  });

  it('pools codes: every (code, character) is one item', () => {
    const report = run(
      [{ name: 't.md', length: 20, coding: [{ coderId: 'a', segments: [...segs('c-x', [0, 10]), ...segs('c-y', [10, 20])] }, { coderId: 'b', segments: segs('c-x', [0, 10]) }] }],
      'char',
      two,
      [X, Y],
    );
    assert.equal(report.overall.counts.items, 40);
    assert.deepEqual(report.overall.counts.table, { both: 10, first_only: 10, second_only: 0, neither: 20 });
  });
});
