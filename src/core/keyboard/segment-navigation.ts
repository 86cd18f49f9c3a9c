import type { TextRange } from '../model';

/**
 * Ranges in reading order: by start, then by end, so nested and overlapping segments are each
 * visited once, outer before inner when they start together.
 */
function ordered(ranges: readonly TextRange[]): TextRange[] {
  const unique = new Map(ranges.filter((r) => r.end > r.start).map((r) => [`${r.start}:${r.end}`, r]));
  return [...unique.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

function before(a: TextRange, b: TextRange): boolean {
  return a.start < b.start || (a.start === b.start && a.end < b.end);
}

/**
 * The next range after `from` (a selection, or a cursor as an empty range). Selecting the result and
 * asking again moves on, so repeated use visits every range once.
 */
export function nextRange(ranges: readonly TextRange[], from: TextRange): TextRange | undefined {
  return ordered(ranges).find((r) => before(from, r));
}

export function previousRange(ranges: readonly TextRange[], from: TextRange): TextRange | undefined {
  return ordered(ranges).reverse().find((r) => before(r, from));
}
