/**
 * Chance-corrected agreement coefficients for nominal data, on plain tables. docs/agreement.md
 * gives each formula with its source. A coefficient whose formula divides by zero (no items, or
 * no variation in the categories used) comes back as `value: undefined` with the reason, never NaN.
 */

export interface Coefficient {
  value: number | undefined;
  observed: number | undefined;
  expected: number | undefined;
  /** Why `value` is undefined. */
  undefinedBecause?: string;
}

/** A row of counts per category, standing for `weight` identical items (1 when absent). */
export interface CountRow {
  counts: readonly number[];
  weight?: number;
}

/**
 * Cohen's κ (Cohen 1960) from a square contingency table: `table[a][b]` is the number of items the
 * first coder put in category a and the second in category b. κ = (p_o − p_e) / (1 − p_e).
 */
export function cohenKappa(table: readonly (readonly number[])[]): Coefficient & { n: number } {
  const k = table.length;
  let n = 0;
  let diagonal = 0;
  const rows = new Array<number>(k).fill(0);
  const columns = new Array<number>(k).fill(0);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      const x = table[a][b];
      n += x;
      rows[a] += x;
      columns[b] += x;
      if (a === b) diagonal += x;
    }
  }
  if (n === 0) return { value: undefined, observed: undefined, expected: undefined, n, undefinedBecause: 'no items rated by both coders' };
  const observed = diagonal / n;
  let expected = 0;
  for (let a = 0; a < k; a++) expected += (rows[a] / n) * (columns[a] / n);
  return withField(chanceCorrected(observed, expected, 'both coders put every item in the same single category (no variation): κ is 0/0'), 'n', n);
}

/**
 * Fleiss' κ (Fleiss 1971): every row is one subject with the number of raters per category; every
 * subject must have the same number of raters n. P̄ is the mean pairwise agreement per subject,
 * P̄_e = Σ p_j² with p_j the share of all ratings in category j.
 */
export function fleissKappa(rows: readonly CountRow[]): Coefficient & { subjects: number; raters: number } {
  let subjects = 0;
  let raters = 0;
  let sumP = 0;
  let totals: number[] = [];
  for (const row of rows) {
    const weight = row.weight ?? 1;
    if (weight === 0) continue;
    const n = sum(row.counts);
    if (subjects === 0) {
      raters = n;
      totals = new Array<number>(row.counts.length).fill(0);
    } else if (n !== raters) {
      throw new RangeError(`Fleiss' κ needs the same number of raters for every subject (${raters} and ${n})`);
    }
    subjects += weight;
    let agreeingPairs = 0;
    row.counts.forEach((c, j) => {
      agreeingPairs += c * (c - 1);
      totals[j] += weight * c;
    });
    if (n > 1) sumP += (weight * agreeingPairs) / (n * (n - 1));
  }
  const base = { subjects, raters };
  if (subjects === 0) return { ...base, value: undefined, observed: undefined, expected: undefined, undefinedBecause: 'no items rated by every coder' };
  if (raters < 2) return { ...base, value: undefined, observed: undefined, expected: undefined, undefinedBecause: 'fewer than two raters per item' };
  let expected = 0;
  for (const t of totals) expected += (t / (subjects * raters)) ** 2;
  return { ...base, ...chanceCorrected(sumP / subjects, expected, 'every rating is in the same single category (no variation): κ is 0/0') };
}

/**
 * Krippendorff's α for nominal data (Krippendorff 2011, "Computing Krippendorff's Alpha-
 * Reliability"): every row is one unit with the number of values per category; rows may have any
 * number of values (missing values simply are not counted), and units with fewer than two values
 * are not pairable and left out. α = 1 − D_o / D_e from the coincidence matrix.
 * `observed` and `expected` are the disagreements D_o and D_e.
 */
