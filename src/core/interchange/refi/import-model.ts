/**
 * A REFI-QDA project (or codebook) as plain data, GUIDs normalised, with every reference the import
 * relies on checked: a Coding's CodeRef, every NoteRef, a Case's SourceRef and a VariableRef must
 * name something in the file, or the file is refused as broken.
 */
import { RefiImportError } from './errors';
import { type XmlElement, childrenNamed, firstChild, lineOf } from './xml-read';
import { readSources, type RefiTextSource } from './import-model-sources';
import { attr, descriptionOf, guidOf, noteRefsOf, requiredGuid, variableValueOf } from './xml-access';
import { normaliseGuid } from './guid';

export interface RefiCode {
  guid: string;
  name: string;
  color?: string;
  description: string;
  codable: boolean;
  parent: string | null;
  noteRefs: string[];
}

export interface RefiNote {
  guid: string;
  name: string;
  content?: string;
  plainTextPath?: string;
  description?: string;
  user?: string;
  created?: string;
}

/** A Link between two items (only links between codes are imported, as relations). */
export interface RefiLink {
  guid: string;
  name?: string;
  direction?: string;
  origin?: string;
  target?: string;
  noteRefs: string[];
}

export interface RefiCase {
  guid: string;
  name?: string;
  values: [string, string, string][]; // variable GUID, value element, value text
  sourceRefs: string[];
}

export interface RefiModel {
  name: string;
  origin: string;
  basePath?: string;
  creatingUser?: string;
  description?: string;
  users: Map<string, { name?: string; id?: string }>;
  codes: RefiCode[];
  sources: RefiTextSource[];
  notes: Map<string, RefiNote>;
  variables: Map<string, string>;
  cases: RefiCase[];
  projectNoteRefs: string[];
  links: RefiLink[];
  /** Things Grounded does not import, counted for the report. */
  skipped: { otherSources: number; links: number; sets: number; graphs: number };
}

export type { RefiTextSource, RefiSelection, RefiCoding } from './import-model-sources';

export function readModel(root: XmlElement, fallbackName: string): RefiModel {
  const isCodebook = root.name === 'CodeBook';
  const codebook = isCodebook ? root : firstChild(root, 'CodeBook');
  const model: RefiModel = {
    name: attr(root, 'name')?.trim() ?? fallbackName,
    origin: attr(root, 'origin') ?? '',
    basePath: attr(root, 'basePath'),
    creatingUser: guidOf(root, 'creatingUserGUID'),
    description: isCodebook ? undefined : descriptionOf(root),
    users: readUsers(root),
    codes: codebook ? readCodes(codebook) : [],
    sources: isCodebook ? [] : readSources(root),
    notes: isCodebook ? new Map() : readNotes(root),
    variables: readVariables(root),
    cases: isCodebook ? [] : readCases(root),
    projectNoteRefs: isCodebook ? [] : noteRefsOf(root),
    links: isCodebook ? [] : readLinks(root),
    skipped: countSkipped(root, isCodebook),
  };
  checkReferences(root, model);
  return model;
}

function readUsers(root: XmlElement): RefiModel['users'] {
  const users: RefiModel['users'] = new Map();
  for (const user of childrenNamed(firstChild(root, 'Users') ?? root, 'User')) {
    users.set(requiredGuid(user), { name: attr(user, 'name'), id: attr(user, 'id') });
  }
  return users;
}

function readCodes(codebook: XmlElement): RefiCode[] {
  const codes: RefiCode[] = [];
  const visit = (element: XmlElement, parent: string | null): void => {
    const guid = requiredGuid(element);
    const code: RefiCode = {
      guid,
      name: (attr(element, 'name') ?? '').trim(),
      description: descriptionOf(element) ?? '',
      codable: attr(element, 'isCodable')?.trim() !== 'false' && attr(element, 'isCodable')?.trim() !== '0',
      parent,
      noteRefs: noteRefsOf(element),
    };
    const color = attr(element, 'color');
    if (color !== undefined) code.color = color.trim();
    codes.push(code);
    for (const child of childrenNamed(element, 'Code')) visit(child, guid);
  };
  for (const code of childrenNamed(firstChild(codebook, 'Codes') ?? codebook, 'Code')) visit(code, null);
  return codes;
}

function readLinks(root: XmlElement): RefiLink[] {
  const links = firstChild(root, 'Links');
  return (links ? childrenNamed(links, 'Link') : []).map((element) => {
    const link: RefiLink = { guid: requiredGuid(element, 'guid'), noteRefs: noteRefsOf(element) };
    const name = attr(element, 'name')?.trim();
    const direction = attr(element, 'direction')?.trim();
    const origin = guidOf(element, 'originGUID');
    const target = guidOf(element, 'targetGUID');
    if (name) link.name = name;
    if (direction) link.direction = direction;
    if (origin !== undefined) link.origin = origin;
    if (target !== undefined) link.target = target;
    return link;
  });
}

