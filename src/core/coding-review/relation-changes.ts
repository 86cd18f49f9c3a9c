/**
 * Theoretical relations added, removed or re-annotated between two snapshots. A relation lives in
 * its source code's file, keyed by target and type; a code deleted on the way takes its own
 * relations with it, which the deletion already says, so only relations of codes still there count.
 */
import type { Code } from '../model';
import type { CodebookChange } from './types';

type Relations = Map<string, { target: string; type: string; note: string }>;

export function relationChanges(base: ReadonlyMap<string, Code>, head: ReadonlyMap<string, Code>, name: (id: string) => string): CodebookChange[] {
  const changes: CodebookChange[] = [];
  for (const code of head.values()) {
    const before = relationsOf(base.get(code.id));
    const after = relationsOf(code);
    const line = (kind: 'related' | 'unrelated' | 'renoted', r: { target: string; type: string }): CodebookChange => ({ kind, code: code.id, name: code.name, type: r.type, target: r.target, targetName: name(r.target) });
    for (const [key, r] of after) {
      const was = before.get(key);
      if (!was) changes.push(line('related', r));
      else if (was.note !== r.note) changes.push(line('renoted', r));
    }
    for (const [key, r] of before) if (!after.has(key)) changes.push(line('unrelated', r));
  }
  return changes;
}

function relationsOf(code: Code | undefined): Relations {
  return new Map((code?.relations ?? []).map((r) => [`${r.target}\u0000${r.type}`, { target: r.target, type: r.type, note: r.note ?? '' }]));
}
