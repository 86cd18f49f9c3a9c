/**
 * Gathering initial codes into a focused code, and un-gathering. Like merging, gathering recodes
 * every coder's segments in one undoable store action; unlike merging, nothing is lost: the gathered
 * codes are kept (marked `gatheredInto`), each segment records which of its codes it gave up, and
 * the focused code records what it gathered, by whom and when. Un-gathering uses exactly that.
 */
import { nextColor } from '../codebook';
import type { Code, CodeId, Coder, GatherRecord, RoundId } from '../model';
import { gatherSegments, ungatherSegments } from '../rounds/gather-edits';
import type { StoreInternals } from './codebook-reorganisation';
import { StoreError } from './errors';

export interface GatherRequest {
  /** The codes to gather (initial codes, typically). */
  codes: CodeId[];
  /** The new focused code's name. */
  name: string;
  parent?: CodeId | null;
  round: RoundId;
  by: Coder;
  /** ISO 8601 time, UTC. */
  at: string;
}

export interface GatherResult {
  category: CodeId;
  /** Segments (all coders) recoded. */
  segments: number;
}

export async function gatherCodes(store: StoreInternals, request: GatherRequest): Promise<GatherResult> {
  const from = checkGatherable(store, request.codes);
  await store.coding.ensureAllLoaded();
  const segments = store.coding.countSegments(from);
  const gathered = [...from].map((id) => store.codes.require(id));
  const category = store.codes.add({ name: request.name, parent: request.parent ?? null, round: request.round });
  const record: GatherRecord = {
    codes: gathered.map((c) => ({ id: c.id, name: c.name })),
    segments,
    by: { id: request.by.id, name: request.by.name },
    at: request.at,
  };
  store.codes.replace({ ...category, gathered: [record] });
  for (const code of gathered) store.codes.replace({ ...code, gatheredInto: category.id });
  const touched = transcriptsWith(store, from);
  store.coding.editEverywhere('Gather codes', (list) => gatherSegments(list, from, category.id).segments);
  store.codebookChanged();
  for (const transcript of touched) store.codingChanged(transcript);
  return { category: category.id, segments };
}

function checkGatherable(store: StoreInternals, ids: readonly CodeId[]): Set<CodeId> {
  const from = new Set(ids);
  if (from.size === 0) throw new StoreError('Choose at least one code to gather.');
  const codebook = store.codes.codebook();
  for (const id of from) {
    const code = store.codes.require(id);
    const into = code.gatheredInto === undefined ? undefined : codebook.get(code.gatheredInto);
    if (into) throw new StoreError(`"${code.name}" is already gathered into "${into.name}"; un-gather that first.`);
  }
  return from;
}

export interface UngatherResult {
  /** Segments (all coders) given their gathered codes back. */
  restored: number;
  /** Codes marked gathered that are ordinary codes again. */
  codes: number;
  /** True when the focused code was removed: gathering had made it and nothing else uses it. */
  removedCategory: boolean;
}

/**
 * Undo a gathering: every segment gets back the codes it gave up, the gathered codes are ordinary
 * again (re-created from the record if they were deleted meanwhile), and the focused code goes if
 * nothing but the gathering used it — otherwise it stays, with its gathering record cleared.
 */
export async function ungatherCode(store: StoreInternals, id: CodeId): Promise<UngatherResult> {
  const category = store.codes.require(id);
  if (!category.gathered || category.gathered.length === 0) throw new StoreError(`"${category.name}" has not gathered any codes.`);
  const outer = category.gatheredInto === undefined ? undefined : store.codes.codebook().get(category.gatheredInto);
  if (outer) throw new StoreError(`"${category.name}" is itself gathered into "${outer.name}"; un-gather that first.`);
  await store.coding.ensureAllLoaded();
  const touched = store.coding.loadedTranscripts();
  let restored = 0;
  store.coding.editEverywhere('Un-gather codes', (list) => {
    const result = ungatherSegments(list, id);
    restored += result.restored;
    return result.segments;
  });
  const codes = restoreGatheredCodes(store, category);
  const removedCategory = store.coding.countSegments(new Set([id])) === 0 && store.codes.codebook().children(id).length === 0;
  if (removedCategory) store.codes.delete(id);
  else store.codes.replace(withoutGathered(store.codes.require(id)));
  store.codebookChanged();
  for (const transcript of touched) store.codingChanged(transcript);
  return { restored, codes, removedCategory };
}

function restoreGatheredCodes(store: StoreInternals, category: Code): number {
  const seen = new Set<CodeId>();
  for (const record of category.gathered ?? []) {
    for (const { id, name } of record.codes) {
      if (seen.has(id)) continue;
      seen.add(id);
      const code = store.codes.codebook().get(id);
      if (!code) {
        const color = nextColor(store.codes.codebook().all(), category.parent);
        store.codes.replace({ id, name, parent: category.parent, color, description: '' }, true);
      } else if (code.gatheredInto === category.id) {
        const { gatheredInto: _into, ...rest } = code;
        store.codes.replace(rest);
      }
    }
  }
  return seen.size;
}

/**
 * After focused codes are deleted or merged away: the codes they had gathered are ordinary codes
 * again (their segments carry whatever the focused code's segments became), so their mark goes too
 * rather than pointing at a code that is not there. Part of the caller's undoable step.
 */
export function endGatheringsInto(store: StoreInternals, removed: ReadonlySet<CodeId>): void {
  for (const code of store.codes.codebook().all()) {
    if (code.gatheredInto === undefined || !removed.has(code.gatheredInto)) continue;
    const { gatheredInto: _into, ...rest } = code;
    store.codes.replace(rest);
  }
}

function withoutGathered(code: Code): Code {
  const { gathered: _gathered, ...rest } = code;
  return rest;
}

function transcriptsWith(store: StoreInternals, codes: ReadonlySet<CodeId>): string[] {
  return store.coding
    .loadedTranscripts()
    .filter((t) => store.coding.get(t).coders.some((c) => c.segments.some((s) => s.codes.some((code) => codes.has(code)))));
}
