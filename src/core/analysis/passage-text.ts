/**
 * A coded passage as a reader quotes it. A passage selected by mouse often starts at the beginning
 * of its line, so it holds the speaker's label as the transcript writes it (`**Amara:**`): in the
 * Segments list, a report or the tidy CSV that reads as stray asterisks. The speaker of the first
 * turn is already named beside every quote, so its label is left out; a later turn's label inside
 * the passage says who speaks next, so it is kept, written plainly (`Interviewer: `).
 */
import type { AnalysisTurn } from './analysis-model';

/** The turn `offset` falls in (label included), or undefined between turns. `turns` are in reading order. */
export function turnAt(turns: readonly AnalysisTurn[], offset: number): AnalysisTurn | undefined {
  let low = 0;
  let high = turns.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const turn = turns[middle];
    if (offset < turn.start) high = middle - 1;
    else if (offset >= turn.end) low = middle + 1;
    else return turn;
  }
  return undefined;
}

/** `text.slice(start, end)` with the speaker labels it holds left out (the first) or written plainly (later ones). */
export function passageText(text: string, start: number, end: number, turns: readonly AnalysisTurn[]): string {
  const first = turnAt(turns, start);
  // A passage that is nothing but a label (or part of one) is shown as it is: there is nothing else to show.
  const from = first && start < first.textStart && first.textStart < end ? first.textStart : start;
  const parts: string[] = [];
  let at = from;
  for (const turn of turnsStartingIn(turns, from, end)) {
    // The passage's own first turn is handled above, however little of its label it holds.
    if (turn === first || turn.start < at) continue;
    // A label the passage cuts through is not quoted: the passage ends where it begins.
    if (turn.textStart > end) {
      parts.push(text.slice(at, turn.start).trimEnd());
      return parts.join('');
    }
    parts.push(text.slice(at, turn.start), `${turn.speaker}: `);
    at = turn.textStart;
  }
  parts.push(text.slice(at, end));
  return parts.join('');
}

/** The turns whose label begins inside [from, end). */
function turnsStartingIn(turns: readonly AnalysisTurn[], from: number, end: number): AnalysisTurn[] {
  let low = 0;
  let high = turns.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (turns[middle].start < from) low = middle + 1;
    else high = middle;
  }
  const found: AnalysisTurn[] = [];
  for (let i = low; i < turns.length && turns[i].start < end; i++) found.push(turns[i]);
  return found;
}
