import { decodeTranscriptBytes } from './decode';
import { importPlainText } from './plain-text';
import { importSrt } from './srt';
import { TranscriptImportError, type ImportFormat, type ImportedTranscript } from './types';
import { importWebVtt } from './webvtt';

const FORMATS_BY_EXTENSION: Record<string, ImportFormat> = {
  vtt: 'webvtt',
  webvtt: 'webvtt',
  srt: 'srt',
  txt: 'text',
  text: 'text',
  docx: 'docx',
};

/** The format a file name's extension stands for, or undefined when it is not one we import. */
export function importFormatOf(fileName: string): ImportFormat | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot === -1 ? undefined : FORMATS_BY_EXTENSION[fileName.slice(dot + 1).toLowerCase()];
}

/**
 * Imports a WebVTT, SRT or text transcript from its bytes; `fileName` (without folders) picks the
 * format and names the file in errors and in the front matter. A Word document is not read here
 * (its unzipping library stays out of the core): convert it with mammoth and pass the HTML to
 * `importDocxHtml`.
 */
export function importTranscriptBytes(bytes: Uint8Array, fileName: string): ImportedTranscript {
  const format = importFormatOf(fileName);
  if (format === undefined || format === 'docx') {
    const why = format === 'docx' ? 'Word documents are imported with importDocxHtml' : 'expected .vtt, .srt, .txt or .docx';
    throw new TranscriptImportError(fileName, `cannot import this kind of file (${why}).`);
  }
  const text = decodeTranscriptBytes(bytes, fileName);
  if (format === 'webvtt') return importWebVtt(text, fileName);
  if (format === 'srt') return importSrt(text, fileName);
  return importPlainText(text, fileName);
}
