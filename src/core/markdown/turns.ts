import type { TextRange } from '../model';
import type { Block } from './types';
import { matchLabelAt, type LabelMatch } from './speaker-label';
import type { SpeakerTurn } from './types';

/** A stretch of a paragraph: either opened by a speaker label or plain continuation text. */
type Piece = { range: TextRange; label?: LabelMatch };

/** What the turn builder sees, in reading order. */
type Unit = { kind: 'piece'; piece: Piece } | { kind: 'content'; range: TextRange } | { kind: 'close' };

/**
 * Finds speaker turns. A label may open any line of a paragraph, so transcripts that put one turn
 * per line without blank lines between them still split into turns. A turn runs over the following
 * paragraphs until the next label, heading or thematic break.
 */
export function findTurns(text: string, blocks: Block[]): SpeakerTurn[] {
  const labels = acceptLabels(blocks.flatMap((block) => labelsIn(text, block)));
  return buildTurns(toUnits(text, blocks, labels));
}

function labelsIn(text: string, block: Block): LabelMatch[] {
  if (block.kind !== 'paragraph') return [];
  const found: LabelMatch[] = [];
  for (const offset of lineContentStarts(text, block.range)) {
    const match = matchLabelAt(text, offset);
    if (match !== undefined) found.push(match);
  }
  return found;
}

/** Where each line of a paragraph starts, past indentation and block-quote markers. */
function lineContentStarts(text: string, range: TextRange): number[] {
  const starts = [range.start];
  for (let nl = text.indexOf('\n', range.start); nl !== -1 && nl < range.end; nl = text.indexOf('\n', nl + 1)) {
    const marker = /[ \t]*(?:>[ \t]?)*[ \t]*/y;
    marker.lastIndex = nl + 1;
    marker.exec(text);
    starts.push(marker.lastIndex);
  }
  return starts;
}

/**
 * An emphasised label (`**Amara:**`) is deliberate markup and always counts. A plain one
 * (`Amara: …`) counts only when the same name labels at least two lines of the transcript: real
 * speakers take turns, while `Monday Morning: …` or a one-off `Reminder: …` does not repeat.
 */
function acceptLabels(candidates: LabelMatch[]): Set<number> {
  const uses = new Map<string, number>();
  for (const c of candidates) uses.set(c.speaker, (uses.get(c.speaker) ?? 0) + 1);
  const accepted = candidates.filter((c) => c.form === 'emphasised' || (uses.get(c.speaker) ?? 0) >= 2);
  return new Set(accepted.map((c) => c.start));
}

function toUnits(text: string, blocks: Block[], labelStarts: Set<number>): Unit[] {
  const units: Unit[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph') {
      for (const piece of splitParagraph(text, block.range, labelStarts)) units.push({ kind: 'piece', piece });
    } else if (block.kind === 'heading' || block.kind === 'break') {
      units.push({ kind: 'close' });
    } else if (block.kind === 'other') {
      units.push({ kind: 'content', range: block.range });
    }
  }
  return units;
}

function splitParagraph(text: string, range: TextRange, labelStarts: Set<number>): Piece[] {
  const starts = lineContentStarts(text, range).filter((s) => labelStarts.has(s));
  const cuts = [range.start, ...starts.filter((s) => s !== range.start), range.end];
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const start = cuts[i];
    const end = trimEnd(text, start, cuts[i + 1] === range.end ? range.end : lineStartBefore(text, cuts[i + 1]));
    const label = labelStarts.has(start) ? matchLabelAt(text, start) : undefined;
    if (end > start || label !== undefined) pieces.push({ range: { start, end }, ...(label ? { label } : {}) });
  }
  return pieces;
}

/** The newline that ends the line before the one containing `offset`. */
function lineStartBefore(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1);
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}

interface OpenTurn {
  label: LabelMatch;
  end: number;
  /** False until some spoken text has been seen: a label may stand alone on its line. */
  hasText: boolean;
  textStart: number;
}

function buildTurns(units: Unit[]): SpeakerTurn[] {
  const turns: SpeakerTurn[] = [];
  let open: OpenTurn | undefined;
  const close = (): void => {
    if (open !== undefined) turns.push(finishTurn(open));
    open = undefined;
  };
  for (const unit of units) {
    if (unit.kind === 'close') {
      close();
    } else if (unit.kind === 'piece' && unit.piece.label !== undefined) {
      close();
      const { label, range } = unit.piece;
      open = { label, end: range.end, hasText: label.textStart < range.end, textStart: label.textStart };
    } else if (open !== undefined) {
      const range = unit.kind === 'piece' ? unit.piece.range : unit.range;
      if (!open.hasText) open = { ...open, hasText: true, textStart: range.start };
      open.end = range.end;
    }
  }
  close();
  return turns;
}

function finishTurn(open: OpenTurn): SpeakerTurn {
  const { label } = open;
  const textStart = open.hasText ? open.textStart : open.end;
  return {
    speaker: label.speaker,
    range: { start: label.start, end: open.end },
    textRange: { start: textStart, end: open.end },
    ...(label.timestamp !== undefined ? { timestamp: label.timestamp } : {}),
    label: label.label,
  };
}
