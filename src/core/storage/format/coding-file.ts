/**
 * `.grounded/coding/<transcript path>/<coder id>.jsonl`: one coder's coding of one transcript.
 * Line 1 is a header naming the coder; each further line is one segment, sorted by id, so two
 * coders (or two branches) adding segments touch different files or different lines.
 */
import type { CodingFile, FileProblem, Segment, UncodedPassage } from '../../model';
import { type JsonLine, readJsonLines, writeJsonLines } from './json-lines';
import { type JsonObject, OrderedObject, compareCodeUnits, normaliseText, unknownFields, withUnknownFields } from './json-text';
import { conflictProblems } from './merge-conflict';
import { SharedValues } from './shared-values';
import { CURRENT_VERSION, FORMAT_NAMES, MIGRATIONS, checkFormatAndVersion, migrateDocument } from './migrations';
import { CODING_DIR, parseCodingFilePath } from './paths';
import { type ParseResult, failure, fileError, fileWarning, resultOf } from './problems';
import { checkSchema } from './schema-validation';
import { isPlainSegment } from './segment-shape';
import { ROUND_KEYS_OF_SEGMENT, roundFieldsOfSegment, roundValuesOfSegment } from './round-fields';
import { checkUncodedRecord, isUncodedRecord, uncodedFrom, uncodedRecord } from './uncoded-record';

const CODE_IDS = new SharedValues<string>(10_000);
const CODE_LISTS = new SharedValues<readonly string[]>(10_000);
const HEADER_KEYS = ['format', 'version', 'coder'] as const;
const SEGMENT_KEYS = ['id', 'codes', 'start', 'end', 'exact', 'prefix', 'suffix', 'comment', ...ROUND_KEYS_OF_SEGMENT] as const;

interface SegmentLine {
  line: number;
  record: JsonObject;
  /** Known to pass the segment schema (see segment-shape.ts). */
  vouched?: true;
}

export function parseCodingFile(path: string, text: string): ParseResult<CodingFile> {
  const location = parseCodingFilePath(path);
  if (location === undefined) {
    const message = `a coding file must be named ${CODING_DIR}/<transcript path>/<coder id>.jsonl`;
    return failure([fileError(path, undefined, message)]);
  }
  const conflicts = conflictProblems(path, normaliseText(text), true);
  if (conflicts !== undefined) return failure(conflicts);
  const { lines, problems } = readJsonLines(path, text, isPlainSegment);
  const [headerLine, ...segmentLines] = lines;
  if (headerLine === undefined) {
    return failure([...problems, fileError(path, 1, 'the file is empty; line 1 should be the header naming the coder')]);
  }
  const headerProblem = checkHeaderVersion(path, headerLine);
  if (headerProblem !== undefined || headerLine.record === undefined) return failure([...problems, ...toList(headerProblem)]);

  const readable = segmentLines.filter((l): l is SegmentLine => l.record !== undefined);
  const document = { header: headerLine.record, segments: readable.map((l) => l.record) };
  const migrated = migrateDocument(document, headerLine.record.version as number, MIGRATIONS.coding);
  if (!migrated.ok) return failure([...problems, fileError(path, headerLine.line, migrated.message)]);

  const header = migrated.document.header;
  // A record a migration rewrote is checked in full again. A file of the current version is not
  // migrated at all (the same document comes back), and its lines are taken as they were read.
  const segments =
    migrated.document === document
      ? readable
      : readable.map((l, i): SegmentLine => {
          const record = migrated.document.segments[i];
          return l.vouched && record === l.record ? { line: l.line, record, vouched: true } : { line: l.line, record };
        });
  problems.push(...checkHeader(path, headerLine.line, header, location.coderId));
  problems.push(...checkSegments(path, segments));
  return resultOf(problems, () => codingFileFrom(location.transcript, header, segments));
}

function toList<T>(item: T | undefined): T[] {
  return item === undefined ? [] : [item];
}

