import { cohenKappa, fleissKappa, krippendorffAlpha, twoCoderBinary, type CountRow } from './coefficients';
import type { TwoByTwo } from './types';

/** Coders are bits of a 32-bit mask. */
export const MAX_CODERS = 31;

/**
 * How many items (characters or units) had each pattern of "coded with X" across the coders: for
 * every set of coders who rated an item (`present`), the number of items per set of coders who
 * coded it (`coded`). Items are few patterns however many characters there are, so every
 * coefficient is computed from this small table.
 */
export class BinaryTally {
  private readonly cells = new Map<number, Map<number, number>>();

  constructor(readonly coders: number) {}

  add(present: number, coded: number, weight: number): void {
    if (weight === 0) return;
    let row = this.cells.get(present);
    if (!row) this.cells.set(present, (row = new Map()));
    row.set(coded, (row.get(coded) ?? 0) + weight);
  }

  addAll(other: BinaryTally): void {
    for (const [present, row] of other.cells) for (const [coded, w] of row) this.add(present, coded, w);
  }

  /** Every (present, coded, weight) cell, in the order first added (the same input, the same order). */
  entries(): [number, number, number][] {
    const out: [number, number, number][] = [];
    for (const [present, row] of this.cells) for (const [coded, weight] of row) out.push([present, coded, weight]);
    return out;
  }
}

export interface TallyFigures {
  items: number;
  agreeing: number;
  percent: number | undefined;
  codedBy: number[];
  pairs: { a: number; b: number; table: TwoByTwo; percent: number | undefined; kappa: ReturnType<typeof cohenKappa> }[];
  fleiss: ReturnType<typeof fleissKappa>;
  alpha: ReturnType<typeof krippendorffAlpha>;
}

/** Percent agreement, Cohen's κ per pair, Fleiss' κ and Krippendorff's α from one tally. */
export function tallyFigures(tally: BinaryTally): TallyFigures {
  if (tally.coders === 2) return twoCoderFigures(tally);
  const m = tally.coders;
  const all = m >= 32 ? -1 : (1 << m) - 1;
  let items = 0;
  let agreeing = 0;
  const codedBy = new Array<number>(m).fill(0);
  const fleissRows: CountRow[] = [];
  const alphaRows: CountRow[] = [];
  for (const [present, coded, weight] of tally.entries()) {
    const raters = popcount(present);
    if (raters < 2) continue;
    const yes = popcount(coded);
    items += weight;
    if (yes === 0 || yes === raters) agreeing += weight;
    for (let i = 0; i < m; i++) if (coded & (1 << i)) codedBy[i] += weight;
    alphaRows.push({ counts: [raters - yes, yes], weight });
    if (present === all) fleissRows.push({ counts: [raters - yes, yes], weight });
  }
  const pairs: TallyFigures['pairs'] = [];
  for (let a = 0; a < m; a++) for (let b = a + 1; b < m; b++) pairs.push(pairFigures(tally, a, b));
  return {
    items,
    agreeing,
    percent: items === 0 ? undefined : (100 * agreeing) / items,
    codedBy,
    pairs,
    fleiss: fleissKappa(fleissRows),
    alpha: krippendorffAlpha(alphaRows),
  };
}

/** Two coders: everything follows from the one 2×2 table. */
function twoCoderFigures(tally: BinaryTally): TallyFigures {
  const pair = pairFigures(tally, 0, 1);
  const { both, first_only, second_only, neither } = pair.table;
  const { fleiss, alpha } = twoCoderBinary(both, first_only, second_only, neither);
  const items = both + first_only + second_only + neither;
  return {
    items,
    agreeing: both + neither,
    percent: pair.percent,
    codedBy: [both + first_only, both + second_only],
    pairs: [pair],
    fleiss,
    alpha,
  };
}

function pairFigures(tally: BinaryTally, a: number, b: number): TallyFigures['pairs'][number] {
  const table: TwoByTwo = { both: 0, first_only: 0, second_only: 0, neither: 0 };
  const bitA = 1 << a;
  const bitB = 1 << b;
  for (const [present, coded, weight] of tally.entries()) {
    if (!(present & bitA) || !(present & bitB)) continue;
    const inA = (coded & bitA) !== 0;
    const inB = (coded & bitB) !== 0;
    if (inA && inB) table.both += weight;
    else if (inA) table.first_only += weight;
    else if (inB) table.second_only += weight;
    else table.neither += weight;
  }
  const n = table.both + table.first_only + table.second_only + table.neither;
  const kappa = cohenKappa([
    [table.both, table.first_only],
    [table.second_only, table.neither],
  ]);
  return { a, b, table, percent: n === 0 ? undefined : (100 * (table.both + table.neither)) / n, kappa };
}

export function popcount(mask: number): number {
  let n = 0;
  for (let x = mask >>> 0; x !== 0; x &= x - 1) n++;
  return n;
}
