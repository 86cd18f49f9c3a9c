/**
 * Where exactly an approximate match begins and ends.
 */
import { distancesEndingAtEach, distancesStartingAtEach } from './distance';
import type { QuoteSearch } from './quote-search';
import { splitsSurrogatePair } from './text';

/** Characters of the quote's head and tail (and of the context) aligned when settling boundaries. */
export const BOUNDARY_PIECE = 32;
/**
 * What a lost piece of context costs at most: a piece of unrelated prose is about half a piece's
 * length of edits away from any other (chance similarity, see scoring.ts).
 */
const LOST_CONTEXT_COST = BOUNDARY_PIECE / 2;
/** How far a boundary may move, beyond the match's own error count, when settled. */
const BOUNDARY_REACH = 16;

/**
 * Move a fuzzy match's boundaries to where quote and context fit best together: the search alone
 * cannot tell an edit at the quote's edge from one in the context. Swapped neighbours count as one
 * edit here, so a typo fixed at the quote's last letters stays inside; text typed at the edge is
 * the remaining tie, and it stays outside, as when typing at a segment's edge.
 */
export function settleBoundaries(s: QuoteSearch, start: number, end: number, errors: number): { start: number; end: number } {
  const { text, quote } = s;
  const piece = Math.min(quote.exact.length, BOUNDARY_PIECE);
  // The search reports the cheapest stretch, which may stop short of a large edit near an edge.
  const reach = BOUNDARY_REACH + errors;
  const lo = Math.max(0, start - quote.prefix.length - reach);
  const hi = Math.min(text.length, start + piece + reach);
  const beforeCost = prefixCosts(text, lo, hi, quote.prefix);
  const headCost = distancesStartingAtEach(text, lo, hi, quote.exact.slice(0, piece));
  const startReach = { from: Math.max(lo, start - reach), to: Math.min(hi, start + reach) };
  const lo2 = Math.max(0, end - piece - reach);
  const hi2 = Math.min(text.length, end + quote.suffix.length + reach);
  const tailCost = distancesEndingAtEach(text, lo2, hi2, quote.exact.slice(-piece));
  const afterCost = suffixCosts(text, lo2, hi2, quote.suffix);
  const endReach = { from: Math.max(lo2, end - reach), to: Math.min(hi2, end + reach) };
  return { start: bestSplit(lo, startReach, beforeCost, headCost, 'last'), end: bestSplit(lo2, endReach, tailCost, afterCost, 'first') };
}

/**
 * For every k in [from, to]: how badly the stored prefix fits the text ending at k. An empty
 * prefix says the quote began the text, so every character before k is one too many (up to what
 * unrelated context costs): without that, leaving the quote's damaged first word out would be free.
 */
export function prefixCosts(text: string, from: number, to: number, prefix: string): Int32Array {
  if (prefix.length > 0) return distancesEndingAtEach(text, from, to, prefix.slice(-BOUNDARY_PIECE));
  return Int32Array.from({ length: to - from + 1 }, (_, i) => Math.min(from + i, LOST_CONTEXT_COST));
}

/** Likewise for the stored suffix and the text starting at k; an empty one says the quote ended the text. */
export function suffixCosts(text: string, from: number, to: number, suffix: string): Int32Array {
  if (suffix.length > 0) return distancesStartingAtEach(text, from, to, suffix.slice(0, BOUNDARY_PIECE));
  return Int32Array.from({ length: to - from + 1 }, (_, i) => Math.min(text.length - (from + i), LOST_CONTEXT_COST));
}

/** Widen a range that would cut a surrogate pair (an emoji) in half to take in the whole character. */
export function wholeCharacters(text: string, range: { start: number; end: number }): { start: number; end: number } {
  return {
    start: splitsSurrogatePair(text, range.start) ? range.start - 1 : range.start,
    end: splitsSurrogatePair(text, range.end) ? range.end + 1 : range.end,
  };
}

/** The split k in `reach` with the least left[k] + right[k]; among equals the first or the last. */
function bestSplit(base: number, reach: { from: number; to: number }, left: Int32Array, right: Int32Array, onTie: 'first' | 'last'): number {
  let best = reach.from;
  let bestCost = Infinity;
  for (let k = reach.from; k <= reach.to; k++) {
    const cost = left[k - base] + right[k - base];
    if (cost < bestCost || (cost === bestCost && onTie === 'last')) {
      best = k;
      bestCost = cost;
    }
  }
  return best;
}
