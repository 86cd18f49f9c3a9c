import type { TextRange } from '../model';
import { clamp, lineAt } from './locate';

/** Words that end in a full stop without ending the sentence. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'sr', 'jr', 'vs', 'etc', 'e.g', 'i.e', 'no', 'approx', 'cf']);

/** Sentence-final punctuation, then any closing quotes, brackets or emphasis, then a space or the end. */
const TERMINATOR = /[.!?…]+["'”’)\]*_]*(?=\s|$)/gu;

/**
 * The sentence containing `offset`, trimmed of surrounding spaces. Sentences never cross `within`,
 * which defaults to the block of non-blank lines around the offset; pass a turn's text range (or a
 * paragraph without its speaker label) to keep the label out of the first sentence.
 *
 * A full stop ends a sentence unless the next word starts in lowercase (`etc. and then`) or the word
 * before it is a common abbreviation (`Dr. Reyes`). Speech transcribed without punctuation yields
 * one long sentence per block, which is the honest answer.
 */
export function sentenceAt(text: string, offset: number, within?: TextRange): TextRange {
  const bounds = within ?? blockAround(text, offset);
  const at = clamp(offset, bounds.start, bounds.end);
  let start = bounds.start;
  let end = bounds.end;
  for (const boundary of sentenceBoundaries(text, bounds)) {
    if (boundary <= at) start = boundary;
    else {
      end = boundary;
      break;
    }
  }
  return trimRange(text, { start, end });
}

/** Offsets where a new sentence starts (its first non-space character), after `bounds.start`. */
function sentenceBoundaries(text: string, bounds: TextRange): number[] {
  const slice = text.slice(bounds.start, bounds.end);
  const boundaries: number[] = [];
  for (const m of slice.matchAll(TERMINATOR)) {
    const after = m.index + m[0].length;
    const next = slice.slice(after).search(/\S/u);
    if (next === -1) break;
    if (isAbbreviation(slice, m.index, m[0]) || /^\p{Ll}/u.test(slice.slice(after + next))) continue;
    boundaries.push(bounds.start + after + next);
  }
  return boundaries;
}

function isAbbreviation(slice: string, terminatorAt: number, terminator: string): boolean {
  if (!terminator.startsWith('.') || terminator.startsWith('..')) return false;
  const word = /[\p{L}.]*$/u.exec(slice.slice(0, terminatorAt))?.[0] ?? '';
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** The run of non-blank lines around `offset`: a paragraph, as far as the raw text can tell. */
function blockAround(text: string, offset: number): TextRange {
  let first = lineAt(text, offset);
  if (isBlank(text, first)) return { start: offset, end: offset };
  let last = first;
  while (first.start > 0) {
    const previous = lineAt(text, first.start - 1);
    if (isBlank(text, previous)) break;
    first = previous;
  }
  while (last.end < text.length) {
    const next = lineAt(text, last.end + 1);
    if (isBlank(text, next)) break;
    last = next;
  }
  return { start: first.start, end: last.end };
}

function isBlank(text: string, line: TextRange): boolean {
  return text.slice(line.start, line.end).trim() === '';
}

function trimRange(text: string, range: TextRange): TextRange {
  let { start, end } = range;
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return { start, end };
}
