import { CONTEXT_LENGTH, type QuoteSelector, type TextRange } from '../model';
import { isHighSurrogate, isLowSurrogate } from './text';

/**
 * The quote for a range of a (normalised) text: the covered text and up to {@link CONTEXT_LENGTH}
 * code units of context either side, shortened by one rather than cutting a surrogate pair in half
 * (a stored half pair would be an invalid string in the JSON file).
 */
export function makeQuote(text: string, range: TextRange): QuoteSelector {
  if (!(range.start >= 0 && range.start <= range.end && range.end <= text.length)) {
    throw new RangeError(`Range ${range.start}–${range.end} is not within a text of length ${text.length}`);
  }
  let prefixStart = Math.max(0, range.start - CONTEXT_LENGTH);
  if (prefixStart > 0 && isLowSurrogate(text.charCodeAt(prefixStart)) && isHighSurrogate(text.charCodeAt(prefixStart - 1))) {
    prefixStart += 1;
  }
  let suffixEnd = Math.min(text.length, range.end + CONTEXT_LENGTH);
  if (suffixEnd < text.length && isHighSurrogate(text.charCodeAt(suffixEnd - 1)) && isLowSurrogate(text.charCodeAt(suffixEnd))) {
    suffixEnd -= 1;
  }
  return {
    exact: text.slice(range.start, range.end),
    prefix: text.slice(prefixStart, range.start),
    suffix: text.slice(range.end, suffixEnd),
  };
}
