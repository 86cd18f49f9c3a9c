/**
 * A small JSON scanner used only when something is wrong, for two answers JSON.parse does not give
 * in a portable way: where a syntax error is (each JavaScript engine words and places it
 * differently), and on which line each property of a pretty-printed file starts (so a schema
 * problem can name its line). It checks the JSON grammar and builds no values.
 */

export interface JsonSyntaxError {
  /** UTF-16 offset into the scanned text. */
  offset: number;
  reason: string;
}

interface Cursor {
  readonly text: string;
  pos: number;
  /** JSON pointer → offset where that member's key (or array item) starts. */
  readonly starts: Map<string, number>;
}

class ScanError extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** The first syntax error in `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  try {
    scanDocument(text);
    return undefined;
  } catch (error) {
    if (error instanceof ScanError) return { offset: error.offset, reason: error.reason };
    throw error;
  }
}

/**
 * 1-based line on which each member of a valid JSON text starts, by JSON pointer (`''` for the
 * whole value, `/coder/id`, `/codes/0`).
 */
export function memberLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let cursor: Cursor;
  try {
    cursor = scanDocument(text);
  } catch {
    return lines;
  }
  for (const [pointer, offset] of cursor.starts) lines.set(pointer, lineAt(text, offset).line);
  return lines;
}

/** 1-based line and column (in UTF-16 units, as editors count) of an offset. */
export function lineAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function scanDocument(text: string): Cursor {
  const cursor: Cursor = { text, pos: 0, starts: new Map() };
  skipWhitespace(cursor);
  scanValue(cursor, '');
  skipWhitespace(cursor);
  if (cursor.pos < text.length) fail(cursor, `unexpected ${found(cursor)} after the end of the JSON value`);
  return cursor;
}

function scanValue(c: Cursor, pointer: string): void {
  c.starts.set(pointer, c.pos);
  const ch = c.text[c.pos];
  if (ch === '{') return scanObject(c, pointer);
  if (ch === '[') return scanArray(c, pointer);
  if (ch === '"') {
    scanString(c);
    return;
  }
  if (ch === '-' || isDigit(ch)) return scanNumber(c);
  for (const word of ['true', 'false', 'null']) {
    if (c.text.startsWith(word, c.pos)) {
      c.pos += word.length;
      return;
    }
  }
  fail(c, `expected a value but found ${found(c)}`);
}

function scanObject(c: Cursor, pointer: string): void {
  c.pos++; // {
  skipWhitespace(c);
  if (c.text[c.pos] === '}') {
    c.pos++;
    return;
  }
  for (;;) {
    const keyStart = c.pos;
    if (c.text[c.pos] !== '"') fail(c, `expected a property name in double quotes but found ${found(c)}`);
    const key = JSON.parse(c.text.slice(keyStart, scanString(c))) as string;
    skipWhitespace(c);
    expect(c, ':', `expected ':' after the property name but found ${found(c)}`);
    skipWhitespace(c);
    const memberPointer = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    scanValue(c, memberPointer);
    c.starts.set(memberPointer, keyStart);
    skipWhitespace(c);
    if (c.text[c.pos] === '}') {
      c.pos++;
      return;
    }
    const comma = c.pos;
    expect(c, ',', `expected ',' or '}' but found ${found(c)}`);
    skipWhitespace(c);
    if (c.text[c.pos] === '}') throw new ScanError(comma, "nothing follows this comma before '}'; remove the comma");
  }
}

function scanArray(c: Cursor, pointer: string): void {
  c.pos++; // [
  skipWhitespace(c);
  if (c.text[c.pos] === ']') {
    c.pos++;
    return;
  }
  for (let index = 0; ; index++) {
    scanValue(c, `${pointer}/${index}`);
    skipWhitespace(c);
    if (c.text[c.pos] === ']') {
      c.pos++;
      return;
    }
    const comma = c.pos;
    expect(c, ',', `expected ',' or ']' but found ${found(c)}`);
    skipWhitespace(c);
    if (c.text[c.pos] === ']') throw new ScanError(comma, "nothing follows this comma before ']'; remove the comma");
  }
}

const UNCLOSED_AT_LINE_END =
  'the quoted text runs to the end of the line (a closing " is missing, or a line break inside text must be written \\n)';

/** Scans a string starting at its opening quote; returns the offset just after the closing quote. */
function scanString(c: Cursor): number {
  c.pos++; // opening quote
  while (c.pos < c.text.length) {
    const code = c.text.charCodeAt(c.pos);
    if (code === 0x22) return ++c.pos;
    if (code === 0x0a) fail(c, UNCLOSED_AT_LINE_END);
    if (code < 0x20) fail(c, 'a control character inside quoted text must be written as an escape such as \\t');
    if (code === 0x5c) scanEscape(c);
    else c.pos++;
  }
  return fail(c, 'a quoted text is never closed (a closing " is missing)');
}

function scanEscape(c: Cursor): void {
  const next = c.text[c.pos + 1];
  if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(c.text.slice(c.pos + 2, c.pos + 6))) {
    c.pos += 6;
  } else if (next !== undefined && '"\\/bfnrt'.includes(next)) {
    c.pos += 2;
  } else {
    fail(c, `invalid escape ${JSON.stringify(c.text.slice(c.pos, c.pos + 2))} inside quoted text`);
  }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

function scanNumber(c: Cursor): void {
  NUMBER.lastIndex = c.pos;
  const match = NUMBER.exec(c.text);
  if (match === null) fail(c, `expected a number but found ${found(c)}`);
  c.pos += match[0].length;
  if (isDigit(c.text[c.pos])) fail(c, 'a number may not start with 0 followed by more digits');
}

function skipWhitespace(c: Cursor): void {
  while (c.pos < c.text.length && ' \t\n\r'.includes(c.text[c.pos])) c.pos++;
}

function expect(c: Cursor, token: string, reason: string): void {
  if (c.text[c.pos] !== token) fail(c, reason);
  c.pos++;
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function found(c: Cursor): string {
  if (c.pos >= c.text.length) return 'the end of the text';
  const codePoint = c.text.codePointAt(c.pos) ?? 0;
  return `'${String.fromCodePoint(codePoint)}'`;
}

function fail(c: Cursor, reason: string): never {
  throw new ScanError(c.pos, reason);
}
