/**
 * Finding an edited quote by approximate search: in a window around the predicted start, or
 * anywhere in the text.
 */
import search from 'approx-string-match';
import { BOUNDARY_PIECE, settleBoundaries, wholeCharacters } from './boundaries';
import { distancesEndingAtEach, distancesStartingAtEach, quoteDistance } from './distance';
import { distanceToExpected, maxQuoteErrors, type QuoteSearch } from './quote-search';
import { evaluate, MIN_FUZZY_QUOTE_LENGTH, type Candidate } from './scoring';
import type { Seed } from './seeds';

/** Slack, beyond the allowed errors, of the window searched for an edited quote near its place. */
const FUZZY_WINDOW_SLACK = 64;
/** Errors allowed in the first, cheaper search near the predicted place: the larger of these. */
const FEW_ERRORS = 8;
const FEW_ERRORS_RATE = 0.1;
/** Pieces shorter than this occur anywhere, so they cannot rule a window out. */
const MIN_PIECE_LENGTH = 4;
/** Shortest quote searched for across the whole text: shorter ones have too few pieces to go on. */
const MIN_WIDE_QUOTE_LENGTH = 24;
/** Errors allowed far from the predicted place: the larger of these. */
const WIDE_MIN_ERRORS = 4;
const WIDE_ERROR_RATE = 0.1;
/** Places verified by the full search, nearest to the predicted place first. */
const MAX_VERIFIED_PLACES = 24;

/**
 * The edited quote anywhere in a window around the most likely start (bit-parallel search). Most
 * edits are small, and the search's cost grows with the errors allowed: look for a lightly edited
 * quote first, and allow the full budget only when that finds nothing.
 */
export function fuzzyNear(s: QuoteSearch, allowed: 'few' | 'all'): Candidate[] {
  const n = s.quote.exact.length;
  if (n < MIN_FUZZY_QUOTE_LENGTH) return [];
  const all = maxQuoteErrors(s.quote);
  const maxErrors = allowed === 'all' ? all : Math.min(all, Math.max(FEW_ERRORS, Math.floor(n * FEW_ERRORS_RATE)));
  const slack = maxErrors + FUZZY_WINDOW_SLACK;
  const from = Math.max(0, s.expected[0] - slack);
  const to = Math.min(s.text.length, s.expected[0] + n + slack);
  return fuzzyInWindow(s, from, to, maxErrors);
}

function fuzzyInWindow(s: QuoteSearch, from: number, to: number, maxErrors: number): Candidate[] {
  // Context errors count against the same budget as quote errors (see isAcceptable), so where
  // neither context is anywhere to be found, a heavily edited quote cannot be accepted: search
  // with what remains of the budget, or not at all.
  const budget = Math.min(maxErrors, maxQuoteErrors(s.quote) - contextErrorFloor(s, from, to));
  const window = s.text.slice(from, to);
  if (budget < 0 || !somePieceIn(window, s.quote.exact, budget)) return [];
  const seen = new Set<string>();
  const out: Candidate[] = [];
  const matches = search(window, s.quote.exact, budget);
  // The search reports every end with the fewest errors; neighbouring ends are one place.
  const distinct = matches.filter((m, i) => i === 0 || m.start !== matches[i - 1].start || m.end - matches[i - 1].end > 1);
  for (const match of distinct) {
    const { start, end } = wholeCharacters(s.text, settleBoundaries(s, from + match.start, from + match.end, match.errors));
    const key = `${start}:${end}`;
    if (end <= start || seen.has(key)) continue;
    seen.add(key);
    const errors = quoteDistance(s.text, start, end, s.quote.exact, budget);
    if (errors <= budget) out.push(evaluate(s.text, s.quote, start, end, errors, distanceToExpected(s, start)));
  }
  return out;
}

/**
 * Whether a match with at most `errors` edits can be in the window at all: cut into errors + 1
 * pieces, the quote keeps at least one piece intact in any such match (pigeonhole principle). A
 * cheap test that spares the full search where the quote is gone (a deleted paragraph).
 */
function somePieceIn(window: string, exact: string, errors: number): boolean {
  const size = Math.floor(exact.length / (errors + 1));
  if (size < MIN_PIECE_LENGTH) return true;
  for (let p = 0; p <= errors; p++) if (window.includes(exact.slice(p * size, (p + 1) * size))) return true;
  return false;
}

/** The fewest errors the stored prefix and suffix can have anywhere around a window (a lower bound). */
function contextErrorFloor(s: QuoteSearch, from: number, to: number): number {
  const { text, quote } = s;
  let floor = 0;
  if (quote.prefix.length > 0) {
    const prefix = quote.prefix.slice(-BOUNDARY_PIECE);
    const lo = Math.max(0, from - 2 * prefix.length);
    floor += minimum(distancesEndingAtEach(text, lo, to, prefix), from - lo, to - lo);
  }
  if (quote.suffix.length > 0) {
    const suffix = quote.suffix.slice(0, BOUNDARY_PIECE);
    const hi = Math.min(text.length, to + 2 * suffix.length);
    floor += minimum(distancesStartingAtEach(text, from, hi, suffix), 0, to - from);
  }
  return floor;
}

function minimum(values: Int32Array, first: number, last: number): number {
  let least = Infinity;
  for (let i = first; i <= last; i++) if (values[i] < least) least = values[i];
  return least;
}

/**
 * The edited quote anywhere in the text (a paragraph moved far and edited). Pieces of the quote
 * found unchanged give places where it would begin (see seeds.ts); a place two different pieces
 * agree on is verified by the full search, nearest first. Lightly edited quotes only (max(4, 10 %)
 * errors; six scanned pieces are sure to keep two intact up to four): far from its predicted place,
 * a quote must speak for itself.
 */
export function fuzzyAnywhere(s: QuoteSearch): Candidate[] {
  const { exact } = s.quote;
  if (exact.length < MIN_WIDE_QUOTE_LENGTH) return [];
  const maxErrors = Math.min(maxQuoteErrors(s.quote), Math.max(WIDE_MIN_ERRORS, Math.floor(exact.length * WIDE_ERROR_RATE)));
  const starts = startsWithTwoPieces(s.seeds.seeds(exact), maxErrors);
  const nearest = starts.sort((a, b) => distanceToExpected(s, a) - distanceToExpected(s, b)).slice(0, MAX_VERIFIED_PLACES);
  const out: Candidate[] = [];
  for (const start of nearest) {
    const from = Math.max(0, start - maxErrors);
    const to = Math.min(s.text.length, start + exact.length + maxErrors);
    out.push(...fuzzyInWindow(s, from, to, maxErrors));
  }
  return out;
}

/** Implied starts backed by two different pieces within `slack` of each other (one per cluster). */
function startsWithTwoPieces(hits: Seed[], slack: number): number[] {
  hits.sort((a, b) => a.start - b.start);
  const out: number[] = [];
  let lastTaken = -Infinity;
  for (let i = 0, j = 0; i < hits.length; i++) {
    while (hits[i].start - hits[j].start > slack) j++;
    let agreeing = false;
    for (let k = j; k < i && !agreeing; k++) agreeing = hits[k].piece !== hits[i].piece;
    if (agreeing && hits[i].start - lastTaken > 2 * slack) {
      out.push(hits[i].start);
      lastTaken = hits[i].start;
    }
  }
  return out;
}
