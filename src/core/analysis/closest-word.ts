/**
 * "Did you mean …?" for the names a researcher types into a query file or a filter: keys
 * (`code` for `codes`), attributes (`sectr` for `sector`), conditions (`minimum` for `min`).
 */
import { bandedDistance } from '../anchoring/distance';

/**
 * The candidate `typed` most likely meant: the same but for case, `_`, `-` or spaces; one it begins
 * or that begins it (three letters at least); or one a typo or two away (none for very short names,
 * whose every neighbour is a typo away). Undefined when none is close.
 */
export function closestWord(typed: string, candidates: readonly string[]): string | undefined {
  const key = fold(typed);
  if (key === '') return undefined;
  const allowance = key.length < 4 ? 0 : key.length < 8 ? 1 : 2;
  let best: { word: string; score: number } | undefined;
  for (const word of candidates) {
    const other = fold(word);
    let score: number | undefined;
    if (other === key) score = 0;
    else if (Math.min(key.length, other.length) >= 3 && (other.startsWith(key) || key.startsWith(other))) score = 1;
    else score = allowance > 0 ? bandedDistance(key, 0, key.length, other, 0, other.length, allowance) : undefined;
    if (score !== undefined && (!best || score < best.score)) best = { word, score };
  }
  return best?.word;
}

/** ` Did you mean "x"?`, or nothing. */
export function didYouMean(typed: string, candidates: readonly string[]): string {
  const word = closestWord(typed, candidates);
  return word === undefined ? '' : ` Did you mean "${word}"?`;
}

function fold(word: string): string {
  return word.toLowerCase().replace(/[\s_-]+/g, '');
}
