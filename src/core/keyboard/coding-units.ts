import { sentenceAt, type Transcript } from '../markdown';
import type { TextRange } from '../model';

/** What one step of line-by-line coding covers. */
export type CodingUnit = 'line' | 'sentence' | 'paragraph' | 'turn';

export const CODING_UNITS: readonly CodingUnit[] = ['line', 'sentence', 'paragraph', 'turn'];

export interface UnitOptions {
  unit: CodingUnit;
  /** Speakers whose turns are not participant text (the interviewer), compared case-insensitively. */
  skipSpeakers: readonly string[];
}

/** Speaker names that, by default, are the interviewer's and so are skipped. */
export const DEFAULT_SKIP_SPEAKERS: readonly string[] = ['Interviewer', 'Int', 'I', 'Q', 'Moderator', 'Facilitator', 'Researcher'];

/**
 * What participants said: the text of every turn whose speaker is not skipped, speaker label and
 * timestamp excluded. A transcript without speaker labels is all participant text, paragraph by
 * paragraph. Front matter, headings and notes outside any turn are never part of it.
 */
export function participantRegions(transcript: Transcript, skipSpeakers: readonly string[]): TextRange[] {
  if (transcript.turns.length === 0) return transcript.paragraphs.map((p) => ({ ...p }));
  return transcript.turns.filter((t) => !isSkipped(t.speaker, skipSpeakers)).map((t) => ({ ...t.textRange }));
}

/** `Interviewer` skips `Interviewer`, `interviewer` and `Interviewer 2`, not `Interviewee`. */
export function isSkipped(speaker: string, skipSpeakers: readonly string[]): boolean {
  const name = speaker.trim().toLocaleLowerCase();
  return skipSpeakers.some((s) => {
    const skip = s.trim().toLocaleLowerCase();
    return skip !== '' && (name === skip || name.startsWith(`${skip} `));
  });
}

/**
 * The units to code one after another, in reading order, each trimmed and holding some letter or
 * digit: blank lines, headings, front matter, speaker labels and skipped speakers' turns never
 * become a unit.
 */
export function codingUnits(text: string, transcript: Transcript, options: UnitOptions): TextRange[] {
  const regions = participantRegions(transcript, options.skipSpeakers);
  const units = regions.flatMap((region) => unitsIn(text, transcript, region, options.unit));
  return units.filter((u) => hasWords(text, u));
}

function unitsIn(text: string, transcript: Transcript, region: TextRange, unit: CodingUnit): TextRange[] {
  switch (unit) {
    case 'line':
      return linesIn(text, region);
    case 'turn':
      return [trim(text, region)];
    case 'paragraph':
      return paragraphsIn(text, transcript, region);
    case 'sentence':
      return paragraphsIn(text, transcript, region).flatMap((p) => sentencesIn(text, p));
  }
}

/** Paragraphs clipped to the region; a region no paragraph covers (a table, a list) is one unit. */
function paragraphsIn(text: string, transcript: Transcript, region: TextRange): TextRange[] {
  const clipped = transcript.paragraphs
    .filter((p) => p.start < region.end && region.start < p.end)
    .map((p) => trim(text, { start: Math.max(p.start, region.start), end: Math.min(p.end, region.end) }));
  return clipped.length > 0 ? clipped : [trim(text, region)];
}

/** Markdown that starts a line without being said: indentation, block quote and list markers. */
const LINE_MARKUP = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?/;

function linesIn(text: string, region: TextRange): TextRange[] {
  const lines: TextRange[] = [];
  let start = region.start;
  while (start <= region.end) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 || newline > region.end ? region.end : newline;
    const markup = start === region.start ? 0 : (LINE_MARKUP.exec(text.slice(start, end))?.[0].length ?? 0);
    lines.push(trim(text, { start: start + markup, end }));
    start = end + 1;
  }
  return lines;
}

function sentencesIn(text: string, paragraph: TextRange): TextRange[] {
  const sentences: TextRange[] = [];
  let at = paragraph.start;
  while (at < paragraph.end) {
    const sentence = sentenceAt(text, at, paragraph);
    if (sentence.end <= sentence.start) break;
    sentences.push(sentence);
    const next = skipSpaces(text, sentence.end, paragraph.end);
    if (next <= at) break;
    at = next;
  }
  return sentences;
}

function skipSpaces(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && /\s/u.test(text[i])) i++;
  return i;
}

function trim(text: string, range: TextRange): TextRange {
  let { start, end } = range;
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return { start, end };
}

function hasWords(text: string, range: TextRange): boolean {
  return range.end > range.start && /[\p{L}\p{N}]/u.test(text.slice(range.start, range.end));
}

/** The unit containing `offset` (either end counts as inside). */
export function unitAt(units: readonly TextRange[], offset: number): TextRange | undefined {
  return units.find((u) => u.start <= offset && offset <= u.end);
}

/** The first unit that starts at or after the end of `from` (a selection, or a cursor). */
export function nextUnit(units: readonly TextRange[], from: TextRange): TextRange | undefined {
  return units.find((u) => u.start >= from.end && !(u.start === from.start && u.end === from.end));
}

/** The last unit that ends at or before the start of `from`. */
export function previousUnit(units: readonly TextRange[], from: TextRange): TextRange | undefined {
  for (let i = units.length - 1; i >= 0; i--) {
    const u = units[i];
    if (u.end <= from.start && !(u.start === from.start && u.end === from.end)) return u;
  }
  return undefined;
}

/** The unit to start at: the one under the cursor, else the next one. */
export function unitAtOrAfter(units: readonly TextRange[], offset: number): TextRange | undefined {
  return unitAt(units, offset) ?? units.find((u) => u.start >= offset);
}

/** The first unit after `from` that no range in `coded` overlaps. */
export function nextUncoded(units: readonly TextRange[], coded: readonly TextRange[], from: TextRange): TextRange | undefined {
  return units.find((u) => u.start >= from.end && !(u.start === from.start && u.end === from.end) && !coded.some((c) => overlaps(c, u)));
}

function overlaps(a: TextRange, b: TextRange): boolean {
  return a.start < b.end && b.start < a.end && a.end > a.start;
}
