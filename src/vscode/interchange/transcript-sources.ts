/** Reading the files a researcher chose to import as transcripts, all of them before anything is written. */
import * as vscode from 'vscode';
import {
  importDocxHtml,
  importFormatOf,
  importTranscriptBytes,
  TranscriptImportError,
  type ImportedTranscript,
} from '../../core/interchange/transcripts';
import type { Platform } from '../platform/platform';
import { InterchangeError } from './interchange-error';
import { nameOf } from './uri-names';

/** A file read and converted, with speakers as the source names them. */
export interface TranscriptSource {
  uri: vscode.Uri;
  /** The file name, e.g. `GMT20240312-zoom.vtt`. */
  name: string;
  transcript: ImportedTranscript;
}

export const TRANSCRIPT_EXTENSIONS = ['vtt', 'srt', 'txt', 'docx'];

/**
 * Reads and converts every file; when any cannot be imported, throws one InterchangeError that
 * names each such file and why, so the researcher can fix them all at once.
 */
export async function readTranscriptSources(uris: readonly vscode.Uri[], docxToHtml: Platform['docxToHtml']): Promise<TranscriptSource[]> {
  const results = await Promise.all(uris.map((uri) => readOne(uri, docxToHtml)));
  const problems = results.flatMap((r) => ('problem' in r ? [r.problem] : []));
  if (problems.length > 0) {
    const count = problems.length === 1 ? 'A file' : `${problems.length} of ${uris.length} files`;
    throw new InterchangeError(`${count} could not be imported; nothing was written. ${problems.join(' ')}`);
  }
  return results.flatMap((r) => ('problem' in r ? [] : [r]));
}

async function readOne(uri: vscode.Uri, docxToHtml: Platform['docxToHtml']): Promise<TranscriptSource | { problem: string }> {
  const name = nameOf(uri);
  const format = importFormatOf(name);
  if (format === undefined) return { problem: `${name}: cannot import this kind of file (expected .vtt, .srt, .txt or .docx).` };
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    const reason = error instanceof vscode.FileSystemError && error.code === 'FileNotFound' ? 'no such file' : `cannot be read (${String(error)})`;
    return { problem: `${name}: ${reason}.` };
  }
  try {
    return { uri, name, transcript: format === 'docx' ? importDocxHtml(await docxToHtml(bytes, name), name) : importTranscriptBytes(bytes, name) };
  } catch (error) {
    if (error instanceof TranscriptImportError) return { problem: error.message };
    throw error;
  }
}

/** Whether any turn of any source has a time, so asking about timestamps makes sense. */
export function anyTimestamps(sources: readonly TranscriptSource[]): boolean {
  return sources.some((s) => s.transcript.turns.some((t) => t.start !== undefined));
}
