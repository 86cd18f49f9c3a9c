/**
 * `.grounded/codes/<code id>.json`: one file per code, so coders who add codes on different
 * branches touch different files and never conflict.
 */
import type { Code, FileProblem } from '../../model';
import { relationsFromRecord, relationsRecord } from './code-relations';
import { unknownFields, withUnknownFields, writePrettyJson } from './json-text';
import { CURRENT_VERSION, FORMAT_NAMES } from './migrations';
import { CODES_DIR, parseCodeFilePath } from './paths';
import { type ParseResult, fileError, resultOf } from './problems';
import { readPrettyJsonFile } from './pretty-json-file';
import { ROUND_KEYS_OF_CODE, roundEntriesOfCode, roundFieldsOfCode } from './round-fields';

const KNOWN_KEYS = ['format', 'version', 'id', 'name', 'parent', 'color', 'description', ...ROUND_KEYS_OF_CODE, 'relations'] as const;
/** The codebook's definition fields, optional (see {@link definitionOf}). */
const DEFINITION_KEYS = ['inclusion', 'exclusion', 'example'] as const;

export function parseCodeFile(path: string, text: string): ParseResult<Code> {
  const idFromPath = parseCodeFilePath(path);
  if (idFromPath === undefined) {
    const message = `a code file must be named ${CODES_DIR}/<code id>.json, with a code id such as c-7k2m9q4xw1ab`;
    return { ok: false, problems: [fileError(path, undefined, message)] };
  }
  const read = readPrettyJsonFile(path, text, 'code', 'code');
  if (!read.ok) return { ok: false, problems: read.problems };
  const { record, lineOf } = read;

  const problems: FileProblem[] = [];
  if (record.id !== idFromPath) {
    const message = `"id" (${String(record.id)}) does not match the file name (${idFromPath}.json)`;
    problems.push(fileError(path, lineOf('/id'), message));
  }
  if (record.parent === record.id) problems.push(fileError(path, lineOf('/parent'), 'a code cannot be its own parent'));
  const relations = relationsFromRecord(path, record.relations, lineOf);
  problems.push(...relations.problems);

  return resultOf(problems, () => {
    const code = codeFromRecord(record);
    if (relations.value.length > 0) code.relations = relations.value;
    return code;
  });
}

function codeFromRecord(record: Record<string, unknown>): Code {
  const code: Code = {
    id: record.id as string,
    name: record.name as string,
    parent: record.parent as string | null,
    color: (record.color as string).toLowerCase(),
    description: record.description as string,
    ...roundFieldsOfCode(record),
  };
  Object.assign(code, definitionOf(record));
  const extra = unknownFields(record, [...KNOWN_KEYS, ...DEFINITION_KEYS]);
  if (extra !== undefined) code.extra = extra;
  return code;
}

export function serializeCodeFile(code: Code): string {
  const record = withUnknownFields(
    [
      ['format', FORMAT_NAMES.code],
      ['version', CURRENT_VERSION],
      ['id', code.id],
      ['name', code.name],
      ['parent', code.parent],
      ['color', code.color.toLowerCase()],
      ['description', code.description],
      ...definitionEntries(code),
      ...roundEntriesOfCode(code),
      ['relations', relationsRecord(code.relations)],
    ],
    code.extra,
  );
  return `${writePrettyJson(record)}\n`;
}

/** The definition fields present in a record (the schema has checked their types). */
function definitionOf(record: Record<string, unknown>): Pick<Code, 'inclusion' | 'exclusion' | 'example'> {
  const out: Pick<Code, 'inclusion' | 'exclusion' | 'example'> = {};
  if (typeof record.inclusion === 'string') out.inclusion = record.inclusion;
  if (typeof record.exclusion === 'string') out.exclusion = record.exclusion;
  const example = record.example as { segment: string; text: string } | undefined;
  if (example !== undefined) out.example = { segment: example.segment, text: example.text };
  return out;
}

/** Written only when set, so a code without them keeps its file byte for byte. */
function definitionEntries(code: Code): [string, unknown][] {
  const entries: [string, unknown][] = [];
  if (code.inclusion !== undefined) entries.push(['inclusion', code.inclusion]);
  if (code.exclusion !== undefined) entries.push(['exclusion', code.exclusion]);
  if (code.example !== undefined) entries.push(['example', { segment: code.example.segment, text: code.example.text }]);
  return entries;
}
