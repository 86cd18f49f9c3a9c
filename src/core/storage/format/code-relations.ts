/**
 * The `relations` list of a code file: the code's typed relations to other codes. The schema checks
 * each entry's shape; this reads them into the model and writes them back in one canonical order
 * (by target id, then type), so the same relations always give the same bytes whoever added them
 * and in whatever order.
 */
import type { CodeRelation, FileProblem } from '../../model';
import { OrderedObject, compareCodeUnits, isJsonObject, unknownFields, withUnknownFields } from './json-text';
import { fileWarning } from './problems';

const RELATION_KEYS = ['target', 'type', 'note'] as const;

/** Canonical order: by target id, then by type id (code-unit order, the same everywhere). */
export function compareRelations(a: CodeRelation, b: CodeRelation): number {
  return compareCodeUnits(a.target, b.target) || compareCodeUnits(a.type, b.type);
}

export function relationKey(relation: Pick<CodeRelation, 'target' | 'type'>): string {
  return `${relation.target}\u0000${relation.type}`;
}

/** Sorted, one entry per target and type (the first one kept). */
export function normaliseRelations(relations: readonly CodeRelation[]): CodeRelation[] {
  const seen = new Set<string>();
  return [...relations].sort(compareRelations).filter((r) => {
    const key = relationKey(r);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The schema has checked the shape already; what is left is the same relation listed twice. */
export function relationsFromRecord(path: string, value: unknown, lineOf: (pointer: string) => number): { value: CodeRelation[]; problems: FileProblem[] } {
  if (!Array.isArray(value)) return { value: [], problems: [] };
  const problems: FileProblem[] = [];
  const seen = new Set<string>();
  const relations: CodeRelation[] = [];
  value.forEach((entry: unknown, i) => {
    if (!isJsonObject(entry)) return;
    const relation: CodeRelation = { type: entry.type as string, target: entry.target as string };
    if (typeof entry.note === 'string' && entry.note !== '') relation.note = entry.note;
    const extra = unknownFields(entry, RELATION_KEYS);
    if (extra !== undefined) relation.extra = extra;
    const key = relationKey(relation);
    if (seen.has(key)) {
      problems.push(fileWarning(path, lineOf(`/relations/${i}`), `lists the relation "${relation.type}" to ${relation.target} twice; the first one is kept`));
      return;
    }
    seen.add(key);
    relations.push(relation);
  });
  return { value: relations.sort(compareRelations), problems };
}

/** The list as written: undefined (the key left out) when there are none, so plain codes stay as they were. */
export function relationsRecord(relations: readonly CodeRelation[] | undefined): OrderedObject[] | undefined {
  if (relations === undefined || relations.length === 0) return undefined;
  return normaliseRelations(relations).map((r) =>
    withUnknownFields(
      [
        ['target', r.target],
        ['type', r.type],
        ['note', r.note === undefined || r.note === '' ? undefined : r.note],
      ],
      r.extra,
    ),
  );
}
