/**
 * `.grounded/coding/<transcript path>/<coder id>.jsonl`: one coder's coding of one transcript.
 * Line 1 is a header naming the coder; each further line is one segment, sorted by id, so two
 * coders (or two branches) adding segments touch different files or different lines.
 */
import type { CodingFile, FileProblem, Segment, UncodedPassage } from '../../model';
import { type JsonLine, readJsonLines, writeJsonLines } from './json-lines';
import { type JsonObject, OrderedObject, compareCodeUnits, isJsonObject, normaliseText, parseJson, unknownFields, withUnknownFields } from './json-text';
import { conflictProblems } from './merge-conflict';
import { normaliseCodes, segmentFrom } from './segment-record';
import { CURRENT_VERSION, FORMAT_NAMES, MIGRATIONS, checkFormatAndVersion, migrateDocument } from './migrations';
import { CODING_DIR, parseCodingFilePath } from './paths';
import { type ParseResult, failure, fileError, fileWarning, resultOf } from './problems';
import { checkSchema } from './schema-validation';
import { isPlainSegment } from './segment-shape';
import { roundValuesOfSegment } from './round-fields';
import { checkUncodedRecord, isUncodedRecord, uncodedFrom, uncodedRecord } from './uncoded-record';

const HEADER_KEYS = ['format', 'version', 'coder'] as const;

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
  const usual = readUsualCodingFile(path, text, location);
  if (usual !== undefined) return { ok: true, value: usual, warnings: [] };
  return parseCodingFileCarefully(path, text, location);
}

/**
 * The usual coding file read in one pass: the current version, a valid header, then only plain
 * segment lines (segment-shape.ts) with ids in increasing order, each quote as long as its range.
 * Such a file has nothing to report, and it is read into what the careful reading makes of it
 * (a unit test compares the two). Anything else — a conflict marker, a blank line, CRLF, an older
 * version, an unsorted or repeated id, a stale position, a field from elsewhere — gives undefined,
 * and the careful reading finds and words it. A project's 100,000 segments are read at once, and
 * the careful reading's per-line bookkeeping costs about as much as JSON.parse itself.
 */
export function readUsualCodingFile(path: string, text: string, location: { transcript: string; coderId: string }): CodingFile | undefined {
  if (text.charCodeAt(0) === 0xfeff || text.indexOf('\r') !== -1) return undefined;
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const header = lines.length > 0 ? parseJson(lines[0]) : undefined;
  if (!header?.ok || !isJsonObject(header.value) || header.value.version !== CURRENT_VERSION || !checkFormatAndVersion('coding', header.value).ok) return undefined;
  if (checkHeader(path, 1, header.value, location.coderId).length > 0) return undefined;
  const segments: Segment[] = [];
  let previousId = '';
  for (let i = 1; i < lines.length; i++) {
    const record = parsedOrUndefined(lines[i]);
    if (!isPlainSegment(record)) return undefined;
    const { id, start, end, exact } = record as { id: string; start: number; end: number; exact: string };
    // Increasing ids: sorted, none repeated. A plain segment's quote is never empty, so a quote as
    // long as its range also means that the range does not end before it starts.
    if (!(previousId < id) || !Number.isSafeInteger(start) || !Number.isSafeInteger(end) || exact.length !== end - start) return undefined;
    previousId = id;
    segments.push(segmentFrom(record as JsonObject, true));
  }
  return codingFileOf(location.transcript, header.value, segments, []);
}

function parsedOrUndefined(line: string): unknown {
  try {
    return JSON.parse(line) as unknown;
  } catch {
    return undefined;
  }
}

/** Every line read on its own, each problem found and worded: for any file the one-pass reading does not take. */
export function parseCodingFileCarefully(path: string, text: string, location: { transcript: string; coderId: string }): ParseResult<CodingFile> {
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
  const segments: Segment[] = [];
  const uncoded: UncodedPassage[] = [];
  for (const { record, vouched } of lines) {
    if (vouched) segments.push(segmentFrom(record, true));
    else if (isUncodedRecord(record)) uncoded.push(uncodedFrom(record));
    else segments.push(segmentFrom(record, false));
  }
  // Written sorted by id, so usually already in order; sorting then only compares neighbours.
  return codingFileOf(transcript, header, sortedById(segments), sortedById(uncoded));
}

function codingFileOf(transcript: string, header: JsonObject, segments: Segment[], uncoded: UncodedPassage[]): CodingFile {
  const coder = header.coder as { id: string; name: string };
  const file: CodingFile = { transcript, coder: { id: coder.id, name: coder.name }, segments };
  const extra = unknownFields(header, HEADER_KEYS);
  if (extra !== undefined) file.extra = extra;
  if (uncoded.length > 0) file.uncoded = uncoded;
  return file;
}

function sortedById<T extends { id: string }>(items: T[]): T[] {
  for (let i = 1; i < items.length; i++) if (compareCodeUnits(items[i - 1].id, items[i].id) > 0) return items.sort((a, b) => compareCodeUnits(a.id, b.id));
  return items;
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
