/**
 * The code-file half of conflict resolution (conflict-resolution.ts): a code merged field by field
 * (its definition, criteria, example, rounds and the fields of other tools alike) and relation by
 * relation, each against the common ancestor when it is known.
 */
import type { Code, CodeRelation } from '../model';
import { normaliseRelations, relationKey } from './format/code-relations';
import { serializeCodeFile } from './format';
import { type Base, type ConflictSide, type KeyedMerge, type Labels, list, mergeKeyed, possessive } from './three-way';

/** A code's fields by name, each value as JSON text (so lists and objects compare by value). */
function fieldsOf(code: Code): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [key, value] of Object.entries(code)) {
    if (key === 'id' || key === 'relations' || key === 'extra' || value === undefined) continue;
    fields.set(key, JSON.stringify(value));
  }
  // Fields of other tools share the record with Grounded's own (unknown names never clash with known ones).
  for (const [key, value] of Object.entries(code.extra ?? {})) fields.set(key, JSON.stringify(value));
  return fields;
}

/** The order a code file writes its fields in; fields of other tools after them, by name. */
const FIELD_ORDER = ['name', 'parent', 'color', 'description', 'inclusion', 'exclusion', 'example', 'round', 'gathered', 'gatheredInto'];

function inFileOrder(fields: string[]): string[] {
  const rank = (field: string): number => (FIELD_ORDER.includes(field) ? FIELD_ORDER.indexOf(field) : FIELD_ORDER.length);
  return fields.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

function relationsOf(code: Code): Map<string, CodeRelation> {
  return new Map((code.relations ?? []).map((r) => [relationKey(r), r]));
}

export function mergeCode(sides: { ours: Code; theirs: Code }, base: Base<Code>, labels: Labels, prefer: ConflictSide): { text: string; notes: string[]; contested: string[] } {
  const preferred = sides[prefer];
  const ancestor = base.known ? base.file : undefined;
  const fields = mergeKeyed(
    { ours: fieldsOf(sides.ours), theirs: fieldsOf(sides.theirs), ...(base.known ? { base: ancestor ? fieldsOf(ancestor) : new Map<string, string>() } : {}) },
    (a, b) => a === b,
    prefer,
    'contest',
  );
  const relations = mergeKeyed(
    { ours: relationsOf(sides.ours), theirs: relationsOf(sides.theirs), ...(base.known ? { base: ancestor ? relationsOf(ancestor) : new Map<string, CodeRelation>() } : {}) },
    (a, b) => JSON.stringify(normaliseRelations([a])) === JSON.stringify(normaliseRelations([b])),
    prefer,
  );
  const known = new Set([...Object.keys(sides.ours), ...Object.keys(sides.theirs)].filter((k) => k !== 'extra'));
  const merged = { id: preferred.id } as Code & Record<string, unknown>;
  const extra: Record<string, unknown> = {};
  for (const [key, json] of fields.merged) {
    const value = JSON.parse(json) as unknown;
    if (known.has(key)) merged[key] = value;
    else extra[key] = value;
  }
  if (Object.keys(extra).length > 0) merged.extra = extra as Code['extra'];
  if (relations.merged.size > 0) merged.relations = normaliseRelations([...relations.merged.values()]);
  inFileOrder(fields.contested);
  return { text: serializeCodeFile(merged), notes: codeNotes(fields, relations, base, labels, prefer), contested: fields.contested };
}

function codeNotes(fields: KeyedMerge<string>, relations: KeyedMerge<CodeRelation>, base: Base<Code>, labels: Labels, prefer: ConflictSide): string[] {
  const notes: string[] = [];
  const quoted = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');
  const sides = ['ours', 'theirs'] as const;
  if (base.known) {
    for (const side of sides) {
      const { added, changed, deleted } = fields.one[side];
      const all = inFileOrder([...added, ...changed, ...deleted]);
      if (all.length > 0) notes.push(`took ${possessive(labels[side])} change of ${quoted(all)}`);
    }
  }
  if (fields.contested.length > 0) {
    const how = base.known ? 'both sides changed' : 'the sides differ in';
    notes.push(`${how} ${quoted(fields.contested)}: kept ${possessive(labels[prefer])} value (choose the other side to keep its value instead)`);
    if (!base.known) notes.push(`${base.unreadable ? `the common version does not read (${base.unreadable})` : "the common version (git's merge base) was not at hand"}, so a change made on one side only could not be told from the other's`);
  }
  for (const { key, deletedIn } of fields.keptChanged) notes.push(`kept "${key}", which ${labels[deletedIn]} removed but the other side changed`);
  notes.push(...relationNotes(relations, base, labels, prefer));
  return notes.length > 0 ? notes : ['both sides hold the same code'];
}

function relationNotes(relations: KeyedMerge<CodeRelation>, base: Base<Code>, labels: Labels, prefer: ConflictSide): string[] {
  const notes: string[] = [];
  const other = (side: ConflictSide): ConflictSide => (side === 'ours' ? 'theirs' : 'ours');
  for (const side of ['ours', 'theirs'] as const) {
    const { added, changed, deleted } = relations.one[side];
    if (!base.known) {
      if (added.length > 0) notes.push(`kept ${relations.merged.size} relation(s): ${added.length} only in ${labels[side]}, added to ${possessive(labels[other(side)])}`);
      continue;
    }
    const parts = [added.length > 0 ? `${added.length} added` : '', changed.length > 0 ? `${changed.length} changed` : '', deleted.length > 0 ? `${deleted.length} removed` : ''].filter(Boolean);
    if (parts.length > 0) notes.push(`relations: ${parts.join(', ')} in ${labels[side]}`);
  }
  if (relations.contested.length > 0) notes.push(`${relations.contested.length} relation(s) have different notes on the two sides: kept ${possessive(labels[prefer])}`);
  const kept = relations.keptChanged.map((k) => k.key.split('\u0000').reverse().join(' '));
  if (kept.length > 0) notes.push(`kept ${kept.length} relation(s) one side removed and the other changed (${list(kept)})`);
  return notes;
}
