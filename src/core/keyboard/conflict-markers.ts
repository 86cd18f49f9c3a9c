/**
 * A transcript a merge left with git's conflict markers holds both versions of a passage between
 * marker lines. Nobody said those lines, and Markdown misreads them: `=======` under the first
 * version turns it into a heading, and `>>>>>>> branch` opens a block quote. For finding the units
 * to code, each marker line reads as a blank line of the same length, so both versions are
 * paragraphs of their own and every offset stays where it is. Marker lines are what the coding
 * files' reader takes them for (merge-conflict.ts).
 */
import { hasConflictMarkers, isConflictMarkerLine } from '../storage/format/merge-conflict';

export function withoutConflictMarkers(text: string): string {
  if (!hasConflictMarkers(text)) return text;
  return text
    .split('\n')
    .map((line) => (isConflictMarkerLine(line) ? ' '.repeat(line.length) : line))
    .join('\n');
}
