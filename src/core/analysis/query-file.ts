/**
 * Saved queries: `.grounded/queries/<name>.json`, small files a pull request can change and CI can
 * re-run (schemas/query.schema.json). The code expression is kept in its written form, so a diff
 * reads as "Invalidation AND Pay" rather than nested JSON. Checked by hand, not by a compiled
 * schema: every problem names the file, and the line where it can.
 *
 * A key Grounded does not know is refused, not skipped: a query run without a condition its author
 * wrote (`"filters"` for `"filter"`, `"code"` for `"codes"`) answers another question than the one
 * asked. Keys starting with `x-` are the place for notes and other tools, and are kept on rewrite.
 * What needs the project (which codes, coders, rounds and attributes it has, and of what kind) is
 * checked when the query runs, by the same code as every other filter (filter-checks.ts), naming
 * this file; `grounded validate` runs those checks on every saved query (validation/query-check.ts).
 */
import type { FileProblem } from '../model';
import { isJsonObject, parseJson, type JsonObject } from '../storage/format/json-text';
import { fileError } from '../storage/format/problems';
import { didYouMean } from './closest-word';
import { ExpressionSyntaxError, parseCodeExpression } from './code-expression-parser';
import type { CodeExpression } from './code-expression';
import { noteOrigin, readAttributeCondition } from './filter-checks';
import type { AttributeFilter, SegmentFilter } from './filters';
import { userPattern } from './user-pattern';

export const QUERIES_FOLDER = '.grounded/queries';
export const QUERY_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,79}$/;

export type GroupBy = 'code' | 'transcript' | 'participant';

export interface SavedQuery {
  title?: string;
  description?: string;
  /** The expression as written; absent: every segment the filter keeps. */
  codes?: string;
  filter: SegmentFilter;
  groupBy?: GroupBy;
  /** `x-` keys (notes, other tools): kept on rewrite. */
  extra?: JsonObject;
}

export function queryPath(name: string): string {
  return `${QUERIES_FOLDER}/${name}.json`;
}

/** A file-name-safe name for a query titled by a researcher. */
export function queryNameFor(title: string): string {
  const slug = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return slug || 'query';
}

export type QueryParse = { ok: true; query: SavedQuery; expression: CodeExpression | undefined } | { ok: false; problems: FileProblem[] };

const KNOWN = ['format', 'version', 'title', 'description', 'codes', 'filter', 'groupBy'];
const FILTER_KEYS = ['coders', 'transcripts', 'speakers', 'text', 'regex', 'attributes', 'rounds'];
const EXTENSION = /^x-/;

export function parseQueryFile(path: string, text: string): QueryParse {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, problems: [fileError(path, parsed.line, parsed.message)] };
  const value = parsed.value;
  const lineOf = (key: string) => lineOfKey(text, key);
  const problems: FileProblem[] = [];
  if (!isJsonObject(value)) return { ok: false, problems: [fileError(path, 1, 'a saved query is a JSON object')] };
  if (value.format !== 'grounded-query') problems.push(fileError(path, lineOf('format'), '"format" must be "grounded-query"'));
  if (value.version !== 1) problems.push(fileError(path, lineOf('version'), `"version" ${JSON.stringify(value.version)} is not one this version of Grounded reads (1)`));
  for (const key of Object.keys(value)) {
    if (KNOWN.includes(key) || EXTENSION.test(key)) continue;
    problems.push(fileError(path, lineOf(key), `"${key}" is not a key of a saved query (${KNOWN.join(', ')}; notes go under a key starting with "x-").${didYouMean(key, KNOWN)}`));
  }
  const optionalString = (key: string) => {
    if (value[key] !== undefined && typeof value[key] !== 'string') problems.push(fileError(path, lineOf(key), `"${key}" must be text`));
  };
  optionalString('title');
  optionalString('description');
  optionalString('codes');
  let expression: CodeExpression | undefined;
  if (typeof value.codes === 'string') {
    try {
      expression = parseCodeExpression(value.codes);
    } catch (error) {
      if (!(error instanceof ExpressionSyntaxError)) throw error;
      problems.push(fileError(path, lineOf('codes'), `"codes": ${error.message}`));
    }
  }
  if (value.groupBy !== undefined && !['code', 'transcript', 'participant'].includes(value.groupBy as string)) {
    problems.push(fileError(path, lineOf('groupBy'), '"groupBy" must be "code", "transcript" or "participant"'));
  }
  const filter = readFilter(value.filter, (message, line) => problems.push(fileError(path, line ?? lineOf('filter'), message)), text);
  const pattern = filter.regex === true && typeof filter.text === 'string' ? patternProblem(filter.text) : undefined;
  if (pattern !== undefined) problems.push(fileError(path, lineOfKey(text, 'text'), `"filter.text": ${pattern}`));
  if (problems.length > 0) return { ok: false, problems };
  noteOrigins(filter, path, text);
  const extra = Object.fromEntries(Object.entries(value).filter(([key]) => EXTENSION.test(key)));
  const query: SavedQuery = {
    ...(typeof value.title === 'string' ? { title: value.title } : {}),
    ...(typeof value.description === 'string' ? { description: value.description } : {}),
    ...(typeof value.codes === 'string' ? { codes: value.codes } : {}),
    filter,
    ...(value.groupBy !== undefined ? { groupBy: value.groupBy as GroupBy } : {}),
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  };
  return { ok: true, query, expression };
}

