/**
 * How relations between codes change when the codebook does. Pure: each function takes codes and
 * returns the codes whose relations change, for the repository to write in the same undoable step.
 * A rename changes nothing here (relations name codes by id).
 */
import type { Code, CodeId, CodeRelation } from '../model';
import { normaliseRelations, relationKey } from './format/code-relations';

export type RelationChange = { id: CodeId; relations: CodeRelation[] };

/** Add a relation, or replace the note of the same relation (same target and type). */
export function withRelation(code: Code, relation: CodeRelation): { relations: CodeRelation[]; replaced: boolean } {
  const key = relationKey(relation);
  const existing = code.relations ?? [];
  const replaced = existing.some((r) => relationKey(r) === key);
  const kept = existing.filter((r) => relationKey(r) !== key);
  const note = relation.note?.trim();
  const previous = existing.find((r) => relationKey(r) === key);
  const next: CodeRelation = { type: relation.type, target: relation.target, ...(note ? { note } : {}), ...(previous?.extra ? { extra: previous.extra } : {}) };
  return { relations: normaliseRelations([...kept, next]), replaced };
}

/** Relations pointing at deleted codes are removed from the codes that remain. */
export function relationsAfterDelete(codes: Iterable<Code>, deleted: ReadonlySet<CodeId>): { changes: RelationChange[]; removed: number } {
  const changes: RelationChange[] = [];
  let removed = 0;
  for (const code of codes) {
    if (deleted.has(code.id) || !code.relations) continue;
    const kept = code.relations.filter((r) => !deleted.has(r.target));
    if (kept.length === code.relations.length) continue;
    removed += code.relations.length - kept.length;
    changes.push({ id: code.id, relations: kept });
  }
  return { changes, removed };
}

/**
 * Merging codes into `target`: the merged codes' own relations move to the target, relations that
 * pointed at a merged code point at the target, and relations that would then join the target to
 * itself are dropped. Two relations that become the same keep both notes.
 */
export function relationsAfterMerge(codes: Iterable<Code>, sources: ReadonlySet<CodeId>, target: CodeId): { changes: RelationChange[]; dropped: number } {
  const all = [...codes];
  const retarget = (r: CodeRelation): CodeRelation => (sources.has(r.target) ? { ...r, target } : r);
  const changes: RelationChange[] = [];
  let dropped = 0;
  for (const code of all) {
    if (sources.has(code.id)) continue;
    const incoming = code.id === target ? all.filter((c) => sources.has(c.id)).flatMap((c) => c.relations ?? []) : [];
    const before = code.relations ?? [];
    if (incoming.length === 0 && !before.some((r) => sources.has(r.target))) continue;
    const moved = [...before, ...incoming].map(retarget);
    const kept = moved.filter((r) => r.target !== code.id);
    dropped += moved.length - kept.length;
    changes.push({ id: code.id, relations: joinSame(kept) });
  }
  return { changes, dropped };
}

/** One relation per target and type; different notes are kept, one after the other. */
function joinSame(relations: CodeRelation[]): CodeRelation[] {
  const byKey = new Map<string, CodeRelation>();
  for (const r of relations) {
    const key = relationKey(r);
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, { ...r });
    else if (r.note && r.note !== seen.note) seen.note = seen.note ? `${seen.note}\n\n${r.note}` : r.note;
  }
  return normaliseRelations([...byKey.values()]);
}
