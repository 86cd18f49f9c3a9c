/** An imported source as a Grounded transcript and coding files. */
import { makeQuote } from '../../anchoring';
import type { Coder, Segment } from '../../model';
import { codingFilePath, serializeCodingFile } from '../../storage/format';
import { parseValue } from './attributes';
import { idOfGuid } from './guid';
import { uniqueId } from './import-codebook';
import type { RefiModel, RefiTextSource } from './import-model';
import type { ImportedSegment } from './import-sources';

export interface ProjectFile {
  path: string;
  content: string;
}

/** One coding file per coder, each segment's quote taken from the transcript as written. */
export function codingFiles(transcript: string, text: string, bodyStart: number, segments: readonly ImportedSegment[], codeIds: ReadonlyMap<string, string>): ProjectFile[] {
  const byCoder = new Map<string, { coder: Coder; segments: Segment[] }>();
  const used = new Set<string>();
  for (const imported of segments) {
    const range = { start: bodyStart + imported.start, end: bodyStart + imported.end };
    const segment: Segment = {
      id: carriedId(imported, used) ?? uniqueId('s-', `segment:${transcript}\n${imported.coder.id}\n${range.start}\n${range.end}`, used),
      codes: [...imported.codes].map((guid) => codeIds.get(guid)!).sort(),
      quote: makeQuote(text, range),
      position: range,
    };
    if (imported.comments.length > 0) segment.comment = imported.comments.join('\n\n');
    const entry = byCoder.get(imported.coder.id) ?? { coder: imported.coder, segments: [] };
    entry.segments.push(segment);
    byCoder.set(imported.coder.id, entry);
  }
  return [...byCoder.values()].map(({ coder, segments: list }) => ({
    path: codingFilePath(transcript, coder.id),
    content: serializeCodingFile({ transcript, coder, segments: list }),
  }));
}

/** The segment id our own export wrote into a selection's GUID, unless already taken. */
function carriedId(imported: ImportedSegment, used: Set<string>): string | undefined {
  for (const guid of imported.selections) {
    const id = idOfGuid('segment', guid);
    if (id !== undefined && !used.has(id)) {
      used.add(id);
      return id;
    }
  }
  return undefined;
}

/**
 * Front-matter attributes: the values of the cases that include the source (a case's name becomes
 * `participant` unless a variable says so already), then the source's own values (MAXQDA's
 * document variables). The first value of an attribute wins.
 */
export function attributesOf(source: RefiTextSource, model: RefiModel, warn: (message: string) => void): [string, unknown][] {
  const attributes = new Map<string, unknown>();
  const set = (name: string, value: unknown): void => {
    if (!attributes.has(name)) attributes.set(name, value);
    else if (attributes.get(name) !== value) warn(`${source.name ?? source.guid}: attribute "${name}" has several values; the first is kept`);
  };
  for (const c of model.cases.filter((c) => c.sourceRefs.includes(source.guid))) {
    const values = c.values.map(([variable, element, text]): [string, unknown] => [model.variables.get(variable)!, parseValue(element, text)]);
    const named = values.some(([name]) => name.toLowerCase() === 'participant');
    if (c.name !== undefined && !named && c.name !== source.name) set('participant', c.name);
    for (const [name, value] of values) set(name, value);
  }
  for (const [variable, element, text] of source.values) set(model.variables.get(variable)!, parseValue(element, text));
  return [...attributes];
}
