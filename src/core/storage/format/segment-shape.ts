/**
 * A hand-written test of the common segment line, checked before the schema validator. A whole
 * project is read at once (100,000 segments is an ordinary study), and the generated validator plus
 * the nesting scan cost more than JSON.parse itself. The test accepts only records that
 * schemas/coding-segment.schema.json accepts too (test/unit/storage/format/segment-shape.test.ts
 * compares the two on generated and malformed records); anything else, including every record with
 * a field it does not know, goes through the validator, which words the problems.
 */
import { CODE_ID_PATTERN, SEGMENT_ID_PATTERN } from './paths';

/** The fields of a segment without rounds or fields from other tools: the only ones accepted here. */
const PLAIN_FIELDS = new Set(['id', 'codes', 'start', 'end', 'exact', 'prefix', 'suffix', 'comment']);

/**
 * True only for a record the segment schema accepts, holding no field but {@link PLAIN_FIELDS}.
 * Such a record nests two levels deep, so it also needs no nesting check.
 */
export function isPlainSegment(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const record = value as Record<string, unknown>;
  for (const key in record) if (!PLAIN_FIELDS.has(key)) return false;
  const { id, codes, start, end, exact, prefix, suffix, comment } = record;
  if (typeof id !== 'string' || !SEGMENT_ID_PATTERN.test(id)) return false;
  if (!Array.isArray(codes) || codes.length === 0) return false;
  for (const code of codes) if (typeof code !== 'string' || !CODE_ID_PATTERN.test(code)) return false;
  if (!isOffset(start) || !isOffset(end)) return false;
  if (typeof exact !== 'string' || exact === '' || typeof prefix !== 'string' || typeof suffix !== 'string') return false;
  return comment === undefined || typeof comment === 'string';
}

/** The schema's `"type": "integer", "minimum": 0`. */
function isOffset(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
