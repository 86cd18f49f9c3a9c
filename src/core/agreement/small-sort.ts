import type { TextRange } from '../model';

/**
 * Below this length an insertion sort is used. Array.prototype.sort allocates work arrays on every
 * call; agreement sorts tens of thousands of arrays of a few elements (one per transcript and code),
 * where that garbage, not the comparisons, was most of the cost.
 */
const SMALL = 32;

/** Sorts numbers ascending, in place. */
export function sortNumbers(values: number[]): number[] {
  if (values.length > SMALL) {
    // A typed array sorts numbers natively, without calling back into a comparator.
    const sorted = Float64Array.from(values).sort();
    for (let i = 0; i < sorted.length; i++) values[i] = sorted[i];
    return values;
  }
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    let j = i - 1;
    while (j >= 0 && values[j] > v) {
      values[j + 1] = values[j];
      j--;
    }
    values[j + 1] = v;
  }
  return values;
}

/** Sorts ranges by start, then end, in place. */
export function sortRanges<T extends TextRange>(ranges: T[]): T[] {
  if (ranges.length > SMALL) return ranges.sort(byStartThenEnd);
  for (let i = 1; i < ranges.length; i++) {
    const r = ranges[i];
    let j = i - 1;
    while (j >= 0 && byStartThenEnd(ranges[j], r) > 0) {
      ranges[j + 1] = ranges[j];
      j--;
    }
    ranges[j + 1] = r;
  }
  return ranges;
}

function byStartThenEnd(a: TextRange, b: TextRange): number {
  return a.start - b.start || a.end - b.end;
}
