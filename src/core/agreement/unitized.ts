import type { TextRange } from '../model';
import { countBelow } from '../sorted-numbers';
import { sortNumbers } from './small-sort';

export interface UnitizedResult {
  value: number | undefined;
  observed: number | undefined;
  expected: number | undefined;
  /** L: characters of continuum. */
  length: number;
  /** N: units of all coders. */
  units: number;
  undefinedBecause?: string;
}

/**
 * Krippendorff's unitizing α (uα) for one category on a continuum of characters: Krippendorff
 * (1995) "On the reliability of unitizing continuous data", in the form of Content Analysis, 2nd
 * ed. (2004), §12.4. Each coder's continuum is cut into units of the category and gaps between
 * them; the observed disagreement sums squared boundary differences of overlapping units (or a
 * unit's squared length where the other coder's gap holds it whole), the expected disagreement what
 * the same units would give if placed at random. See docs/agreement.md for the formulas.
 *
 * Several stretches (transcripts, or parts of one) are laid end to end as one continuum; a gap
 * never runs from one stretch into the next.
 */
export class UnitizedAlpha {
  private length = 0;
  private observedSum = 0;
  private readonly unitLengths: number[] = [];
  private readonly gapLengths: number[] = [];

  constructor(private readonly coders: number) {}

  /**
   * Add one stretch [start, end) of the continuum with every coder's units of the category in it:
   * `units[i]` are coder i's units, sorted, not overlapping each other, inside the stretch.
   */
  addStretch(start: number, end: number, units: readonly (readonly TextRange[])[]): void {
    this.length += end - start;
    for (const own of units) {
      let at = start;
      for (const u of own) {
        if (u.start > at) this.gapLengths.push(u.start - at);
        this.unitLengths.push(u.end - u.start);
        at = u.end;
      }
      if (end > at) this.gapLengths.push(end - at);
    }
    // δ² is symmetric in the two coders, so each unordered pair counts twice.
    for (let i = 0; i < units.length; i++) {
      for (let j = i + 1; j < units.length; j++) this.observedSum += 2 * pairDisagreement(units[i], units[j]);
    }
  }

  /** Adds another accumulator's continuum (same number of coders) after this one's. */
  absorb(other: UnitizedAlpha): void {
    this.length += other.length;
    this.observedSum += other.observedSum;
    for (const l of other.unitLengths) this.unitLengths.push(l);
    for (const l of other.gapLengths) this.gapLengths.push(l);
  }

  result(): UnitizedResult {
    const m = this.coders;
    const L = this.length;
    const units = this.unitLengths.length;
    if (m < 2 || L === 0) return { length: L, units, value: undefined, observed: undefined, expected: undefined, undefinedBecause: m < 2 ? 'fewer than two coders' : 'an empty continuum' };
    const observed = this.observedSum / (m * (m - 1) * L * L);
    const expected = this.expectedDisagreement();
    if (expected === 0) return { length: L, units, value: undefined, observed, expected, undefinedBecause: 'no coder used the code on this continuum (no variation): uα is 0/0' };
    return { length: L, units, value: 1 - observed / expected, observed, expected };
  }

  /**
   * uD_e = (2/L) Σ_units [ (N−1)/3 · (2l³ − 3l² + l) + l² Σ_{gaps h, l_h ≥ l} (l_h − l + 1) ]
   *        / ( mL(mL − 1) − Σ_units (l² − l) ),
   * with N the number of units of all coders. Gaps are sorted once, so each unit costs a binary search.
   */
  private expectedDisagreement(): number {
    const m = this.coders;
    const L = this.length;
    const N = this.unitLengths.length;
    if (N === 0) return 0;
    const gaps = sortNumbers(this.gapLengths);
    // suffix[i] = sum of gaps[i..]
    const suffix = new Array<number>(gaps.length + 1);
    suffix[gaps.length] = 0;
    for (let i = gaps.length - 1; i >= 0; i--) suffix[i] = suffix[i + 1] + gaps[i];
    let numerator = 0;
    let unitPairs = 0;
    for (const l of this.unitLengths) {
      const first = countBelow(gaps, l);
      const count = gaps.length - first;
      const fits = suffix[first] - count * (l - 1);
      numerator += ((N - 1) / 3) * (2 * l * l * l - 3 * l * l + l) + l * l * fits;
      unitPairs += l * l - l;
    }
    return ((2 / L) * numerator) / (m * L * (m * L - 1) - unitPairs);
  }
}

/**
 * Σ δ² over the sections of coder a against those of coder b (one direction): overlapping units
 * give (start difference)² + (end difference)²; a unit that lies wholly in the other coder's gap
 * gives its length²; a unit partly in a gap adds nothing for that gap.
 */
export function pairDisagreement(a: readonly TextRange[], b: readonly TextRange[]): number {
  let total = 0;
  let j = 0;
  for (const u of a) {
    while (j < b.length && b[j].end <= u.start) j++;
    let overlapped = false;
    for (let k = j; k < b.length && b[k].start < u.end; k++) {
      overlapped = true;
      total += (u.start - b[k].start) ** 2 + (u.end - b[k].end) ** 2;
    }
    if (!overlapped) total += (u.end - u.start) ** 2;
  }
  return total + unmatched(b, a);
}

/** Σ length² of the units of `a` that no unit of `b` overlaps. */
function unmatched(a: readonly TextRange[], b: readonly TextRange[]): number {
  let total = 0;
  let j = 0;
  for (const u of a) {
    while (j < b.length && b[j].end <= u.start) j++;
    if (j === b.length || b[j].start >= u.end) total += (u.end - u.start) ** 2;
  }
  return total;
}

