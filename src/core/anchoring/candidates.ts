/**
 * Ways of finding places for one quote, from cheapest to most expensive. Each returns evaluated
 * candidates; choosing among them happens in choose.ts.
 */
import search from 'approx-string-match';
import type { QuoteSelector } from '../model';
import { distancesEndingAtEach, distancesStartingAtEach, quoteDistance } from './distance';
import { endsAt, occursAt, splitsSurrogatePair } from './text';
import { evaluate, MAX_FUZZY_ERROR_RATE, MIN_FUZZY_QUOTE_LENGTH, type Candidate } from './scoring';

/** What every finder needs: the text, the quote, and where the neighbouring segments say it is. */
export interface QuoteSearch {
  text: string;
  quote: QuoteSelector;
  /** Predicted starts, most likely first: the hint, then the hint shifted like its neighbours. */
  expected: readonly number[];
}

/** Half-width of the window searched around the predicted start before searching everywhere. */
export const LOCAL_RADIUS = 2048;
/** Exact occurrences evaluated in full (context distances) when a quote occurs very often. */
const MAX_EVALUATED_OCCURRENCES = 12;
/** Characters of the neighbouring context that must be intact to bracket an edited quote. */
const BRACKET_CONTEXT = 8;
/** Slack, beyond the allowed errors, of the window searched for an edited quote near its place. */
const FUZZY_WINDOW_SLACK = 64;
/** Errors allowed in the first, cheaper search near the predicted place: the larger of these. */
const FEW_ERRORS = 8;
const FEW_ERRORS_RATE = 0.1;
/** Characters of the quote's head and tail aligned with the context when settling boundaries. */
const BOUNDARY_PIECE = 32;
/** How far a fuzzy match's boundary may move when settled against the context. */
const BOUNDARY_REACH = 16;
/** Pieces of a quote searched exactly across the whole text (pigeonhole filter). */
const MAX_SEED_PIECES = 6;
/** Shortest piece worth searching for: shorter pieces occur everywhere. */
const MIN_SEED_LENGTH = 8;
/** A piece of a quote occurring more often than this is not used to find the quote. */
const MAX_PIECE_OCCURRENCES = 8;
/** Places verified by the full search, nearest to the predicted place first. */
const MAX_SEED_HITS = 24;

export function maxQuoteErrors(quote: QuoteSelector): number {
  return Math.floor(quote.exact.length * MAX_FUZZY_ERROR_RATE);
}

export function distanceToExpected(s: QuoteSearch, start: number): number {
  let best = Infinity;
  for (const e of s.expected) best = Math.min(best, Math.abs(start - e));
  return best;
}

/**
 * The common case, checked first and cheaply: quote and whole stored context still in place at a
 * predicted start.
 */
export function intactAtExpected(s: QuoteSearch): Candidate | undefined {
  const { text, quote } = s;
  const n = quote.exact.length;
  for (const e of s.expected) {
    // An empty stored context means the quote began or ended the text, and still must.
    const prefixIntact = quote.prefix.length === 0 ? e === 0 : endsAt(text, e, quote.prefix);
    const suffixIntact = quote.suffix.length === 0 ? e + n === text.length : occursAt(text, e + n, quote.suffix);
    if (prefixIntact && suffixIntact && occursAt(text, e, quote.exact)) {
      return { start: e, end: e + n, quoteErrors: 0, prefixErrors: 0, suffixErrors: 0, prefixEvidence: 1, suffixEvidence: 1, distance: 0, unique: false, score: 1 };
    }
  }
  return undefined;
}

/** The exact quote at one of the predicted starts. */
export function exactAtExpected(s: QuoteSearch): Candidate[] {
  const out: Candidate[] = [];
  const n = s.quote.exact.length;
  for (const e of s.expected) {
    if (e >= 0 && occursAt(s.text, e, s.quote.exact)) out.push(evaluate(s.text, s.quote, e, e + n, 0, 0));
  }
  return out;
}

