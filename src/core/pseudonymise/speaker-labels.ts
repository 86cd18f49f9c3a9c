/**
 * A pseudonym that replaces a name in a speaker label must still make a label: `**[P1]:**` is not
 * one, so the turns of the person would be credited to whoever spoke before. There is no way to
 * write such a label, so the pseudonym is refused before anything is written.
 */
import { findFrontMatter } from '../markdown';
import { matchLabelAt } from '../markdown/speaker-label';
import { applyOccurrences, mapRange, PseudonymError, type Occurrence } from './name-matcher';

/** Indentation and block-quote markers before a label, as the transcript reader skips them. */
const LINE_PREFIX = /[ \t]*(?:>[ \t]?)*[ \t]*/y;

/** Throws PseudonymError when a label holding the name would not read as a label naming the pseudonym. */
export function checkSpeakerLabels(path: string, text: string, occurrences: readonly Occurrence[], pseudonym: string): void {
  if (occurrences.length === 0) return;
  const newText = applyOccurrences(text, occurrences);
  // Front matter holds keys, not turns: `Name: José` there is no label.
  for (let lineStart = findFrontMatter(text)?.range.end ?? 0; lineStart <= text.length; ) {
    LINE_PREFIX.lastIndex = lineStart;
    const offset = lineStart + (LINE_PREFIX.exec(text)?.[0].length ?? 0);
    const label = matchLabelAt(text, offset);
    if (label && occurrences.some((o) => o.start < label.label.end && label.label.start < o.end)) {
      const speakerStart = text.indexOf(label.speaker, label.label.start);
      const expected = mapRange({ start: speakerStart, end: speakerStart + label.speaker.length }, occurrences);
      const after = matchLabelAt(newText, mapRange({ start: offset, end: offset }, occurrences).start);
      if (after?.speaker !== newText.slice(expected.start, expected.end)) {
        const line = text.slice(0, offset).split('\n').length;
        throw new PseudonymError(
          `"${pseudonym}" would not read as a speaker label where it replaces "${label.speaker}" (${path}, line ${line}), so that person's turns would be lost. ` +
            `A label starts with a capital letter and holds only letters, digits, spaces, apostrophes, dots and hyphens: use e.g. "${labelForm(pseudonym)}". Nothing was changed.`,
        );
      }
    }
    const nl = text.indexOf('\n', lineStart);
    if (nl === -1) break;
    lineStart = nl + 1;
  }
}

/** The pseudonym with what a label does not accept left out, or `P1` when nothing is left. */
function labelForm(pseudonym: string): string {
  const kept = pseudonym.replace(/[^\p{L}\p{M}\p{N}'’.\- ]/gu, '').trim().replace(/\s+/g, ' ');
  return /^[\p{Lu}\p{Lt}\p{Lo}]/u.test(kept) ? kept : /^\p{Ll}/u.test(kept) ? kept.charAt(0).toLocaleUpperCase() + kept.slice(1) : 'P1';
}
