import assert from 'node:assert/strict';
import { importTranscriptBytes, TranscriptImportError } from '../../../../src/core/interchange/transcripts';

/** Imports `text` as `fileName` and returns the error it must fail with. */
export function importError(fileName: string, text: string | Uint8Array): TranscriptImportError {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  try {
    importTranscriptBytes(bytes, fileName);
  } catch (error) {
    assert.ok(error instanceof TranscriptImportError, String(error));
    assert.ok(error.message.startsWith(`${fileName}${error.line !== undefined ? `:${error.line}` : ''}: `), error.message);
    return error;
  }
  assert.fail(`expected ${fileName} to be refused`);
}

export function importText(fileName: string, text: string): ReturnType<typeof importTranscriptBytes> {
  return importTranscriptBytes(new TextEncoder().encode(text), fileName);
}
