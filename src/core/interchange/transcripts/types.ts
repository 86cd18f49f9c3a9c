/** Where an imported transcript came from; written to the front matter as `imported_from`. */
export type ImportFormat = 'webvtt' | 'srt' | 'text' | 'docx';

/** One speaker's turn as the source gives it, before it is written as Markdown. */
export interface ImportedTurn {
  /**
   * The speaker as the source names them (a Zoom display name, a Teams voice, a label in a text
   * file). Undefined for text nobody is credited with; such turns only come before the first
   * credited one, because in Markdown anything after a label belongs to that label's turn.
   */
  speaker?: string;
  /** Seconds from the start of the recording, when the source says when the turn began. */
  start?: number;
  /** What was said, one entry per paragraph; each is one line of text, never empty. */
  paragraphs: string[];
}

/** Something the importer changed or guessed that the researcher should know about. */
export interface ImportNote {
  /** 1-based line in the source, when the note is about one line. */
  line?: number;
  message: string;
  /** Something probably went wrong (the researcher should look before coding), not just a remark. */
  warning?: boolean;
}

export interface ImportedTranscript {
  /** The original file name, e.g. `GMT20240312-zoom.vtt`; written to the front matter as `source`. */
  source: string;
  format: ImportFormat;
  turns: ImportedTurn[];
  /** Front-matter fields after `source` and `imported_from`, in the order they are written. */
  attributes: Record<string, string | string[]>;
  notes: ImportNote[];
}

/** Why a file could not be imported: names the file and, where it can, the line. */
export class TranscriptImportError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`${source}${line !== undefined ? `:${line}` : ''}: ${reason}`);
    this.name = 'TranscriptImportError';
  }
}
