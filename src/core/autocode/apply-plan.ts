/**
 * From the passages a researcher kept in the preview to what the store writes: per transcript, the
 * ranges to code on the text as it is now, with their quotes. The preview was computed a moment
 * ago; if a transcript was edited since, each passage is found again by its quote (or dropped and
 * counted when its words changed or are gone). Overlapping or repeated passages become one.
 */
import { makeQuote } from '../anchoring';
import type { QuoteSelector, SegmentId, TextRange } from '../model';
import { placeSelectors } from '../placement';

/** A passage chosen in the preview: where it was and, when known, the words it covered then. */
export interface ChosenPassage {
  transcript: string;
  range: TextRange;
  /** The quote when the passage was previewed; without it the range is taken on the current text. */
  quote?: QuoteSelector;
}

/** What the store needs to know of one transcript now. */
export interface TranscriptNow {
  text: string;
  /** Where the applying coder's segments are in `text` (so a segment on the same range gains the code). */
  placed: ReadonlyMap<SegmentId, TextRange>;
}

export interface TranscriptTargets {
  transcript: string;
  /** Sorted, disjoint (touching allowed), each with its quote on the current text. */
  targets: { range: TextRange; quote: QuoteSelector }[];
  placed: ReadonlyMap<SegmentId, TextRange>;
}

export interface AutocodePlan {
  transcripts: TranscriptTargets[];
  /** Passages whose transcript is gone or whose words are no longer in it. */
  lost: ChosenPassage[];
  /** Passages in all after merging. */
  passages: number;
}

export function planAutocode(chosen: readonly ChosenPassage[], now: (transcript: string) => TranscriptNow | undefined): AutocodePlan {
  const byTranscript = new Map<string, ChosenPassage[]>();
  for (const passage of chosen) byTranscript.set(passage.transcript, [...(byTranscript.get(passage.transcript) ?? []), passage]);
  const transcripts: TranscriptTargets[] = [];
  const lost: ChosenPassage[] = [];
  let passages = 0;
  for (const [transcript, list] of [...byTranscript].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const current = now(transcript);
    if (!current) {
      lost.push(...list);
      continue;
    }
    const ranges: TextRange[] = [];
    for (const { range, placedAt } of locate(current.text, list)) {
      if (placedAt) ranges.push(placedAt);
      else lost.push(range);
    }
    const merged = mergeRanges(ranges);
    if (merged.length === 0) continue;
    passages += merged.length;
    transcripts.push({ transcript, targets: merged.map((r) => ({ range: r, quote: makeQuote(current.text, r) })), placed: current.placed });
  }
  return { transcripts, lost, passages };
}

/** Each passage's range on the current text, or undefined when its words cannot be found. */
function locate(text: string, list: readonly ChosenPassage[]): { range: ChosenPassage; placedAt: TextRange | undefined }[] {
  const quoted = list.filter((p) => p.quote);
  const placed = placeSelectors(text, quoted.map((p) => ({ quote: p.quote!, position: p.range })));
  const where = new Map(quoted.map((p, i) => [p, placed[i]]));
  return list.map((p) => {
    const at = where.get(p);
    // Words changed since the preview (a fuzzy match) are not what the researcher chose to code.
    if (at) return { range: p, placedAt: (at.status === 'exact' || at.status === 'moved') && at.range ? at.range : undefined };
    const inText = p.range.start >= 0 && p.range.end <= text.length && p.range.end > p.range.start;
    return { range: p, placedAt: inText ? { ...p.range } : undefined };
  });
}

/** Sorted; overlapping or identical ranges merged; touching ones (two adjacent sentences) kept apart. */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextRange[] = [];
  for (const { start, end } of sorted) {
    const last = merged[merged.length - 1];
    if (last && start < last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}
