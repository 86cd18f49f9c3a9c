/** A run of non-blank lines in a caption file, with the 1-based number of its first line. */
export interface Block {
  line: number;
  lines: string[];
}

/** Splits text into blocks at blank (or whitespace-only) lines, from line `from` (0-based). */
export function splitBlocks(lines: string[], from: number): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (let i = from; i < lines.length; i++) {
    if (lines[i].trim() === '') {
      current = undefined;
      continue;
    }
    if (current === undefined) {
      current = { line: i + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(lines[i]);
  }
  return blocks;
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
