/**
 * Pseudonymisation as one pure computation: from the texts of the transcripts and memos and every
 * coder's segments, the new texts and, for every segment whose recorded quote changes, its new
 * quote and position. Applying both keeps every coded segment on its (renamed) text.
 */
import { makeQuote } from '../anchoring';
import type { QuoteSelector, SegmentId, TextRange } from '../model';
import { placeSelectors } from '../placement';
import type { TranscriptCoding } from '../storage/coding-repository';
import { applyOccurrences, mapRange, mentions, NameMatcher, type NameSpec, type Occurrence } from './name-matcher';
import { codeFileChange } from './code-files';
import { safeInFrontMatter } from './front-matter-values';
import { protectedRanges } from './protected-ranges';
import { checkSpeakerLabels } from './speaker-labels';
import { segmentTraces, withoutEdgeFragments } from './traces';

/** A code file is read as JSON: its text fields are searched, not its raw text. */
export type StudyFileKind = 'transcript' | 'memo' | 'code';

export interface StudyFile {
  path: string;
  kind: StudyFileKind;
  /** LF line endings, no byte-order mark. */
  text: string;
}

export interface PseudonymiseInput extends NameSpec {
  files: readonly StudyFile[];
  coding: readonly Pick<TranscriptCoding, 'transcript' | 'coders'>[];
}

export interface FileChange {
  path: string;
  kind: StudyFileKind;
  /** In the old text, sorted, not overlapping. */
  occurrences: Occurrence[];
  newText: string;
}

export interface SegmentUpdate {
  quote: QuoteSelector;
  position: TextRange;
}

export interface RequoteGroup {
  transcript: string;
  coderId: string;
  updates: Map<SegmentId, SegmentUpdate>;
}

export interface PseudonymiseReport {
  name: string;
  pseudonym: string;
  files: { path: string; kind: StudyFileKind; occurrences: number }[];
  occurrences: number;
  /** Segments whose quote was taken again from the new text. */
  segmentsUpdated: number;
  /** Segments that could not be placed (or only approximately): the name was replaced in their stored quote. */
  unplacedSegmentsUpdated: number;
  /** Files whose path contains the name: not renamed here. */
  pathsContainingName: string[];
  /** Files that already mention the pseudonym (is it someone else's pseudonym?). */
  pseudonymAlreadyIn: string[];
  /** Segment comments that mention the name: a coder's note is theirs to reword. */
  commentsMentioningName: { transcript: string; coderId: string; segmentId: SegmentId }[];
}

export interface PseudonymisePlan {
  changes: FileChange[];
  requotes: RequoteGroup[];
  report: PseudonymiseReport;
}

