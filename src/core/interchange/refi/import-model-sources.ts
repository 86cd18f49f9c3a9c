/** TextSources of a REFI-QDA project as plain data: selections, codings, memos, variables. */
import { RefiImportError } from './errors';
import { attr, descriptionOf, guidOf, noteRefsOf, requiredGuid, variableValueOf } from './xml-access';
import { type XmlElement, childrenNamed, firstChild, lineOf } from './xml-read';

export interface RefiCoding {
  code: string;
  user?: string;
  noteRefs: string[];
}

export interface RefiSelection {
  guid: string;
  name?: string;
  start: number;
  end: number;
  user?: string;
  description?: string;
  codings: RefiCoding[];
  noteRefs: string[];
}

export interface RefiTextSource {
  guid: string;
  name?: string;
  plainTextPath?: string;
  richTextPath?: string;
  /** Inline text (`PlainTextContent`), used instead of a file by some programs. */
  content?: string;
  user?: string;
  description?: string;
  selections: RefiSelection[];
  /** Codings of the whole source. */
  codings: RefiCoding[];
  noteRefs: string[];
  values: [string, string, string][];
}

export function readSources(root: XmlElement): RefiTextSource[] {
  const sources = firstChild(root, 'Sources');
  return sources ? childrenNamed(sources, 'TextSource').map(readSource) : [];
}

function readSource(element: XmlElement): RefiTextSource {
  const source: RefiTextSource = {
    guid: requiredGuid(element),
    selections: childrenNamed(element, 'PlainTextSelection').map(readSelection),
    codings: childrenNamed(element, 'Coding').map(readCoding),
    noteRefs: noteRefsOf(element),
    values: childrenNamed(element, 'VariableValue').map(variableValueOf),
  };
  const optional: [keyof RefiTextSource, string | undefined][] = [
    ['name', attr(element, 'name')?.trim()],
    ['plainTextPath', attr(element, 'plainTextPath')],
    ['richTextPath', attr(element, 'richTextPath')],
    ['content', firstChild(element, 'PlainTextContent')?.text],
    ['user', guidOf(element, 'creatingUser')],
    ['description', descriptionOf(element)],
  ];
  for (const [key, value] of optional) if (value !== undefined) Object.assign(source, { [key]: value });
  return source;
}

function readSelection(element: XmlElement): RefiSelection {
  const selection: RefiSelection = {
    guid: requiredGuid(element),
    start: position(element, 'startPosition'),
    end: position(element, 'endPosition'),
    codings: childrenNamed(element, 'Coding').map(readCoding),
    noteRefs: noteRefsOf(element),
  };
  const name = attr(element, 'name');
  if (name !== undefined) selection.name = name;
  const user = guidOf(element, 'creatingUser');
  if (user !== undefined) selection.user = user;
  const description = descriptionOf(element);
  if (description !== undefined) selection.description = description;
  return selection;
}

function readCoding(element: XmlElement): RefiCoding {
  const ref = firstChild(element, 'CodeRef');
  if (!ref) throw new RefiImportError(`The <Coding> at ${lineOf(element)} has no <CodeRef>; the file is damaged.`);
  const coding: RefiCoding = { code: requiredGuid(ref, 'targetGUID'), noteRefs: noteRefsOf(element) };
  const user = guidOf(element, 'creatingUser');
  if (user !== undefined) coding.user = user;
  return coding;
}

function position(element: XmlElement, name: string): number {
  const value = Number(attr(element, name)?.trim());
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RefiImportError(`The <${element.name}> at ${lineOf(element)} has no valid ${name} (${JSON.stringify(attr(element, name) ?? '')}); the file is damaged.`);
  }
  return value;
}
