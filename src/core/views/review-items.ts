import type { CodeId, TextRange } from '../model';
import type { PlacedSegment } from '../transcript-session';
import { plainQuote } from '../markdown';
import { excerpt } from './markdown-text';

/** A segment a researcher should look at: placed only approximately, or not placed at all. */
export interface ReviewItem {
  transcript: string;
  coderId: string;
  coderName: string;
  segmentId: string;
  /** The codes the segment carries. */
  codes: CodeId[];
  status: 'fuzzy' | 'orphan';
  /** The text the segment was coded on (what it is looking for). */
  storedQuote: string;
  /** Where an approximate match put it; absent for an orphan. */
  range?: TextRange;
  /** The text now at `range` (what the approximate match found), when the text was given. */
  currentText?: string;
}

/**
 * The placed segments that need review, in text order (orphans last, by stored position). With the
 * transcript's current `text` (LF, no BOM), approximate matches also carry the text they found.
 */
export function reviewItems(transcript: string, placed: readonly PlacedSegment[], text?: string): ReviewItem[] {
  const items: ReviewItem[] = [];
  for (const p of placed) {
    const status = reviewStatus(p);
    if (!status) continue;
    items.push({
      transcript,
      coderId: p.coder.id,
      coderName: p.coder.name,
      segmentId: p.segment.id,
      codes: [...p.segment.codes],
      status,
      storedQuote: plainQuote(p.segment.quote.exact),
      range: status === 'fuzzy' ? p.range : undefined,
    });
    const range = items[items.length - 1].range;
    if (range && text !== undefined) items[items.length - 1].currentText = text.slice(range.start, range.end);
  }
  const at = (i: ReviewItem): number => i.range?.start ?? Number.MAX_SAFE_INTEGER;
  return items.sort((a, b) => at(a) - at(b) || a.segmentId.localeCompare(b.segmentId));
}

/** Fuzzy placements need confirming; orphans — and segments whose text was deleted while typing — re-attaching. */
function reviewStatus(p: PlacedSegment): ReviewItem['status'] | undefined {
  if (p.status === 'fuzzy' && p.range) return 'fuzzy';
  if (p.status === 'orphan' || !p.range || p.range.end <= p.range.start) return 'orphan';
  return undefined;
}

/** What a row of the Needs Review list says: plain text, for the adapter to escape. */
export interface ReviewRow {
  label: string;
  /** Codes, coder and why it is listed, short. */
  description: string;
  codes: string;
  coder: string;
  status: string;
  /** The text the segment was coded on, shortened. */
  stored: string;
  /** For an approximate match, the text now at the place it found, shortened. */
  now?: string;
}

const ROW_QUOTE = 70;
const TOOLTIP_QUOTE = 300;

/** The row for an item; `codeName` names a code (undefined: not in the codebook). */
export function reviewRow(item: ReviewItem, codeName: (id: CodeId) => string | undefined): ReviewRow {
  const codes = item.codes.map((id) => codeName(id) ?? `${id} (not in the codebook)`).join(', ') || 'no code';
  const status = item.status === 'fuzzy' ? 'approximate match' : 'not placed';
  const row: ReviewRow = {
    label: excerpt(item.storedQuote, ROW_QUOTE),
    description: `${codes} · ${item.coderName} · ${status}`,
    codes,
    coder: item.coderName,
    status,
    stored: excerpt(item.storedQuote, TOOLTIP_QUOTE),
  };
  if (item.currentText !== undefined) row.now = excerpt(item.currentText, TOOLTIP_QUOTE);
  return row;
}
