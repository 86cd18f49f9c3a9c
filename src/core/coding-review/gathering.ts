/**
 * Gathering and un-gathering between two snapshots. Unlike merges, gatherings leave a record on
 * disk (the focused code's `gathered` list), so they are read from it rather than guessed from
 * the segments — and the changes they imply (a code added, codes "split" into it, a code removed
 * when un-gathered) are folded into one readable line instead of three.
 */
import type { Code, GatherRecord } from '../model';
import type { CodebookChange } from './types';

export interface GatherChanges {
  changes: CodebookChange[];
  /** Codes whose "added" line the gathering line replaces (a focused code made by gathering). */
  added: Set<string>;
  /** Codes whose "deleted"/"split" line the un-gathering line replaces. */
  removed: Set<string>;
  /** `from\u0000to` pairs of codes whose move into a focused code is the gathering itself. */
  moves: Set<string>;
}

const keyOf = (record: GatherRecord): string => `${record.at}\u0000${record.codes.map((c) => c.id).join(',')}`;

export function gatherChanges(base: ReadonlyMap<string, Code>, head: ReadonlyMap<string, Code>): GatherChanges {
  const out: GatherChanges = { changes: [], added: new Set(), removed: new Set(), moves: new Set() };
  for (const code of head.values()) {
    if (code.gatheredInto !== undefined) out.moves.add(`${code.id}\u0000${code.gatheredInto}`);
    const before = new Set((base.get(code.id)?.gathered ?? []).map(keyOf));
    const fresh = (code.gathered ?? []).filter((r) => !before.has(keyOf(r)));
    for (const record of fresh) out.changes.push(change('gathered', code, record));
    if (fresh.length > 0 && !base.has(code.id)) out.added.add(code.id);
  }
  for (const code of base.values()) {
    const after = new Set((head.get(code.id)?.gathered ?? []).map(keyOf));
    const gone = (code.gathered ?? []).filter((r) => !after.has(keyOf(r)));
    for (const record of gone) out.changes.push(change('ungathered', code, record));
    if (gone.length > 0 && !head.has(code.id)) out.removed.add(code.id);
  }
  return out;
}

function change(kind: 'gathered' | 'ungathered', code: Code, record: GatherRecord): CodebookChange {
  return { kind, code: code.id, name: code.name, codes: record.codes.map((c) => ({ code: c.id, name: c.name })), segments: record.segments, by: record.by.name };
}
