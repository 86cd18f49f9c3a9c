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
  codes: CodeId[];
  quote: QuoteSelector;
  position: TextRange;
  /** A short note a coder attached to this segment. */
  comment?: string;
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
}

export interface ProjectConfig {
  name: string;
  /** Globs (project-relative, POSIX) that select the transcripts. */
  transcripts: string[];
  /** Project-relative folder for memos. */
  memos: string;
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
