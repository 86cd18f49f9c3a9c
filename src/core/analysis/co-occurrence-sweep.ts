/**
 * Co-occurrence of many rows at once by one sweep per transcript: every segment becomes a start and
 * an end event for each row its codes belong to; between two consecutive event positions the rows
 * covering that stretch are known, and each pair of them shares it. Linear in the segments (plus a
 * sort per transcript), instead of one interval merge per pair of rows per transcript.
 */
import type { AnalysisSegment } from './analysis-model';

export interface SweepResult {
  /** Separate stretches covered by both rows (the diagonal: each row's own stretches). */
  stretches: number[][];
  /** Characters covered by both rows (the diagonal: each row's own length). */
  shared: number[][];
}

/**
 * `rowsOf` gives, for a code id, the rows whose text it adds to (none: undefined). Segments are
 * grouped by transcript; within one, any order. Empty or reversed segments cover nothing; touching
 * stretches of one row are one stretch, as in a normalised interval set.
 */
export function sweepCoOccurrence(
  groups: Iterable<readonly AnalysisSegment[]>,
  rowCount: number,
  rowsOf: (code: string) => readonly number[] | undefined,
  keep: (segment: AnalysisSegment) => boolean,
): SweepResult {
  const shared = Array.from({ length: rowCount }, () => new Array<number>(rowCount).fill(0));
  const stretches = Array.from({ length: rowCount }, () => new Array<number>(rowCount).fill(0));
  // Where each pair's latest shared stretch ended (in this transcript): a stretch that starts
  // there continues it.
  const lastEnd = new Float64Array(rowCount * rowCount).fill(-1);
  const depth = new Int32Array(rowCount);
  const slot = new Int32Array(rowCount).fill(-1);
  const active: number[] = [];
  const span = 2 * rowCount;
  for (const segments of groups) {
    const events = eventsOf(segments, span, rowsOf, keep);
    if (events.length === 0) continue;
    lastEnd.fill(-1);
    let e = 0;
    while (e < events.length) {
      const at = Math.floor(events[e] / span);
      for (; e < events.length && Math.floor(events[e] / span) === at; e++) {
        const rest = events[e] - at * span;
        const row = rest >> 1;
        if (rest & 1) {
          if (depth[row]++ === 0) {
            slot[row] = active.length;
            active.push(row);
          }
        } else if (--depth[row] === 0) {
          const last = active.pop()!;
          if (last !== row) {
            active[slot[row]] = last;
            slot[last] = slot[row];
          }
          slot[row] = -1;
        }
      }
      if (e === events.length || active.length === 0) continue;
      const next = Math.floor(events[e] / span);
      for (let i = 0; i < active.length; i++) {
        for (let j = i; j < active.length; j++) {
          const [a, b] = active[i] <= active[j] ? [active[i], active[j]] : [active[j], active[i]];
          shared[a][b] += next - at;
          if (lastEnd[a * rowCount + b] !== at) stretches[a][b]++;
          lastEnd[a * rowCount + b] = next;
        }
      }
    }
  }
  for (let a = 0; a < rowCount; a++) {
    for (let b = a + 1; b < rowCount; b++) {
      shared[b][a] = shared[a][b];
      stretches[b][a] = stretches[a][b];
    }
  }
  return { stretches, shared };
}

/**
 * Events packed into one sortable number: position × 2·rows + 2·row + (1 for a start). Ends
 * and starts at one position are applied together, so their order there does not matter.
 */
function eventsOf(segments: readonly AnalysisSegment[], span: number, rowsOf: (code: string) => readonly number[] | undefined, keep: (segment: AnalysisSegment) => boolean): Float64Array {
  const events: number[] = [];
  for (const segment of segments) {
    if (segment.end <= segment.start || !keep(segment)) continue;
    for (const code of segment.codes) {
      for (const row of rowsOf(code) ?? []) events.push(segment.start * span + 2 * row + 1, segment.end * span + 2 * row);
    }
  }
  return Float64Array.from(events).sort();
}
