/**
 * Checking where a chosen place begins and ends when its context does not vouch for it.
 *
 * A re-transcribed or reworded transcript loses and changes words right at a segment's edges ("you
 * know," dropped, "missed" written "longed for"). Character alignment then finds boundaries inside
 * a neighbour's word, or takes in a neighbour's word that happens to read like the lost one ("I
 * don't know, you «know, it's…" re-transcribed "I don't know, it's…"). A quote that began (ended)
 * at a word boundary is coded words: its boundaries are put back on word boundaries, where stored
 * context and quote fit best together, and where two fit equally well the narrower reading wins —
 * a segment may lose a word it cannot vouch for, but never claim one.
 */
import type { QuoteSelector } from '../model';
import { BOUNDARY_PIECE, prefixCosts, suffixCosts } from './boundaries';
import { endWithoutSlip, startWithoutSlip } from './slips';
import { distancesEndingAtEach, distancesStartingAtEach, quoteDistance } from './distance';
import { evaluate, INTACT_EVIDENCE, type Candidate } from './scoring';
import { endsAt, occursAt } from './text';

/** How far (in characters) an edge may move inward to a word boundary that fits better. */
const EDGE_REACH = 24;
/** An edge is vouched for by intact context next to at least this much of the quote, unchanged. */
const VOUCHING_PIECE = 8;
/** Extra cost, per character left out, at which a narrower boundary is still preferred… */
const OWN_WORD_SLACK = 0.5;
/** …when what it leaves out is likely the context's (see slackFor)… */
const FOREIGN_WORD_SLACK = 1;
/** …and when what it leaves out is neither the quote's nor the context's words. */
const UNKNOWN_WORD_SLACK = 0.75;
/**
 * …and when what it leaves out is a word both the quote and the context have at that edge: about
 * what leaving out a word the quote really has there costs, so such a word is left out.
 */
const SHARED_WORD_SLACK = 1.5;
/** Quote errors below which an approximate placement is not measured against the whole quote. */
const MIN_SLIP_ERRORS = 3;
/** The quote's words at an edge compared with the words a narrower boundary leaves out. */
const EDGE_WORDS = 2;

/**
 * The candidate with an edited quote's edges measured against the whole quote (see slips.ts), and
 * edges its context does not vouch for moved to the word boundaries that fit best.
 */
export function checkEdges(text: string, quote: QuoteSelector, c: Candidate): Candidate {
  const n = quote.exact.length;
  const piece = Math.min(n, VOUCHING_PIECE);
  const startVouched = c.prefixEvidence >= INTACT_EVIDENCE && occursAt(text, c.start, quote.exact.slice(0, piece));
  const endVouched = c.suffixEvidence >= INTACT_EVIDENCE && endsAt(text, c.end, quote.exact.slice(n - piece));
  const checkStart = !startVouched && beginsWords(quote);
  const checkEnd = !endVouched && endsWords(quote);
  // An edited quote's boundaries were set with pieces of it, which may occur again just beside it,
  // context and all (a stock phrase said twice): even an edge its context vouches for is measured
  // against the whole quote.
  const edited = c.quoteErrors > 0;
  let { start, end } = c;
  // Text taken in from a neighbour is that many errors in the quote: a typo or two is no slip.
  const slipped = c.quoteErrors >= MIN_SLIP_ERRORS;
  if (slipped) end = endWithoutSlip(text, quote, start, end, c.quoteErrors, (k) => !endsWords(quote) || isWordEnd(text, k));
  if (slipped) start = startWithoutSlip(text, quote, start, end, c.quoteErrors, (k) => !beginsWords(quote) || isWordStart(text, k));
  // The whole quote unchanged: only a tie may move an edge (a neighbour's word read as the quote's).
  if (checkStart) start = bestStart(text, quote, start, end, !edited);
  if (checkEnd) end = bestEnd(text, quote, start, end, !edited);
  if (start === c.start && end === c.end) return c;
  const bound = Math.max(quote.exact.length, end - start);
  const errors = quoteDistance(text, start, end, quote.exact, bound);
  return evaluate(text, quote, start, end, errors, c.distance + Math.abs(start - c.start), c.unique && errors === 0, c.repeatsPhrase);
}

function bestStart(text: string, quote: QuoteSelector, start: number, end: number, unchanged: boolean): number {
  const head = quote.exact.slice(0, BOUNDARY_PIECE);
  const lo = Math.max(0, start - quote.prefix.length);
  const hi = Math.min(text.length, start + EDGE_REACH + head.length);
  const before = prefixCosts(text, lo, hi, quote.prefix);
  const after = distancesStartingAtEach(text, lo, hi, head);
  const splits: Split[] = [];
  for (let k = start; k <= Math.min(end - 1, start + EDGE_REACH); k++) {
    if (isWordStart(text, k)) splits.push({ at: k, cost: before[k - lo] + after[k - lo] });
  }
  const near = wordsOf(quote.exact.slice(0, BOUNDARY_PIECE));
  if (quote.exact.length > BOUNDARY_PIECE) near.pop(); // cut in half, perhaps
  const own = near.slice(0, EDGE_WORDS);
  const words: EdgeWords = { side: 'start', quote: new Set(own), near, context: new Set(wordsOf(quote.prefix).slice(-EDGE_WORDS)), outermost: own[0] ?? '' };
  return narrowest(text, words, splits, start, unchanged);
}

