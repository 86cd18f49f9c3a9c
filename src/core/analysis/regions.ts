/**
 * Sets of coded text as sorted, disjoint, non-touching intervals per transcript. The boolean code
 * operators (AND, OR, NOT) are set operations on these; every operation is one linear merge.
 */

export interface Interval {
  start: number;
  end: number;
}

/** Intervals sorted by start, disjoint, never empty, never touching. */
export type IntervalSet = Interval[];

/** Regions of a project: transcript path → its interval set (transcripts with none are absent). */
export type Regions = Map<string, IntervalSet>;

/** Sorts and merges overlapping or touching intervals; drops empty ones. */
export function normalise(intervals: Interval[]): IntervalSet {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: IntervalSet = [];
  for (const { start, end } of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

/** One linear merge of two sorted sets. */
export function union(a: IntervalSet, b: IntervalSet): IntervalSet {
  const result: IntervalSet = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && a[i].start <= b[j].start) ? a[i++] : b[j++];
    const last = result[result.length - 1];
    if (last && next.start <= last.end) last.end = Math.max(last.end, next.end);
    else result.push({ start: next.start, end: next.end });
  }
  return result;
}

export function intersect(a: IntervalSet, b: IntervalSet): IntervalSet {
  const result: IntervalSet = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (end > start) result.push({ start, end });
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return result;
}

/** The parts of `a` that `b` does not cover. */
export function subtract(a: IntervalSet, b: IntervalSet): IntervalSet {
  const result: IntervalSet = [];
  let j = 0;
  for (const interval of a) {
    let start = interval.start;
    while (j < b.length && b[j].end <= start) j++;
    let k = j;
    while (k < b.length && b[k].start < interval.end) {
      if (b[k].start > start) result.push({ start, end: b[k].start });
      start = Math.max(start, b[k].end);
      k++;
    }
    if (start < interval.end) result.push({ start, end: interval.end });
  }
  return result;
}

export function totalLength(set: IntervalSet): number {
  let sum = 0;
  for (const i of set) sum += i.end - i.start;
  return sum;
}

export function combineRegions(a: Regions, b: Regions, op: (x: IntervalSet, y: IntervalSet) => IntervalSet): Regions {
  const result: Regions = new Map();
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const set = op(a.get(path) ?? [], b.get(path) ?? []);
    if (set.length > 0) result.set(path, set);
  }
  return result;
}

/** How much two sets share: the number of separate overlapping stretches and their total length. */
export function overlap(a: IntervalSet, b: IntervalSet): { count: number; length: number } {
  let count = 0;
  let length = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (end > start) {
      count++;
      length += end - start;
    }
    if (a[i].end < b[j].end) i++;
    else j++;
  }
  return { count, length };
}
