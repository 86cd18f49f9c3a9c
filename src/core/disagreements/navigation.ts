/** Moving between disagreements from the cursor, as F8 moves between problems. */
import type { Disagreement } from './types';

/**
 * The next (or previous) disagreement from `at` (the start of the selection: a revealed
 * disagreement is selected, so stepping again moves on from it), across transcripts in list order,
 * wrapping around. `all` is in transcript order, each transcript's in text order.
 */
export function neighbour(all: readonly Disagreement[], at: { transcript: string; offset: number } | undefined, direction: 1 | -1): Disagreement {
  if (!at) return direction === 1 ? all[0] : all[all.length - 1];
  const after = (d: Disagreement): boolean => d.transcript > at.transcript || (d.transcript === at.transcript && d.range.start > at.offset);
  const before = (d: Disagreement): boolean => d.transcript < at.transcript || (d.transcript === at.transcript && d.range.start < at.offset);
  if (direction === 1) return all.find(after) ?? all[0];
  return [...all].reverse().find(before) ?? all[all.length - 1];
}

export function atCursor(all: readonly Disagreement[], at: { transcript: string; offset: number } | undefined): Disagreement | undefined {
  return at && all.find((d) => d.transcript === at.transcript && d.range.start <= at.offset && at.offset <= d.range.end);
}

