/**
 * `.grounded/attributes.json`: the declared type of each participant attribute. Pretty JSON
 * (2-space indent), keys in a fixed order, unknown keys kept and written after, sorted.
 */
import type { FileProblem } from '../model';
import { memberLines } from '../storage/format/json-scanner';
import { type JsonObject, isJsonObject, normaliseText, parseJson, unknownFields, withUnknownFields, writePrettyJson } from '../storage/format/json-text';
import { fileError, firstProblems, type ParseResult, withSummary } from '../storage/format/problems';
import { lineOfMember } from '../storage/format/json-scanner';
import { conflictProblems } from '../storage/format/merge-conflict';
import { ATTRIBUTE_TYPES, type AttributeDeclaration, type AttributeSchema, type AttributeType } from './attribute-types';

export const ATTRIBUTES_FILE = '.grounded/attributes.json';
export const ATTRIBUTES_FORMAT = 'grounded-attributes';
export const ATTRIBUTES_VERSION = 1;

const FILE_KEYS = ['format', 'version', 'attributes'] as const;
const ATTRIBUTE_KEYS = ['name', 'type', 'values'] as const;

export function serializeAttributesFile(schema: AttributeSchema): string {
  const attributes = schema.attributes.map((a) =>
    withUnknownFields(
      [
        ['name', a.name],
        ['type', a.type],
        ['values', a.type === 'category' ? (a.values ?? []) : undefined],
      ],
      a.extra,
    ),
  );
  const record = withUnknownFields(
    [
      ['format', ATTRIBUTES_FORMAT],
      ['version', ATTRIBUTES_VERSION],
      ['attributes', attributes],
    ],
    schema.extra,
  );
  return `${writePrettyJson(record)}\n`;
}

/** Reads the file; every problem names the line it is on. */
export function parseAttributesFile(path: string, raw: string): ParseResult<AttributeSchema> {
  const text = normaliseText(raw);
  const conflicts = conflictProblems(path, text, false);
  if (conflicts !== undefined) return { ok: false, problems: conflicts };
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, problems: [fileError(path, parsed.line, parsed.message)] };
  // Problems are gathered by JSON pointer and placed on lines in one pass at the end.
  const issues: { pointer: string; message: string }[] = [];
  const fail = (pointer: string, message: string): void => void issues.push({ pointer, message });
  const failed = (): { ok: false; problems: FileProblem[] } => ({ ok: false, problems: placeIssues(path, text, issues) });
  const record = parsed.value;
  if (!isJsonObject(record)) return { ok: false, problems: [fileError(path, 1, `expected a JSON object starting with "format": "${ATTRIBUTES_FORMAT}"`)] };
  checkHeader(record, fail);
  if (issues.length > 0) return failed();
  if (!Array.isArray(record.attributes)) {
    fail('/attributes', '"attributes" must be a list of {"name": …, "type": …} objects');
    return failed();
  }
  const attributes = record.attributes.map((item, i) => readDeclaration(item, `/attributes/${i}`, fail));
  const seen = new Set<string>();
  attributes.forEach((a, i) => {
    if (a && seen.has(a.name)) fail(`/attributes/${i}/name`, `the attribute "${a.name}" is declared twice`);
    if (a) seen.add(a.name);
  });
  if (issues.length > 0) return failed();
  const schema: AttributeSchema = { attributes: attributes as AttributeDeclaration[] };
  const extra = unknownFields(record, FILE_KEYS);
  if (extra) schema.extra = extra;
  return { ok: true, value: schema, warnings: [] };
}

/** Each issue on the line of its member, or of the nearest enclosing member the text has. */
function placeIssues(path: string, text: string, issues: readonly { pointer: string; message: string }[]): FileProblem[] {
  const { kept, more } = firstProblems(issues);
  const lines = memberLines(text, kept.map((i) => i.pointer));
  const placed = kept.map(({ pointer, message }) => fileError(path, lineOfMember(lines, pointer), message));
  return withSummary(path, placed, more);
}

function checkHeader(record: JsonObject, fail: (pointer: string, message: string) => void): void {
  if (record.format !== ATTRIBUTES_FORMAT) {
    fail(record.format === undefined ? '' : '/format', `"format" must be "${ATTRIBUTES_FORMAT}"`);
    return;
  }
  const version = record.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    fail('/version', '"version" must be a whole number of 1 or more');
  } else if (version > ATTRIBUTES_VERSION) {
    fail('/version', `unsupported format version ${version} (this version of Grounded reads version ${ATTRIBUTES_VERSION}; update Grounded)`);
  }
}

function readDeclaration(item: unknown, pointer: string, fail: (pointer: string, message: string) => void): AttributeDeclaration | undefined {
  if (!isJsonObject(item)) {
    fail(pointer, 'each attribute must be an object such as {"name": "age", "type": "number"}');
    return undefined;
  }
  const { name, type, values } = item;
  let ok = true;
  if (typeof name !== 'string' || name.trim() === '') {
    fail(`${pointer}/name`, '"name" must be the attribute\'s name as written in the front matter');
    ok = false;
  }
  if (typeof type !== 'string' || !ATTRIBUTE_TYPES.includes(type as AttributeType)) {
    fail(`${pointer}/type`, `"type" must be one of ${ATTRIBUTE_TYPES.map((t) => `"${t}"`).join(', ')}`);
    ok = false;
  }
  if (type === 'category' && !isLabelList(values)) {
    fail(`${pointer}/values`, 'a category needs "values": a list of distinct, non-empty texts');
    ok = false;
  } else if (type !== 'category' && values !== undefined) {
    fail(`${pointer}/values`, '"values" belongs to category attributes only');
    ok = false;
  }
  if (!ok) return undefined;
  const declaration: AttributeDeclaration = { name: name as string, type: type as AttributeType };
  if (type === 'category') declaration.values = [...(values as string[])];
  const extra = unknownFields(item, ATTRIBUTE_KEYS);
  if (extra) declaration.extra = extra;
  return declaration;
}

function isLabelList(values: unknown): values is string[] {
  return Array.isArray(values) && values.length > 0 && values.every((v) => typeof v === 'string' && v !== '') && new Set(values).size === values.length;
}
