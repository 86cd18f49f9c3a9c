/**
 * A coding file's segment line turned into a Segment: the fields the model names, the rest kept
 * aside so that writing the file again loses nothing. Used by the careful reader and by the one-pass
 * reader of the usual file alike, so both make the same segments.
 */
import type { Segment } from '../../model';
import { type JsonObject, compareCodeUnits, unknownFields } from './json-text';
import { ROUND_KEYS_OF_SEGMENT, roundFieldsOfSegment } from './round-fields';
import { SharedValues } from './shared-values';

const CODE_IDS = new SharedValues<string>(10_000);
const CODE_LISTS = new SharedValues<readonly string[]>(10_000);
export const SEGMENT_KEYS = ['id', 'codes', 'start', 'end', 'exact', 'prefix', 'suffix', 'comment', ...ROUND_KEYS_OF_SEGMENT] as const;

/** `plain`: the record holds only the fields isPlainSegment knows, so no round fields or others. */
export function segmentFrom(record: JsonObject, plain: boolean): Segment {
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

