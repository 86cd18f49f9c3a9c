/**
 * Code relations as REFI-QDA Links: one `OneWay` Link per relation, from the code to its target,
 * named by the relation type's id (`leads-to`), so an import reads the same relation back. A
 * relation's note travels as a Note the Link refers to; Links have no text of their own.
 */
import type { Codebook } from '../../codebook';
import { codeGuid } from './export-codebook';
import { stableGuid } from './guid';
import type { XmlNode } from './xml-write';

export interface LinksExport {
  links: XmlNode[];
  /** Notes holding relation notes, for the project's `Notes`. */
  notes: XmlNode[];
}

export function relationLinks(codebook: Codebook, warnings: string[]): LinksExport {
  const out: LinksExport = { links: [], notes: [] };
  for (const code of codebook.all()) {
    for (const relation of code.relations ?? []) {
      const target = codebook.get(relation.target);
      if (target === undefined) {
        warnings.push(`code "${code.name}" (${code.id}): its relation ${relation.type} to ${relation.target}, which is not in the codebook, is not exported`);
        continue;
      }
      const key = `${code.id}\n${relation.type}\n${relation.target}`;
      const children: XmlNode[] = [];
      if (relation.note !== undefined && relation.note.trim() !== '') {
        const guid = stableGuid('note', `link\n${key}`);
        out.notes.push({
          name: 'Note',
          attributes: [['guid', guid], ['name', `${code.name} ${relation.type} ${target.name}`]],
          children: [{ name: 'PlainTextContent', text: relation.note }],
        });
        children.push({ name: 'NoteRef', attributes: [['targetGUID', guid]] });
      }
      out.links.push({
        name: 'Link',
        attributes: [
          ['guid', stableGuid('link', key)],
          ['name', relation.type],
          ['direction', 'OneWay'],
          ['originGUID', codeGuid(code.id)],
          ['targetGUID', codeGuid(relation.target)],
        ],
        children,
      });
    }
  }
  return out;
}
