/**
 * A transcript a merge left with git's conflict markers holds both versions of a passage between
 * marker lines. Nobody said those lines, and Markdown misreads them: `=======` under the first
 * version turns it into a heading, and `>>>>>>> branch` opens a block quote. For finding the units
 * to code, each marker line reads as a blank line of the same length, so both versions are
 * paragraphs of their own and every offset stays where it is.
 */
const OPENING = /^<{7}(?:[ \t][^\n]*)?$/m;
const MARKER_LINES = /^(?:<{7}|\|{7}|>{7})(?:[ \t][^\n]*)?$|^={7}[ \t]*$/gm;

export function withoutConflictMarkers(text: string): string {
  if (!text.includes('<<<<<<<') || !OPENING.test(text)) return text;
  return text.replace(MARKER_LINES, (line) => ' '.repeat(line.length));
}
