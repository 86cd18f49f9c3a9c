/**
 * Pearson's χ² test of independence on a contingency table, with its p-value from the χ²
 * distribution (the regularised upper incomplete gamma function Q(df/2, χ²/2), computed by its
 * series below a+1 and its continued fraction above — the standard method, e.g. Press et al.,
 * *Numerical Recipes*, §6.2). The test is reported only where its approximation holds (Cochran's
 * rule: no expected count below 1 and at most 20% below 5); otherwise it says why not.
 */

export type ChiSquareResult =
  | { computed: true; chiSquare: number; df: number; p: number; n: number }
  | { computed: false; reason: string; n: number };

export function chiSquareTest(table: number[][]): ChiSquareResult {
  const rows = table.filter((row) => row.some((v) => v > 0));
  const columnTotals = columnSums(rows);
  const keptColumns = columnTotals.map((t, i) => (t > 0 ? i : -1)).filter((i) => i >= 0);
  const observed = rows.map((row) => keptColumns.map((i) => row[i]));
  const n = observed.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
  if (observed.length < 2 || keptColumns.length < 2) {
    return { computed: false, reason: 'needs at least two rows and two columns with counts', n };
  }
  const rowTotals = observed.map((row) => row.reduce((a, b) => a + b, 0));
  const colTotals = columnSums(observed);
  let chiSquare = 0;
  let small = 0;
  let cells = 0;
  for (let r = 0; r < observed.length; r++) {
    for (let c = 0; c < colTotals.length; c++) {
      const expected = (rowTotals[r] * colTotals[c]) / n;
      if (expected < 1) return { computed: false, reason: `an expected count is below 1 (${expected.toFixed(2)}): too few observations for χ²`, n };
      if (expected < 5) small++;
      cells++;
      chiSquare += (observed[r][c] - expected) ** 2 / expected;
    }
  }
  if (small / cells > 0.2) {
    return { computed: false, reason: `${small} of ${cells} expected counts are below 5 (more than 20%): too few observations for χ²`, n };
  }
  const df = (observed.length - 1) * (colTotals.length - 1);
  return { computed: true, chiSquare, df, p: chiSquarePValue(chiSquare, df), n };
}

function columnSums(rows: number[][]): number[] {
  const sums: number[] = [];
  for (const row of rows) row.forEach((v, i) => (sums[i] = (sums[i] ?? 0) + v));
  return sums;
}

/** P(X ≥ x) for X ~ χ²(df). */
export function chiSquarePValue(x: number, df: number): number {
  if (x <= 0) return 1;
  return regularisedGammaQ(df / 2, x / 2);
}

function regularisedGammaQ(a: number, x: number): number {
  if (x < a + 1) return 1 - gammaSeries(a, x);
  return gammaContinuedFraction(a, x);
}

const EPSILON = 1e-14;
const MAX_ITERATIONS = 1000;

function gammaSeries(a: number, x: number): number {
  let term = 1 / a;
  let sum = term;
  for (let n = 1; n < MAX_ITERATIONS; n++) {
    term *= x / (a + n);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * EPSILON) break;
  }
  return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
}

/** Lentz's method for the continued fraction of Q(a, x). */
function gammaContinuedFraction(a: number, x: number): number {
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
}

/** ln Γ(z) by the Lanczos approximation (g = 7, n = 9), accurate to ~15 digits for z > 0. */
function logGamma(z: number): number {
  const g = 7;
  const coefficients = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const zz = z - 1;
  let sum = coefficients[0];
  for (let i = 1; i < g + 2; i++) sum += coefficients[i] / (zz + i);
  const t = zz + g + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (zz + 0.5) * Math.log(t) - t + Math.log(sum);
}
