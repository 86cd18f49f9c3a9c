import type { TextRange } from '../../src/core/model';
import { makeQuote, type Anchor } from '../../src/core/anchoring';
import type { Random } from './random';
import { TrackedText } from './tracked-text';
import { answerText, generateTranscript, type Transcript } from './transcript';
import { ANNOTATIONS, QUESTIONS, STOCK_SENTENCES } from './vocabulary';

export interface Scenario {
  transcript: Transcript;
  /** Stored selectors made from the original text. */
  anchors: Anchor[];
  /** Each anchor's range in the original text. */
  ranges: TextRange[];
  /** The text after the edit script, with the fate of every original character. */
  edited: TrackedText;
}

export interface ScenarioSize {
  words: number;
  segments: number;
  typoFixes: number;
  insertions: number;
}

export const REALISTIC: ScenarioSize = { words: 20_000, segments: 2_000, typoFixes: 60, insertions: 40 };

export function buildScenario(random: Random, size: ScenarioSize = REALISTIC): Scenario {
  const transcript = generateTranscript(random, size.words);
  const ranges = chooseSegments(random, transcript, size.segments);
  const anchors = ranges.map((range, i) => ({ id: `s-${String(i).padStart(4, '0')}`, quote: makeQuote(transcript.text, range), position: range }));
  const edited = new TrackedText(transcript.text);
  applyEditScript(random, edited, transcript, ranges, size);
  return { transcript, anchors, ranges, edited };
}

/** Coded quotes of 30–300 characters inside answers; about 5% on a repeated stock sentence. */
export function chooseSegments(random: Random, transcript: Transcript, count: number): TextRange[] {
  const stock = stockOccurrences(transcript.text);
  const answers = transcript.answers.filter((a) => a.end - a.start >= 30);
  const ranges: TextRange[] = [];
  while (ranges.length < count) {
    if (random.chance(0.05) && stock.length > 0) {
      ranges.push(random.pick(stock));
      continue;
    }
    const answer = random.pick(answers);
    const length = random.int(30, Math.min(300, answer.end - answer.start));
    const start = wordStartAtOrBefore(transcript.text, random.int(answer.start, answer.end - length), answer.start);
    const end = wordEndAtOrAfter(transcript.text, start + length, answer.end);
    ranges.push({ start, end });
  }
  return ranges;
}

function stockOccurrences(text: string): TextRange[] {
  const out: TextRange[] = [];
  for (const sentence of STOCK_SENTENCES) {
    for (let i = text.indexOf(sentence); i !== -1; i = text.indexOf(sentence, i + 1)) out.push({ start: i, end: i + sentence.length });
  }
  return out;
}

function wordStartAtOrBefore(text: string, offset: number, floor: number): number {
  while (offset > floor && text[offset - 1] !== ' ') offset--;
  return offset;
}

function wordEndAtOrAfter(text: string, offset: number, ceiling: number): number {
  while (offset < ceiling && text[offset] !== ' ') offset++;
  return offset;
}

/**
 * What a researcher does to a transcript after coding it: a turn added near the start, a paragraph
 * deleted, a paragraph moved, typos fixed inside coded quotes, annotations such as [inaudible].
 */
export function applyEditScript(random: Random, edited: TrackedText, transcript: Transcript, ranges: TextRange[], size: ScenarioSize): void {
  const paragraphs = transcript.paragraphs;
  const current = (offset: number): number => edited.positionOf(offset);
  const turn = `**Interviewer:** ${random.pick(QUESTIONS)}\n\n**P07:** ${answerText(random)} ${answerText(random)}\n\n`;
  const afterSecond = current(paragraphs[2].start);
  edited.replace(afterSecond, afterSecond, turn);

  const deleted = longestParagraph(paragraphs, 0.35, 0.45);
  edited.replace(current(deleted.start), current(deleted.end) + 2, '');

  const moved = longestParagraph(paragraphs, 0.55, 0.65);
  const target = paragraphs[Math.floor(paragraphs.length * 0.75)];
  const movedStart = current(moved.start);
  const movedLength = moved.end + 2 - moved.start;
  const targetBefore = current(target.start);
  edited.move(movedStart, movedStart + movedLength, targetBefore > movedStart ? targetBefore - movedLength : targetBefore);

  for (let i = 0; i < size.typoFixes; i++) fixTypoInside(random, edited, random.pick(ranges));
  for (let i = 0; i < size.insertions; i++) insertAnnotation(random, edited, random.pick(transcript.answers));
}

/** The longest paragraph between two fractions of the transcript: one that surely holds segments. */
function longestParagraph(paragraphs: readonly TextRange[], from: number, to: number): TextRange {
  const candidates = paragraphs.slice(Math.floor(paragraphs.length * from), Math.floor(paragraphs.length * to));
  return candidates.reduce((a, b) => (b.end - b.start > a.end - a.start ? b : a));
}

function fixTypoInside(random: Random, edited: TrackedText, range: TextRange): void {
  for (let attempt = 0; attempt < 20; attempt++) {
    const at = edited.positionOf(random.int(range.start + 1, range.end - 3));
    const text = edited.text;
    if (at < 1 || !isLetter(text[at - 1]) || !isLetter(text[at]) || !isLetter(text[at + 1])) continue;
    const kind = random.int(0, 3);
    if (kind === 0) edited.replace(at, at + 1, otherLetter(random, text[at]), true);
    else if (kind === 1) edited.replace(at, at + 2, text[at + 1] + text[at], true);
    else if (kind === 2) edited.replace(at, at, text[at]);
    else edited.replace(at, at + 1, '');
    return;
  }
}

function insertAnnotation(random: Random, edited: TrackedText, answer: TextRange): void {
  const from = edited.positionOf(answer.start);
  const to = edited.positionOf(answer.end - 1);
  if (from < 0 || to < 0 || to <= from) return;
  const space = edited.text.indexOf(' ', random.int(from, to));
  if (space === -1 || space > to) return;
  edited.replace(space, space, random.pick(ANNOTATIONS));
}

function isLetter(char: string | undefined): boolean {
  return char !== undefined && /[a-z]/i.test(char);
}

function otherLetter(random: Random, letter: string): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz';
  let next = letter;
  while (next === letter) next = random.pick([...alphabet]);
  return next;
}
