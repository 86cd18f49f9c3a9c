import { TranscriptImportError } from './types';

/**
 * Turns a file's bytes into text with LF line endings and no byte-order mark. Accepts UTF-8 (with
 * or without a BOM) and UTF-16 with a BOM; everything else is refused with the line it went wrong
 * on, because guessing a legacy encoding would quietly turn a participant's words into mojibake.
 */
export function decodeTranscriptBytes(bytes: Uint8Array, source: string): string {
  const text = normaliseLineEndings(decodeByBom(bytes, source));
  if (text.trim() === '') throw new TranscriptImportError(source, 'the file is empty.');
  rejectControlCharacters(text, source);
  return text;
}

function decodeByBom(bytes: Uint8Array, source: string): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeUtf8(bytes.subarray(3), source, 3);
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes.subarray(2), 'le', source);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes.subarray(2), 'be', source);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    throw new TranscriptImportError(source, 'this is a ZIP archive (a .docx file?), not a text file; import Word documents with the .docx extension.');
  }
  const utf16 = undeclaredUtf16(bytes);
  if (utf16 !== undefined) {
    throw new TranscriptImportError(
      source,
      `this looks like UTF-16 (${utf16 === 'le' ? 'little' : 'big'}-endian) text without a byte-order mark; save it as UTF-8 and import it again.`,
    );
  }
  return decodeUtf8(bytes, source, 0);
}

function decodeUtf8(bytes: Uint8Array, source: string, offset: number): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const line = lineOfByte(bytes, bad);
    const byte = bytes[bad]?.toString(16).toUpperCase().padStart(2, '0') ?? '??';
    throw new TranscriptImportError(
      source,
      `not valid UTF-8 (byte 0x${byte} at byte ${offset + bad + 1}); the file is probably in another encoding such as Windows-1252 or Latin-1: save it as UTF-8 and import it again.`,
      line,
    );
  }
}

/** UTF-16 by hand: TextDecoder's `utf-16be` needs full ICU, which not every runtime has. */
function decodeUtf16(bytes: Uint8Array, order: 'le' | 'be', source: string): string {
  if (bytes.length % 2 !== 0) {
    throw new TranscriptImportError(source, 'the UTF-16 text ends in half a character (an odd number of bytes): the file is truncated.');
  }
  const units = new Uint16Array(bytes.length / 2);
  for (let i = 0; i < units.length; i++) {
    const [high, low] = order === 'be' ? [bytes[2 * i], bytes[2 * i + 1]] : [bytes[2 * i + 1], bytes[2 * i]];
    units[i] = (high << 8) | low;
  }
  let text = '';
  for (let i = 0; i < units.length; i += 8192) text += String.fromCharCode(...units.subarray(i, i + 8192));
  const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u.exec(text);
  if (lone !== null) {
    throw new TranscriptImportError(source, 'not valid UTF-16 (a lone surrogate half).', lineOfOffset(text, lone.index));
  }
  return text;
}

/**
 * UTF-16 text without a BOM has a NUL in every other byte for Latin script. Checked on a sample
 * so a large file costs nothing; a real UTF-8 text has no NULs at all.
 */
function undeclaredUtf16(bytes: Uint8Array): 'le' | 'be' | undefined {
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096) & ~1);
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0) evenNuls++;
    if (sample[i + 1] === 0) oddNuls++;
  }
  const pairs = sample.length / 2;
  if (pairs === 0) return undefined;
  if (oddNuls / pairs > 0.3 && evenNuls / pairs < 0.05) return 'le';
  if (evenNuls / pairs > 0.3 && oddNuls / pairs < 0.05) return 'be';
  return undefined;
}

/** The index of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

/** Length of the well-formed UTF-8 sequence starting at `i` (RFC 3629), or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return 1;
  const [length, min, max] =
    b >= 0xc2 && b <= 0xdf ? [2, 0x80, 0xbf]
    : b === 0xe0 ? [3, 0xa0, 0xbf]
    : b === 0xed ? [3, 0x80, 0x9f]
    : b >= 0xe1 && b <= 0xef ? [3, 0x80, 0xbf]
    : b === 0xf0 ? [4, 0x90, 0xbf]
    : b === 0xf4 ? [4, 0x80, 0x8f]
    : b >= 0xf1 && b <= 0xf3 ? [4, 0x80, 0xbf]
    : [0, 0, 0];
  if (length === 0 || i + length > bytes.length) return 0;
  if (bytes[i + 1] < min || bytes[i + 1] > max) return 0;
  for (let k = 2; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return 0;
  return length;
}

/**
 * NUL and other C0 controls (bar tab, line feed, carriage return and form feed) never occur in a
 * transcript; finding one means the file is binary, or text in an encoding we were not told about.
 */
function rejectControlCharacters(text: string, source: string): void {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  const found = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/u.exec(text);
  if (found === null) return;
  const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  throw new TranscriptImportError(
    source,
    `contains binary data (control character U+${code}), not text; is this the right file?`,
    lineOfOffset(text, found.index),
  );
}

function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

export function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
