/**
 * "Reviewed, left uncoded" lines of a coding file: a reconcile that decided a passage keeps none of
 * the codes the coders disagreed on. Such a line has `uncoded` (the codes decided against) where a
 * segment has `codes`, so nothing that reads segments mistakes it for coding, and it sits among the
 * segments sorted by id: two reviewers deciding on different branches add different lines.
 */
import type { FileProblem, UncodedPassage } from '../../model';
import { type JsonObject, OrderedObject, compareCodeUnits, unknownFields, withUnknownFields } from './json-text';
import { CODE_ID_PATTERN, SEGMENT_ID_PATTERN } from './paths';
import { fileError } from './problems';

const KEYS = ['id', 'uncoded', 'start', 'end', 'exact', 'prefix', 'suffix'] as const;

/** A line is an uncoded record when it has `uncoded`; it is then checked as one, never as a segment. */
export function isUncodedRecord(record: JsonObject): boolean {
  return Object.prototype.hasOwnProperty.call(record, 'uncoded');
}

/** What is wrong with an uncoded record, each naming the line. */
export function checkUncodedRecord(path: string, line: number, record: JsonObject): FileProblem[] {
  const problems: string[] = [];
  if (record.codes !== undefined) problems.push('a line has either "codes" (a segment) or "uncoded" (a passage left uncoded), not both');
  if (typeof record.id !== 'string' || !SEGMENT_ID_PATTERN.test(record.id)) problems.push('"id" should be "s-" and 12 characters of lowercase Crockford base32');
  const codes = record.uncoded;
  if (!Array.isArray(codes) || codes.length === 0 || codes.some((c) => typeof c !== 'string' || !CODE_ID_PATTERN.test(c))) {
    problems.push('"uncoded" should be a list of code ids (at least one): the codes decided against here');
  }
  for (const key of ['start', 'end'] as const) {
    const value = record[key];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) problems.push(`"${key}" should be a whole number, 0 or more`);
  }
  if (typeof record.exact !== 'string' || record.exact === '') problems.push('"exact" should be the text of the passage (not empty)');
  for (const key of ['prefix', 'suffix'] as const) if (typeof record[key] !== 'string') problems.push(`"${key}" should be text`);
  if (problems.length === 0 && (record.end as number) < (record.start as number)) problems.push(`"end" (${String(record.end)}) is before "start" (${String(record.start)})`);
  return problems.map((message) => fileError(path, line, message));
}

/** A checked record as the model holds it. */
export function uncodedFrom(record: JsonObject): UncodedPassage {
  const passage: UncodedPassage = {
    id: record.id as string,
    uncoded: [...new Set(record.uncoded as string[])].sort(compareCodeUnits),
    quote: { exact: record.exact as string, prefix: record.prefix as string, suffix: record.suffix as string },
    position: { start: record.start as number, end: record.end as number },
  };
  const extra = unknownFields(record, KEYS);
  if (extra !== undefined) passage.extra = extra;
  return passage;
}

/** The record in canonical key order (unknown fields after, sorted). */
export function uncodedRecord(passage: UncodedPassage): OrderedObject {
  return withUnknownFields(
    [
      ['id', passage.id],
      ['uncoded', [...new Set(passage.uncoded)].sort(compareCodeUnits)],
      ['start', passage.position.start],
      ['end', passage.position.end],
      ['exact', passage.quote.exact],
      ['prefix', passage.quote.prefix],
      ['suffix', passage.quote.suffix],
    ],
    passage.extra,
  );
}