/** Format and version decide how the rest is read, so nothing else is checked when they fail. */
function checkHeaderVersion(path: string, headerLine: JsonLine): FileProblem | undefined {
  const { record, line } = headerLine;
  if (record === undefined) return undefined; // unreadable: its syntax problem is already reported
  if (record.format === undefined && record.id !== undefined && record.codes !== undefined) {
    return fileError(path, line, `line ${line} should be the header naming the coder, but holds a segment`);
  }
  const version = checkFormatAndVersion('coding', record);
  return version.ok ? undefined : fileError(path, line, version.message);
}

function checkHeader(path: string, line: number, header: JsonObject, coderIdFromPath: string): FileProblem[] {
  const problems = checkSchema('coding-header', header).map((issue) => fileError(path, line, issue.message));
  const coder = header.coder as { id?: unknown } | undefined;
  if (problems.length === 0 && coder?.id !== coderIdFromPath) {
    const message = `"coder.id" (${String(coder?.id)}) does not match the file name (${coderIdFromPath}.jsonl)`;
    problems.push(fileError(path, line, message));
  }
  return problems;
}

function checkSegments(path: string, segments: readonly SegmentLine[]): FileProblem[] {
  const problems: FileProblem[] = [];
  const firstLineOfId = new Map<string, number>();
  for (const { line, record, vouched } of segments) {
    if (!vouched) {
      const issues = isUncodedRecord(record) ? checkUncodedRecord(path, line, record) : checkSchema('coding-segment', record).map((issue) => fileError(path, line, issue.message));
      problems.push(...issues);
      if (issues.length > 0) continue;
    }
    const id = record.id as string;
    const earlier = firstLineOfId.get(id);
    if (earlier === undefined) firstLineOfId.set(id, line);
    else problems.push(fileError(path, line, `segment id "${id}" is used twice (first on line ${earlier})`));
    const position = positionProblem(path, line, record);
    if (position !== undefined) problems.push(position);
  }
  return problems;
}

/**
 * `end` before `start` cannot be a hint to anything: an error. A quote whose length differs from
 * `end - start` is only a stale hint (the quote is the authority and is found again): a warning.
 */
function positionProblem(path: string, line: number, record: JsonObject): FileProblem | undefined {
  const start = record.start as number;
  const end = record.end as number;
  const exact = record.exact as string;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) {
    const [name, value] = Number.isSafeInteger(start) ? ['end', end] : ['start', start];
    return fileError(path, line, `"${name}" (${value}) is too large to be a position in a transcript`);
  }
  if (end < start) return fileError(path, line, `"end" (${end}) is before "start" (${start})`);
  if (exact.length !== end - start) {
    const message =
      `"exact" is ${exact.length} characters long but "end" - "start" is ${end - start}; ` +
      'the segment will be placed by its quote';
    return fileWarning(path, line, message);
  }
  return undefined;
}

function codingFileFrom(transcript: string, header: JsonObject, lines: readonly SegmentLine[]): CodingFile {
  const coder = header.coder as { id: string; name: string };
  const segments: Segment[] = [];
  const uncoded: UncodedPassage[] = [];
  for (const { record, vouched } of lines) {
    if (vouched) segments.push(segmentFrom(record, true));
    else if (isUncodedRecord(record)) uncoded.push(uncodedFrom(record));
    else segments.push(segmentFrom(record, false));
  }
  // Written sorted by id, so usually already in order; sorting then only compares neighbours.
  const file: CodingFile = { transcript, coder: { id: coder.id, name: coder.name }, segments: sortedById(segments) };
  const extra = unknownFields(header, HEADER_KEYS);
  if (extra !== undefined) file.extra = extra;
  if (uncoded.length > 0) file.uncoded = sortedById(uncoded);
  return file;
}

function sortedById<T extends { id: string }>(items: T[]): T[] {
  for (let i = 1; i < items.length; i++) if (compareCodeUnits(items[i - 1].id, items[i].id) > 0) return items.sort((a, b) => compareCodeUnits(a.id, b.id));
  return items;
}