/** Exact occurrences within `radius` of the most likely start (everywhere when radius is Infinity). */
export function exactOccurrences(s: QuoteSearch, radius: number): Candidate[] {
  const { text } = s;
  const exact = s.quote.exact;
  const anchor = s.expected[0];
  const from = Number.isFinite(radius) ? Math.max(0, anchor - radius) : 0;
  const to = Number.isFinite(radius) ? Math.min(text.length, anchor + exact.length + radius) : text.length;
  const haystack = from === 0 && to === text.length ? text : text.slice(from, to);
  const starts: number[] = [];
  for (let i = haystack.indexOf(exact); i !== -1; i = haystack.indexOf(exact, i + 1)) starts.push(from + i);
  const unique = from === 0 && to === text.length && starts.length === 1;
  return mostPromising(s, starts).map((start) => evaluate(text, s.quote, start, start + exact.length, 0, distanceToExpected(s, start), unique));
}

/** True when a search of `radius` around the most likely start already covers the whole text. */
export function coversWholeText(s: QuoteSearch, radius: number): boolean {
  return s.expected[0] - radius <= 0 && s.expected[0] + s.quote.exact.length + radius >= s.text.length;
}

/**
 * Frequent quotes ("you know") occur hundreds of times: rank occurrences by how many context
 * characters agree right at their edges (cheap), and by closeness, before measuring them properly.
 */
function mostPromising(s: QuoteSearch, starts: number[]): number[] {
  if (starts.length <= MAX_EVALUATED_OCCURRENCES) return starts;
  const n = s.quote.exact.length;
  const edgeAgreement = (start: number): number =>
    agreementBefore(s.text, start, s.quote.prefix) + agreementAfter(s.text, start + n, s.quote.suffix);
  const byContext = [...starts].sort((a, b) => edgeAgreement(b) - edgeAgreement(a));
  const byDistance = [...starts].sort((a, b) => distanceToExpected(s, a) - distanceToExpected(s, b));
  const half = MAX_EVALUATED_OCCURRENCES / 2;
  return [...new Set([...byContext.slice(0, half), ...byDistance.slice(0, half)])];
}

/**
 * An edited quote at a predicted start, held in place by intact text at both ends: the start is
 * where the prefix still ends (or where the quote's first characters still are), the end where
 * the suffix still begins (or the quote's last characters still end) about a quote's length
 * later. Boundaries resting on context are right even when the edit touched the quote's first or
 * last characters; the others are settled against the context.
 */
export function bracketed(s: QuoteSearch): Candidate[] {
  const { text, quote } = s;
  const n = quote.exact.length;
  if (n < MIN_FUZZY_QUOTE_LENGTH) return [];
  const maxErrors = maxQuoteErrors(quote);
  const head = quote.exact.slice(0, BRACKET_CONTEXT);
  const out: Candidate[] = [];
  for (const start of new Set(s.expected)) {
    if (start < 0 || start > text.length) continue;
    const prefixHolds = prefixIntactBefore(text, start, quote.prefix);
    if (!prefixHolds && !occursAt(text, start, head)) continue;
    const best = bestEndAfter(s, start, maxErrors, prefixHolds);
    if (best) out.push(best);
  }
  return out;
}

