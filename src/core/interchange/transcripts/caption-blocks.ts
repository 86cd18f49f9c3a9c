/** A run of non-blank lines in a caption file, with the 1-based number of its first line. */
export interface Block {
  line: number;
  lines: string[];
}

/**
 * Splits text into blocks at blank (or whitespace-only) lines, from line `from` (0-based). A timing
 * line (`… --> …`) also starts a block when the one being read already has its timing line, or
 * has text before it: caption files typed or edited by hand often lose the blank line between
 * cues, and reading the next cue's number and timing as words would corrupt the transcript. A
 * line of digits just before such a timing line goes with it, as its cue number.
 */
export function splitBlocks(lines: string[], from: number): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (let i = from; i < lines.length; i++) {
    if (lines[i].trim() === '') {
      current = undefined;
      continue;
    }
    if (current !== undefined && startsAnotherCue(current.lines, lines[i])) {
      const numbered = current.lines.length > 1 && CUE_NUMBER.test(current.lines[current.lines.length - 1]);
      const next: Block = numbered ? { line: i, lines: [current.lines.pop() ?? ''] } : { line: i + 1, lines: [] };
      blocks.push(next);
      current = next;
    } else if (current === undefined) {
      current = { line: i + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(lines[i]);
  }
  return blocks;
}

const CUE_NUMBER = /^\s*\d+\s*$/;

/**
 * A timing line is a cue's first or second line (after its identifier); further down the block,
 * or after a first line that was itself a timing line, it is the next cue's.
 */
function startsAnotherCue(block: string[], line: string): boolean {
  if (!line.includes('-->')) return false;
  return block.length >= 2 || block[0].includes('-->');
}

/** `start --> end [settings]`, split into its two times; settings are ignored. */
export interface TimingLine {
  start: string;
  end: string;
}

export function splitTimingLine(line: string): TimingLine | undefined {
  const m = /^\s*(\S+)\s+-->\s+(\S+)(?:\s.*)?$/.exec(line);
  return m === null ? undefined : { start: m[1], end: m[2] };
}

/** What a timing line should look like, for error messages. */
export function showLine(line: string): string {
  const shown = line.length > 60 ? `${line.slice(0, 57)}...` : line;
  return JSON.stringify(shown);
}