function bestEnd(text: string, quote: QuoteSelector, start: number, end: number, unchanged: boolean): number {
  const tail = quote.exact.slice(-BOUNDARY_PIECE);
  const lo = Math.max(0, end - EDGE_REACH - tail.length);
  const hi = Math.min(text.length, end + quote.suffix.length);
  const before = distancesEndingAtEach(text, lo, hi, tail);
  const after = suffixCosts(text, lo, hi, quote.suffix);
  const splits: Split[] = [];
  for (let k = end; k >= Math.max(start + 1, end - EDGE_REACH); k--) {
    if (isWordEnd(text, k)) splits.push({ at: k, cost: before[k - lo] + after[k - lo] });
  }
  const near = wordsOf(quote.exact.slice(-BOUNDARY_PIECE));
  if (quote.exact.length > BOUNDARY_PIECE) near.shift(); // cut in half, perhaps
  const own = near.slice(-EDGE_WORDS);
  const words: EdgeWords = { side: 'end', quote: new Set(own), near, context: new Set(wordsOf(quote.suffix).slice(0, EDGE_WORDS)), outermost: own[own.length - 1] ?? '' };
  return narrowest(text, words, splits, end, unchanged);
}

/** The quote's own words at an edge, and the context's words next to it. */
interface EdgeWords {
  side: 'start' | 'end';
  quote: ReadonlySet<string>;
  /** The quote's (whole) words within its first (last) 32 characters, in order. */
  near: readonly string[];
  context: ReadonlySet<string>;
  /** The quote's first word (side 'start') or last word (side 'end'). */
  outermost: string;
}

interface Split {
  at: number;
  cost: number;
}

/**
 * Of word boundaries listed from outward to inward: the innermost one that fits about as well as
 * the best. A word the quote really ends with costs about twice its length to leave out (missing
 * from the quote, extra before the context); a word inserted at the edge, or a neighbour's word
 * read as the quote's lost one, costs much less. So a narrower boundary is preferred while it costs
 * at most half a character more per character it leaves out — or a whole one when the words left
 * out are none of the quote's own words at that edge.
 */
function narrowest(text: string, edgeWords: EdgeWords, splits: readonly Split[], fallback: number, unchanged: boolean): number {
  if (splits.length === 0) return fallback;
  let bestIndex = 0;
  for (let i = 0; i < splits.length; i++) if (splits[i].cost <= splits[bestIndex].cost) bestIndex = i;
  const best = splits[bestIndex];
  let chosen = best;
  for (let i = bestIndex + 1; i < splits.length; i++) {
    const split = splits[i];
    const inward = Math.abs(split.at - best.at);
    const leftOut = text.slice(Math.min(split.at, best.at), Math.max(split.at, best.at));
    const slack = unchanged ? 0 : slackFor(wordsOf(leftOut), edgeWords, wordAt(text, split.at, edgeWords.side));
    if (split.cost <= best.cost + inward * slack) chosen = split;
  }
  if (unchanged) return chosen.at;
  // The context's own word next to the edge, reading like none of the quote's, is never claimed
  // ("…in secret. «You know,» my mother" re-transcribed "…in secret. My mother").
  let at = splits.indexOf(chosen);
  while (at + 1 < splits.length && isContextWord(wordAt(text, splits[at].at, edgeWords.side), edgeWords)) at++;
  chosen = splits[at];
  // No reading of quote and context can tell a word typed beside a lost edge word ("hoped for"
  // written for "wanted the") from the quote's own: the placement begins (ends) with a word that
  // reads like one of the quote's, leaving out what reads like none of them.
  const word = wordAt(text, chosen.at, edgeWords.side);
  if (!isQuoteWord(word, edgeWords)) {
    const inward = splits.slice(splits.indexOf(chosen) + 1);
    const own = inward.find((split) => isQuoteWord(wordAt(text, split.at, edgeWords.side), edgeWords));
    const deeper = own ?? (edgeWords.near.includes(word) ? undefined : rewrittenStretch(text, edgeWords, chosen, inward));
    if (deeper) chosen = deeper;
  }
  return chosen.at;
}

