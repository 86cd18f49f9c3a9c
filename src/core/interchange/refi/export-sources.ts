/**
 * One transcript as a TextSource: its body goes to `sources/<guid>.txt` and each coder's segment
 * becomes a PlainTextSelection holding one Coding per code, attributed to that coder.
 */
import type { Codebook } from '../../codebook';
import type { BodySegment, TranscriptForExport } from './export-read';
import { codeGuid } from './export-codebook';
import { idGuid, stableGuid } from './guid';
import { codePointCounter, type PositionUnit } from './positions';
import type { XmlNode } from './xml-write';

export interface SourceOptions {
  /** How positions are counted: code points as the specification says (default), or UTF-16 code units as NVivo for Windows reads them. */
  positions?: PositionUnit;
  /** Line breaks in the source files: LF (default), or CR LF for MAXQDA, still counted as one position each. */
  lineEndings?: 'lf' | 'crlf';
}

export interface SourceExport {
  element: XmlNode;
  fileName: string;
  text: string;
  selections: number;
  codings: number;
}

/** Longest selection name: enough to recognise the passage, as ATLAS.ti does. */
const NAME_LENGTH = 80;

export function sourceElement(
  transcript: TranscriptForExport,
  name: string,
  codebook: Codebook,
  noteGuids: readonly string[],
  options: SourceOptions,
  warnings: string[],
  /** Selection GUIDs already written (a segment id copied into another coder's file must not repeat one). */
  written: Set<string> = new Set(),
): SourceExport {
  const guid = stableGuid('source', transcript.path);
  const fileName = `${guid}.txt`;
  const toPosition = options.positions === 'utf-16' ? (offset: number) => offset : codePointCounter(transcript.body);
  const selections: XmlNode[] = [];
  let codings = 0;
  for (const segment of transcript.segments) {
    const codes = segment.codes.filter((id) => codebook.get(id) !== undefined);
    if (codes.length < segment.codes.length) {
      warnings.push(`${transcript.path}: segment ${segment.segmentId} uses codes missing from the codebook; those are not exported`);
    }
    if (codes.length === 0) continue;
    selections.push(selectionElement(transcript, segment, codes, toPosition, written));
    codings += codes.length;
  }
  const children: XmlNode[] = [...selections, ...noteGuids.map((g): XmlNode => ({ name: 'NoteRef', attributes: [['targetGUID', g]] }))];
  const element: XmlNode = {
    name: 'TextSource',
    attributes: [['guid', guid], ['name', name], ['plainTextPath', `internal://${fileName}`]],
    children,
  };
  const text = options.lineEndings === 'crlf' ? transcript.body.replace(/\n/g, '\r\n') : transcript.body;
  return { element, fileName, text, selections: selections.length, codings };
}

function selectionElement(transcript: TranscriptForExport, segment: BodySegment, codes: readonly string[], toPosition: (offset: number) => number, written: Set<string>): XmlNode {
  const key = `${transcript.path}\n${segment.coder.id}\n${segment.segmentId}`;
  // The segment's id travels in its GUID, so re-importing the export gives it back (see guid.ts).
  const carrying = idGuid('segment', segment.segmentId);
  const guid = carrying !== undefined && !written.has(carrying) ? carrying : stableGuid('selection', key);
  written.add(guid);
  const user = stableGuid('user', segment.coder.id);
  const children: XmlNode[] = [];
  if (segment.comment !== undefined) children.push({ name: 'Description', text: segment.comment });
  for (const code of codes) {
    children.push({
      name: 'Coding',
      attributes: [['guid', stableGuid('coding', `${key}\n${code}`)], ['creatingUser', user]],
      children: [{ name: 'CodeRef', attributes: [['targetGUID', codeGuid(code)]] }],
    });
  }
  return {
    name: 'PlainTextSelection',
    attributes: [
      ['guid', guid],
      ['name', selectionName(transcript.body.slice(segment.start, segment.end))],
      ['startPosition', toPosition(segment.start)],
      ['endPosition', toPosition(segment.end)],
      ['creatingUser', user],
    ],
    children,
  };
}

/** The quoted text on one line, cut with an ellipsis when long (never inside a surrogate pair). */
export function selectionName(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const characters = [...line];
  return characters.length <= NAME_LENGTH ? line : `${characters.slice(0, NAME_LENGTH - 1).join('').trimEnd()}…`;
}