export function krippendorffAlpha(rows: readonly CountRow[]): Coefficient & { pairable: number } {
  const k = Math.max(0, ...rows.map((r) => r.counts.length));
  const coincidences = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const row of rows) {
    const weight = row.weight ?? 1;
    const m = sum(row.counts);
    if (m < 2 || weight === 0) continue;
    for (let c = 0; c < row.counts.length; c++) {
      if (row.counts[c] === 0) continue;
      for (let d = 0; d < row.counts.length; d++) {
        coincidences[c][d] += (weight * row.counts[c] * (row.counts[d] - (c === d ? 1 : 0))) / (m - 1);
      }
    }
  }
  const marginals = coincidences.map(sum);
  const n = sum(marginals);
  if (n < 2) return { value: undefined, observed: undefined, expected: undefined, pairable: n, undefinedBecause: 'fewer than two pairable values' };
  let disagreeing = 0;
  let expectedPairs = 0;
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < k; d++) {
      if (c === d) continue;
      disagreeing += coincidences[c][d];
      expectedPairs += marginals[c] * marginals[d];
    }
  }
  const observed = disagreeing / n;
  const expected = expectedPairs / (n * (n - 1));
  if (expected === 0) return { value: undefined, observed, expected, pairable: n, undefinedBecause: 'every value is in the same single category (no variation): α is 0/0' };
  return { value: 1 - observed / expected, observed, expected, pairable: n };
}

/**
 * The same three coefficients for two coders and a yes/no category, in closed form from the 2×2
 * table (a: first only, b: second only): what cohenKappa, fleissKappa and krippendorffAlpha give
 * for it, without building their tables. With N items, p = (2·both + a + b) / 2N the share of
 * "yes" values: Fleiss' κ (Scott's π) has P̄_e = p² + (1 − p)²; α has n = 2N values,
 * D_o = 2(a + b)/n and D_e = 2·n_0·n_1 / (n(n − 1)).
 */
export function twoCoderBinary(both: number, a: number, b: number, neither: number): {
  cohen: Coefficient & { n: number };
  fleiss: Coefficient & { subjects: number; raters: number };
  alpha: Coefficient & { pairable: number };
} {
  const n = both + a + b + neither;
  const { fleiss, alpha } = twoCoderChance(both, a, b, neither);
  if (n === 0) return { cohen: { value: undefined, observed: undefined, expected: undefined, n, undefinedBecause: 'no items rated by both coders' }, fleiss, alpha };
  const first = (both + a) / n;
  const second = (both + b) / n;
  const cohen = withField(chanceCorrected((both + neither) / n, first * second + (1 - first) * (1 - second), 'both coders put every item in the same single category (no variation): κ is 0/0'), 'n', n);
  return { cohen, fleiss, alpha };
}

/**
 * Fleiss' κ and α of twoCoderBinary without Cohen's κ (which the caller has from the table).
 * Objects are built field by field, not spread: this runs once per transcript and code.
 */
export function twoCoderChance(both: number, a: number, b: number, neither: number): {
  fleiss: Coefficient & { subjects: number; raters: number };
  alpha: Coefficient & { pairable: number };
} {
  const n = both + a + b + neither;
  if (n === 0) {
    return {
      fleiss: { value: undefined, observed: undefined, expected: undefined, subjects: 0, raters: 0, undefinedBecause: 'no items rated by every coder' },
      alpha: { value: undefined, observed: undefined, expected: undefined, pairable: 0, undefinedBecause: 'fewer than two pairable values' },
    };
  }
  const yes = 2 * both + a + b;
  const no = 2 * neither + a + b;
  const p = yes / (2 * n);
  const fleiss = withField(withField(chanceCorrected((both + neither) / n, p * p + (1 - p) * (1 - p), 'every rating is in the same single category (no variation): κ is 0/0'), 'subjects', n), 'raters', 2);
  const values = 2 * n;
  const observed = (2 * (a + b)) / values;
  const expected = (2 * no * yes) / (values * (values - 1));
  const alpha: Coefficient & { pairable: number } =
    expected === 0
      ? { value: undefined, observed, expected, pairable: values, undefinedBecause: 'every value is in the same single category (no variation): α is 0/0' }
      : { value: 1 - observed / expected, observed, expected, pairable: values };
  return { fleiss, alpha };
}

/** Adds a field to a fresh object (no copy, as a spread would make). */
function withField<T extends object, K extends string>(target: T, key: K, value: number): T & Record<K, number> {
  (target as Record<string, unknown>)[key] = value;
  return target as T & Record<K, number>;
}

function chanceCorrected(observed: number, expected: number, whyUndefined: string): Coefficient {
  // 1 − p_e is a difference of nearly equal floats when p_e ≈ 1: treat it as zero below 1e-12.
  if (1 - expected < 1e-12) return { value: undefined, observed, expected, undefinedBecause: whyUndefined };
  return { value: (observed - expected) / (1 - expected), observed, expected };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
