/**
 * Turning a project file's bytes into text, for every FileSystem adapter alike. Two refusals
 * happen here, before any reader sees the text:
 * - a file larger than Grounded reads (a transcript of a whole day is a few megabytes; a
 *   gigabyte log dropped into the folder must not be read into memory);
 * - bytes that are not UTF-8. Decoding them leniently would turn them into U+FFFD, and the next
 *   save would write that back: the original bytes silently lost.
 */
import type { FileProblem } from '../model';
import type { FileSource } from '../ports';

const MB = 1024 * 1024;
/** Transcripts, memos and coding files. */
export const MAX_DATA_FILE_BYTES = 50 * MB;
/** project.json, attributes.json and code files: settings, a few kilobytes when hand-written. */
export const MAX_CONFIG_FILE_BYTES = 5 * MB;

/** A file that exists but cannot be read as text: the problem says where and why. */
export class UnreadableFileError extends Error {
  constructor(
    readonly path: string,
    readonly line: number | undefined,
    readonly reason: string,
  ) {
    super(`${path}${line === undefined ? '' : `:${line}`}: ${reason}`);
    this.name = 'UnreadableFileError';
  }

  get problem(): FileProblem {
    const problem: FileProblem = { path: this.path, message: this.reason, severity: 'error' };
    if (this.line !== undefined) problem.line = this.line;
    return problem;
  }
}

/** The largest size Grounded reads for a project-relative path. */
export function maxBytesFor(path: string): number {
  return path === '.grounded/project.json' || path === '.grounded/attributes.json' || path.startsWith('.grounded/codes/')
    ? MAX_CONFIG_FILE_BYTES
    : MAX_DATA_FILE_BYTES;
}

/** Throws UnreadableFileError when a file of `size` bytes at `path` is too large to read. */
export function checkFileSize(path: string, size: number): void {
  const limit = maxBytesFor(path);
  if (size <= limit) return;
  const shown = (bytes: number): string => `${(bytes / MB).toFixed(1)} MB`;
  throw new UnreadableFileError(
    path,
    undefined,
    `the file is ${shown(size)}, more than the ${shown(limit)} Grounded reads for a file of this kind; it was not read (split it, or move it out of the project)`,
  );
}

/**
 * The file's text (UTF-8; a byte-order mark is kept, for the readers to drop). Throws
 * UnreadableFileError naming the line of the first byte that is not UTF-8.
 */
export function decodeFileText(path: string, bytes: Uint8Array): string {
  checkFileSize(path, bytes.length);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const byte = (bytes[bad] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new UnreadableFileError(
      path,
      lineOfByte(bytes, bad),
      `not valid UTF-8 (byte 0x${byte}): the file was saved in another encoding or damaged. ` +
        'Grounded does not read it, and will not rewrite it, until it is saved as UTF-8',
    );
  }
}

/** The file's text, undefined when it does not exist, or the reason it cannot be read. */
export async function readFileText(fs: FileSource, path: string): Promise<string | undefined | UnreadableFileError> {
  try {
    return await fs.readFile(path);
  } catch (error) {
    if (error instanceof UnreadableFileError) return error;
    throw error;
  }
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) return i;
    }
    // Overlong three- and four-byte forms, surrogates, and code points past U+10FFFF.
    const second = bytes[i + 1];
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return bytes.length;
}

function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
