import assert from 'node:assert/strict';
import { cohenKappa, fleissKappa, krippendorffAlpha, pairDisagreement, UnitizedAlpha } from '../../../src/core/agreement';
import type { TextRange } from '../../../src/core/model';

/** `value` rounded to `digits` decimals, as the sources print it. */
function round(value: number | undefined, digits: number): number {
  assert.ok(value !== undefined && Number.isFinite(value), `expected a number, got ${value}`);
  return Number(value.toFixed(digits));
}

/** Rows of counts per category (1…k) from one unit's values; null is a missing value. */
function countsOf(values: readonly (number | null)[], categories: number): number[] {
  const counts = new Array<number>(categories).fill(0);
  for (const v of values) if (v !== null) counts[v - 1]++;
  return counts;
}

describe('agreement coefficients: published worked examples', () => {
  it("Cohen's κ: Cohen (1960), 200 items in three categories: p_o = .70, p_c = .41, κ = .492", () => {
    // Cohen, J. (1960). A coefficient of agreement for nominal scales. Educational and
    // Psychological Measurement 20(1), 37–46: the worked example's table (rows: judge A,
    // columns: judge B).
    const table = [
      [88, 14, 18],
      [10, 40, 10],
      [2, 6, 12],
    ];
    const kappa = cohenKappa(table);
    assert.equal(kappa.n, 200);
    assert.equal(round(kappa.observed, 2), 0.7);
    assert.equal(round(kappa.expected, 2), 0.41);
    assert.equal(round(kappa.value, 3), 0.492);
  });

  it("Fleiss' κ: Fleiss (1971), 30 subjects × 6 raters, 5 diagnoses: P̄ = .556, P̄_e = .220, κ = .430", () => {
    // Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychological
    // Bulletin 76(5), 378–382, Table 1: per subject, the number of raters (of 6) assigning each
    // of the categories 1 depression, 2 personality disorder, 3 schizophrenia, 4 neurosis, 5 other.
    const table = [
      [0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0],
      [2, 0, 4, 0, 0], [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6],
      [1, 0, 0, 5, 0], [1, 1, 0, 4, 0], [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1],
      [0, 0, 5, 0, 1], [3, 0, 0, 1, 2], [5, 1, 0, 0, 0], [0, 2, 0, 4, 0], [1, 0, 2, 0, 3],
      [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0], [1, 0, 0, 4, 1],
      [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0], [1, 0, 5, 0, 0], [0, 0, 0, 0, 6],
    ];
    const kappa = fleissKappa(table.map((counts) => ({ counts })));
    assert.equal(kappa.subjects, 30);
    assert.equal(kappa.raters, 6);
    assert.equal(round(kappa.observed, 3), 0.556);
    assert.equal(round(kappa.expected, 3), 0.22);
    assert.equal(round(kappa.value, 3), 0.43);
  });

  it("Krippendorff's α: Krippendorff (2011), 4 observers × 12 units with missing values, nominal α = .743", () => {
    // Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. Annenberg School for
    // Communication, University of Pennsylvania, example C (null: the observer gave no value).
    const A = [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null];
    const B = [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3];
    const C = [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null];
    const D = [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null];
    const rows = A.map((_, u) => ({ counts: countsOf([A[u], B[u], C[u], D[u]], 5) }));
    const alpha = krippendorffAlpha(rows);
    // Unit 12 has a single value and is not pairable: 40 pairable values remain.
    assert.equal(alpha.pairable, 40);
    assert.equal(round(alpha.value, 3), 0.743);
  });

  describe("Krippendorff's unitizing α: Krippendorff (2004), Content Analysis 2nd ed., p. 254", () => {
    // Two observers, i and j, unitize the continuum [150, 450) (L = 300) into units of the
    // categories c and k (start, end).
    const observerI = { c: [[225, 295], [370, 400]], k: [[180, 240], [300, 350]] };
    const observerJ = { c: [[220, 300], [355, 375], [400, 420]], k: [[180, 240], [300, 350]] };
    const ranges = (pairs: number[][]): TextRange[] => pairs.map(([start, end]) => ({ start, end }));
    function categoryAlpha(category: 'c' | 'k'): ReturnType<UnitizedAlpha['result']> {
      const alpha = new UnitizedAlpha(2);
      alpha.addStretch(150, 450, [ranges(observerI[category]), ranges(observerJ[category])]);
      return alpha.result();
    }

    it('category c: uD_o = .0144, uD_e = .0532, uα = .7286', () => {
      const c = categoryAlpha('c');
      assert.equal(round(c.observed, 4), 0.0144);
      assert.equal(round(c.expected, 4), 0.0532);
      assert.equal(round(c.value, 4), 0.7286);
    });

    it('category k: uD_o = 0, uD_e = .0490, uα = 1.0', () => {
      const k = categoryAlpha('k');
      assert.equal(k.observed, 0);
      assert.equal(round(k.expected, 4), 0.049);
      assert.equal(k.value, 1);
    });

    it('hand computation of the c disagreements behind uD_o', () => {
      // [225,295) vs [220,300): 5² + 5² = 50; [370,400) vs [355,375): 15² + 25² = 850; j's
      // [400,420) lies wholly in i's gap [400,450): 20² = 400. Summed over both orders:
      // 2 × 1300 / (m(m − 1) L²) = 2600 / (2 × 300²) = .014444…
      assert.equal(pairDisagreement(ranges(observerI.c), ranges(observerJ.c)), 1300);
      assert.equal(pairDisagreement(ranges(observerJ.c), ranges(observerI.c)), 1300);
      assert.equal(categoryAlpha('c').observed, 2600 / (2 * 300 * 300));
    });
  });

  it("unitizing observed disagreements of Krippendorff's (1995, p. 57) examples A and B, by hand", () => {
    // Krippendorff, K. (1995). On the reliability of unitizing continuous data. Sociological
    // Methodology 25, 47–76: two coders on a continuum of 24. A: Bertha [2,10) [14,20), Bill [4,8)
    // [15,17): δ² = (2² + 2²) + (1² + 3²) = 18 each way, D_o = 36 / (2 × 24²) = .03125.
    // B: John [0,18) against Jill's seven adjacent units [0,2) [2,3) [3,4) [4,5) [5,6) [6,9) [9,10):
    // 256 + 229 + 205 + 185 + 169 + 117 + 145 = 1306 each way, D_o = 2612 / 1152 = 2.26736.
    const a = new UnitizedAlpha(2);
    a.addStretch(0, 24, [
      [{ start: 2, end: 10 }, { start: 14, end: 20 }],
      [{ start: 4, end: 8 }, { start: 15, end: 17 }],
    ]);
    assert.equal(a.result().observed, 0.03125);
    const jill = [[0, 2], [2, 3], [3, 4], [4, 5], [5, 6], [6, 9], [9, 10]].map(([start, end]) => ({ start, end }));
    const b = new UnitizedAlpha(2);
    b.addStretch(0, 24, [[{ start: 0, end: 18 }], jill]);
    assert.equal(round(b.result().observed, 5), 2.26736);
  });
});
