/**
 * The read model: a whole project as plain data (objects and arrays, no Map or Set), so that the
 * CLI, analysis, tests and webviews all get the same thing and it serialises to JSON as it is.
 */
import type { SpeakerTurn } from '../markdown';
import type { MemoSummary } from '../memos';
import type { Code, Coder, FileProblem, ProjectConfig } from '../model';
import type { AttributeIssue, AttributeSchema } from '../participants';
import type { PlacedSegment } from '../placement';

export interface ProjectSnapshot {
  config: ProjectConfig;
  /** Every readable code, sorted by id. */
  codes: Code[];
  /** Every coder with a readable coding file, sorted by id. */
  coders: Coder[];
  /** Every transcript the project's globs select, and every path that has coding; sorted by path. */
  transcripts: TranscriptSnapshot[];
  attributes: AttributesSnapshot;
  /** Sorted by path. */
  memos: MemoSummary[];
  /** Files that could not be read as they are (code files, coding files), with file and line. */
  problems: FileProblem[];
}

export interface TranscriptSnapshot {
  path: string;
  /** False when coding exists for a transcript that does not (renamed or deleted). */
  exists: boolean;
  /** Whether the project's `transcripts` globs select it. */
  listed: boolean;
  /** The current text (LF line endings, no BOM): an open editor's, else the file's; '' when missing. */
  text: string;
  participant: ParticipantSnapshot;
  /**
   * Speaker turns and the speakers' names in order of first turn. Read on first access (they need
   * a full Markdown parse, which most readers do not): plain enumerable properties all the same,
   * so JSON.stringify and structured cloning include them.
   */
  readonly turns: SpeakerTurn[];
  readonly speakers: string[];
  /** Every coder's segments placed on `text`, coder by coder (sorted by id), each in stored order. */
  segments: PlacedSegment[];
  /**
   * Coders (ids, sorted) whose file records passages of this transcript as reviewed and left
   * uncoded (reconciling): they looked at it, even where they have no segment in it.
   */
  uncodedBy: string[];
}

export interface ParticipantSnapshot {
  /** The `participant` attribute, else the file name without `.md`. */
  name: string;
  /** The front matter's attributes as YAML reads them. */
  values: Record<string, unknown>;
  /** 1-based line of each attribute in the transcript. */
  lines: Record<string, number>;
  issues: AttributeIssue[];
}

export interface AttributesSnapshot {
  schema: AttributeSchema;
  /** True when the types come from `.grounded/attributes.json`, false when inferred. */
  declared: boolean;
  /** Problems of `.grounded/attributes.json` itself. */
  problems: FileProblem[];
}
