import { splitBlocks, splitTimingLine, showLine, type Block } from './caption-blocks';
import { cuesToTurns, voiceName, type Cue, type CuePiece } from './cue-speakers';
import { decodeEntities, lineByLine } from './text-cleanup';
import { parseWebVttTime } from './timestamps';
import { TranscriptImportError, type ImportedTranscript } from './types';

/**
 * Reads a WebVTT file (Zoom, Teams, YouTube…) as speaker turns. Follows the WebVTT syntax:
 * a `WEBVTT` header, then blocks separated by blank lines — cues (optional identifier, timing
 * line, text), and NOTE, STYLE and REGION blocks, which are skipped. Anything else is reported
 * rather than dropped, so no part of an interview disappears without the researcher knowing.
 */
export function importWebVtt(text: string, source: string): ImportedTranscript {
  const lines = text.split('\n');
  checkHeader(lines, source);
  const blocks = splitBlocks(lines, headerEnd(lines));
  const cues: Cue[] = [];
  blocks.forEach((block, index) => {
    const cue = readBlock(block, index === blocks.length - 1, source);
    if (cue !== undefined) cues.push(cue);
  });
  if (cues.length === 0) throw new TranscriptImportError(source, 'the WebVTT file has no cues: there is nothing to import.');
  return { source, format: 'webvtt', turns: cuesToTurns(cues), attributes: {}, notes: [] };
}

function checkHeader(lines: string[], source: string): void {
  if (/^WEBVTT(?:[ \t].*)?$/.test(lines[0])) return;
  const looksLikeSrt = /^\d+$/.test(lines[0].trim()) && /-->/.test(lines[1] ?? '');
  const hint = looksLikeSrt ? ' It looks like SubRip; rename it to .srt.' : '';
  throw new TranscriptImportError(source, `not a WebVTT file: the first line must be "WEBVTT", found ${showLine(lines[0])}.${hint}`, 1);
}

/** The header runs to the first blank line; a cue that follows it directly also ends it. */
function headerEnd(lines: string[]): number {
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === '' || lines[i].includes('-->')) return i;
  }
  return lines.length;
}

function readBlock(block: Block, isLast: boolean, source: string): Cue | undefined {
  const first = block.lines[0];
  if (/^(?:NOTE(?:[ \t]|$)|STYLE[ \t]*$|REGION[ \t]*$)/.test(first)) return undefined;
  if (!first.includes('-->') && LIKE_TIMING.test(first)) {
    throw new TranscriptImportError(source, `malformed cue timing line ${showLine(first)} (expected "start --> end").`, block.line);
  }
  const timingIndex = first.includes('-->') ? 0 : 1;
  const timingText = block.lines[timingIndex];
  if (timingText === undefined) {
    throw new TranscriptImportError(source, `cue ${showLine(first)} has no timing line${truncation(isLast)}.`, block.line);
  }
  const timingLine = block.line + timingIndex;
  if (!timingText.includes('-->')) {
    throw new TranscriptImportError(source, `expected a cue timing line such as "00:00:01.000 --> 00:00:04.000", found ${showLine(timingText)}.`, timingLine);
  }
  const payload = block.lines.slice(timingIndex + 1);
  // Only a timing line that ends the file can have been cut short.
  const start = readTiming(timingText, timingLine, isLast && payload.length === 0, source);
  if (payload.length === 0) {
    if (isLast) throw new TranscriptImportError(source, 'the last cue has no text: the file seems to be truncated.', timingLine);
    return undefined;
  }
  return { start, pieces: readCueText(payload.join('\n')) };
}

/** A line that tries to be a timing line but has no proper `-->`. */
const LIKE_TIMING = /^\s*\d{1,}:\d{2}[\d:.,]*\s*(?:-+>|–|—|-)/;

function readTiming(line: string, lineNumber: number, atEnd: boolean, source: string): number {
  const timing = splitTimingLine(line);
  if (timing === undefined) {
    throw new TranscriptImportError(source, `malformed cue timing line ${showLine(line)}${truncation(atEnd)}.`, lineNumber);
  }
  const start = parseTime(timing.start, lineNumber, atEnd, source);
  const end = parseTime(timing.end, lineNumber, atEnd, source);
  if (end < start) {
    throw new TranscriptImportError(source, `the cue ends (${timing.end}) before it starts (${timing.start}).`, lineNumber);
  }
  return start;
}

function parseTime(written: string, lineNumber: number, atEnd: boolean, source: string): number {
  const seconds = parseWebVttTime(written);
  if (seconds === undefined) {
    throw new TranscriptImportError(source, `invalid timestamp ${showLine(written)} (expected hh:mm:ss.ttt or mm:ss.ttt)${truncation(atEnd)}.`, lineNumber);
  }
  return seconds;
}

function truncation(atEnd: boolean): string {
  return atEnd ? ' (the file seems to be truncated)' : '';
}

/**
 * Splits cue text at voice spans (`<v Name>…</v>`, `<v.class Name>`; the end tag is optional),
 * removes every other tag (`<b>`, `<i>`, `<c.x>`, `<00:00:01.000>`, ruby, lang) and decodes
 * character references.
 */
export function readCueText(payload: string): CuePiece[] {
  const pieces: CuePiece[] = [];
  let voice: string | undefined;
  let buffer = '';
  const flush = (): void => {
    const text = lineByLine(decodeEntities(buffer));
    if (text !== '') pieces.push({ ...(voice !== undefined ? { voice } : {}), text });
    buffer = '';
  };
  const tag = /<([^<>]*)>/g;
  let last = 0;
  for (let m = tag.exec(payload); m !== null; m = tag.exec(payload)) {
    buffer += payload.slice(last, m.index);
    last = m.index + m[0].length;
    const voiceStart = /^v(?:\.[^\s.>]+)*(?:[ \t\n]+([^]*))?$/.exec(m[1]);
    if (voiceStart !== null) {
      flush();
      voice = voiceName(decodeEntities(voiceStart[1] ?? ''));
    } else if (/^\/v\s*$/.test(m[1])) {
      flush();
      voice = undefined;
    }
  }
  buffer += payload.slice(last);
  flush();
  return pieces;
}
