import type { TextRange } from '../model';
import { sortRanges } from './small-sort';
import type { BinaryTally } from './tally';

/**
 * The continuum of one transcript: its selected stretches read in order as one run of characters,
 * the rest cut out. `before(p)` is the number of continuum characters before text offset p, so a
 * text range maps to [before(start), before(end)), empty when it lies wholly outside.
 */
export function continuumPositions(stretches: readonly TextRange[]): (offset: number) => number {
  const starts = stretches.map((s) => s.start);
  const preceding: number[] = [];
  let total = 0;
  for (const s of stretches) {
    preceding.push(total);
    total += s.end - s.start;
  }
  return (offset) => {
    const k = firstEndingAfter(stretches, offset);
    if (k === stretches.length) return total;
    return preceding[k] + Math.max(0, offset - starts[k]);
  };
}

/**
 * A coder's segments of one code on the continuum, sorted, with overlapping segments joined into one
 * unit (a coder's own units of one code never overlap in a unitization). Segments that only touch
 * stay apart: they are two units.
 */
export function unitsOnContinuum(segments: readonly TextRange[], before: (offset: number) => number): TextRange[] {
  const mapped: TextRange[] = [];
  for (const s of segments) {
    const start = before(s.start);
    const end = before(s.end);
    // Most segments keep their offsets: share them rather than copy (never written to below).
    if (end > start) mapped.push(start === s.start && end === s.end ? s : { start, end });
  }
  sortRanges(mapped);
  let n = 0;
  for (const r of mapped) {
    const last = n > 0 ? mapped[n - 1] : undefined;
    if (last !== undefined && r.start < last.end) mapped[n - 1] = { start: last.start, end: Math.max(last.end, r.end) };
    else mapped[n++] = r;
  }
  mapped.length = n;
  return mapped;
}

/**
 * Adds every character of the stretch [start, end) to the tally: runs of characters with the same
 * set of coders coding them, found by sweeping the sorted unit boundaries (never per character).
 * `units[i]` are coder i's units in the stretch (sorted, not overlapping).
 */
export function tallyCharacters(tally: BinaryTally, present: number, start: number, end: number, units: readonly (readonly TextRange[])[]): void {
  // Each coder's units are sorted and disjoint, so their boundaries come in order: merge the coders'
  // boundary lists (next[i] counts the boundaries of coder i passed) instead of sorting them all.
  const m = units.length;
  const next: number[] = new Array<number>(m).fill(0);
  let remaining = 0;
  for (const own of units) remaining += own.length * 2;
  let mask = 0;
  let at = start;
  for (; remaining > 0; remaining--) {
    let coder = -1;
    let position = Infinity;
    for (let i = 0; i < m; i++) {
      const k = next[i];
      if (k === units[i].length * 2) continue;
      const u = units[i][k >> 1];
      const p = (k & 1) === 0 ? u.start : u.end;
      if (p < position) {
        position = p;
        coder = i;
      }
    }
    if (position > at) {
      tally.add(present, mask, position - at);
      at = position;
    }
    // A coder's units never overlap, so each boundary flips that coder in or out.
    mask ^= 1 << coder;
    next[coder]++;
  }
  if (end > at) tally.add(present, mask, end - at);
}

/**
 * Adds every unit (turn, paragraph, line) to the tally: a unit counts as coded by a coder when one
 * of the coder's pieces overlaps it by at least one character. `units` are sorted and disjoint.
 */
export function tallyUnits(tally: BinaryTally, present: number, units: readonly TextRange[], pieces: readonly (readonly TextRange[])[]): void {
  const masks = new Int32Array(units.length);
  pieces.forEach((own, coder) => {
    for (const piece of own) {
      for (let u = firstEndingAfter(units, piece.start); u < units.length && units[u].start < piece.end; u++) masks[u] |= 1 << coder;
    }
  });
  const counts = new Map<number, number>();
  for (const mask of masks) counts.set(mask, (counts.get(mask) ?? 0) + 1);
  for (const [mask, n] of counts) tally.add(present, mask, n);
}

/** Index of the first range whose end is after `offset` (ranges sorted and disjoint). */
export function firstEndingAfter(ranges: readonly TextRange[], offset: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ranges[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
