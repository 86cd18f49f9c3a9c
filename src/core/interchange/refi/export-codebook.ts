/** The codebook as REFI-QDA `Code` elements: hierarchy by nesting, siblings sorted by name. */
import type { Codebook } from '../../codebook';
import type { Code } from '../../model';
import { idGuid, stableGuid } from './guid';
import { RefiExportError } from './errors';
import { type XmlNode, writeXml } from './xml-write';

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

export function codeGuid(codeId: string): string {
  return idGuid('code', codeId) ?? stableGuid('code', codeId);
}

/**
 * `Code` elements for the whole codebook. Every Grounded code can be applied, so all are codable
 * (parents with children included, as NVivo and MAXQDA also write them). `noteRefs` lists Note
 * GUIDs per code id; they are only allowed in a project file, not in a .qdc.
 */
export function codeElements(codebook: Codebook, noteRefs?: ReadonlyMap<string, readonly string[]>): XmlNode[] {
  const element = (code: Code): XmlNode => {
    const children: XmlNode[] = [];
    if (code.description.trim() !== '') children.push({ name: 'Description', text: code.description });
    for (const guid of noteRefs?.get(code.id) ?? []) children.push({ name: 'NoteRef', attributes: [['targetGUID', guid]] });
    children.push(...codebook.children(code.id).map(element));
    return {
      name: 'Code',
      attributes: [
        ['guid', codeGuid(code.id)],
        ['name', code.name],
        ['isCodable', true],
        ['color', code.color.toUpperCase()],
      ],
      children,
    };
  };
  return codebook.children(null).map(element);
}

/** A .qdc file. The schema needs at least one code, so an empty codebook cannot be exported. */
export function codebookXml(codebook: Codebook, origin: string): string {
  if (codebook.size === 0) {
    throw new RefiExportError('The codebook is empty: a REFI-QDA codebook (.qdc) must hold at least one code.');
  }
  return writeXml({
    name: 'CodeBook',
    attributes: [['xmlns', CODEBOOK_NAMESPACE], ['origin', origin]],
    children: [{ name: 'Codes', children: codeElements(codebook) }],
  });
}
