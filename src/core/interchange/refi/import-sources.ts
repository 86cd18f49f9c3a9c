/**
 * One TextSource's selections as Grounded segments. Positions are read under the convention that
 * fits the source best (see offset-detection.ts); selections of the same range by the same coder,
 * which NVivo writes once per code, become one segment with all their codes.
 */
import type { Coder } from '../../model';
import type { RefiCoding, RefiSelection, RefiTextSource } from './import-model';
import { chooseReading } from './offset-detection';
import { describeReading } from './positions';
import type { DecodedText } from './text-decoding';

export interface ImportedSegment {
  coder: Coder;
  /** UTF-16 offsets in the body. */
  start: number;
  end: number;
  /** Code GUIDs. */
  codes: Set<string>;
  comments: string[];
  /** GUIDs of the selections it was read from (our own exports carry the segment id in them). */
  selections: string[];
}

export interface SourceReading {
  /** The convention chosen, e.g. "UTF-16 code units, CR LF counted as 2, BOM not counted". */
  reading: string;
  basis: 'quoted text' | 'word boundaries' | 'default';
  selections: number;
  /** Selections that match their quoted text or fall on word boundaries. */
  fitting: number;
  /** Selections outside the text or empty: not imported. */
  skipped: number;
}

export interface SourceContext {
  origin: string;
  coderOf(...users: (string | undefined)[]): Coder;
  /** The text of the notes with these GUIDs. */
  noteTexts(guids: readonly string[]): string[];
  warn(message: string): void;
}

export function importSelections(source: RefiTextSource, label: string, decoded: DecodedText, context: SourceContext): { body: string; segments: ImportedSegment[]; reading: SourceReading } {
  const body = decoded.text.replace(/\r\n?/g, '\n');
  const choice = chooseReading(decoded.text, decoded.hadBom, source.selections, context.origin);
  const segments = new Map<string, ImportedSegment>();
  let fitting = 0;
  let skipped = 0;
  source.selections.forEach((selection, i) => {
    const placed = choice.placed[i];
    if (!placed.inRange) {
      skipped++;
      return context.warn(`${label}: selection ${describe(selection)} at ${selection.start}–${selection.end} is empty or outside the text; not imported`);
    }
    if (placed.fits) fitting++;
    else context.warn(`${label}: selection ${describe(selection)} at ${selection.start}–${selection.end} does not match its text or word boundaries; imported as read`);
    addSelection(segments, selection, { label, start: placed.start, end: placed.end }, context);
  });
  if (source.codings.length > 0 && body.length > 0) addCodings(segments, source.codings, 0, body.length, [source.user], [], context);
  const reading: SourceReading = {
    reading: describeReading(choice.reading, choice.relevant),
    basis: choice.basis,
    selections: source.selections.length,
    fitting,
    skipped,
  };
  return { body, segments: [...segments.values()], reading };
}

function addSelection(segments: Map<string, ImportedSegment>, selection: RefiSelection, at: { label: string; start: number; end: number }, context: SourceContext): void {
  const comments = [...(selection.description ? [selection.description] : []), ...context.noteTexts(selection.noteRefs)];
  if (selection.codings.length === 0) {
    if (comments.length > 0) context.warn(`${at.label}: selection ${describe(selection)} has a memo but no code; Grounded keeps comments on coded segments only, so it is not imported`);
    return;
  }
  addCodings(segments, selection.codings, at.start, at.end, [selection.user], comments, context, selection.guid);
}

/** Coder attribution lives on each Coding (NVivo), falling back to the selection, source, project. */
function addCodings(
  segments: Map<string, ImportedSegment>,
  codings: readonly RefiCoding[],
  start: number,
  end: number,
  fallbackUsers: (string | undefined)[],
  comments: string[],
  context: SourceContext,
  selection?: string,
): void {
  for (const coding of codings) {
    const coder = context.coderOf(coding.user, ...fallbackUsers);
    const key = `${coder.id}\n${start}\n${end}`;
    let segment = segments.get(key);
    if (!segment) {
      segment = { coder, start, end, codes: new Set(), comments: [], selections: [] };
      segments.set(key, segment);
    }
    if (selection !== undefined && !segment.selections.includes(selection)) segment.selections.push(selection);
    segment.codes.add(coding.code);
    for (const comment of [...comments, ...context.noteTexts(coding.noteRefs)]) {
      if (!segment.comments.includes(comment)) segment.comments.push(comment);
    }
  }
}

function describe(selection: RefiSelection): string {
  const name = selection.name?.trim();
  return name ? `"${name.length > 40 ? `${name.slice(0, 39)}…` : name}"` : selection.guid;
}
