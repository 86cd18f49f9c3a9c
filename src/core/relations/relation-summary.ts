/** A code's relations in words, both ways: for the Codebook's tooltip and the pickers. */
import type { Codebook } from '../codebook';
import type { CodeId } from '../model';
import { relationLabel, type RelationType } from './relation-types';

export interface RelationLine {
  /** The other code's id, and its name (or id when it is missing from the codebook). */
  other: CodeId;
  otherName: string;
  type: string;
  label: string;
  note?: string;
  direction: 'out' | 'in';
}

/** What this code is related to, then what is related to it, each in codebook order of names. */
export function relationLines(codebook: Codebook, types: readonly RelationType[], id: CodeId): RelationLine[] {
  const nameOf = (other: CodeId): string => codebook.get(other)?.name ?? other;
  const out: RelationLine[] = (codebook.get(id)?.relations ?? []).map((r) => ({ other: r.target, otherName: nameOf(r.target), type: r.type, label: relationLabel(types, r.type), direction: 'out' as const, ...(r.note ? { note: r.note } : {}) }));
  const incoming: RelationLine[] = [];
  for (const code of codebook.all()) {
    for (const r of code.relations ?? []) {
      if (r.target === id && code.id !== id) incoming.push({ other: code.id, otherName: code.name, type: r.type, label: relationLabel(types, r.type), direction: 'in', ...(r.note ? { note: r.note } : {}) });
    }
  }
  const byName = (a: RelationLine, b: RelationLine) => a.otherName.localeCompare(b.otherName) || a.label.localeCompare(b.label);
  return [...out.sort(byName), ...incoming.sort(byName)];
}
