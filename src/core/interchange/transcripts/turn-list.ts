import { oneLine } from './text-cleanup';
import type { ImportedTurn } from './types';

/**
 * Collects turns in reading order and keeps the one rule Markdown imposes: text with no speaker
 * can only come before the first speaker, since after a label everything up to the next label is
 * that speaker's turn. Text without a speaker that arrives later joins the turn that is open.
 */
export class TurnList {
  private readonly turns: ImportedTurn[] = [];
  /** False after a blank line in a text transcript: the next line starts a new paragraph. */
  private paragraphOpen = false;

  /**
   * One caption cue. Consecutive cues of one speaker are one turn (captions split speech every
   * few seconds, not where the speaker paused); a cue without a speaker continues the open turn,
   * or, before anyone has spoken, becomes a paragraph of its own.
   */
  addCue(speaker: string | undefined, text: string, start: number | undefined): void {
    const line = oneLine(text);
    if (line === '') return;
    const last = this.lastTurn();
    const continues = last?.speaker !== undefined && (speaker === undefined || speaker === last.speaker);
    if (last !== undefined && continues) {
      const paragraphs = last.paragraphs;
      paragraphs[paragraphs.length - 1] = `${paragraphs[paragraphs.length - 1]} ${line}`;
    } else {
      this.turns.push({ ...(speaker !== undefined ? { speaker } : {}), ...(start !== undefined ? { start } : {}), paragraphs: [line] });
    }
  }

  /** A labelled line in a text transcript: a new turn, even when the speaker spoke last too. */
  openTurn(speaker: string, start: number | undefined): void {
    this.turns.push({ speaker, ...(start !== undefined ? { start } : {}), paragraphs: [] });
    this.paragraphOpen = false;
  }

  /** A line of text: continues the paragraph being read, or starts one after a blank line. */
  addLine(text: string): void {
    const line = oneLine(text);
    if (line === '') {
      this.breakParagraph();
      return;
    }
    let turn = this.lastTurn();
    if (turn === undefined) {
      turn = { paragraphs: [] };
      this.turns.push(turn);
    }
    const paragraphs = turn.paragraphs;
    if (this.paragraphOpen && paragraphs.length > 0) paragraphs[paragraphs.length - 1] = `${paragraphs[paragraphs.length - 1]} ${line}`;
    else paragraphs.push(line);
    this.paragraphOpen = true;
  }

  breakParagraph(): void {
    this.paragraphOpen = false;
  }

  /** The turns, without any that ended up holding no text (a label alone, an empty cue). */
  finish(): ImportedTurn[] {
    return this.turns.filter((t) => t.paragraphs.length > 0);
  }

  private lastTurn(): ImportedTurn | undefined {
    return this.turns[this.turns.length - 1];
  }
}
