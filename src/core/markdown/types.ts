import type { TextRange } from '../model';

/** The YAML block at the top of a transcript, fenced by `---` lines. */
export interface FrontMatter {
  /** The whole block, fences included. */
  range: TextRange;
  /** The parsed mapping; empty when the block is empty or could not be read. */
  data: Record<string, unknown>;
  /** Why the block could not be read, for showing to the researcher; absent when it was fine. */
  error?: string;
}

/** One speaker's turn: from its label to the next label, heading or thematic break. */
export interface SpeakerTurn {
  /** The name as written in the label, e.g. `Amara` or `INT`. */
  speaker: string;
  /** The whole turn, label and leading timestamp included. */
  range: TextRange;
  /** What was said: after the label and any timestamp, to the end of the turn. */
  textRange: TextRange;
  /** The timestamp as written, without its brackets, e.g. `00:12:03`. */
  timestamp?: string;
  /** The label itself, Markdown emphasis and colon included, e.g. `**Amara:**`. */
  label: TextRange;
}

export interface Heading {
  depth: number;
  /** The heading's text without Markdown markup. */
  text: string;
  range: TextRange;
}

/** A transcript's structure. Offsets are UTF-16 code units over the LF text that was parsed. */
export interface Transcript {
  frontMatter: FrontMatter | undefined;
  turns: SpeakerTurn[];
  /** Every Markdown paragraph, in document order, including those in block quotes and lists. */
  paragraphs: TextRange[];
  headings: Heading[];
}

/** The leaf blocks of a Markdown document, flattened in reading order. */
export type Block =
  | { kind: 'front-matter'; range: TextRange; yaml: string }
  | { kind: 'paragraph'; range: TextRange }
  | { kind: 'heading'; range: TextRange; depth: number; text: string }
  /** A thematic break (`---`, `***`): like a heading, it closes the current turn. */
  | { kind: 'break'; range: TextRange }
  /** Code, HTML, tables…: part of whatever turn is open, never the start of one. */
  | { kind: 'other'; range: TextRange };
