import { TurnList } from './turn-list';
import { oneLine } from './text-cleanup';
import type { ImportedTurn } from './types';

/** Part of a cue's text, with the voice a `<v Name>` span gave it. */
export interface CuePiece {
  voice?: string;
  /** The cue's lines, each on one line, joined with `\n`: a line can start a speaker's turn. */
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
/** A subtitle's dialogue dash: `- Dana: hi` on one line, `- Amara: yo` on the next. */
const DIALOGUE_DASH = /^-\s+/;

/**
 * Where someone may start speaking within a cue: its first line, or a labelled line opened by a
 * dialogue dash (two people in one subtitle), with the lines that follow up to the next such line.
 */
interface Segment {
  voice?: string;
  dashed: boolean;
  lines: string[];
}

/**
 * Turns cues into speaker turns. A voice span names its speaker outright. A `Name:` prefix does
 * when most cues have one (a Zoom file) or when the same name opens at least two cues; otherwise
 * a colon early in a caption (`So the point is: …`) would invent a speaker. After a dialogue dash
 * the prefix counts even once, since the dash already says someone else speaks. Inside a cue, a
 * line that starts with the label of a speaker the file already has starts that speaker's turn.
 */
export function cuesToTurns(cues: Cue[]): ImportedTurn[] {
  const segmented = cues.map((cue) => ({ start: cue.start, segments: cue.pieces.flatMap(segmentsOf) }));
  const heads = segmented.flatMap((c) => c.segments.filter((s) => s.voice === undefined));
  const counts = new Map<string, number>();
  for (const head of heads) {
    const name = prefixOf(head.lines[0]);
    if (name !== undefined) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const prefixed = heads.filter((h) => prefixOf(h.lines[0]) !== undefined).length;
  const mostlyPrefixed = heads.length > 0 && prefixed / heads.length >= MOSTLY;
  const accepted = (name: string, dashed: boolean): boolean => dashed || mostlyPrefixed || (counts.get(name) ?? 0) >= 2;

  const known = new Set<string>();
  for (const { segments } of segmented) {
    for (const segment of segments) {
      const name = segment.voice ?? prefixOf(segment.lines[0]);
      if (name !== undefined && (segment.voice !== undefined || accepted(name, segment.dashed))) known.add(name);
    }
  }

  const turns = new TurnList();
  for (const { start, segments } of segmented) {
    for (const segment of segments) {
      for (const { speaker, text } of creditSegment(segment, accepted, known)) turns.addCue(speaker, text, start);
    }
  }
  return turns.finish();
}

/** A dash before a line without a label stays text: it marks no one we could credit. */
function segmentsOf(piece: CuePiece): Segment[] {
  const lines = piece.text.split('\n').map(oneLine).filter((l) => l !== '');
  const segments: Segment[] = [];
  for (const line of lines) {
    const dash = DIALOGUE_DASH.exec(line);
    const labelled = dash !== null && prefixOf(line.slice(dash[0].length)) !== undefined;
    const last = segments[segments.length - 1];
    if (last !== undefined && !labelled) last.lines.push(line);
    else segments.push({ ...(piece.voice !== undefined ? { voice: piece.voice } : {}), dashed: labelled, lines: [labelled && dash !== null ? line.slice(dash[0].length) : line] });
  }
  return segments;
}

/** The segment as runs of text with their speaker; a run without one continues the open turn. */
function creditSegment(
  segment: Segment,
  accepted: (name: string, dashed: boolean) => boolean,
  known: Set<string>,
): { speaker?: string; text: string }[] {
  const [first, ...rest] = segment.lines;
  const opening = segment.voice !== undefined ? { speaker: segment.voice, text: first } : credited(first, (name) => accepted(name, segment.dashed));
  const runs = [opening];
  for (const line of rest) {
    const labelled = credited(line, (name) => known.has(name));
    if (labelled.speaker !== undefined) runs.push(labelled);
    else runs[runs.length - 1].text += ` ${line}`;
  }
  return runs;
}

function credited(line: string, counts: (name: string) => boolean): { speaker?: string; text: string } {
  const match = PREFIX.exec(line);
  const name = match === null ? undefined : cleanName(match[1]);
  if (match === null || name === undefined || !counts(name)) return { text: line };
  return { speaker: name, text: line.slice(match[0].length) };
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
