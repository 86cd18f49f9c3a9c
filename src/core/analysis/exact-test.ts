/**
 * Fisher's exact test of independence for a table of two rows (with and without a code) and two or
 * more columns (groups of participants), by the Freeman–Halton extension for more than two. Every
 * table with the observed margins is enumerated with its hypergeometric probability
 * Π C(column total, top cell) / C(n, top row total); the two-sided p-value is the sum over the tables
 * no more probable than the observed one (with R's relative tolerance of 1e-7, so that ties in exact
 * arithmetic are not lost to rounding). The studies this is for have a few dozen participants, where
 * χ²'s approximation does not hold and the tables are few.
 */

export type ExactTestResult = { computed: true; p: number; n: number; tables: number } | { computed: false; reason: string; n: number };

/** Tables enumerated at most; past it the test says so instead of running on. */
const MAX_TABLES = 200_000;
const RELATIVE_TOLERANCE = 1 + 1e-7;

/** `table`: two rows of counts, one column per group. */
export function exactTest(table: readonly (readonly number[])[]): ExactTestResult {
  if (table.length !== 2) return { computed: false, reason: 'the exact test here takes two rows', n: sum(table.flat()) };
  const both = table[0].map((top, j) => [top, table[1][j]] as const).filter(([top, bottom]) => top + bottom > 0);
  const totals = both.map(([top, bottom]) => top + bottom);
  const n = sum(totals);
  const withCode = sum(both.map(([top]) => top));
  if (both.length < 2 || withCode === 0 || withCode === n) return { computed: false, reason: 'needs two groups with participants, and participants with and without the code', n };
  // Read from either row the tables and their probabilities are the same (C(c, t) = C(c, c − t)):
  // the row with the smaller total has the fewer tables to go through.
  const fromTop = withCode <= n - withCode;
  const counted = both.map(([top, bottom]) => (fromTop ? top : bottom));
  const m = fromTop ? withCode : n - withCode;

  const logFactorial = logFactorials(n);
  const logChoose = (a: number, b: number): number => logFactorial[a] - logFactorial[b] - logFactorial[a - b];
  const logDenominator = logChoose(n, m);
  const observed = sum(counted.map((k, j) => logChoose(totals[j], k))) - logDenominator;
  const threshold = observed + Math.log(RELATIVE_TOLERANCE);
  // What the columns after j can hold at most: a partial table that cannot reach m is cut.
  const capacityAfter = totals.map((_, j) => sum(totals.slice(j + 1)));

  let p = 0;
  let tables = 0;
  const visit = (j: number, left: number, logWeight: number): boolean => {
    if (j === totals.length - 1) {
      if (left > totals[j]) return true;
      if (++tables > MAX_TABLES) return false;
      const logP = logWeight + logChoose(totals[j], left) - logDenominator;
      if (logP <= threshold) p += Math.exp(logP);
      return true;
    }
    const from = Math.max(0, left - capacityAfter[j]);
    const to = Math.min(totals[j], left);
    for (let top = from; top <= to; top++) if (!visit(j + 1, left - top, logWeight + logChoose(totals[j], top))) return false;
    return true;
  };
  if (!visit(0, m, 0)) return { computed: false, reason: `more than ${MAX_TABLES.toLocaleString('en')} tables to enumerate for the exact test`, n };
  return { computed: true, p: Math.min(1, p), n, tables };
}

function logFactorials(n: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) table[i] = table[i - 1] + Math.log(i);
  return table;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
