import { splitBlocks, splitTimingLine, showLine, type Block } from './caption-blocks';
import { cuesToTurns, type Cue } from './cue-speakers';
import { decodeEntities, lineByLine, stripSrtTags } from './text-cleanup';
import { parseSrtTime } from './timestamps';
import { TranscriptImportError, type ImportedTranscript, type ImportNote } from './types';

/**
 * Reads a SubRip (.srt) file: blocks of a cue number, a `00:00:01,000 --> 00:00:04,000` timing
 * line and the text, separated by blank lines. Formatting tags (`<i>`, `<font …>`) and ASS
 * overrides (`{\an8}`) are removed; `Name:` at the start of a cue credits a speaker.
 */
export function importSrt(text: string, source: string): ImportedTranscript {
  const blocks = splitBlocks(text.split('\n'), 0);
  const cues: Cue[] = [];
  const notes: ImportNote[] = [];
  blocks.forEach((block, index) => {
    const isLast = index === blocks.length - 1;
    const timingIndex = timingLineIndex(block, cues.length === 0, isLast, source);
    if (timingIndex === undefined) {
      // Players show a blank line inside a cue's text as part of it; so do we, and say so.
      continueCue(cues[cues.length - 1], cleanCueText(block.lines));
      notes.push({ line: block.line, message: 'text after a blank line inside a cue was kept as part of that cue.' });
      return;
    }
    const timingLine = block.line + timingIndex;
    const textLines = block.lines.slice(timingIndex + 1);
    const start = readTiming(block.lines[timingIndex], timingLine, isLast && textLines.length === 0, source);
    if (textLines.length === 0 && isLast) {
      throw new TranscriptImportError(source, 'the last cue has no text: the file seems to be truncated.', timingLine);
    }
    const cueText = cleanCueText(textLines);
    cues.push({ start, pieces: cueText === '' ? [] : [{ text: cueText }] });
  });
  if (cues.length === 0) throw new TranscriptImportError(source, 'the SRT file has no cues: there is nothing to import.');
  return { source, format: 'srt', turns: cuesToTurns(cues), attributes: {}, notes };
}

/**
 * Where the block's timing line is: 0 when it has no cue number, 1 after one. Undefined for a
 * block of plain text that continues the cue before it.
 */
function timingLineIndex(block: Block, isFirst: boolean, isLast: boolean, source: string): number | undefined {
  const [first, second] = block.lines;
  if (first.includes('-->')) return 0;
  if (/^\s*\d+\s*$/.test(first)) {
    if (second !== undefined && second.includes('-->')) return 1;
    const what = second === undefined ? `cue ${first.trim()} has no timing line` : `expected a timing line such as "00:00:01,000 --> 00:00:04,000", found ${showLine(second)}`;
    throw new TranscriptImportError(source, `${what}${isLast ? ' (the file seems to be truncated)' : ''}.`, second === undefined ? block.line : block.line + 1);
  }
  if (isFirst) {
    throw new TranscriptImportError(
      source,
      `not an SRT file: expected a cue number or a timing line such as "00:00:01,000 --> 00:00:04,000", found ${showLine(first)}.`,
      block.line,
    );
  }
  return undefined;
}

function readTiming(line: string, lineNumber: number, atEnd: boolean, source: string): number {
  const timing = splitTimingLine(line);
  const truncated = atEnd ? ' (the file seems to be truncated)' : '';
  if (timing === undefined) throw new TranscriptImportError(source, `malformed timing line ${showLine(line)}${truncated}.`, lineNumber);
  const [start, end] = [timing.start, timing.end].map((written) => {
    const seconds = parseSrtTime(written);
    if (seconds === undefined) {
      throw new TranscriptImportError(source, `invalid timestamp ${showLine(written)} (expected hh:mm:ss,ttt)${truncated}.`, lineNumber);
    }
    return seconds;
  });
  if (end < start) throw new TranscriptImportError(source, `the cue ends (${timing.end}) before it starts (${timing.start}).`, lineNumber);
  return start;
}

function continueCue(cue: Cue, text: string): void {
  const last = cue.pieces[cue.pieces.length - 1];
  if (last === undefined) cue.pieces.push({ text });
  else last.text = `${last.text}\n${text}`;
}

function cleanCueText(lines: string[]): string {
  return lineByLine(decodeEntities(stripSrtTags(lines.join('\n').replace(/\{\\[^{}\n]*\}/g, ''))));
}