/**
 * Both outermost words lost, and more words in their place than the quote had there ("Amara asked
 * actually," reworded "Amara inquired about  also"): something was added, at the quote's edge or
 * at the context's, and no reading tells which. The stretch is left out, back to the nearest word
 * the quote has near that edge. (Fewer or as many words may be the quote's own, replaced: a
 * pseudonym for a name, and stay.)
 */
function rewrittenStretch(text: string, edge: EdgeWords, chosen: Split, inward: readonly Split[]): Split | undefined {
  for (const split of inward) {
    const word = wordAt(text, split.at, edge.side);
    if (!edge.near.includes(word)) continue;
    const quoteWords = edge.side === 'end' ? edge.near.length - 1 - edge.near.lastIndexOf(word) : edge.near.indexOf(word);
    const textWords = wordsOf(text.slice(Math.min(split.at, chosen.at), Math.max(split.at, chosen.at))).length;
    return textWords > quoteWords ? split : undefined;
  }
  return undefined;
}

/**
 * How much worse a narrower boundary may fit, per character it leaves out. Words left out are
 * likely not the quote's when they are the context's own words at that edge (and none of the
 * quote's), or when the narrower boundary falls right on the quote's own first (last) word: they
 * are extra text before (after) it. Words that are neither the quote's nor the context's may be
 * either (a pseudonym of the quote's first word, an adverb inserted beside it).
 */
function slackFor(leftOut: readonly string[], edge: EdgeWords, wordAtNarrower: string): number {
  // A word both the quote and its context have at this edge ("I don't know, you «know, it's…»"
  // re-transcribed "I don't know, it's…"): the one left may be either, so it is left out.
  if (leftOut.length === 1 && edge.quote.has(leftOut[0]) && edge.context.has(leftOut[0])) return SHARED_WORD_SLACK;
  const theQuotes = leftOut.some((word) => edge.quote.has(word));
  if (theQuotes) return OWN_WORD_SLACK;
  if (wordAtNarrower !== '' && edge.quote.has(wordAtNarrower)) return FOREIGN_WORD_SLACK;
  return leftOut.some((word) => edge.context.has(word)) ? FOREIGN_WORD_SLACK : UNKNOWN_WORD_SLACK;
}

/** The word beginning at (side 'start') or ending at (side 'end') a word boundary, comparable. */
function wordAt(text: string, at: number, side: 'start' | 'end'): string {
  let from = at;
  let to = at;
  if (side === 'start') while (to < text.length && to - at < BOUNDARY_PIECE && !isSpace(text.charCodeAt(to))) to++;
  else while (from > 0 && at - from < BOUNDARY_PIECE && !isSpace(text.charCodeAt(from - 1))) from--;
  return comparable(text.slice(from, to));
}

/** Whether a word of the text is, or is a typo away from, one of the quote's words at that edge. */
function isQuoteWord(word: string, edge: EdgeWords): boolean {
  if (word === '' || edge.quote.has(word)) return true;
  for (const own of edge.quote) if (own.length >= 4 && Math.abs(own.length - word.length) <= 1 && editDistance(own, word) <= 1 + (own.length >= 8 ? 1 : 0)) return true;
  return false;
}

/** Whether a word of the text is one of the context's words at that edge and reads like none of the quote's. */
function isContextWord(word: string, edge: EdgeWords): boolean {
  return word !== '' && edge.context.has(word) && !isQuoteWord(word, edge);
}

/** Plain edit distance with swapped neighbours, for two words. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}

/** Words in a comparable form: lower case, without the punctuation around them. */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const word of text.split(/\s+/)) {
    const clean = comparable(word);
    if (clean !== '') words.push(clean);
  }
  return words;
}

function comparable(word: string): string {
  let from = 0;
  let to = word.length;
  while (from < to && !isWordCharacter(word[from])) from++;
  while (to > from && !isWordCharacter(word[to - 1])) to--;
  return word.slice(from, to).toLowerCase();
}

/** Letters and digits of any script (an ASCII check first: it is nearly always enough). */
function isWordCharacter(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /[\p{L}\p{N}\p{M}]/u.test(char);
}

function beginsWords(quote: QuoteSelector): boolean {
  return !isSpace(quote.exact.charCodeAt(0)) && (quote.prefix === '' || isSpace(quote.prefix.charCodeAt(quote.prefix.length - 1)));
}

function endsWords(quote: QuoteSelector): boolean {
  return !isSpace(quote.exact.charCodeAt(quote.exact.length - 1)) && (quote.suffix === '' || isSpace(quote.suffix.charCodeAt(0)));
}

function isWordStart(text: string, k: number): boolean {
  return k < text.length && !isSpace(text.charCodeAt(k)) && (k === 0 || isSpace(text.charCodeAt(k - 1)));
}

function isWordEnd(text: string, k: number): boolean {
  return k > 0 && !isSpace(text.charCodeAt(k - 1)) && (k === text.length || isSpace(text.charCodeAt(k)));
}

function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 9 || code === 13;
}
