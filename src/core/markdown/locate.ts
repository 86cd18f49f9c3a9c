import type { TextRange } from '../model';
import type { SpeakerTurn, Transcript } from './types';

/**
 * Ranges for "code this line / sentence / paragraph / speaker turn". Each takes an offset (usually
 * the cursor) and counts a position at the very end of a range as inside it, so a cursor left just
 * after a full stop still selects the sentence it ends.
 */

/** The line containing `offset`, without its newline. */
export function lineAt(text: string, offset: number): TextRange {
  const at = clamp(offset, 0, text.length);
  const start = text.lastIndexOf('\n', at - 1) + 1;
  const newline = text.indexOf('\n', at);
  return { start, end: newline === -1 ? text.length : newline };
}

/** The paragraph containing `offset`, or undefined between paragraphs. */
export function paragraphAt(transcript: Transcript, offset: number): TextRange | undefined {
  return transcript.paragraphs.find((p) => contains(p, offset));
}

/** The speaker turn containing `offset`, or undefined outside every turn. */
export function turnAt(transcript: Transcript, offset: number): SpeakerTurn | undefined {
  return transcript.turns.find((t) => contains(t.range, offset));
}

/**
 * `range` with a speaker label and timestamp taken off its start, for coding a paragraph or line
 * that opens a turn: the label says who spoke, it is not part of what they said.
 */
export function withoutSpeakerLabel(transcript: Transcript, range: TextRange): TextRange {
  const turn = transcript.turns.find((t) => t.range.start <= range.start && range.start < t.textRange.start);
  if (turn === undefined) return range;
  return { start: Math.min(turn.textRange.start, range.end), end: range.end };
}

function contains(range: TextRange, offset: number): boolean {
  return range.start <= offset && offset <= range.end;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(max, value));
}
