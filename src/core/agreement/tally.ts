import { cohenKappa, fleissKappa, krippendorffAlpha, twoCoderChance, type CountRow } from './coefficients';
import type { TwoByTwo } from './types';

/** Coders are bits of a 32-bit mask. */
export const MAX_CODERS = 31;

/** Cells searched one by one before a tally builds an index (two coders have at most four). */
const LINEAR_CELLS = 32;

/**
 * How many items (characters or units) had each pattern of "coded with X" across the coders: for
 * every set of coders who rated an item (`present`), the number of items per set of coders who
 * coded it (`coded`). Items are few patterns however many characters there are, so every
 * coefficient is computed from this small table.
 */
export class BinaryTally {
  // One flat array of (present, coded, weight) cells, in the order first added. A tally holds a
  // handful of patterns, so a linear search beats a Map — and the thousands of small tallies (one
  // per transcript and code) allocate one array each instead of a Map of Maps.
  private readonly cells: number[] = [];
  /** present → coded → index of the cell, once there are too many cells to search (many coders). */
  private index: Map<number, Map<number, number>> | undefined;

  constructor(readonly coders: number) {}

  add(present: number, coded: number, weight: number): void {
    if (weight === 0) return;
    const at = this.find(present, coded);
    if (at !== -1) {
      this.cells[at + 2] += weight;
      return;
    }
    this.cells.push(present, coded, weight);
    if (this.index) this.indexCell(this.cells.length - 3);
    else if (this.cells.length > 3 * LINEAR_CELLS) {
      this.index = new Map();
      for (let i = 0; i < this.cells.length; i += 3) this.indexCell(i);
    }
  }

  addAll(other: BinaryTally): void {
    const cells = other.cells;
    for (let i = 0; i < cells.length; i += 3) this.add(cells[i], cells[i + 1], cells[i + 2]);
  }

  get size(): number {
    return this.cells.length / 3;
  }

  /** Cell i is (present(i), coded(i), weight(i)); cells are in the order first added. */
  present(i: number): number {
    return this.cells[3 * i];
  }

  coded(i: number): number {
    return this.cells[3 * i + 1];
  }

  weight(i: number): number {
    return this.cells[3 * i + 2];
  }

  /**
   * Every (present, coded, weight) cell, grouped by `present` in the order each was first added and
   * within it in the order first added: the same input gives the same order, so sums of fractions
   * come out the same to the last bit.
   */
  entries(): [number, number, number][] {
    const out: [number, number, number][] = [];
    const seen = new Set<number>();
    for (let i = 0; i < this.size; i++) {
      const present = this.present(i);
      if (seen.has(present)) continue;
      seen.add(present);
      for (let j = i; j < this.size; j++) if (this.present(j) === present) out.push([present, this.coded(j), this.weight(j)]);
    }
    return out;
  }

  private find(present: number, coded: number): number {
    if (this.index) return this.index.get(present)?.get(coded) ?? -1;
    const cells = this.cells;
    for (let i = 0; i < cells.length; i += 3) if (cells[i + 1] === coded && cells[i] === present) return i;
    return -1;
  }

  private indexCell(at: number): void {
    const present = this.cells[at];
    let row = this.index!.get(present);
    if (!row) this.index!.set(present, (row = new Map()));
    row.set(this.cells[at + 1], at);
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
  const { fleiss, alpha } = twoCoderChance(both, first_only, second_only, neither);
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
  for (let i = 0; i < tally.size; i++) {
    const present = tally.present(i);
    if (!(present & bitA) || !(present & bitB)) continue;
    const coded = tally.coded(i);
    const weight = tally.weight(i);
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