/** The end that leaves the fewest edits inside the quote. */
function bestEndAfter(s: QuoteSearch, start: number, maxErrors: number, prefixHolds: boolean): Candidate | undefined {
  const { text, quote } = s;
  const n = quote.exact.length;
  const bySuffix = suffixStartsNear(text, start, n, maxErrors, quote.suffix);
  const ends = bySuffix.length > 0 ? bySuffix : tailEndsNear(text, start, n, maxErrors, quote.exact);
  // Ends nearest a quote's length from the start need the fewest edits; stop once none can do better.
  ends.sort((a, b) => Math.abs(a - start - n) - Math.abs(b - start - n));
  let bestEnd = -1;
  let bestErrors = maxErrors + 1;
  for (const end of ends) {
    if (Math.abs(end - start - n) >= bestErrors) break;
    const errors = quoteDistance(text, start, end, quote.exact, bestErrors - 1);
    if (errors < bestErrors) [bestEnd, bestErrors] = [end, errors];
  }
  if (bestEnd < 0) return undefined;
  if (prefixHolds && bySuffix.length > 0 && edgesIntact(text, start, bestEnd, quote.exact)) {
    return evaluate(text, quote, start, bestEnd, bestErrors, distanceToExpected(s, start));
  }
  // An edit at the quote's very edge may belong to the context (text typed just outside the
  // segment), and an edited context pins nothing: let quote and context settle the boundaries.
  const settled = wholeCharacters(text, settleBoundaries(s, start, bestEnd, bestErrors));
  if (settled.end <= settled.start) return undefined;
  const errors = quoteDistance(text, settled.start, settled.end, quote.exact, maxErrors);
  return errors > maxErrors ? undefined : evaluate(text, quote, settled.start, settled.end, errors, distanceToExpected(s, settled.start));
}

/** Characters at each edge that must be unchanged for a bracketed match's edges to be trusted. */
const TRUSTED_EDGE = 4;

function edgesIntact(text: string, start: number, end: number, exact: string): boolean {
  const edge = Math.min(TRUSTED_EDGE, exact.length, end - start);
  return occursAt(text, start, exact.slice(0, edge)) && endsAt(text, end, exact.slice(-edge));
}

function prefixIntactBefore(text: string, start: number, prefix: string): boolean {
  if (prefix.length === 0) return start === 0;
  return endsAt(text, start, prefix.slice(-BRACKET_CONTEXT));
}

/** Ends of the quote's last characters, found unchanged about a quote's length after `start`. */
function tailEndsNear(text: string, start: number, n: number, maxErrors: number, exact: string): number[] {
  const tail = exact.slice(-BRACKET_CONTEXT);
  const lowest = start + Math.max(1, n - maxErrors) - tail.length;
  const highest = Math.min(text.length, start + n + maxErrors);
  const window = text.slice(Math.max(0, lowest), highest);
  const out: number[] = [];
  for (let i = window.indexOf(tail); i !== -1; i = window.indexOf(tail, i + 1)) out.push(Math.max(0, lowest) + i + tail.length);
  return out;
}

function suffixStartsNear(text: string, start: number, n: number, maxErrors: number, suffix: string): number[] {
  const lowest = start + Math.max(1, n - maxErrors);
  const highest = Math.min(text.length, start + n + maxErrors);
  if (suffix.length === 0) return highest === text.length ? [text.length] : [];
  const head = suffix.slice(0, BRACKET_CONTEXT);
  const window = text.slice(lowest, highest + head.length);
  const out: number[] = [];
  for (let i = window.indexOf(head); i !== -1; i = window.indexOf(head, i + 1)) out.push(lowest + i);
  return out;
}

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
  if (budget < 0) return [];
  const seen = new Set<string>();
  const out: Candidate[] = [];
  const matches = search(s.text.slice(from, to), s.quote.exact, budget);
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
  const beforeCost = quote.prefix ? distancesEndingAtEach(text, lo, hi, quote.prefix.slice(-BOUNDARY_PIECE)) : undefined;
  const headCost = distancesStartingAtEach(text, lo, hi, quote.exact.slice(0, piece));
  const startReach = { from: Math.max(lo, start - reach), to: Math.min(hi, start + reach) };
  const lo2 = Math.max(0, end - piece - reach);
  const hi2 = Math.min(text.length, end + quote.suffix.length + reach);
  const tailCost = distancesEndingAtEach(text, lo2, hi2, quote.exact.slice(-piece));
  const afterCost = quote.suffix ? distancesStartingAtEach(text, lo2, hi2, quote.suffix.slice(0, BOUNDARY_PIECE)) : undefined;
  const endReach = { from: Math.max(lo2, end - reach), to: Math.min(hi2, end + reach) };
  return { start: bestSplit(lo, startReach, beforeCost, headCost, 'last'), end: bestSplit(lo2, endReach, tailCost, afterCost, 'first') };
}

