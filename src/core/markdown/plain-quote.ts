/**
 * A stored quote read as words, for the places that show a segment by its quote alone (the
 * Codebook's segment rows, pickers): a passage selected with its speaker's label starts with
 * `**Amara:**`, which reads as stray asterisks there. Without the transcript at hand the label is
 * recognised in the quote itself.
 */
import { matchLabelAt } from './speaker-label';

/**
 * `exact` with a label it opens with left out, and labels at the start of its later lines written
 * plainly (`Interviewer: `). A quote may begin mid-line, where `Money: it was…` is a sentence, not
 * a label: at its start only an emphasised label (`**Amara:**`) counts.
 */
export function plainQuote(exact: string): string {
  const opening = matchLabelAt(exact, 0);
  let at = opening?.form === 'emphasised' && opening.textStart < exact.length ? opening.textStart : 0;
  let out = '';
  for (let newline = exact.indexOf('\n', at); newline >= 0; newline = exact.indexOf('\n', newline + 1)) {
    const label = matchLabelAt(exact, newline + 1);
    if (label === undefined || label.textStart > exact.length) continue;
    out += `${exact.slice(at, newline + 1)}${label.speaker}: `;
    at = label.textStart;
    newline = label.textStart - 1;
  }
  return out + exact.slice(at);
}
