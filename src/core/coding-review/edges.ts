/** What each edge of a re-bounded segment gained or lost, for showing the change in words. */
import type { PlacedSegment } from '../placement';
import type { Edge } from './types';

/** Shorter overlaps than this are coincidence, not the same passage. */
const MIN_OVERLAP = 3;

/**
 * The words gained or lost at each edge. With the text unchanged the two ranges say it exactly;
 * otherwise the two quotes are aligned (one inside the other, or overlapping). Undefined when
 * neither works: the quote's own words changed, and the caller shows the old quote instead.
 */
export function edgesOf(was: PlacedSegment, now: PlacedSegment, sameText: string | undefined): { start: Edge; end: Edge } | undefined {
  if (sameText !== undefined && was.range && now.range && now.range.start < was.range.end && was.range.start < now.range.end) {
    return rangeEdges(sameText, was.range, now.range);
  }
  return quoteEdges(was.segment.quote.exact, now.segment.quote.exact);
}

function rangeEdges(text: string, was: { start: number; end: number }, now: { start: number; end: number }): { start: Edge; end: Edge } {
  return {
    start: now.start < was.start ? edge(text.slice(now.start, was.start), '') : edge('', text.slice(was.start, now.start)),
    end: now.end > was.end ? edge(text.slice(was.end, now.end), '') : edge('', text.slice(now.end, was.end)),
  };
}

export function quoteEdges(before: string, after: string): { start: Edge; end: Edge } | undefined {
  const inside = after.indexOf(before);
  if (inside >= 0) return { start: edge(after.slice(0, inside), ''), end: edge(after.slice(inside + before.length), '') };
  const within = before.indexOf(after);
  if (within >= 0) return { start: edge('', before.slice(0, within)), end: edge('', before.slice(within + after.length)) };
  // The start moved on and the end with it: a tail of the old quote begins the new one.
  for (let k = 1; k <= before.length - MIN_OVERLAP; k++) {
    if (after.startsWith(before.slice(k))) return { start: edge('', before.slice(0, k)), end: edge(after.slice(before.length - k), '') };
  }
  // The start moved back and the end with it: a tail of the new quote begins the old one.
  for (let k = 1; k <= after.length - MIN_OVERLAP; k++) {
    if (before.startsWith(after.slice(k))) return { start: edge(after.slice(0, k), ''), end: edge('', before.slice(after.length - k)) };
  }
  return undefined;
}

function edge(gained: string, lost: string): Edge {
  return { gained, lost };
}
