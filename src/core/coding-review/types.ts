/**
 * What changed in a project's coding between two snapshots, as plain JSON-serialisable data: the
 * CLI prints it as JSON or renders it as Markdown for a pull-request comment.
 */
import type { PlacementStatus } from '../placement';

export interface CodingDiff {
  /** Per coder and code: applications gained (+) and lost (−). Sorted by coder, then code name. */
  summary: SummaryRow[];
  /** Transcripts with at least one change, by path. */
  transcripts: TranscriptDiff[];
  codebook: CodebookChange[];
  memos: MemoChange[];
  attributes: AttributeChange[];
  /** Names of every code either side mentions, by id (head's name over base's). */
  codeNames: Record<string, string>;
  /** How many segment changes of each kind, over all transcripts. */
  totals: Record<SegmentChangeKind, number>;
  /**
   * Files that could not be read on either side, one entry per problem, base side first. What such
   * a file holds is unknown there, so its records are left out of every list above on both sides.
   */
  problems: UnreadableFile[];
}

export interface UnreadableFile {
  side: 'base' | 'head';
  /** Project-relative path. */
  path: string;
  /** 1-based line, when the problem is on one line. */
  line?: number;
  /** `merge-conflict`: the file holds unresolved git conflict markers. */
  kind: 'merge-conflict' | 'invalid';
  message: string;
}

export interface SummaryRow {
  coder: string;
  code: string;
  /** The code's name (head's, or base's for a deleted code); the id when no codebook names it. */
  codeName: string;
  added: number;
  removed: number;
}

export interface TranscriptDiff {
  path: string;
  /** added/removed: the transcript (or its coding) exists on one side only. */
  status: 'added' | 'removed' | 'changed';
  /** The transcript's own text differs between the two sides. */
  textChanged: boolean;
  /**
   * The transcript file itself came or went while coding of it is on both sides: deleted (its
   * coding left behind, every segment now unplaced) or created (coding that had no text before).
   */
  file?: 'deleted' | 'created';
  /** The transcript was moved or renamed from this path (the same text there in base, gone in head). */
  renamedFrom?: string;
  /** In interview order: by position in the text (head's, base's for removed segments). */
  changes: SegmentChange[];
}

/**
 * - `added`, `removed`: the segment exists on one side only.
 * - `recoded`: same segment id, different codes. `rebounded`: same id, different extent.
 * - `commented`: its comment changed. `moved`: same quote at another position because the
 *   transcript text changed around it (not a coding change).
 * - `needs-review`: placed only approximately, or not at all, in head.
 */
export type SegmentChangeKind = 'added' | 'removed' | 'recoded' | 'rebounded' | 'commented' | 'moved' | 'needs-review';

export const SEGMENT_CHANGE_KINDS: readonly SegmentChangeKind[] = ['added', 'removed', 'recoded', 'rebounded', 'commented', 'moved', 'needs-review'];

export interface SegmentChange {
  /** One segment can be recoded and re-bounded at once; listed in SEGMENT_CHANGE_KINDS order. */
  kinds: SegmentChangeKind[];
  coder: string;
  segment: string;
  /** Codes now (before, for a removed segment). */
  codes: string[];
  /** Codes before, when they changed. */
  codesBefore?: string[];
  /** The covered text now (before, for a removed segment). */
  quote: string;
  /** Where it is in the text it is listed on (head's; base's for removed); null for an orphan. */
  range: { start: number; end: number } | null;
  /** 1-based line of the start in that text; null for an orphan. */
  line: number | null;
  /** Re-bounded: what each edge gained or lost. */
  edges?: { start: Edge; end: Edge };
  /** Re-bounded but the edges cannot be told apart (the quote's own words changed): the old quote. */
  quoteBefore?: string;
  /** Moved: where it was in base. */
  rangeBefore?: { start: number; end: number } | null;
  comment?: string;
  commentBefore?: string;
  /** Needs review: how it was placed in head, and in base (null when it was not there). */
  status?: PlacementStatus;
  statusBefore?: PlacementStatus | null;
}

/** Words an edge of a segment took in (gained) or let go (lost); empty strings when it stayed. */
export interface Edge {
  gained: string;
  lost: string;
}

export type CodebookChange =
  | { kind: 'added'; code: string; name: string; parent: string | null; segments: number }
  | { kind: 'deleted'; code: string; name: string; segments: number }
  | { kind: 'renamed'; code: string; from: string; to: string; segments: number }
  | { kind: 'recoloured'; code: string; name: string; from: string; to: string; segments: number }
  | { kind: 'moved'; code: string; name: string; from: string | null; to: string | null; fromName: string | null; toName: string | null; segments: number }
  | { kind: 'described'; code: string; name: string; segments: number }
  /** Its inclusion or exclusion criteria or its example quote changed: the fields that did. */
  | { kind: 'redefined'; code: string; name: string; fields: DefinitionField[]; segments: number }
  | { kind: 'merged'; code: string; name: string; into: string; intoName: string; segments: number }
  | { kind: 'split'; code: string; name: string; kept: boolean; into: { code: string; name: string; segments: number }[] }
  /** Codes gathered into a focused code (`code`), or un-gathered from it, as its record says. */
  | { kind: 'gathered' | 'ungathered'; code: string; name: string; codes: { code: string; name: string }[]; segments: number; by: string }
  /** A theoretical relation from `code` to `target` added, removed, or its note changed. */
  | { kind: 'related' | 'unrelated' | 'renoted'; code: string; name: string; type: string; target: string; targetName: string };

export type DefinitionField = 'inclusion' | 'exclusion' | 'example';

export interface MemoChange {
  kind: 'added' | 'removed' | 'edited';
  path: string;
  title: string;
  /** Edited: the title before, when it changed. */
  titleBefore?: string;
}

export interface AttributeChange {
  transcript: string;
  participant: string;
  attribute: string;
  /** JSON of the value; null when absent on that side. */
  before: string | null;
  after: string | null;
}
