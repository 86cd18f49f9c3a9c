import type { CodeId, SegmentId } from '../model';
import type { CodebookRepository } from './codebook-repository';
import type { CodingRepository } from './coding-repository';
import * as edits from './segment-edits';
import { relationsAfterDelete, relationsAfterMerge } from './relation-edits';
import { endGatheringsInto } from './code-gathering';

/**
 * Codebook operations that also move coding: delete, merge, split. They run inside a store action
 * (one undoable step) and reach the repositories through these internals.
 */
export interface StoreInternals {
  codes: CodebookRepository;
  coding: CodingRepository;
  codebookChanged(): void;
  codingChanged(transcript: string): void;
}

export type SegmentRef = { transcript: string; coderId: string; segmentId: SegmentId };

/**
 * Delete a code and its coding everywhere; its sub-codes move up one level. Its relations go with
 * its file, and relations of other codes that point at it are removed (counted, so the caller can
 * say so): a relation to nothing would only be reported as a problem afterwards.
 */
export async function deleteCode(store: StoreInternals, id: CodeId): Promise<{ removedSegments: number; reparented: number; removedRelations: number }> {
  store.codes.require(id);
  await store.coding.ensureAllLoaded();
  const codes = new Set([id]);
  const removedSegments = store.coding.countSegments(codes);
  const touched = store.coding.loadedTranscripts().filter((t) => store.coding.get(t).coders.some((c) => c.segments.some((s) => s.codes.includes(id))));
  store.coding.editEverywhere('Delete code', (segments) => edits.removeCodes(segments, edits.segmentsWithCodes(segments, codes), codes).segments);
  const { reparented } = store.codes.delete(id);
  endGatheringsInto(store, codes);
  const relations = relationsAfterDelete(store.codes.codebook().all(), new Set([id]));
  for (const change of relations.changes) store.codes.setRelations(change.id, change.relations);
  store.codebookChanged();
  for (const transcript of touched) store.codingChanged(transcript);
  return { removedSegments, reparented, removedRelations: relations.removed };
}

/**
 * Merge codes into one: every segment of every coder moves to `target` (segments that then cover
 * the same text collapse into one), the merged codes' sub-codes move under `target`, their relations
 * move to `target` (see relation-edits.ts), and the merged codes are deleted.
 */
export async function mergeCodes(store: StoreInternals, sources: CodeId[], target: CodeId): Promise<{ movedSegments: number; collapsed: number; droppedRelations: number }> {
  store.codes.require(target);
  const from = new Set(sources.filter((s) => s !== target));
  for (const id of from) store.codes.require(id);
  await store.coding.ensureAllLoaded();
  const movedSegments = store.coding.countSegments(from);
  let collapsed = 0;
  store.coding.editEverywhere('Merge codes', (segments) => {
    const merged = edits.mergeCodesInSegments(segments, from, target);
    collapsed += merged.collapsed;
    return merged.segments;
  });
  // The target may sit inside a merged code: lift it out first so it keeps a parent that stays.
  const codebook = () => store.codes.codebook();
  let parent = codebook().get(target)!.parent;
  while (parent !== null && from.has(parent)) parent = codebook().get(parent)?.parent ?? null;
  if (parent !== codebook().get(target)!.parent) store.codes.update(target, { parent });
  // Relations move with the merged codes onto the target before those codes are deleted.
  const relations = relationsAfterMerge(codebook().all(), from, target);
  for (const change of relations.changes) store.codes.setRelations(change.id, change.relations);
  for (const id of from) {
    for (const child of codebook().children(id)) if (child.id !== target) store.codes.update(child.id, { parent: target });
    store.codes.delete(id);
  }
  endGatheringsInto(store, from);
  store.codebookChanged();
  for (const transcript of store.coding.loadedTranscripts()) store.codingChanged(transcript);
  return { movedSegments, collapsed, droppedRelations: relations.dropped };
}

/** Split a code: move its application on the chosen segments (any coder) to another code. */
export async function splitCode(store: StoreInternals, source: CodeId, segments: SegmentRef[], target: CodeId): Promise<number> {
  store.codes.require(source);
  store.codes.require(target);
  let moved = 0;
  const byFile = new Map<string, { transcript: string; coderId: string; ids: Set<SegmentId> }>();
  for (const ref of segments) {
    const key = `${ref.transcript}\u0000${ref.coderId}`;
    const group = byFile.get(key) ?? { transcript: ref.transcript, coderId: ref.coderId, ids: new Set() };
    group.ids.add(ref.segmentId);
    byFile.set(key, group);
  }
  for (const { transcript, coderId, ids } of byFile.values()) {
    await store.coding.ensureLoaded(transcript);
    store.coding.editOf(transcript, coderId, 'Split code', (list) => {
      moved += list.filter((s) => ids.has(s.id) && s.codes.includes(source)).length;
      return edits.moveCodeOnSegments(list, ids, source, target);
    });
    store.codingChanged(transcript);
  }
  return moved;
}
