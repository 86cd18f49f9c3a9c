/**
 * Reading and writing the JSON text of Grounded's files. Writing is canonical: the same value
 * always gives the same bytes, whatever order its keys or records arrived in, so files only change
 * when their content does.
 */
import { MAX_JSON_DEPTH, findExcessiveNesting, findJsonSyntaxError, lineAt } from './json-scanner';

export type JsonObject = { [key: string]: unknown };

/**
 * An object whose keys are written in exactly the given order (plain objects are written with
 * their keys sorted). JavaScript objects cannot be trusted with order: integer-like keys such as
 * `"10"` always enumerate first.
 */
export class OrderedObject {
  constructor(readonly entries: ReadonlyArray<readonly [string, unknown]>) {}
}

/** The text as the format defines it: no byte-order mark, LF line endings. */
export function normaliseText(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Most files have no CR: finding that out is much cheaper than a replace that changes nothing.
  return withoutBom.indexOf('\r') === -1 ? withoutBom : withoutBom.replace(/\r\n/g, '\n');
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export type JsonParseOutcome = { ok: true; value: unknown } | { ok: false; line: number; message: string };

/**
 * Parses JSON; on failure says where (line relative to `text`, plus column) and what is wrong, in
 * the same words on every JavaScript engine.
 */
export function parseJson(text: string): JsonParseOutcome {
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep !== undefined) {
    const { line, column } = lineAt(text, tooDeep);
    return { ok: false, line, message: `not readable at column ${column}: nested more than ${MAX_JSON_DEPTH} levels deep` };
  }
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    const error = findJsonSyntaxError(text) ?? { offset: 0, reason: 'the text could not be read as JSON' };
    const { line, column } = lineAt(text, error.offset);
    return { ok: false, line, message: `not valid JSON at column ${column}: ${error.reason}` };
  }
}

/** Unknown keys of a record, excluding the known ones, with own-property semantics kept. */
export function unknownFields(record: JsonObject, known: readonly string[]): JsonObject | undefined {
  // Most records have none: find that out without allocating (whole projects are read at once).
  let any = false;
  for (const key in record) if (Object.hasOwn(record, key) && !known.includes(key)) any = true;
  if (!any) return undefined;
  const entries = Object.entries(record).filter(([key]) => !known.includes(key));
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** Known entries in their fixed order, then unknown ones sorted by key (never overriding known ones). */
export function withUnknownFields(
  known: ReadonlyArray<readonly [string, unknown]>,
  extra: JsonObject | undefined,
): OrderedObject {
  const knownKeys = new Set(known.map(([key]) => key));
  const unknown = Object.entries(extra ?? {})
    .filter(([key, value]) => !knownKeys.has(key) && value !== undefined)
    .sort(([a], [b]) => compareCodeUnits(a, b));
  return new OrderedObject([...known, ...unknown]);
}

/** Plain code-unit order: the same on every machine and locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One line, no spaces: the form of a JSON Lines record. */
export function writeCompactJson(value: unknown): string {
  return writeJson(value, undefined, '');
}

/** Two-space indentation, as `JSON.stringify(value, null, 2)` lays it out. */
export function writePrettyJson(value: unknown): string {
  return writeJson(value, '  ', '');
}

function writeJson(value: unknown, indent: string | undefined, currentIndent: string): string {
  if (value instanceof OrderedObject) return writeEntries(value.entries, indent, currentIndent);
  if (Array.isArray(value)) {
    const items = value.map((item) => (item === undefined ? 'null' : writeJson(item, indent, currentIndent + (indent ?? ''))));
    return writeList('[', ']', items, indent, currentIndent);
  }
  if (isJsonObject(value)) {
    const entries = Object.entries(value).sort(([a], [b]) => compareCodeUnits(a, b));
    return writeEntries(entries, indent, currentIndent);
  }
  // Primitives: JSON.stringify already writes numbers and strings canonically (non-finite → null).
  return JSON.stringify(value) ?? 'null';
}

function writeEntries(
  entries: ReadonlyArray<readonly [string, unknown]>,
  indent: string | undefined,
  currentIndent: string,
): string {
  const separator = indent === undefined ? ':' : ': ';
  const members = entries
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${JSON.stringify(key)}${separator}${writeJson(value, indent, currentIndent + (indent ?? ''))}`);
  return writeList('{', '}', members, indent, currentIndent);
}

function writeList(open: string, close: string, items: string[], indent: string | undefined, currentIndent: string): string {
  if (items.length === 0) return open + close;
  if (indent === undefined) return `${open}${items.join(',')}${close}`;
  const inner = currentIndent + indent;
  return `${open}\n${inner}${items.join(`,\n${inner}`)}\n${currentIndent}${close}`;
}
