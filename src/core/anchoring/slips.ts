/**
 * Checking an approximate placement against the whole quote.
 *
 * Boundaries are found and settled with pieces of the quote (its last 8 characters found again,
 * its first and last 32 aligned with the context). A piece that occurs again just beside the
 * quote — a stock phrase said twice in a row, "…it's hard to say, I don't know, it's hard to
 * say." — can pull a boundary onto the neighbour's copy. The whole quote cannot be fooled that
 * way: the neighbour's words are extra text in it. So the range is measured against the whole
 * quote (and the stored context beside it) at every narrower boundary within reach, and narrowed
 * where that fits strictly better. Only ever inward: the check never claims text.
 */
import type { QuoteSelector } from '../model';
import { prefixCosts, suffixCosts } from './boundaries';
import { commonPrefixLength, commonSuffixLength } from './distance';

/** Farthest (in characters) a boundary is moved inward by the check. */
const MAX_SLIP = 64;

/** Cells off the diagonal worth computing: the range's length difference, the errors, the reach. */
function bandFor(n: number, length: number, reach: number): number {
  return Math.abs(length - n) + 2 * Math.min(reach, MAX_SLIP) + 1;
}

/** The end, moved inward to where whole quote and suffix fit strictly better, if there is such a place. */
export function endWithoutSlip(text: string, quote: QuoteSelector, start: number, end: number, reach: number, onWord: (k: number) => boolean): number {
  const lo = Math.max(start + 1, end - Math.min(reach, MAX_SLIP));
  if (lo >= end) return end;
  // An unchanged head costs nothing wherever the end is: set it aside (the distance is the same).
  const head = commonPrefixLength(text, start, quote.exact, 0, Math.min(quote.exact.length, lo - start));
  const rest = wholeQuoteCosts(text, quote.exact.slice(head), start + head, end, 1, bandFor(quote.exact.length - head, end - start - head, reach));
  const quoteCost = (k: number): number => rest[k - start - head];
  const hi = Math.min(text.length, end + 2 * Math.max(quote.suffix.length, 1));
  const contextCost = suffixCosts(text, lo, hi, quote.suffix);
  const total = (k: number): number => quoteCost(k) + contextCost[k - lo];
  let best = end;
  for (let k = end - 1; k >= lo; k--) if (onWord(k) && total(k) < total(best)) best = k;
  return best;
}

/** The start, moved inward to where prefix and whole quote fit strictly better, if there is such a place. */
export function startWithoutSlip(text: string, quote: QuoteSelector, start: number, end: number, reach: number, onWord: (k: number) => boolean): number {
  const hi = Math.min(end - 1, start + Math.min(reach, MAX_SLIP));
  if (hi <= start) return start;
  const n = quote.exact.length;
  const tail = commonSuffixLength(text, end, quote.exact, Math.min(n, end - hi));
  const rest = wholeQuoteCosts(text, quote.exact.slice(0, n - tail), end - tail, start, -1, bandFor(n - tail, end - start - tail, reach));
  const quoteCost = (k: number): number => rest[end - tail - k];
  const lo = Math.max(0, start - 2 * Math.max(quote.prefix.length, 1));
  const contextCost = prefixCosts(text, lo, hi, quote.prefix);
  const total = (k: number): number => quoteCost(k) + contextCost[k - lo];
  let best = start;
  for (let k = start + 1; k <= hi; k++) if (onWord(k) && total(k) < total(best)) best = k;
  return best;
}

/**
 * Edit distance between the whole quote and the text read from `from` towards `to` (direction
 * `step`; backwards, the quote is read from its end too), after each number of text characters:
 * index i holds the distance to the first i characters read. One column of the DP is kept, and
 * only cells within `band` of the diagonal are computed (Ukkonen): a distance above the band comes
 * out as an upper bound, which can only keep a boundary where it is.
 */
function wholeQuoteCosts(text: string, exact: string, from: number, to: number, step: 1 | -1, band: number): Int32Array {
  const n = exact.length;
  const m = Math.abs(to - from);
  const far = n + m + 1;
  const column = new Int32Array(n + 1).fill(far);
  for (let i = 0; i <= Math.min(n, band); i++) column[i] = i;
  const out = new Int32Array(m + 1);
  out[0] = column[n];
  for (let j = 1; j <= m; j++) {
    const code = text.charCodeAt(step === 1 ? from + j - 1 : from - j);
    const lo = Math.max(1, j - band);
    const hi = Math.min(n, j + band);
    let diagonal = column[lo - 1];
    column[lo - 1] = lo === 1 && j <= band ? j : far;
    for (let i = lo; i <= hi; i++) {
      const quoteCode = exact.charCodeAt(step === 1 ? i - 1 : n - i);
      const next = Math.min(column[i] + 1, column[i - 1] + 1, diagonal + (quoteCode === code ? 0 : 1));
      diagonal = column[i];
      column[i] = next;
    }
    out[j] = hi === n ? column[n] : far;
  }
  return out;
}
