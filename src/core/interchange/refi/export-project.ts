/**
 * project.qde: users, codebook, variables, cases, text sources with their coded selections, and
 * notes, and links between codes, in the order Project.xsd requires. Empty groups are left out: the schema requires at
 * least one child in each, so an empty `<Codes/>` or `<Sets/>` would make the file invalid.
 */
import { coderIdFromName } from '../../storage/format';
import type { Coder } from '../../model';
import { commonType, formatValue, typeOfValue, VALUE_ELEMENTS, type VariableType } from './attributes';
import { codeElements, PROJECT_NAMESPACE } from './export-codebook';
import { relationLinks } from './export-links';
import type { ProjectForExport, TranscriptForExport } from './export-read';
import { stableGuid } from './guid';
import { fileStem } from './project-files';
import { type SourceExport, sourceElement, type SourceOptions } from './export-sources';
import { type XmlNode, writeXml } from './xml-write';

export interface ProjectXmlOptions extends SourceOptions {
  origin: string;
  /** Written as the project's creation and modification time; omitted when absent. */
  now?: Date;
}

export interface ProjectXml {
  xml: string;
  /** `sources/<guid>.txt` entries (transcripts, then notes): name and text. */
  sources: [string, string][];
  warnings: string[];
  counts: { codes: number; sources: number; selections: number; codings: number; notes: number; cases: number; variables: number; users: number; links: number };
}

interface NoteTargets {
  byCode: Map<string, string[]>;
  byTranscript: Map<string, string[]>;
  project: string[];
}

export function projectXml(project: ProjectForExport, options: ProjectXmlOptions): ProjectXml {
  const warnings: string[] = [];
  const users = usersOf(project);
  const notes = noteTargets(project, warnings);
  const names = sourceNames(project.transcripts);
  const variables = variablesOf(project.transcripts);
  const cases = project.transcripts.flatMap((t) => caseElements(t, names.get(t.path)!, variables));
  const written = new Set<string>();
  const sources = project.transcripts.map((t) => sourceElement(t, names.get(t.path)!, project.codebook, notes.byTranscript.get(t.path) ?? [], options, warnings, written));
  const children: XmlNode[] = [];
  const group = (name: string, items: XmlNode[]): void => void (items.length > 0 && children.push({ name, children: items }));
  group('Users', [...users.values()].map(userElement));
  if (project.codebook.size > 0) children.push({ name: 'CodeBook', children: [{ name: 'Codes', children: codeElements(project.codebook, notes.byCode) }] });
  group('Variables', [...variables].map(([name, type]) => ({ name: 'Variable', attributes: [['guid', stableGuid('variable', name)], ['name', name], ['typeOfVariable', type]] })));
  group('Cases', cases);
  group('Sources', sources.map((s) => s.element));
  const stamp = options.now?.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const notesOut = project.memos.map((memo) => noteElement(memo, users, stamp));
  const links = relationLinks(project.codebook, warnings);
  group('Notes', [...notesOut.map((n) => n.element), ...links.notes]);
  group('Links', links.links);
  children.push(...notes.project.map(noteRef));
  const attributes: XmlNode['attributes'] = [['xmlns', PROJECT_NAMESPACE], ['name', project.name], ['origin', options.origin], ['creationDateTime', stamp], ['modifiedDateTime', stamp]];
  const sum = (count: (s: SourceExport) => number): number => sources.reduce((n, s) => n + count(s), 0);
  return {
    xml: writeXml({ name: 'Project', attributes, children }),
    sources: [...sources.map((s): [string, string] => [s.fileName, s.text]), ...notesOut.map((n): [string, string] => [n.fileName, options.lineEndings === 'crlf' ? n.text.replace(/\n/g, '\r\n') : n.text])],
    warnings,
    counts: {
      codes: project.codebook.size,
      sources: sources.length,
      selections: sum((s) => s.selections),
      codings: sum((s) => s.codings),
      notes: project.memos.length,
      cases: cases.length,
      variables: variables.size,
      users: users.size,
      links: links.links.length,
    },
  };
}

function userElement(user: Coder): XmlNode {
  return { name: 'User', attributes: [['guid', stableGuid('user', user.id)], ['name', user.name], ['id', user.id]] };
}

function noteRef(guid: string): XmlNode {
  return { name: 'NoteRef', attributes: [['targetGUID', guid]] };
}

/** Coders with segments, and memo authors (by the id their name gives), sorted by id. */
function usersOf(project: ProjectForExport): Map<string, Coder> {
  const users = new Map<string, Coder>(project.coders.map((c) => [c.id, c]));
  for (const memo of project.memos) {
    if (memo.author === undefined) continue;
    const id = coderIdFromName(memo.author);
    if (!users.has(id)) users.set(id, { id, name: memo.author });
  }
  return new Map([...users].sort(([a], [b]) => a.localeCompare(b)));
}

