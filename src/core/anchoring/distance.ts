/**
 * Edit distances (insertions, deletions, substitutions, and for context also transpositions of
 * neighbours; in UTF-16 code units) used to
 * compare stored context and quotes with the text. Every function works on a window of the text in
 * place, without copying or reversing strings, and keeps one DP column.
 */

/**
 * Longest pattern the single-word bit-parallel routines below handle: stored context is at most 32
 * characters (CONTEXT_LENGTH) and boundary pieces are cut to this length.
 */
export const WORD_PATTERN_LENGTH = 32;

/**
 * Distance between `pattern` and the text that ends exactly at `pos` (any start): how well a stored
 * prefix fits before a candidate start. Looks back at most twice the pattern's length.
 */
export function distanceEndingAt(text: string, pos: number, pattern: string): number {
  const piece = pattern.slice(-WORD_PATTERN_LENGTH);
  const reach = Math.min(pos, 2 * piece.length);
  return minimumOf(bitParallelScores(piece, text, pos - 1, pos - 1 - reach, -1, true));
}

/** Distance between `pattern` and the text that starts exactly at `pos` (any end): a stored suffix. */
export function distanceStartingAt(text: string, pos: number, pattern: string): number {
  const piece = pattern.slice(0, WORD_PATTERN_LENGTH);
  const reach = Math.min(text.length - pos, 2 * piece.length);
  return minimumOf(bitParallelScores(piece, text, pos, pos + reach, 1, true));
}

/**
 * For every k in [from, to]: the least distance between `pattern` (at most 32 characters) and a
 * piece of text[from, k) that ends at k. Index the result with k - from.
 */
export function distancesEndingAtEach(text: string, from: number, to: number, pattern: string): Int32Array {
  return bitParallelScores(pattern, text, from, to, 1, false);
}

/**
 * For every k in [from, to]: the least distance between `pattern` (at most 32 characters) and a
 * piece of text[k, to) that starts at k. Index the result with k - from.
 */
export function distancesStartingAtEach(text: string, from: number, to: number, pattern: string): Int32Array {
  return bitParallelScores(pattern, text, to - 1, from - 1, -1, false).reverse();
}

/**
 * Myers' bit-vector edit distance (with transpositions, after Hyyrö) for a pattern of at most 32 characters, walking the text from
 * `first` towards `stop` (exclusive) in direction `step`; with step −1 the pattern is read from its
 * end, so the alignment is mirrored. Returns the distance after 0, 1, 2 … text characters, where the
 * pattern's last-read character must align with the last text character read. `anchored`: the
 * alignment must also begin at `first` (text skipped there costs); otherwise it may begin anywhere.
 */
function bitParallelScores(pattern: string, text: string, first: number, stop: number, step: 1 | -1, anchored: boolean): Int32Array {
  const m = pattern.length;
  const steps = Math.abs(stop - first);
  const scores = new Int32Array(steps + 1);
  scores[0] = m;
  if (m === 0) {
    for (let j = 1; j <= steps; j++) scores[j] = anchored ? j : 0;
    return scores;
  }
  const masks = patternMasks(pattern, step);
  const last = 1 << (m - 1);
  let positive = ~0;
  let negative = 0;
  let diagonalZero = 0;
  let previousEqual = 0;
  let score = m;
  for (let j = 1, at = first; j <= steps; j++, at += step) {
    const code = text.charCodeAt(at);
    const equal = code < 128 ? masks.ascii[code] : (masks.other.get(code) ?? 0);
    // Hyyrö's extension: two swapped neighbours count as one edit, as a typo fix usually is.
    const transposed = ((~diagonalZero & equal) << 1) & previousEqual;
    diagonalZero = ((((equal & positive) + positive) ^ positive) | equal | negative | transposed);
    let horizontalUp = negative | ~(diagonalZero | positive);
    let horizontalDown = positive & diagonalZero;
    if (horizontalUp & last) score++;
    else if (horizontalDown & last) score--;
    horizontalUp = (horizontalUp << 1) | (anchored ? 1 : 0);
    horizontalDown <<= 1;
    positive = horizontalDown | ~(diagonalZero | horizontalUp);
    negative = horizontalUp & diagonalZero;
    previousEqual = equal;
    scores[j] = score;
  }
  return scores;
}

interface PatternMasks {
  ascii: Int32Array;
  other: Map<number, number>;
}