export function planPseudonymisation(input: PseudonymiseInput): PseudonymisePlan {
  const matcher = new NameMatcher(input);
  const changes: FileChange[] = [];
  for (const file of input.files) {
    if (file.kind === 'code') {
      const change = codeFileChange(file.path, file.text, matcher);
      if (change) changes.push({ path: file.path, kind: file.kind, ...change });
      continue;
    }
    const occurrences = safeInFrontMatter(file.text, matcher.find(file.text, protectedRanges(file.text, file.kind)), matcher);
    if (file.kind === 'transcript') checkSpeakerLabels(file.path, file.text, occurrences, matcher.pseudonym);
    if (occurrences.length > 0) changes.push({ path: file.path, kind: file.kind, occurrences, newText: applyOccurrences(file.text, occurrences) });
  }
  const texts = new Map(input.files.filter((f) => f.kind === 'transcript').map((f) => [f.path, f.text]));
  const changeOf = new Map(changes.map((c) => [c.path, c]));
  const requotes: RequoteGroup[] = [];
  let segmentsUpdated = 0;
  let unplacedSegmentsUpdated = 0;
  for (const coding of input.coding) {
    for (const { coder, segments } of coding.coders) {
      const result = requotesOf(segments, texts.get(coding.transcript), changeOf.get(coding.transcript), matcher);
      segmentsUpdated += result.placed;
      unplacedSegmentsUpdated += result.unplaced;
      if (result.updates.size > 0) requotes.push({ transcript: coding.transcript, coderId: coder.id, updates: result.updates });
    }
  }
  const report: PseudonymiseReport = {
    name: matcher.forms[0],
    pseudonym: matcher.pseudonym,
    files: changes.map((c) => ({ path: c.path, kind: c.kind, occurrences: c.occurrences.length })),
    occurrences: changes.reduce((n, c) => n + c.occurrences.length, 0),
    segmentsUpdated,
    unplacedSegmentsUpdated,
    pathsContainingName: input.files.map((f) => f.path).filter((p) => matcher.occursIn(p)),
    pseudonymAlreadyIn: input.files.filter((f) => mentions(f.text, [matcher.pseudonym])).map((f) => f.path),
    commentsMentioningName: input.coding.flatMap(({ transcript, coders }) =>
      coders.flatMap(({ coder, segments }) => segments.filter((s) => s.comment !== undefined && matcher.occursIn(s.comment)).map((s) => ({ transcript, coderId: coder.id, segmentId: s.id }))),
    ),
  };
  return { changes, requotes, report };
}

interface SegmentLike {
  id: SegmentId;
  quote: QuoteSelector;
  position: TextRange;
}

/**
 * A placed segment (its quote found exactly) takes its new quote from the new text at its mapped
 * range, when that quote differs or the stored one still mentions the name. A segment that could
 * not be placed keeps its stored quote with the name replaced in it, so no real name stays in the
 * coding files; it still needs review, as before.
 */
function requotesOf(segments: readonly SegmentLike[], oldText: string | undefined, change: FileChange | undefined, matcher: NameMatcher): { updates: Map<SegmentId, SegmentUpdate>; placed: number; unplaced: number } {
  const updates = new Map<SegmentId, SegmentUpdate>();
  let placed = 0;
  let unplaced = 0;
  const named = (q: QuoteSelector): boolean => segmentTraces(matcher, { quote: q }).length > 0;
  if (segments.length === 0 || (!change && !segments.some((s) => named(s.quote)))) return { updates, placed, unplaced };
  const occurrences = change?.occurrences ?? [];
  const newText = change?.newText ?? oldText ?? '';
  const placements = oldText === undefined ? [] : placeSelectors(oldText, segments);
  segments.forEach((segment, i) => {
    const placement = placements[i];
    if (oldText !== undefined && placement?.range && (placement.status === 'exact' || placement.status === 'moved')) {
      const range = mapRange(placement.range, occurrences);
      const quote = makeQuote(newText, range);
      if (!sameQuote(quote, makeQuote(oldText, placement.range)) || named(segment.quote)) {
        updates.set(segment.id, { quote, position: range });
        placed++;
      }
      return;
    }
    // A part of the name cut off at the outer edge of the context would stay: it is cut off too.
    const quote = withoutEdgeFragments(matcher, { exact: matcher.replaceAll(segment.quote.exact), prefix: matcher.replaceAll(segment.quote.prefix), suffix: matcher.replaceAll(segment.quote.suffix) });
    if (sameQuote(quote, segment.quote)) return;
    const start = Math.min(mapRange(placement?.range ?? segment.position, occurrences).start, newText.length);
    updates.set(segment.id, { quote, position: { start, end: start + quote.exact.length } });
    unplaced++;
  });
  return { updates, placed, unplaced };
}

function sameQuote(a: QuoteSelector, b: QuoteSelector): boolean {
  return a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix;
}

/** The new text in the form the old file had: its byte-order mark and CRLF line endings kept. */
export function inOriginalForm(raw: string, text: string): string {
  const bom = raw.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const crlf = raw.includes('\r\n');
  return bom + (crlf ? text.replace(/\n/g, '\r\n') : text);
}