function noteTargets(project: ProjectForExport, warnings: string[]): NoteTargets {
  const targets: NoteTargets = { byCode: new Map(), byTranscript: new Map(), project: [] };
  const transcripts = new Set(project.transcripts.map((t) => t.path));
  const add = (map: Map<string, string[]>, key: string, guid: string): void => void map.set(key, [...(map.get(key) ?? []), guid]);
  for (const memo of project.memos) {
    const guid = stableGuid('note', memo.path);
    let attached = false;
    for (const code of memo.codes ?? []) {
      if (project.codebook.get(code)) {
        add(targets.byCode, code, guid);
        attached = true;
      } else warnings.push(`${memo.path}: is about ${code}, which is not in the project; that link is not exported`);
    }
    for (const transcript of new Set(memo.transcripts)) {
      if (transcripts.has(transcript)) {
        add(targets.byTranscript, transcript, guid);
        attached = true;
      } else warnings.push(`${memo.path}: is about ${transcript}, which is not in the project; that link is not exported`);
    }
    if (!attached) targets.project.push(guid);
  }
  return targets;
}

/**
 * A memo as a Note. Its text is written twice: inline as PlainTextContent, as the specification
 * shows notes, and as `sources/<guid>.txt` named by plainTextPath, the only place QualCoder reads a
 * note's text from (the schema's comment asks for one or the other; both validate, and a reader
 * finds the text wherever it looks). QualCoder also needs a date on every note: a memo
 * without a creation date carries the export time as its modification time.
 */
function noteElement(memo: ProjectForExport['memos'][number], users: ReadonlyMap<string, Coder>, exportTime: string | undefined): { element: XmlNode; fileName: string; text: string } {
  const authorId = memo.author === undefined ? undefined : coderIdFromName(memo.author);
  const guid = stableGuid('note', memo.path);
  const fileName = `${guid}.txt`;
  const element: XmlNode = {
    name: 'Note',
    attributes: [
      ['guid', guid],
      ['name', memo.title],
      ['plainTextPath', `internal://${fileName}`],
      ['creatingUser', authorId !== undefined && users.has(authorId) ? stableGuid('user', authorId) : undefined],
      ['creationDateTime', memo.created],
      ['modifiedDateTime', memo.created === undefined ? exportTime : undefined],
    ],
    children: [{ name: 'PlainTextContent', text: memo.text }],
  };
  return { element, fileName, text: memo.text };
}

/** Source names as other programs show them: the file name without `.md`, or the path when two share it. */
function sourceNames(transcripts: readonly TranscriptForExport[]): Map<string, string> {
  const stems = new Map<string, number>();
  for (const t of transcripts) stems.set(fileStem(t.path), (stems.get(fileStem(t.path)) ?? 0) + 1);
  return new Map(transcripts.map((t) => [t.path, stems.get(fileStem(t.path))! > 1 ? t.path.replace(/\.md$/, '') : fileStem(t.path)]));
}

/** Every attribute name, in order of first appearance, with the type all its values share. */
function variablesOf(transcripts: readonly TranscriptForExport[]): Map<string, VariableType> {
  const types = new Map<string, VariableType[]>();
  for (const t of transcripts) {
    for (const [name, value] of t.attributes) {
      const type = typeOfValue(value);
      const seen = types.get(name) ?? [];
      if (type !== undefined) seen.push(type);
      types.set(name, seen);
    }
  }
  return new Map([...types].map(([name, seen]) => [name, commonType(seen)]));
}

/** One case per transcript with attributes, named after its participant, holding the values. */
function caseElements(transcript: TranscriptForExport, sourceName: string, variables: ReadonlyMap<string, VariableType>): XmlNode[] {
  const values = transcript.attributes.filter(([, value]) => typeOfValue(value) !== undefined);
  if (values.length === 0) return [];
  const participant = transcript.attributes.find(([name]) => name.toLowerCase() === 'participant')?.[1];
  const children: XmlNode[] = values.map(([name, value]) => {
    const type = variables.get(name)!;
    return {
      name: 'VariableValue',
      children: [
        { name: 'VariableRef', attributes: [['targetGUID', stableGuid('variable', name)]] },
        { name: VALUE_ELEMENTS[type], text: formatValue(value, type) },
      ],
    };
  });
  children.push({ name: 'SourceRef', attributes: [['targetGUID', stableGuid('source', transcript.path)]] });
  const name = typeof participant === 'string' && participant.trim() !== '' ? participant : sourceName;
  return [{ name: 'Case', attributes: [['guid', stableGuid('case', transcript.path)], ['name', name]], children }];
}