/** For each character, the bit set of the pattern positions holding it (in reading order). */
function patternMasks(pattern: string, step: 1 | -1): PatternMasks {
  const ascii = new Int32Array(128);
  const other = new Map<number, number>();
  const m = pattern.length;
  for (let i = 0; i < m; i++) {
    const code = pattern.charCodeAt(step === 1 ? i : m - 1 - i);
    if (code < 128) ascii[code] |= 1 << i;
    else other.set(code, (other.get(code) ?? 0) | (1 << i));
  }
  return { ascii, other };
}

function minimumOf(values: Int32Array): number {
  let best = values[0];
  for (let i = 1; i < values.length; i++) if (values[i] < best) best = values[i];
  return best;
}

/**
 * Distance between the quote and text[start, end), or an upper bound of it when above `bound`.
 * The unchanged head and tail are set aside first, so a single edited stretch (one typo, one
 * insertion) costs nothing more; several edits are measured in a band that widens as needed.
 */
export function quoteDistance(text: string, start: number, end: number, quote: string, bound: number): number {
  const length = end - start;
  const head = commonPrefixLength(text, start, quote, 0, Math.min(length, quote.length));
  const tail = commonSuffixLength(text, end, quote, Math.min(length, quote.length) - head);
  const middleQuote = quote.length - head - tail;
  const middleText = length - head - tail;
  if (middleQuote === 0 || middleText === 0) return middleQuote + middleText;
  const simple = Math.max(middleQuote, middleText);
  return bandedDistance(quote, head, quote.length - tail, text, start + head, end - tail, Math.min(bound, simple)) ?? simple;
}

/**
 * Edit distance (with transpositions) between a[aFrom, aTo) and b[bFrom, bTo), or undefined when it
 * exceeds `bound`. Ukkonen's band: only cells within k of the diagonal can hold a distance ≤ k;
 * k doubles from a small start, so the cost follows the actual distance, not the bound.
 */
export function bandedDistance(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number, bound: number): number | undefined {
  const n = aTo - aFrom;
  const m = bTo - bFrom;
  if (Math.abs(n - m) > bound) return undefined;
  for (let k = Math.min(bound, Math.max(2, Math.abs(n - m))); ; k = Math.min(bound, 2 * k)) {
    const distance = distanceWithinBand(a, aFrom, n, b, bFrom, m, k);
    if (distance <= k) return distance;
    if (k >= bound) return undefined;
  }
}

function distanceWithinBand(a: string, aFrom: number, n: number, b: string, bFrom: number, m: number, k: number): number {
  const outside = k + 1;
  const bCodes = codesOf(b, bFrom, m);
  let older = new Int32Array(m + 2).fill(outside);
  let previous = new Int32Array(m + 2).fill(outside);
  let current = new Int32Array(m + 2).fill(outside);
  for (let j = 0; j <= Math.min(m, k); j++) current[j] = j;
  let previousCode = -1;
  for (let i = 1; i <= n; i++) {
    const spare = older;
    older = previous;
    previous = current;
    current = spare;
    const from = Math.max(1, i - k);
    const to = Math.min(m, i + k);
    // Cells just outside the band are read by the next row: mark them out of reach.
    current[from - 1] = i <= k ? i : outside;
    current[Math.min(m + 1, to + 1)] = outside;
    const code = a.charCodeAt(aFrom + i - 1);
    for (let j = from; j <= to; j++) {
      const other = bCodes[j - 1];
      let value = previous[j - 1] + (code === other ? 0 : 1);
      if (previous[j] + 1 < value) value = previous[j] + 1;
      if (current[j - 1] + 1 < value) value = current[j - 1] + 1;
      if (j > 1 && code === bCodes[j - 2] && previousCode === other && older[j - 2] + 1 < value) value = older[j - 2] + 1;
      current[j] = value < outside ? value : outside;
    }
    previousCode = code;
  }
  return current[m];
}

function codesOf(text: string, from: number, length: number): Int32Array {
  const codes = new Int32Array(length);
  for (let i = 0; i < length; i++) codes[i] = text.charCodeAt(from + i);
  return codes;
}

/** Length of the common run of text[textStart…] and pattern[patternStart…], at most `limit`. */
export function commonPrefixLength(text: string, textStart: number, pattern: string, patternStart: number, limit: number): number {
  let n = 0;
  while (n < limit && textStart + n < text.length && text.charCodeAt(textStart + n) === pattern.charCodeAt(patternStart + n)) n++;
  return n;
}

/** Length of the common run of the text ending at `textEnd` and the end of `pattern`, at most `limit`. */
export function commonSuffixLength(text: string, textEnd: number, pattern: string, limit: number): number {
  let n = 0;
  const last = pattern.length - 1;
  while (n < limit && textEnd - 1 - n >= 0 && text.charCodeAt(textEnd - 1 - n) === pattern.charCodeAt(last - n)) n++;
  return n;
}
