/**
 * One transcript in the index: its text, front matter and placed segments, and the plain snapshot
 * object made from them. Turns are parsed only when first read.
 */
import { parseTranscript, type SpeakerTurn } from '../markdown';
import type { Coder } from '../model';
import { participantName, readFrontMatterAttributes, type AttributeIssue, type FrontMatterAttributes } from '../participants';
import type { PlacedSegment, PlacementCache } from '../placement';
import type { TranscriptCoding } from '../storage/coding-repository';
import type { TranscriptSnapshot } from './snapshot';

export interface TranscriptState {
  path: string;
  listed: boolean;
  /** Undefined when the transcript file does not exist. */
  text: string | undefined;
  frontMatter: FrontMatterAttributes;
  coding: TranscriptCoding | undefined;
  segments: PlacedSegment[];
  /** Parsed on first access to turns or speakers; reset with the text. */
  structure?: { turns: SpeakerTurn[]; speakers: string[] };
}

const NO_FRONT_MATTER: FrontMatterAttributes = { data: {}, lines: new Map(), present: false };

export function transcriptState(path: string, listed: boolean, text: string | undefined, coding: TranscriptCoding | undefined, placements: PlacementCache): TranscriptState {
  const state: TranscriptState = { path, listed, text, frontMatter: text === undefined ? NO_FRONT_MATTER : readFrontMatterAttributes(text), coding, segments: [] };
  place(state, placements);
  return state;
}

/** Place the state's coding on its text (through the cache: unchanged segments cost nothing). */
export function place(state: TranscriptState, placements: PlacementCache): void {
  // A missing transcript leaves every segment unplaced: all of them are orphans, none dropped.
  state.segments = placements.place(state.path, state.text ?? '', state.coding?.coders ?? []);
}

export function codersOf(state: TranscriptState): Coder[] {
  return state.coding?.coders.map((c) => c.coder) ?? [];
}

/** The plain object the snapshot lists; `issues` come from the project-wide attribute types. */
export function toSnapshot(state: TranscriptState, issues: AttributeIssue[]): TranscriptSnapshot {
  const structure = (): NonNullable<TranscriptState['structure']> => (state.structure ??= structureOf(state.text ?? ''));
  const snapshot = {
    path: state.path,
    exists: state.text !== undefined,
    listed: state.listed,
    text: state.text ?? '',
    participant: {
      name: participantName(state.path, state.frontMatter.data),
      values: state.frontMatter.data,
      lines: Object.fromEntries(state.frontMatter.lines),
      issues,
    },
    segments: state.segments,
    uncodedBy: state.coding?.coders.filter((c) => (c.uncoded?.length ?? 0) > 0).map((c) => c.coder.id) ?? [],
  };
  return Object.defineProperties(snapshot, {
    turns: { enumerable: true, get: () => structure().turns },
    speakers: { enumerable: true, get: () => structure().speakers },
  }) as TranscriptSnapshot;
}

function structureOf(text: string): { turns: SpeakerTurn[]; speakers: string[] } {
  const turns = parseTranscript(text).turns;
  return { turns, speakers: [...new Set(turns.map((t) => t.speaker))] };
}
