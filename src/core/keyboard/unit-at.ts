import { lineAt, paragraphAt, sentenceAt, turnAt, withoutSpeakerLabel, type Transcript } from '../markdown';
import type { TextRange } from '../model';
import type { CodingUnit } from './coding-units';

/**
 * The line, sentence, paragraph or speaker turn at `offset`, ready to code: speaker label and
 * timestamp left out, surrounding spaces trimmed. Undefined where there is nothing to code (a blank
 * line, between paragraphs). A cursor on a speaker label counts as at the start of what was said.
 */
export function unitRangeAt(text: string, transcript: Transcript, offset: number, unit: CodingUnit): TextRange | undefined {
  const turn = turnAt(transcript, offset);
  const at = turn && offset < turn.textRange.start ? turn.textRange.start : offset;
  let range: TextRange | undefined;
  switch (unit) {
    case 'line':
      range = withoutSpeakerLabel(transcript, lineAt(text, at));
      break;
    case 'paragraph': {
      const paragraph = paragraphAt(transcript, at);
      range = paragraph && withoutSpeakerLabel(transcript, paragraph);
      break;
    }
    case 'sentence': {
      const paragraph = paragraphAt(transcript, at);
      if (!paragraph) break;
      const bounds = turn ? intersect(paragraph, turn.textRange) : paragraph;
      range = bounds && sentenceAt(text, at, bounds);
      break;
    }
    case 'turn':
      range = turn ? turn.textRange : paragraphAt(transcript, at);
      break;
  }
  const trimmed = range && trim(text, range);
  return trimmed && trimmed.end > trimmed.start ? trimmed : undefined;
}

function intersect(a: TextRange, b: TextRange): TextRange | undefined {
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.end, b.end);
  return end > start ? { start, end } : undefined;
}

function trim(text: string, range: TextRange): TextRange {
  let { start, end } = range;
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return { start, end };
}
