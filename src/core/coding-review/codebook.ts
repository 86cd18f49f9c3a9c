/**
 * Codebook changes between two snapshots, with segment counts. Merges and splits leave no record
 * of their own on disk, so they are recognised from the segments: a code deleted whose segments
 * reappear under one other code was merged into it; under several, split among them.
 */
import type { Code } from '../model';
import { gatherChanges } from './gathering';
import { relationChanges } from './relation-changes';
import type { CodebookChange, DefinitionField } from './types';

/** Segments that lost code `from` and gained code `to`, counted per pair. */
export type CodeMoves = Map<string, Map<string, number>>;

export interface CodebookInput {
  base: readonly Code[];
  head: readonly Code[];
  /** Segments carrying each code, in base and in head. */
  baseCounts: ReadonlyMap<string, number>;
  headCounts: ReadonlyMap<string, number>;
  moves: CodeMoves;
  /** Codes whose file one side could not read: not compared, and no code's segments moved into them. */
  unreadable?: ReadonlySet<string>;
}

export function diffCodebook(input: CodebookInput): CodebookChange[] {
  const skip = input.unreadable ?? new Set<string>();
  const base = new Map(input.base.filter((c) => !skip.has(c.id)).map((c) => [c.id, c]));
  const head = new Map(input.head.filter((c) => !skip.has(c.id)).map((c) => [c.id, c]));
  // Names come from every code read, so a code whose file one side could not read is still named.
  const names = new Map([...input.base, ...input.head].map((c) => [c.id, c.name]));
  const name = (id: string | null): string | null => (id === null ? null : (names.get(id) ?? id));
  const moves = withoutTargets(input.moves, skip);
  const count = (id: string): number => input.headCounts.get(id) ?? 0;
  const gathering = gatherChanges(base, head);
  const changes: CodebookChange[] = [...gathering.changes, ...relationChanges(base, head, (id) => name(id)!)];
  for (const code of head.values()) {
    const was = base.get(code.id);
    if (!was && gathering.added.has(code.id)) continue;
    if (!was) {
      changes.push({ kind: 'added', code: code.id, name: code.name, parent: code.parent, segments: count(code.id) });
      continue;
    }
    if (was.name !== code.name) changes.push({ kind: 'renamed', code: code.id, from: was.name, to: code.name, segments: count(code.id) });
    if (was.color.toLowerCase() !== code.color.toLowerCase()) changes.push({ kind: 'recoloured', code: code.id, name: code.name, from: was.color, to: code.color, segments: count(code.id) });
    if (was.parent !== code.parent) {
      changes.push({ kind: 'moved', code: code.id, name: code.name, from: was.parent, to: code.parent, fromName: name(was.parent), toName: name(code.parent), segments: count(code.id) });
    }
    if (was.description !== code.description) changes.push({ kind: 'described', code: code.id, name: code.name, segments: count(code.id) });
    const fields = definitionChanges(was, code);
    if (fields.length > 0) changes.push({ kind: 'redefined', code: code.id, name: code.name, fields, segments: count(code.id) });
    // Kept, with segments moved into codes that are new: the codebook's "split".
    const into = targets(moves, code.id).filter((t) => !base.has(t.code) && !gathering.moves.has(`${code.id}\u0000${t.code}`));
    if (into.length > 0) changes.push({ kind: 'split', code: code.id, name: code.name, kept: true, into: into.map((t) => ({ ...t, name: name(t.code)! })) });
  }
  for (const was of base.values()) {
    if (head.has(was.id) || gathering.removed.has(was.id)) continue;
    const into = targets(moves, was.id).filter((t) => head.has(t.code));
    if (into.length === 1) changes.push({ kind: 'merged', code: was.id, name: was.name, into: into[0].code, intoName: name(into[0].code)!, segments: into[0].segments });
    else if (into.length > 1) changes.push({ kind: 'split', code: was.id, name: was.name, kept: false, into: into.map((t) => ({ ...t, name: name(t.code)! })) });
    else changes.push({ kind: 'deleted', code: was.id, name: was.name, segments: input.baseCounts.get(was.id) ?? 0 });
  }
  return changes.sort((a, b) => compareText(nameOf(a), nameOf(b)) || compareText(a.code, b.code) || KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
}

const KINDS: readonly CodebookChange['kind'][] = ['added', 'renamed', 'recoloured', 'moved', 'described', 'redefined', 'merged', 'split', 'deleted', 'gathered', 'ungathered', 'related', 'renoted', 'unrelated'];

/** The definition fields that changed; an absent field and an empty one are the same. */
function definitionChanges(was: Code, now: Code): DefinitionField[] {
  const fields: DefinitionField[] = [];
  if ((was.inclusion ?? '') !== (now.inclusion ?? '')) fields.push('inclusion');
  if ((was.exclusion ?? '') !== (now.exclusion ?? '')) fields.push('exclusion');
  if (was.example?.segment !== now.example?.segment || was.example?.text !== now.example?.text) fields.push('example');
  return fields;
}

/** A code whose file could not be read may well still exist: segments moved into it split nothing. */
function withoutTargets(moves: CodeMoves, skip: ReadonlySet<string>): CodeMoves {
  if (skip.size === 0) return moves;
  return new Map([...moves].map(([from, row]) => [from, new Map([...row].filter(([to]) => !skip.has(to)))]));
}

function targets(moves: CodeMoves, from: string): { code: string; segments: number }[] {
  return [...(moves.get(from) ?? new Map<string, number>())].map(([code, segments]) => ({ code, segments })).sort((a, b) => b.segments - a.segments || compareText(a.code, b.code));
}

function nameOf(change: CodebookChange): string {
  return change.kind === 'renamed' ? change.to : change.name;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
