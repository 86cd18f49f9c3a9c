/**
 * A small JSON scanner used only when something is wrong, for two answers JSON.parse does not give
 * in a portable way: where a syntax error is (each JavaScript engine words and places it
 * differently), and on which line each property of a pretty-printed file starts (so a schema
 * problem can name its line). It checks the JSON grammar and builds no values.
 */
import { LineIndex } from '../../line-index';

export interface JsonSyntaxError {
  /** UTF-16 offset into the scanned text. */
  offset: number;
  reason: string;
}

/**
 * Deeper nesting is refused. Grounded's own files nest four levels at most; without a bound, a
 * line of ten thousand `[` overflows the stack of every recursive reader (this scanner, the schema
 * validator, the canonical writer).
 */
export const MAX_JSON_DEPTH = 100;

interface Cursor {
  readonly text: string;
  pos: number;
  depth: number;
  /** 1-based line of `pos`: only whitespace holds line breaks in JSON, so it is counted there. */
  line: number;
  /** JSON pointer → line on which that member's key (or array item) starts. */
  readonly lines: Map<string, number>;
  /** Pointers worth recording (every prefix of a wanted pointer); undefined: all of them. */
  readonly tracked: ReadonlySet<string> | undefined;
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
 * The offset of the first bracket nested deeper than `MAX_JSON_DEPTH`, or undefined. One pass,
 * skipping quoted text; JSON.parse is only trusted with text that passes.
 */
export function findExcessiveNesting(text: string): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) {
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x5c) i++;
        else if (c === 0x22 || c === 0x0a) break;
      }
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return undefined;
}

/**
 * 1-based line on which members of a valid JSON text start, by JSON pointer (`''` for the whole
 * value, `/coder/id`, `/codes/0`). With `wanted`, only those pointers and their ancestors are
 * recorded: a large file then costs one pass and no map of every member.
 */
export function memberLines(text: string, wanted?: Iterable<string>): Map<string, number> {
  try {
    return scanDocument(text, wanted === undefined ? undefined : withAncestors(wanted)).lines;
  } catch {
    return new Map();
  }
}

/** Line of a member, or of the nearest enclosing member found (a missing field: where its object starts). */
export function lineOfMember(lines: ReadonlyMap<string, number>, pointer: string): number {
  for (let p = pointer; ; p = p.slice(0, p.lastIndexOf('/'))) {
    const line = lines.get(p);
    if (line !== undefined) return line;
    if (p === '') return 1;
  }
}

function withAncestors(pointers: Iterable<string>): Set<string> {
  const all = new Set<string>(['']);
  for (const pointer of pointers) {
    for (let p = pointer; p !== '' && !all.has(p); p = p.slice(0, p.lastIndexOf('/'))) all.add(p);
  }
  return all;
}

/** 1-based line and column (in UTF-16 units, as editors count) of one offset; for many, use one LineIndex. */
export function lineAt(text: string, offset: number): { line: number; column: number } {
  const { line, character } = new LineIndex(text).position(offset);
  return { line: line + 1, column: character + 1 };
}

function scanDocument(text: string, tracked?: ReadonlySet<string>): Cursor {
  const cursor: Cursor = { text, pos: 0, depth: 0, line: 1, lines: new Map(), tracked };
  skipWhitespace(cursor);
  scanValue(cursor, '');
  skipWhitespace(cursor);
  if (cursor.pos < text.length) fail(cursor, `unexpected ${found(cursor)} after the end of the JSON value`);
  return cursor;
}

/** `pointer` is undefined below members nobody asked about: no pointer strings are built there. */
function scanValue(c: Cursor, pointer: string | undefined): void {
  if (pointer !== undefined) c.lines.set(pointer, c.line);
  const ch = c.text[c.pos];
  if (ch === '{' || ch === '[') {
    if (++c.depth > MAX_JSON_DEPTH) fail(c, `nested more than ${MAX_JSON_DEPTH} levels deep`);
    if (ch === '{') scanObject(c, pointer);
    else scanArray(c, pointer);
    c.depth--;
    return;
  }
  if (ch === '"') {
    scanString(c);
    return;
  }
  if (ch === '-' || isDigit(ch)) return scanNumber(c);
  const word = ch === 't' ? 'true' : ch === 'f' ? 'false' : ch === 'n' ? 'null' : undefined;
  if (word !== undefined && c.text.startsWith(word, c.pos)) {
    c.pos += word.length;
    return;
  }
  fail(c, `expected a value but found ${found(c)}`);
}

function childPointer(c: Cursor, parent: string | undefined, key: string): string | undefined {
  if (parent === undefined) return undefined;
  const escaped = key.includes('~') || key.includes('/') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key;
  const pointer = `${parent}/${escaped}`;
  return c.tracked === undefined || c.tracked.has(pointer) ? pointer : undefined;
}

function scanObject(c: Cursor, pointer: string | undefined): void {
  c.pos++; // {
  skipWhitespace(c);
  if (c.text[c.pos] === '}') {
    c.pos++;
    return;
  }
  for (;;) {
    const [keyStart, keyLine] = [c.pos, c.line];
    if (c.text[c.pos] !== '"') fail(c, `expected a property name in double quotes but found ${found(c)}`);
    const keyEnd = scanString(c);
    const memberPointer = pointer === undefined ? undefined : childPointer(c, pointer, keyText(c.text, keyStart, keyEnd));
    skipWhitespace(c);
    expect(c, ':', `expected ':' after the property name but found ${found(c)}`);
    skipWhitespace(c);
    scanValue(c, memberPointer);
    if (memberPointer !== undefined) c.lines.set(memberPointer, keyLine);
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

function keyText(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end - 1);
  return inner.includes('\\') ? (JSON.parse(text.slice(start, end)) as string) : inner;
}

function scanArray(c: Cursor, pointer: string | undefined): void {
  c.pos++; // [
  skipWhitespace(c);
  if (c.text[c.pos] === ']') {
    c.pos++;
    return;
  }
  for (let index = 0; ; index++) {
    scanValue(c, childPointer(c, pointer, String(index)));
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
  for (let code = c.text.charCodeAt(c.pos); code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d; code = c.text.charCodeAt(c.pos)) {
    if (code === 0x0a) c.line++;
    c.pos++;
  }
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
