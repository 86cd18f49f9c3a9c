/**
 * Relating codes (theoretical coding) as the store does it inside one undoable step: the checks a
 * relation must pass, then the source code's relations rewritten through the codebook repository.
 */
import type { CodeId, CodeRelation } from '../model';
import type { RelationType } from '../relations/relation-types';
import type { CodebookRepository } from './codebook-repository';
import { StoreError } from './errors';
import { withRelation } from './relation-edits';

export function relateCodes(codes: CodebookRepository, types: readonly RelationType[], source: CodeId, relation: CodeRelation): 'added' | 'updated' {
  const code = codes.require(source);
  codes.require(relation.target);
  if (relation.target === source) throw new StoreError(`"${code.name}" cannot be related to itself.`);
  if (!types.some((t) => t.id === relation.type)) {
    throw new StoreError(`"${relation.type}" is not one of this project's relation types (${types.map((t) => t.id).join(', ')}).`);
  }
  const next = withRelation(code, relation);
  codes.setRelations(source, next.relations);
  return next.replaced ? 'updated' : 'added';
}

/** Whether there was such a relation to remove. */
export function unrelateCodes(codes: CodebookRepository, source: CodeId, target: CodeId, type: string): boolean {
  const code = codes.require(source);
  const kept = (code.relations ?? []).filter((r) => r.target !== target || r.type !== type);
  if (kept.length === (code.relations ?? []).length) return false;
  codes.setRelations(source, kept);
  return true;
}
