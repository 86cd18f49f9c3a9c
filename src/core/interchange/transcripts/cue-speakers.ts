import { TurnList } from './turn-list';
import { oneLine } from './text-cleanup';
import type { ImportedTurn } from './types';

/** Part of a cue's text, with the voice a `<v Name>` span gave it. */
export interface CuePiece {
  voice?: string;
  text: string;
}

/** A caption cue reduced to what a transcript needs. */
export interface Cue {
  /** Seconds from the start of the recording. */
  start: number;
  pieces: CuePiece[];
}

/**
 * `Name: text` at the start of a cue, as Zoom and many SRT files credit speakers. The colon must
 * be followed by a space or the end, so `10:30` and `https://` are not prefixes; the name has at
 * most six words and no sentence punctuation.
 */
const PREFIX = /^([^\s:?!;"“”][^:?!;"“”]{0,59}?)\s*:(?:\s+|$)/u;
const MAX_PREFIX_WORDS = 6;
/** Share of cues with a `Name:` prefix above which every prefix is taken as a speaker. */
const MOSTLY = 0.8;

/**
 * Turns cues into speaker turns. A voice span names its speaker outright. A `Name:` prefix does
 * when most cues have one (a Zoom file) or when the same name opens at least two cues; otherwise
 * a colon early in a caption (`So the point is: …`) would invent a speaker.
 */
export function cuesToTurns(cues: Cue[]): ImportedTurn[] {
  const unvoiced = cues.flatMap((c) => c.pieces.filter((p) => p.voice === undefined));
  const prefixes = unvoiced.map((p) => prefixOf(p.text));
  const counts = new Map<string, number>();
  for (const name of prefixes) if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  const mostlyPrefixed = unvoiced.length > 0 && prefixes.filter((p) => p !== undefined).length / unvoiced.length >= MOSTLY;
  const accepted = (name: string): boolean => mostlyPrefixed || (counts.get(name) ?? 0) >= 2;

  const turns = new TurnList();
  for (const cue of cues) {
    for (const piece of cue.pieces) {
      const { speaker, text } = creditPiece(piece, accepted);
      turns.addCue(speaker, text, cue.start);
    }
  }
  return turns.finish();
}

function creditPiece(piece: CuePiece, accepted: (name: string) => boolean): { speaker?: string; text: string } {
  if (piece.voice !== undefined) return { speaker: piece.voice, text: piece.text };
  const match = PREFIX.exec(oneLine(piece.text));
  const name = match === null ? undefined : cleanName(match[1]);
  if (match === null || name === undefined || !accepted(name)) return { text: piece.text };
  return { speaker: name, text: oneLine(piece.text).slice(match[0].length) };
}

function prefixOf(text: string): string | undefined {
  const match = PREFIX.exec(oneLine(text));
  return match === null ? undefined : cleanName(match[1]);
}

function cleanName(raw: string): string | undefined {
  const name = oneLine(raw);
  if (name === '' || name.split(' ').length > MAX_PREFIX_WORDS) return undefined;
  return name;
}

/** A voice annotation (`<v Dana Reyes>`, `<v.loud Dana>`) as a speaker name. */
export function voiceName(annotation: string): string | undefined {
  const name = oneLine(annotation);
  return name === '' ? undefined : name;
}
