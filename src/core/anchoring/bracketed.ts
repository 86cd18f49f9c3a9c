/**
 * Finding an edited quote at a predicted start, held in place by the intact text around the edit.
 */
import { settleBoundaries, wholeCharacters } from './boundaries';
import { commonPrefixLength, quoteDistance } from './distance';
import { distanceToExpected, maxQuoteErrors, type QuoteSearch } from './quote-search';
import { evaluate, MIN_FUZZY_QUOTE_LENGTH, type Candidate } from './scoring';
import { endsAt, occursAt } from './text';

/** Characters of the neighbouring context (or of the quote's ends) that must be intact to hold it. */
const BRACKET_CONTEXT = 8;
/** How far from the most likely start (beyond the error budget) the prefix is looked for. */
const BRACKET_SLACK = 32;
/** The whole prefix is looked for across the whole text (when at least this long), at this many places at most. */
const MIN_PREFIX_PROBE = 24;
const MAX_PROBE_HITS = 8;
/** Starts tried where the prefix ends but no prediction pointed. */
const MAX_UNPREDICTED_STARTS = 3;
/** Characters at each edge that must be unchanged for a bracketed match's edges to be trusted. */
const TRUSTED_EDGE = 4;

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
  const held = (start: number): boolean => start >= 0 && start <= text.length && (prefixIntactBefore(text, start, quote.prefix) || occursAt(text, start, head));
  let starts = s.expected.filter(held);
  if (starts.length === 0) starts = prefixEndsNear(s, maxErrors);
  const out: Candidate[] = [];
  for (const start of starts) {
    const best = bestEndAfter(s, start, maxErrors, prefixIntactBefore(text, start, quote.prefix));
    if (best) out.push(best);
  }
  return out;
}

/**
 * An edited quote whose context is intact but whose place nobody predicted (a paragraph moved far,
 * with every segment in it edited): bracketed wherever the whole stored prefix still is.
 */
export function bracketedAnywhere(s: QuoteSearch): Candidate[] {
  const probe = s.quote.prefix;
  if (probe.length < MIN_PREFIX_PROBE) return [];
  const starts: number[] = [];
  for (let i = s.text.indexOf(probe); i !== -1 && starts.length <= MAX_PROBE_HITS; i = s.text.indexOf(probe, i + 1)) starts.push(i + probe.length);
  // A prefix found all over the text (speaker labels) says nothing about where the quote is.
  if (starts.length === 0 || starts.length > MAX_PROBE_HITS) return [];
  // An unchanged quote found this way is judged as far from its predicted place as it is: a stock
  // answer after a question asked twice has the same prefix at both places.
  return bracketed({ ...s, expected: starts }).map((c) =>
    c.quoteErrors === 0 ? evaluate(s.text, s.quote, c.start, c.end, 0, distanceToExpected(s, c.start)) : c,
  );
}

/** The end that leaves the fewest edits inside the quote. */
function bestEndAfter(s: QuoteSearch, start: number, maxErrors: number, prefixHolds: boolean): Candidate | undefined {
  const { text, quote } = s;
  const n = quote.exact.length;
  const bySuffix = suffixStartsNear(text, start, n, maxErrors, quote.suffix);
  const ends = bySuffix.length > 0 ? bySuffix : tailEndsNear(text, start, n, maxErrors, quote.exact);
  // Measure the likeliest end first (most of the suffix intact, then nearest a quote's length away)
  // so that the others can be dismissed by their length difference alone.
  const suffixAgreement = (end: number): number => commonPrefixLength(text, end, quote.suffix, 0, quote.suffix.length);
  const ranked = ends.map((end) => ({ end, agreement: suffixAgreement(end), stretch: Math.abs(end - start - n) }));
  ranked.sort((a, b) => b.agreement - a.agreement || a.stretch - b.stretch);
  let bestEnd = -1;
  let bestErrors = maxErrors + 1;
  for (const { end, stretch } of ranked) {
    if (stretch >= bestErrors) continue;
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

/**
 * When no predicted start is held: where the prefix's last characters still end near the most
 * likely start (the segments before this one may have shifted differently), nearest first.
 */
function prefixEndsNear(s: QuoteSearch, maxErrors: number): number[] {
  const tail = s.quote.prefix.slice(-BRACKET_CONTEXT);
  if (tail.length < BRACKET_CONTEXT) return [];
  const from = Math.max(0, s.expected[0] - maxErrors - BRACKET_SLACK - tail.length);
  const window = s.text.slice(from, s.expected[0] + maxErrors + BRACKET_SLACK);
  const out: number[] = [];
  for (let i = window.indexOf(tail); i !== -1; i = window.indexOf(tail, i + 1)) out.push(from + i + tail.length);
  out.sort((a, b) => Math.abs(a - s.expected[0]) - Math.abs(b - s.expected[0]));
  return out.slice(0, MAX_UNPREDICTED_STARTS);
}

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