function readNotes(root: XmlElement): Map<string, RefiNote> {
  const notes = new Map<string, RefiNote>();
  for (const element of childrenNamed(firstChild(root, 'Notes') ?? root, 'Note')) {
    const guid = requiredGuid(element);
    const note: RefiNote = { guid, name: attr(element, 'name')?.trim() ?? 'Note' };
    const content = firstChild(element, 'PlainTextContent')?.text;
    if (content !== undefined) note.content = content;
    const path = attr(element, 'plainTextPath');
    if (path !== undefined) note.plainTextPath = path;
    const description = descriptionOf(element);
    if (description !== undefined) note.description = description;
    const user = guidOf(element, 'creatingUser');
    if (user !== undefined) note.user = user;
    const created = attr(element, 'creationDateTime');
    if (created !== undefined) note.created = created.trim();
    notes.set(guid, note);
  }
  return notes;
}

function readVariables(root: XmlElement): Map<string, string> {
  const variables = new Map<string, string>();
  for (const variable of childrenNamed(firstChild(root, 'Variables') ?? root, 'Variable')) {
    variables.set(requiredGuid(variable), attr(variable, 'name')?.trim() ?? 'variable');
  }
  return variables;
}

function readCases(root: XmlElement): RefiCase[] {
  return childrenNamed(firstChild(root, 'Cases') ?? root, 'Case').map((element) => ({
    guid: requiredGuid(element),
    name: attr(element, 'name')?.trim(),
    values: childrenNamed(element, 'VariableValue').map(variableValueOf),
    sourceRefs: childrenNamed(element, 'SourceRef').map((ref) => requiredGuid(ref, 'targetGUID')),
  }));
}

function countSkipped(root: XmlElement, isCodebook: boolean): RefiModel['skipped'] {
  const count = (group: string, item: string): number => {
    const container = firstChild(root, group);
    return container ? childrenNamed(container, item).length : 0;
  };
  const sources = firstChild(root, 'Sources')?.children ?? [];
  return {
    otherSources: isCodebook ? 0 : sources.filter((s) => s.name !== 'TextSource').length,
    links: count('Links', 'Link'),
    sets: count('Sets', 'Set'),
    graphs: count('Graphs', 'Graph'),
  };
}

/** Every GUID defined anywhere in the file (sources of every kind, selections, notes…). */
function definedGuids(element: XmlElement, into = new Set<string>()): Set<string> {
  const guid = guidOf(element);
  if (guid !== undefined) into.add(guid);
  for (const child of element.children) definedGuids(child, into);
  return into;
}

function checkReferences(root: XmlElement, model: RefiModel): void {
  const codes = new Set(model.codes.map((c) => c.guid));
  if (codes.size < model.codes.length) {
    const second = secondCodeWithSameGuid(root);
    const at = second ? ` (the second at ${lineOf(second)})` : '';
    throw new RefiImportError(`Two codes in the file share one GUID${at}; the file is damaged.`);
  }
  const defined = definedGuids(root);
  const missing = (kind: string, guid: string): RefiImportError => {
    const referring = elementReferringTo(root, guid);
    const at = referring ? `The <${referring.name}> at ${lineOf(referring)}` : 'The file';
    return new RefiImportError(`${at} refers to ${kind} ${guid}, which the file does not contain (a dangling GUID reference); the file is damaged or incomplete.`);
  };
  for (const source of model.sources) {
    for (const coding of [...source.codings, ...source.selections.flatMap((s) => s.codings)]) {
      if (!codes.has(coding.code)) throw missing('the code', coding.code);
    }
  }
  for (const guid of allNoteRefs(root)) if (!model.notes.has(guid)) throw missing('the note', guid);
  for (const c of model.cases) {
    for (const guid of c.sourceRefs) if (!defined.has(guid)) throw missing('the source', guid);
  }
  const values = [...model.cases.flatMap((c) => c.values), ...model.sources.flatMap((s) => s.values)];
  for (const [variable] of values) if (!model.variables.has(variable)) throw missing('the variable', variable);
}

/** The first element with a reference attribute (not its own `guid`) naming `guid`. */
function elementReferringTo(element: XmlElement, guid: string): XmlElement | undefined {
  for (const [name, value] of element.attributes) {
    if (name !== 'guid' && normaliseGuid(value) === guid) return element;
  }
  for (const child of element.children) {
    const found = elementReferringTo(child, guid);
    if (found) return found;
  }
  return undefined;
}

/** The first <Code> whose GUID an earlier <Code> already has, in document order. */
function secondCodeWithSameGuid(root: XmlElement): XmlElement | undefined {
  const seen = new Set<string>();
  const visit = (element: XmlElement): XmlElement | undefined => {
    if (element.name === 'Code') {
      const guid = guidOf(element);
      if (guid !== undefined && seen.has(guid)) return element;
      if (guid !== undefined) seen.add(guid);
    }
    for (const child of element.children) {
      const found = visit(child);
      if (found) return found;
    }
    return undefined;
  };
  return visit(root);
}

function allNoteRefs(element: XmlElement, into: string[] = []): string[] {
  for (const child of element.children) {
    if (child.name === 'NoteRef') into.push(requiredGuid(child, 'targetGUID'));
    else allNoteRefs(child, into);
  }
  return into;
}
