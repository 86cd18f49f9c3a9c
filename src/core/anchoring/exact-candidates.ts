/**
 * Finding the quote unchanged: at a predicted start, near it, or anywhere.
 */
import { commonPrefixLength, commonSuffixLength } from './distance';
import { distanceToExpected, type QuoteSearch } from './quote-search';
import { evaluate, type Candidate } from './scoring';
import { endsAt, occursAt } from './text';

/** Exact occurrences evaluated in full (context distances) when a quote occurs very often. */
const MAX_EVALUATED_OCCURRENCES = 12;
/** Halves shorter than this repeat by chance ("the kids"), and say nothing about the quote. */
const MIN_REPEATED_HALF = 16;

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
      return { start: e, end: e + n, quoteErrors: 0, prefixErrors: 0, suffixErrors: 0, prefixEvidence: 1, suffixEvidence: 1, distance: 0, unique: false, repeatsPhrase: false, score: 1 };
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
  const repeatsPhrase = unique && halfRepeats(text, exact, starts[0]);
  return mostPromising(s, starts).map((start) => evaluate(text, s.quote, start, start + exact.length, 0, distanceToExpected(s, start), unique, repeatsPhrase));
}

/** Whether either half of the quote also occurs away from `start` (see Candidate.repeatsPhrase). */
function halfRepeats(text: string, exact: string, start: number): boolean {
  const half = Math.floor(exact.length / 2);
  if (half < MIN_REPEATED_HALF) return false;
  for (const [piece, offset] of [[exact.slice(0, half), 0], [exact.slice(half), half]] as const) {
    for (let i = text.indexOf(piece); i !== -1; i = text.indexOf(piece, i + 1)) if (i !== start + offset) return true;
  }
  return false;
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
  const { text, quote } = s;
  const n = quote.exact.length;
  const edgeAgreement = (start: number): number =>
    commonSuffixLength(text, start, quote.prefix, quote.prefix.length) + commonPrefixLength(text, start + n, quote.suffix, 0, quote.suffix.length);
  const byContext = [...starts].sort((a, b) => edgeAgreement(b) - edgeAgreement(a));
  const byDistance = [...starts].sort((a, b) => distanceToExpected(s, a) - distanceToExpected(s, b));
  const half = MAX_EVALUATED_OCCURRENCES / 2;
  return [...new Set([...byContext.slice(0, half), ...byDistance.slice(0, half)])];
}
