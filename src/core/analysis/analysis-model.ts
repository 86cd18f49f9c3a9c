/**
 * What analysis reads: a plain, JSON-serialisable view of a project whose segments are already
 * placed on the current text of their transcripts. Analysis never re-anchors and never reads files;
 * whoever builds this view (the live index in the editor, a snapshot from disk in the CLI, a git
 * revision) owns placement. Everything here is plain objects and arrays, so the same result goes to
 * the CLI, the tests and a webview unchanged.
 */
import type { GatherRecord } from '../model';
import type { AttributeValue } from '../participants/attribute-types';

export interface AnalysisCode {
  id: string;
  name: string;
  parent: string | null;
  description?: string;
  /** The coding round the code was created in; absent when not recorded. */
  round?: string;
  /** What gathering into this code brought together (see docs/grounded-theory.md). */
  gathered?: GatherRecord[];
  /** Set on a code whose segments were gathered into another: that code's id. */
  gatheredInto?: string;
}

export interface AnalysisMemo {
  /** Project-relative path of the memo file. */
  path: string;
  title: string;
  /** Codes the memo is about, by id. */
  codes: string[];
  /** Transcripts the memo is about. */
  transcripts: string[];
  /** The memo's Markdown body, without its front matter. */
  body: string;
}

export interface AnalysisTurn {
  /** The whole turn, its label included. */
  start: number;
  end: number;
  /** Where what was said begins: after the label (`**Amara:**`) and any timestamp. */
  textStart: number;
  speaker: string;
}

export interface AnalysisTranscript {
  /** Project-relative POSIX path; identifies the transcript. */
  path: string;
  /** The participant it belongs to (front matter `participant`, else the file name). */
  participant: string;
  /** Front-matter attributes; values are strings (categories, text, `YYYY-MM-DD` dates) or numbers. */
  attributes: Record<string, AttributeValue>;
  /** LF text without a byte-order mark: the text segment offsets refer to. */
  text: string;
  /** Speaker turns in reading order. */
  turns: AnalysisTurn[];
}

export interface AnalysisSegment {
  transcript: string;
  coder: string;
  id: string;
  /** Sorted, never empty. */
  codes: readonly string[];
  /** Where the segment sits in the current text (UTF-16 code units). Orphans are not included. */
  start: number;
  end: number;
  /** True when the quote was found only approximately. */
  approximate?: boolean;
  /** The coding round the segment was created in; absent when not recorded. */
  round?: string;
}

export interface AnalysisProject {
  codes: AnalysisCode[];
  /**
   * The coders with a coding file, so a filter can name them by id and a mistaken one (a display
   * name, a prefix) can be answered with the id meant. Absent: the coders of the segments.
   */
  coders?: { id: string; name: string }[];
  /**
   * The project's coding rounds (project.json's, else the default three), so a filter can name a
   * round by id or name and one the project does not have is refused. Absent: rounds are not checked.
   */
  rounds?: { id: string; name: string }[];
  /** Any order: analysis puts them in interview order (front-matter date, else path). */
  transcripts: AnalysisTranscript[];
  segments: AnalysisSegment[];
  memos?: AnalysisMemo[];
}
