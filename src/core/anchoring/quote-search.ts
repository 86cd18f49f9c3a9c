/**
 * What every way of finding a quote shares: the text, the quote, and where the neighbouring
 * segments predict it.
 */
import type { QuoteSelector } from '../model';
import { MAX_FUZZY_ERROR_RATE } from './scoring';
import type { SeedFinder } from './seeds';

export interface QuoteSearch {
  text: string;
  quote: QuoteSelector;
  /** Predicted starts without repeats, most likely first: shifted like the last segment placed, then the hint. */
  expected: readonly number[];
  /** Pieces of quotes found in the text, for finding a quote far from its predicted place. */
  seeds: SeedFinder;
}

/** Half-width of the window searched around the predicted start before searching everywhere. */
export const LOCAL_RADIUS = 2048;

/** Most edits a fuzzy match of this quote may have (quote and context together). */
export function maxQuoteErrors(quote: QuoteSelector): number {
  return Math.floor(quote.exact.length * MAX_FUZZY_ERROR_RATE);
}

/** Offset distance from a start to the nearest predicted start. */
export function distanceToExpected(s: QuoteSearch, start: number): number {
  let best = Infinity;
  for (const e of s.expected) best = Math.min(best, Math.abs(start - e));
  return best;
}
