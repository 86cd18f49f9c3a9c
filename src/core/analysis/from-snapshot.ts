/**
 * The analysis view of a project snapshot: placed segments only (orphans cannot be analysed — they
 * are counted so reports can say how many were left out), participants' attributes as recorded,
 * speaker turns, and memos with their text where the caller read it.
 */
import type { AttributeValue } from '../participants/attribute-types';
import type { ProjectSnapshot, TranscriptSnapshot } from '../project-index';
import { projectRounds } from '../rounds/rounds';
import type { Slices } from '../time-slices';
import type { AnalysisMemo, AnalysisProject, AnalysisSegment, AnalysisTurn } from './analysis-model';

export interface AnalysisView {
  project: AnalysisProject;
  /** Segments that could not be placed in their transcript's current text (left out). */
  unplaced: number;
}

/** Memo bodies by path, for reports; memos without one carry their excerpt. */
export type MemoBodies = Record<string, string>;

export function analysisProjectOf(snapshot: ProjectSnapshot, memoBodies: MemoBodies = {}): AnalysisView {
  const transcripts = snapshot.transcripts.filter((t) => t.exists);
  return assemble(snapshot, transcripts, transcripts.map(placedSegmentsOf), memoBodies);
}

/**
 * The same view, made a few transcripts at a time through `slices`: in the editor the host answers
 * meanwhile (a panel's page loads while its first answer is worked out).
 */
export async function analysisProjectInSlices(snapshot: ProjectSnapshot, slices: Slices, memoBodies: MemoBodies = {}): Promise<AnalysisView> {
  const transcripts = snapshot.transcripts.filter((t) => t.exists);
  const parts = await Promise.all(transcripts.map((transcript) => (placedByTranscript.has(transcript) ? placedSegmentsOf(transcript) : slices.run(() => placedSegmentsOf(transcript)))));
  return slices.run(() => assemble(snapshot, transcripts, parts, memoBodies));
}

/** A transcript's part of the view: its placed segments, and how many could not be placed. */
interface TranscriptPart {
  segments: readonly AnalysisSegment[];
  unplaced: number;
}

/**
 * Each transcript snapshot's part, kept while the snapshot lives: the index hands out the same
 * snapshot object until that transcript changes, so after an edit only its part is made again.
 * The segments are never changed once made (queries only read them), so views may share them.
 */
const placedByTranscript = new WeakMap<TranscriptSnapshot, TranscriptPart>();

function placedSegmentsOf(transcript: TranscriptSnapshot): TranscriptPart {
  let part = placedByTranscript.get(transcript);
  if (!part) {
    part = placedSegments(transcript);
    placedByTranscript.set(transcript, part);
  }
  return part;
}

/** A transcript's placed segments (in stored order), and how many could not be placed. */
function placedSegments(transcript: TranscriptSnapshot): TranscriptPart {
  const segments: AnalysisSegment[] = [];
  let unplaced = 0;
  for (const placed of transcript.segments) {
    if (placed.range === undefined || placed.status === 'orphan') {
      unplaced++;
      continue;
    }
    // Assigned, not spread: a project has 100,000 of these, and the panel waits for them.
    const segment: AnalysisSegment = { transcript: transcript.path, coder: placed.coder.id, id: placed.segment.id, codes: placed.segment.codes, start: placed.range.start, end: placed.range.end };
    if (placed.status === 'fuzzy') segment.approximate = true;
    if (placed.segment.round !== undefined) segment.round = placed.segment.round;
    segments.push(segment);
  }
  return { segments, unplaced };
}

function assemble(snapshot: ProjectSnapshot, transcripts: TranscriptSnapshot[], parts: readonly TranscriptPart[], memoBodies: MemoBodies): AnalysisView {
  const segments: AnalysisSegment[] = [];
  let unplaced = 0;
  for (const part of parts) {
    for (const segment of part.segments) segments.push(segment);
    unplaced += part.unplaced;
  }
  const memos: AnalysisMemo[] = snapshot.memos.map((memo) => ({
    path: memo.path,
    title: memo.title,
    codes: memo.links.flatMap((l) => (l.kind === 'code' ? [l.code] : [])),
    transcripts: memo.links.flatMap((l) => (l.kind === 'code' ? [] : [l.transcript])),
    body: memoBodies[memo.path] ?? memo.excerpt,
  }));
  return {
    project: {
      coders: snapshot.coders.map(({ id, name }) => ({ id, name })),
      rounds: projectRounds(snapshot.config).map(({ id, name }) => ({ id, name })),
      codes: snapshot.codes.map((c) => ({ id: c.id, name: c.name, parent: c.parent, ...(c.description ? { description: c.description } : {}), ...(c.round !== undefined ? { round: c.round } : {}), ...(c.gathered ? { gathered: c.gathered } : {}), ...(c.gatheredInto ? { gatheredInto: c.gatheredInto } : {}) })),
      transcripts: transcripts.map((t) => {
        let turns: AnalysisTurn[] | undefined;
        return {
          path: t.path,
          participant: t.participant.name,
          attributes: recordedAttributes(t.participant.values),
          text: t.text,
          // Turns need a Markdown parse: only for the transcripts a query asks about.
          get turns() {
            turns ??= t.turns.map((turn) => ({ speaker: turn.speaker, start: turn.range.start, end: turn.range.end, textStart: turn.textRange.start }));
            return turns;
          },
        };
      }),
      segments,
      memos,
    },
    unplaced,
  };
}

/**
 * Values analysis can group and filter by: text, numbers and dates (YAML dates as `YYYY-MM-DD`). A
 * list of values (`race_ethnicity: [Black, Latina]`) is the text `Black, Latina`, as the
 * Participants view shows it: left out, it made the participant "not recorded" in every group and
 * filter, and blank in the CSV, without a word. `equals` matches each of its values (filters.ts).
 */
function recordedAttributes(values: Record<string, unknown>): Record<string, AttributeValue> {
  const result: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(values)) {
    const scalar = scalarOf(value);
    if (scalar !== undefined) result[name] = scalar;
    else if (Array.isArray(value)) {
      const items = value.map(scalarOf).filter((v): v is AttributeValue => v !== undefined && String(v).trim() !== '');
      if (items.length > 0) result[name] = items.map((v) => String(v).trim()).join(', ');
    }
  }
  return result;
}

function scalarOf(value: unknown): AttributeValue | undefined {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}
