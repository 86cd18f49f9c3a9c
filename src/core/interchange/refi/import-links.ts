/**
 * Links between two codes as code relations: the Link's name is the relation type (Grounded writes
 * the type's id, `leads-to`; another program's name is made into an id the same way), its origin the
 * code that holds the relation, and the text of its notes the relation's note. Links with an end
 * that is not a code (a source, a selection) have no Grounded counterpart and stay skipped.
 */
import type { CodeRelation } from '../../model';
import { normaliseRelations } from '../../storage/format/code-relations';
import type { RefiModel, RefiNote } from './import-model';
import { slugify } from './project-files';

export interface ImportedRelations {
  /** Code id → its relations, sorted as code files keep them. */
  byCode: Map<string, CodeRelation[]>;
  /** How many links became relations. */
  imported: number;
  /** Notes that became relation notes, and so are not memo files. */
  notes: Set<string>;
}

export function importRelations(model: RefiModel, codeIds: ReadonlyMap<string, string>, noteText: (note: RefiNote) => string, warn: (message: string) => void): ImportedRelations {
  const found = new Map<string, CodeRelation[]>();
  const notes = new Set<string>();
  let imported = 0;
  for (const link of model.links) {
    const origin = link.origin === undefined ? undefined : codeIds.get(link.origin);
    const target = link.target === undefined ? undefined : codeIds.get(link.target);
    if (origin === undefined || target === undefined) continue;
    const relation: CodeRelation = { type: slugify(link.name ?? '', 'related-to'), target };
    const text = link.noteRefs
      .map((guid) => noteText(model.notes.get(guid)!).trim())
      .filter((t) => t !== '')
      .join('\n\n');
    if (text !== '') relation.note = text;
    for (const guid of link.noteRefs) notes.add(guid);
    if (link.direction !== undefined && link.direction !== 'OneWay') {
      warn(`link "${link.name ?? link.guid}" is ${link.direction}; imported as a relation from its origin code to its target code`);
    }
    found.set(origin, [...(found.get(origin) ?? []), relation]);
    imported++;
  }
  return { byCode: new Map([...found].map(([code, relations]) => [code, normaliseRelations(relations)])), imported, notes };
}
