/**
 * The fields coding rounds and gathering add to the format: `rounds` in project.json, `round`,
 * `gathered` and `gatheredInto` in code files, `round` and `gathered` on segments. All optional:
 * files written before them read as before, and absence means "not recorded" (see
 * docs/format.md). Shapes are checked by the JSON Schemas before these readers run.
 */
import type { Code, CodeId, CodingRound, FileProblem, GatherRecord, Segment } from '../../model';
import { duplicateRoundIds } from '../../rounds/rounds';
import { type JsonObject, OrderedObject, compareCodeUnits } from './json-text';
import { fileError } from './problems';

export const ROUND_KEYS_OF_CODE = ['round', 'gathered', 'gatheredInto'] as const;
export const ROUND_KEYS_OF_SEGMENT = ['round', 'gathered'] as const;

export function roundsOfProject(record: JsonObject): { rounds?: CodingRound[] } {
  const rounds = record.rounds as { id: string; name: string }[] | undefined;
  return rounds === undefined ? {} : { rounds: rounds.map((r) => ({ id: r.id, name: r.name })) };
}

/** A round declared twice would make "which round is this?" ambiguous. */
export function checkProjectRounds(path: string, record: JsonObject, lineOf: (pointer: string) => number): FileProblem[] {
  const rounds = roundsOfProject(record).rounds ?? [];
  return duplicateRoundIds(rounds).map((id) => {
    const second = rounds.findIndex((r, i) => r.id === id && rounds.findIndex((o) => o.id === id) !== i);
    return fileError(path, lineOf(`/rounds/${second}`), `"rounds" declares the round "${id}" more than once`);
  });
}

export function roundFieldsOfCode(record: JsonObject): Pick<Code, 'round' | 'gathered' | 'gatheredInto'> {
  const fields: Pick<Code, 'round' | 'gathered' | 'gatheredInto'> = {};
  if (typeof record.round === 'string') fields.round = record.round;
  if (Array.isArray(record.gathered) && record.gathered.length > 0) fields.gathered = (record.gathered as GatherRecord[]).map(gatherRecordOf);
  if (typeof record.gatheredInto === 'string') fields.gatheredInto = record.gatheredInto;
  return fields;
}

function gatherRecordOf(record: GatherRecord): GatherRecord {
  return {
    codes: record.codes.map((c) => ({ id: c.id, name: c.name })),
    segments: record.segments,
    by: { id: record.by.id, name: record.by.name },
    at: record.at,
  };
}

/** Entries written after `description`, in this order; undefined ones are left out. */
export function roundEntriesOfCode(code: Code): [string, unknown][] {
  const gathered = code.gathered && code.gathered.length > 0 ? code.gathered.map(gatherRecordEntry) : undefined;
  return [
    ['round', code.round],
    ['gathered', gathered],
    ['gatheredInto', code.gatheredInto],
  ];
}

function gatherRecordEntry(record: GatherRecord): OrderedObject {
  return new OrderedObject([
    ['codes', record.codes.map((c) => new OrderedObject([['id', c.id], ['name', c.name]]))],
    ['segments', record.segments],
    ['by', new OrderedObject([['id', record.by.id], ['name', record.by.name]])],
    ['at', record.at],
  ]);
}

export function roundFieldsOfSegment(record: JsonObject): Pick<Segment, 'round' | 'gathered'> {
  const fields: Pick<Segment, 'round' | 'gathered'> = {};
  if (typeof record.round === 'string') fields.round = record.round;
  const gathered = record.gathered as Record<CodeId, CodeId[]> | undefined;
  if (gathered !== undefined && Object.keys(gathered).length > 0) fields.gathered = canonicalGathered(gathered);
  return fields;
}

/**
 * The values written after `comment`: a plain object whose `gathered` keys are inserted sorted, so
 * `JSON.stringify` (the fast path for segment lines) writes the canonical order.
 */
export function roundValuesOfSegment(segment: Segment): { round?: string; gathered?: Record<CodeId, CodeId[]> } {
  const values: { round?: string; gathered?: Record<CodeId, CodeId[]> } = {};
  if (segment.round !== undefined) values.round = segment.round;
  if (segment.gathered !== undefined && Object.keys(segment.gathered).length > 0) values.gathered = canonicalGathered(segment.gathered);
  return values;
}

function canonicalGathered(gathered: Record<CodeId, CodeId[]>): Record<CodeId, CodeId[]> {
  const out: Record<CodeId, CodeId[]> = {};
  for (const key of Object.keys(gathered).sort(compareCodeUnits)) out[key] = [...new Set(gathered[key])].sort(compareCodeUnits);
  return out;
}