/** `plain`: the record holds only the fields isPlainSegment knows, so no round fields or others. */
function segmentFrom(record: JsonObject, plain: boolean): Segment {
  const segment: Segment = {
    id: record.id as string,
    codes: sharedCodeIds(record.codes as string[]),
    quote: { exact: record.exact as string, prefix: record.prefix as string, suffix: record.suffix as string },
    position: { start: record.start as number, end: record.end as number },
  };
  // An empty comment and no comment mean the same; only the latter is written.
  if (typeof record.comment === 'string' && record.comment !== '') segment.comment = record.comment;
  if (plain) return segment;
  Object.assign(segment, roundFieldsOfSegment(record));
  const extra = unknownFields(record, SEGMENT_KEYS);
  if (extra !== undefined) segment.extra = extra;
  return segment;
}

/**
 * The codes sorted, without duplicates, as one frozen array shared by every segment read with the
 * same codes. A project's 100,000 segments name a few hundred distinct lists; one array each (two
 * objects) would be a fifth of what reading the project keeps, all of it copied by the garbage
 * collector while the project loads. Shared, so never changed in place: Segment.codes is readonly,
 * and coding replaces a segment's list.
 */
function sharedCodeIds(codes: string[]): readonly string[] {
  const normalised = isOrdered(codes) ? codes : normaliseCodes(codes);
  // A code id holds no line break (CODE_ID_PATTERN), so the key names one list.
  const key = normalised.length === 1 ? normalised[0] : normalised.join('\n');
  return CODE_LISTS.get(key) ?? CODE_LISTS.keep(key, Object.freeze(normalised.map((id) => CODE_IDS.keep(id, id))));
}

function isOrdered(codes: readonly string[]): boolean {
  for (let i = 1; i < codes.length; i++) if (!(codes[i - 1] < codes[i])) return false;
  return true;
}

/** Sorted, without duplicates. */
export function normaliseCodes(codes: readonly string[]): string[] {
  if (isOrdered(codes)) return [...codes];
  return [...new Set(codes)].sort(compareCodeUnits);
}

/** The file's text; the caller deletes the file instead when it has no segments (and no uncoded passages) left. */
export function serializeCodingFile(file: CodingFile): string {
  const header = withUnknownFields(
    [
      ['format', FORMAT_NAMES.coding],
      ['version', CURRENT_VERSION],
      ['coder', new OrderedObject([['id', file.coder.id], ['name', file.coder.name]])],
    ],
    file.extra,
  );
  // Passages left uncoded share the id order with segments, so each lands at a random place too.
  const lines = [
    ...file.segments.map((s) => ({ id: s.id, line: () => segmentLine(s) })),
    ...(file.uncoded ?? []).map((u) => ({ id: u.id, line: () => writeJsonLines([uncodedRecord(u)]) })),
  ].sort((a, b) => compareCodeUnits(a.id, b.id));
  return writeJsonLines([header]) + lines.map((l) => l.line()).join('');
}

/**
 * One segment's line. Without unknown fields, JSON.stringify of an object built in the canonical
 * key order gives the same bytes as the general ordered writer (none of the known keys looks like
 * an array index, which JavaScript would move first) and is several times faster: a coding file of
 * 2,000 segments is rewritten on every coding action.
 */
function segmentLine(segment: Segment): string {
  if (segment.extra && Object.keys(segment.extra).length > 0) return writeJsonLines([segmentRecord(segment)]);
  const record: Record<string, unknown> = {
    id: segment.id,
    codes: normaliseCodes(segment.codes),
    start: segment.position.start,
    end: segment.position.end,
    exact: segment.quote.exact,
    prefix: segment.quote.prefix,
    suffix: segment.quote.suffix,
  };
  if (segment.comment !== undefined && segment.comment !== '') record.comment = segment.comment;
  Object.assign(record, roundValuesOfSegment(segment));
  return `${JSON.stringify(record)}\n`;
}

function segmentRecord(segment: Segment): OrderedObject {
  return withUnknownFields(
    [
      ['id', segment.id],
      ['codes', normaliseCodes(segment.codes)],
      ['start', segment.position.start],
      ['end', segment.position.end],
      ['exact', segment.quote.exact],
      ['prefix', segment.quote.prefix],
      ['suffix', segment.quote.suffix],
      ['comment', segment.comment === '' ? undefined : segment.comment],
      ...Object.entries(roundValuesOfSegment(segment)),
    ],
    segment.extra,
  );
}
