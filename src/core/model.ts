/**
 * The domain model of a Grounded project, independent of how it is stored.
 *
 * Offsets everywhere in the core are UTF-16 code units (what VS Code and JavaScript strings use)
 * over the transcript text normalised to LF line endings and without a byte-order mark.
 */

export type CodeId = string;
export type SegmentId = string;

/** Fields a newer version of Grounded wrote that this version does not know: kept on rewrite. */
export type UnknownFields = Record<string, unknown>;

export interface Code {
  id: CodeId;
  name: string;
  /** The parent code, or null for a top-level code. */
  parent: CodeId | null;
  /** Lowercase `#rrggbb`. */
  color: string;
  description: string;
  // The codebook as a deliverable: when to apply the code, when not, and a quote that shows it.
  // Optional: files without them are read and written as before.
  inclusion?: string;
  exclusion?: string;
  example?: CodeExample;
  // Coding rounds and gathering (docs/grounded-theory.md): absent on codes made before rounds were recorded.
  /** The round the code was created in. */
  round?: RoundId;
  /** What gathering into this code brought together, oldest first; absent when nothing was. */
  gathered?: GatherRecord[];
  /** Set on a code whose segments were gathered into another: that code's id. */
  gatheredInto?: CodeId;
  /** Theoretical relations from this code to others; sorted by target, then type. Absent when none. */
  relations?: CodeRelation[];
  extra?: UnknownFields;
}

/** A typed, directed relation between two codes ("this code <type> target"), kept in the source's file. */
export interface CodeRelation {
  /** The id of a relation type: one of the project's `relationTypes`, or a default one. */
  type: string;
  target: CodeId;
  /** An optional short memo on why the two are related. */
  note?: string;
  extra?: UnknownFields;
}

/** A code's example quote: one of its segments, by id, with the text it covered when picked. */
export interface CodeExample {
  segment: SegmentId;
  text: string;
}

/** The text a segment covers, with some context either side: the authority on where it belongs. */
export interface QuoteSelector {
  exact: string;
  /** Up to {@link CONTEXT_LENGTH} characters before the quote. */
  prefix: string;
  /** Up to {@link CONTEXT_LENGTH} characters after the quote. */
  suffix: string;
}

/** Where the quote was when it was last written: a hint, not the authority. */
export interface TextRange {
  start: number;
  end: number;
}

export interface Segment {
  id: SegmentId;
  /** Sorted, without duplicates, never empty. */
  codes: readonly CodeId[];
  quote: QuoteSelector;
  position: TextRange;
  /** A short note a coder attached to this segment. */
  comment?: string;
  // Coding rounds and gathering (docs/grounded-theory.md).
  /** The round the segment was created in; absent when not recorded. */
  round?: RoundId;
  /**
   * Per focused code this segment was gathered into: the segment's codes that gathering replaced
   * with it, sorted. Un-gathering puts exactly these back.
   */
  gathered?: Record<CodeId, CodeId[]>;
  extra?: UnknownFields;
}

export interface Coder {
  /** File-name-safe slug, e.g. `dana-reyes`; names the coder's coding files. */
  id: string;
  /** Display name, e.g. `Dana Reyes`. */
  name: string;
}

/** One coder's coding of one transcript. */
export interface CodingFile {
  /** Project-relative POSIX path of the transcript, e.g. `interviews/p01.md`. */
  transcript: string;
  coder: Coder;
  /** Sorted by id. */
  segments: Segment[];
  extra?: UnknownFields;
  /** Passages reviewed and deliberately left uncoded (reconciling); sorted by id. Absent when none. */
  uncoded?: UncodedPassage[];
}

export interface ProjectConfig {
  name: string;
  /** Globs (project-relative, POSIX) that select the transcripts. */
  transcripts: string[];
  /** Project-relative folder for memos. */
  memos: string;
  /** The coding rounds the project declares, in order; absent: the default three (see core/rounds). */
  rounds?: CodingRound[];
  extra?: UnknownFields;
}

/** Characters of context stored before and after a quote. */
export const CONTEXT_LENGTH = 32;

/** A problem found in a project file: always names the file, and the line where it can. */
export interface FileProblem {
  /** Project-relative POSIX path. */
  path: string;
  /** 1-based line, when the problem is on one line. */
  line?: number;
  message: string;
  severity: 'error' | 'warning';
  /** Set for an unresolved git merge conflict, which the editor offers to resolve. */
  kind?: 'merge-conflict';
}

// --- Coding rounds and gathering (docs/grounded-theory.md) ----------------------------------------

/** A round's stable id (lowercase letters and digits joined by hyphens): what codes and segments record. */
export type RoundId = string;

export interface CodingRound {
  id: RoundId;
  /** What researchers see; renaming a round rewrites only project.json. */
  name: string;
}

/** One act of gathering codes into a focused code: which codes, how many segments, by whom, when. */
export interface GatherRecord {
  /** The gathered codes with their names at the time. */
  codes: { id: CodeId; name: string }[];
  /** Segments (all coders) recoded by this gathering. */
  segments: number;
  by: Coder;
  /** ISO 8601 time, UTC. */
  at: string;
}

/**
 * A record that a passage was reviewed and left without these codes on purpose (a reconcile that
 * chose the version of a coder who coded nothing there). Not coding: nothing counts it as a code
 * applied. Its own line in the coder's file, in the same id space as segments.
 */
export interface UncodedPassage {
  id: SegmentId;
  /** The codes decided against here. Sorted, without duplicates, never empty. */
  uncoded: CodeId[];
  quote: QuoteSelector;
  position: TextRange;
  extra?: UnknownFields;
}
