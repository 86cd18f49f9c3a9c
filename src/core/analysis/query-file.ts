/**
 * Saved queries: `.grounded/queries/<name>.json`, small files a pull request can change and CI can
 * re-run (schemas/query.schema.json). The code expression is kept in its written form, so a diff
 * reads as "Invalidation AND Pay" rather than nested JSON. Checked by hand, not by a compiled
 * schema: every problem names the file, and the line where it can.
 */
import type { FileProblem } from '../model';
import { isJsonObject, parseJson, type JsonObject } from '../storage/format/json-text';
import { fileError } from '../storage/format/problems';
import { ExpressionSyntaxError, parseCodeExpression } from './code-expression-parser';
import type { CodeExpression } from './code-expression';
import type { AttributeFilter, SegmentFilter } from './filters';

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
  /** Keys a newer version wrote: kept on rewrite. */
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

const KNOWN = new Set(['format', 'version', 'title', 'description', 'codes', 'filter', 'groupBy']);

export function parseQueryFile(path: string, text: string): QueryParse {
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, problems: [fileError(path, parsed.line, parsed.message)] };
  const value = parsed.value;
  const lineOf = (key: string) => lineOfKey(text, key);
  const problems: FileProblem[] = [];
  if (!isJsonObject(value)) return { ok: false, problems: [fileError(path, 1, 'a saved query is a JSON object')] };
  if (value.format !== 'grounded-query') problems.push(fileError(path, lineOf('format'), '"format" must be "grounded-query"'));
  if (value.version !== 1) problems.push(fileError(path, lineOf('version'), `"version" ${JSON.stringify(value.version)} is not one this version of Grounded reads (1)`));
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
  const filter = readFilter(value.filter, (message) => problems.push(fileError(path, lineOf('filter'), message)));
  if (problems.length > 0) return { ok: false, problems };
  const extra = Object.fromEntries(Object.entries(value).filter(([key]) => !KNOWN.has(key)));
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

function readFilter(raw: unknown, report: (message: string) => void): SegmentFilter {
  if (raw === undefined) return {};
  if (!isJsonObject(raw)) {
    report('"filter" must be an object');
    return {};
  }
  const filter: SegmentFilter = {};
  for (const [key, v] of Object.entries(raw)) {
    if (key === 'coders' || key === 'transcripts' || key === 'speakers' || key === 'rounds') {
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) filter[key] = v as string[];
      else report(`"filter.${key}" must be a list of text`);
    } else if (key === 'text') {
      if (typeof v === 'string') filter.text = v;
      else report('"filter.text" must be text');
    } else if (key === 'regex') {
      if (typeof v === 'boolean') filter.regex = v;
      else report('"filter.regex" must be true or false');
    } else if (key === 'attributes') {
      filter.attributes = readAttributeFilters(v, report);
    } else {
      report(`"filter.${key}" is not a filter Grounded knows (coders, transcripts, speakers, text, regex, attributes, rounds)`);
    }
  }
  return filter;
}

function readAttributeFilters(raw: unknown, report: (message: string) => void): AttributeFilter[] {
  if (!Array.isArray(raw)) {
    report('"filter.attributes" must be a list');
    return [];
  }
  const result: AttributeFilter[] = [];
  raw.forEach((item, i) => {
    const at = `"filter.attributes[${i}]"`;
    if (!isJsonObject(item) || typeof item.attribute !== 'string') return report(`${at} needs an "attribute" name`);
    if (Array.isArray(item.equals) && item.equals.every((x) => typeof x === 'string' || typeof x === 'number')) {
      return result.push({ attribute: item.attribute, equals: item.equals as (string | number)[] });
    }
    const num = (k: 'min' | 'max') => (typeof item[k] === 'number' && Number.isFinite(item[k]) ? (item[k] as number) : undefined);
    if (item.min !== undefined || item.max !== undefined) {
      if ((item.min !== undefined && num('min') === undefined) || (item.max !== undefined && num('max') === undefined)) return report(`${at}: "min" and "max" must be numbers`);
      return result.push({ attribute: item.attribute, ...(num('min') !== undefined ? { min: num('min') } : {}), ...(num('max') !== undefined ? { max: num('max') } : {}) });
    }
    const date = (k: 'from' | 'to') => (typeof item[k] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(item[k] as string) ? (item[k] as string) : undefined);
    if (item.from !== undefined || item.to !== undefined) {
      if ((item.from !== undefined && date('from') === undefined) || (item.to !== undefined && date('to') === undefined)) return report(`${at}: "from" and "to" must be dates written YYYY-MM-DD`);
      return result.push({ attribute: item.attribute, ...(date('from') ? { from: date('from') } : {}), ...(date('to') ? { to: date('to') } : {}) });
    }
    report(`${at} needs "equals" (a list of values), "min"/"max" (numbers) or "from"/"to" (dates)`);
  });
  return result;
}

/** The line a top-level key is written on (1 when it cannot be found). */
function lineOfKey(text: string, key: string): number {
  const at = text.indexOf(`"${key}"`);
  if (at < 0) return 1;
  let line = 1;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
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