type Report = (message: string, line?: number) => void;

class PatternProblem extends Error {}

/**
 * Why a `"regex": true` text cannot run, compiled as the filter runs it (filters.ts, flags `iu`): the
 * file's own mistake, so said when it is read, with its line, like any other in it.
 */
function patternProblem(source: string): string | undefined {
  try {
    userPattern(source, 'iu', (message) => new PatternProblem(message));
    return undefined;
  } catch (error) {
    if (error instanceof PatternProblem) return error.message;
    throw error;
  }
}

function readFilter(raw: unknown, report: Report, text: string): SegmentFilter {
  if (raw === undefined) return {};
  if (!isJsonObject(raw)) {
    report('"filter" must be an object');
    return {};
  }
  const filter: SegmentFilter = {};
  for (const [key, v] of Object.entries(raw)) {
    if (key === 'coders' || key === 'transcripts' || key === 'speakers' || key === 'rounds') {
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) filter[key] = v as string[];
      else report(`"filter.${key}" must be a list of text`, lineOfKey(text, key));
    } else if (key === 'text') {
      if (typeof v === 'string') filter.text = v;
      else report('"filter.text" must be text', lineOfKey(text, key));
    } else if (key === 'regex') {
      if (typeof v === 'boolean') filter.regex = v;
      else report('"filter.regex" must be true or false', lineOfKey(text, key));
    } else if (key === 'attributes') {
      filter.attributes = readAttributeFilters(v, report, text);
    } else {
      report(`"filter.${key}" is not a filter Grounded knows (${FILTER_KEYS.join(', ')}).${didYouMean(key, FILTER_KEYS)}`, lineOfKey(text, key));
    }
  }
  return filter;
}

function readAttributeFilters(raw: unknown, report: Report, text: string): AttributeFilter[] {
  if (!Array.isArray(raw)) {
    report('"filter.attributes" must be a list', lineOfKey(text, 'attributes'));
    return [];
  }
  const lines = conditionLines(text);
  const result: AttributeFilter[] = [];
  raw.forEach((item, i) => {
    const read = readAttributeCondition(item);
    if (read.ok) result.push(read.filter);
    else report(`"filter.attributes[${i}]": ${read.problem}`, lines[i]);
  });
  return result;
}

/** Lines of the filter's lists and conditions, so a mistake found when the query runs names its line. */
function noteOrigins(filter: SegmentFilter, path: string, text: string): void {
  if (filter.coders) noteOrigin(filter.coders, path, 'filter.coders', [lineOfKey(text, 'coders')]);
  if (filter.rounds) noteOrigin(filter.rounds, path, 'filter.rounds', [lineOfKey(text, 'rounds')]);
  if (filter.attributes) noteOrigin(filter.attributes, path, 'filter.attributes', conditionLines(text));
}

/**
 * The line of each condition's `"attribute"` key, in order: conditions are the only objects with
 * that key, so the i-th is condition i (a title quoting the key could shift them; the line is a hint).
 */
function conditionLines(text: string): number[] {
  const lines: number[] = [];
  for (const match of text.matchAll(/"attribute"\s*:/g)) lines.push(lineAt(text, match.index));
  return lines;
}

/** The line a key is first written on (1 when it cannot be found). */
export function lineOfKey(text: string, key: string): number {
  const quoted = JSON.stringify(key);
  const colon = /\s*:/y;
  for (let at = text.indexOf(quoted); at >= 0; at = text.indexOf(quoted, at + 1)) {
    colon.lastIndex = at + quoted.length;
    if (colon.test(text)) return lineAt(text, at);
  }
  return 1;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Canonical text: fixed key order, two-space indentation, final newline. */
export function writeQueryFile(query: SavedQuery): string {
  const ordered: JsonObject = { format: 'grounded-query', version: 1 };
  if (query.title !== undefined) ordered.title = query.title;
  if (query.description !== undefined) ordered.description = query.description;
  if (query.codes !== undefined) ordered.codes = query.codes;
  if (Object.keys(query.filter).length > 0) ordered.filter = query.filter;
  if (query.groupBy !== undefined) ordered.groupBy = query.groupBy;
  for (const key of Object.keys(query.extra ?? {}).sort()) ordered[key] = query.extra![key];
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