/** Widen a range that would cut a surrogate pair (an emoji) in half to take in the whole character. */
function wholeCharacters(text: string, range: { start: number; end: number }): { start: number; end: number } {
  return {
    start: splitsSurrogatePair(text, range.start) ? range.start - 1 : range.start,
    end: splitsSurrogatePair(text, range.end) ? range.end + 1 : range.end,
  };
}

/** The split k in `reach` with the least left[k] + right[k]; among equals the first or the last. */
function bestSplit(base: number, reach: { from: number; to: number }, left: Int32Array | undefined, right: Int32Array | undefined, onTie: 'first' | 'last'): number {
  let best = reach.from;
  let bestCost = Infinity;
  for (let k = reach.from; k <= reach.to; k++) {
    const cost = (left ? left[k - base] : 0) + (right ? right[k - base] : 0);
    if (cost < bestCost || (cost === bestCost && onTie === 'last')) {
      best = k;
      bestCost = cost;
    }
  }
  return best;
}

/**
 * The edited quote anywhere in the text. The quote is cut into pieces; by the pigeonhole principle
 * a match with at most (pieces − 2) errors contains at least two pieces unchanged, in about the
 * right places. Exact searches for the pieces find those places; only windows around places where
 * two pieces agree are searched in full.
 */
export function fuzzyAnywhere(s: QuoteSearch): Candidate[] {
  const exact = s.quote.exact;
  const pieces = Math.min(MAX_SEED_PIECES, Math.floor(exact.length / MIN_SEED_LENGTH));
  if (pieces < 3) return [];
  const maxErrors = pieces - 2;
  const size = Math.floor(exact.length / pieces);
  const hits: { start: number; piece: number }[] = [];
  for (let p = 0; p < pieces; p++) {
    const piece = exact.slice(p * size, (p + 1) * size);
    const found: number[] = [];
    for (let i = s.text.indexOf(piece); i !== -1 && found.length <= MAX_PIECE_OCCURRENCES; i = s.text.indexOf(piece, i + 1)) found.push(i);
    // A piece found all over the text ("you know, I don't know") tells nothing about where the
    // quote is; leaving it out only loses matches whose every intact piece is that common.
    if (found.length <= MAX_PIECE_OCCURRENCES) for (const i of found) hits.push({ start: i - p * size, piece: p });
  }
  const starts = startsWithTwoPieces(hits, maxErrors);
  const nearest = starts.sort((a, b) => distanceToExpected(s, a) - distanceToExpected(s, b)).slice(0, MAX_SEED_HITS);
  const out: Candidate[] = [];
  for (const start of nearest) {
    const from = Math.max(0, start - maxErrors);
    const to = Math.min(s.text.length, start + exact.length + maxErrors);
    out.push(...fuzzyInWindow(s, from, to, maxErrors));
  }
  return out;
}

/** Implied starts backed by two different pieces within `slack` of each other (one per cluster). */
function startsWithTwoPieces(hits: { start: number; piece: number }[], slack: number): number[] {
  hits.sort((a, b) => a.start - b.start);
  const out: number[] = [];
  let lastTaken = -Infinity;
  for (let i = 0, j = 0; i < hits.length; i++) {
    while (hits[i].start - hits[j].start > slack) j++;
    const agreeing = hits.slice(j, i).some((h) => h.piece !== hits[i].piece);
    if (agreeing && hits[i].start - lastTaken > 2 * slack) {
      out.push(hits[i].start);
      lastTaken = hits[i].start;
    }
  }
  return out;
}

function agreementBefore(text: string, pos: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && pos - 1 - n >= 0 && text.charCodeAt(pos - 1 - n) === prefix.charCodeAt(prefix.length - 1 - n)) n++;
  return n;
}

function agreementAfter(text: string, pos: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && pos + n < text.length && text.charCodeAt(pos + n) === suffix.charCodeAt(n)) n++;
  return n;
}
