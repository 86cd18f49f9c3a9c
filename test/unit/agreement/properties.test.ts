/**
 * Random codings of random transcripts: identical coders agree perfectly, the order of coders does
 * not matter, and the sweep over segment boundaries counts exactly what a character-by-character
 * count gives.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cohenKappa, computeAgreement, fleissKappa, krippendorffAlpha, twoCoderBinary, type AgreementFigures, type AgreementInput, type AgreementUnit } from '../../../src/core/agreement';

const CODES = [
  { id: 'c-1', name: 'One' },
  { id: 'c-2', name: 'Two' },
];
const LENGTH = 120;

const segment = fc
  .record({ codeId: fc.constantFrom('c-1', 'c-2'), start: fc.integer({ min: 0, max: LENGTH - 1 }), length: fc.integer({ min: 1, max: 40 }) })
  .map(({ codeId, start, length }) => ({ codeId, start, end: Math.min(LENGTH, start + length) }));
const coding = fc.array(segment, { minLength: 0, maxLength: 8 });
const units = Array.from({ length: 12 }, (_, i) => ({ start: i * 10, end: i * 10 + 10 }));
const unit = fc.constantFrom<AgreementUnit>('char', 'turn');

function input(codings: { codeId: string; start: number; end: number }[][], coderIds: string[]): AgreementInput {
  return {
    coders: coderIds.map((id) => ({ id, name: id })),
    codes: CODES,
    transcripts: [{ name: 't.md', length: LENGTH, units, coding: codings.map((segments, i) => ({ coderId: coderIds[i], segments })) }],
  };
}

const FIGURES = ['percent', 'cohen_kappa', 'fleiss_kappa', 'krippendorff_alpha', 'unitized_alpha'] as const;

function sameFigures(a: AgreementFigures, b: AgreementFigures): void {
  for (const name of FIGURES) {
    const x = a[name];
    const y = b[name];
    assert.ok(x === y || (x !== null && y !== null && Math.abs(x - y) < 1e-9), `${name}: ${x} ≠ ${y}`);
  }
}

describe('agreement properties', () => {
  it('identical coders agree perfectly: every defined figure is 1 (percent 100)', () => {
    fc.assert(
      fc.property(coding, fc.integer({ min: 2, max: 4 }), unit, (segments, m, u) => {
        const ids = Array.from({ length: m }, (_, i) => `coder-${i}`);
        const report = computeAgreement(input(ids.map(() => segments), ids), { unit: u, continuum: 'whole text' });
        for (const code of [...report.codes.map((c) => c.overall), report.overall]) {
          assert.equal(code.percent, 100);
          for (const name of FIGURES.slice(1)) assert.ok(code[name] === null || Math.abs(code[name] - 1) < 1e-12, `${name} = ${code[name]}`);
        }
        for (const code of report.codes) {
          const used = segments.some((s) => s.codeId === code.id);
          assert.equal(code.overall.unitized_alpha === null, !used, 'uα is defined exactly when the code is used');
        }
      }),
    );
  });

  it('the order of the coders does not change any figure', () => {
    fc.assert(
      fc.property(fc.array(coding, { minLength: 2, maxLength: 4 }), unit, (codings, u) => {
        const ids = codings.map((_, i) => `coder-${i}`);
        const forward = computeAgreement(input(codings, ids), { unit: u, continuum: 'whole text' });
        const backward = computeAgreement(input([...codings].reverse(), [...ids].reverse()), { unit: u, continuum: 'whole text' });
        forward.codes.forEach((code, i) => sameFigures(code.overall, backward.codes[i].overall));
        sameFigures(forward.overall, backward.overall);
      }),
    );
  });

  it("the two-coder closed forms equal the general Cohen's κ, Fleiss' κ and Krippendorff's α", () => {
    const count = fc.integer({ min: 0, max: 1_000 });
    fc.assert(
      fc.property(count, count, count, count, (both, a, b, neither) => {
        const closed = twoCoderBinary(both, a, b, neither);
        const rows = [
          { counts: [0, 2], weight: both },
          { counts: [1, 1], weight: a + b },
          { counts: [2, 0], weight: neither },
        ];
        const general = { cohen: cohenKappa([[both, a], [b, neither]]), fleiss: fleissKappa(rows), alpha: krippendorffAlpha(rows) };
        for (const name of ['cohen', 'fleiss', 'alpha'] as const) {
          const x = closed[name].value;
          const y = general[name].value;
          assert.ok(x === y || (x !== undefined && y !== undefined && Math.abs(x - y) < 1e-9), `${name}: ${x} ≠ ${y}`);
        }
      }),
    );
  });

  it('counts characters exactly as a character-by-character tally does', () => {
    fc.assert(
      fc.property(coding, coding, (a, b) => {
        const report = computeAgreement(input([a, b], ['a', 'b']), { unit: 'char', continuum: 'whole text' });
        for (const code of report.codes) {
          const covered = (segments: typeof a) => Array.from({ length: LENGTH }, (_, i) => segments.some((s) => s.codeId === code.id && s.start <= i && i < s.end));
          const inA = covered(a);
          const inB = covered(b);
          const table = [
            [0, 0],
            [0, 0],
          ];
          const rows: { counts: number[] }[] = [];
          for (let i = 0; i < LENGTH; i++) {
            table[inA[i] ? 0 : 1][inB[i] ? 0 : 1]++;
            const yes = Number(inA[i]) + Number(inB[i]);
            rows.push({ counts: [2 - yes, yes] });
          }
          const f = code.overall;
          assert.deepEqual([f.counts.table?.both, f.counts.table?.first_only, f.counts.table?.second_only, f.counts.table?.neither], [table[0][0], table[0][1], table[1][0], table[1][1]]);
          assert.equal(f.cohen_kappa, cohenKappa(table).value ?? null);
          const alpha = krippendorffAlpha(rows).value;
          assert.ok(alpha === undefined ? f.krippendorff_alpha === null : Math.abs(alpha - f.krippendorff_alpha!) < 1e-9);
        }
      }),
    );
  });
});
