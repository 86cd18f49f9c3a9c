import type { TextRange } from '../model';
import { firstEndingAfter, unitsOnContinuum } from './sweep';
import { popcount } from './tally';
import type { AgreementInput, AgreementTranscript, AgreementUnit } from './types';

/** A stretch of a transcript where the coders who rated it did not all do the same with one code. */
export interface DisagreementPassage {
  transcript: string;
  /** Offsets in the transcript's current text (UTF-16 code units). */
  start: number;
  end: number;
  /** Coder ids who applied the code here, in the order of the input's coders. */
  codedBy: string[];
  /** Coder ids who rated the transcript but did not apply the code here. */
  notCodedBy: string[];
}

/**
 * Where the coders differ on one code: the items the agreement figures count as disagreeing, as
 * passages of text. Over characters, each maximal run of characters with the same set of coders
 * applying the code, when that set is neither nobody nor everybody who rated the transcript; over
 * turns, paragraphs or lines, each unit on which they differ (a coder applies the code to a unit when
 * one of their segments overlaps it). Transcripts rated by fewer than two coders are left out, as in
 * the figures. Sorted by transcript, then position.
 */
export function disagreementPassages(input: AgreementInput, codeId: string, unit: AgreementUnit): DisagreementPassage[] {
  const coderIndex = new Map(input.coders.map((c, i) => [c.id, i]));
  const out: DisagreementPassage[] = [];
  for (const t of [...input.transcripts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    let present = 0;
    const pieces: TextRange[][] = input.coders.map(() => []);
    for (const entry of t.coding) {
      const i = coderIndex.get(entry.coderId);
      if (i === undefined) continue;
      present |= 1 << i;
      for (const s of entry.segments) if (s.codeId === codeId && s.end > s.start) pieces[i].push(s);
    }
    if (popcount(present) < 2) continue;
    const stretches = stretchesOf(t);
    // Each coder's segments clipped to the compared text, overlapping ones joined (as the figures do).
    const clipped = pieces.map((own) => unitsOnContinuum(own.flatMap((s) => clip(s, stretches)), (offset) => offset));
    const runs = unit === 'char' ? characterRuns(clipped) : unitRuns(unitsIn(t, stretches), clipped);
    for (const run of runs) {
      if (run.mask === 0 || run.mask === present) continue;
      out.push({
        transcript: t.name,
        start: run.start,
        end: run.end,
        codedBy: input.coders.filter((_, i) => run.mask & (1 << i)).map((c) => c.id),
        notCodedBy: input.coders.filter((_, i) => present & (1 << i) && !(run.mask & (1 << i))).map((c) => c.id),
      });
    }
  }
  return out;
}

interface Run extends TextRange {
  /** Coders (bits) applying the code over the run. */
  mask: number;
}

/** Maximal runs of text with the same set of coders applying the code (runs no coder applies it to included). */
function characterRuns(units: readonly (readonly TextRange[])[]): Run[] {
  const boundaries: { at: number; coder: number }[] = [];
  units.forEach((own, coder) => {
    for (const u of own) boundaries.push({ at: u.start, coder }, { at: u.end, coder });
  });
  boundaries.sort((a, b) => a.at - b.at);
  const runs: Run[] = [];
  let mask = 0;
  let at = 0;
  for (const b of boundaries) {
    if (b.at > at) {
      const last = runs[runs.length - 1];
      // Touching units of one coder flip them out and in at the same place: one run, not two.
      if (last && last.end === at && last.mask === mask) last.end = b.at;
      else runs.push({ start: at, end: b.at, mask });
      at = b.at;
    }
    mask ^= 1 << b.coder;
  }
  return runs;
}

/** Each unit with the coders whose pieces overlap it. */
function unitRuns(units: readonly TextRange[], pieces: readonly (readonly TextRange[])[]): Run[] {
  const runs: Run[] = units.map((u) => ({ start: u.start, end: u.end, mask: 0 }));
  pieces.forEach((own, coder) => {
    for (const piece of own) {
      for (let u = firstEndingAfter(units, piece.start); u < units.length && units[u].start < piece.end; u++) runs[u].mask |= 1 << coder;
    }
  });
  return runs;
}

/** The stretches of text compared: the continuum, or the whole text. */
function stretchesOf(t: AgreementTranscript): TextRange[] {
  const ranges = t.continuum ?? [{ start: 0, end: t.length }];
  return ranges
    .map((r) => ({ start: Math.max(0, r.start), end: Math.min(t.length, r.end) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
}

/** The units that reach into the compared text, cut to it. */
function unitsIn(t: AgreementTranscript, stretches: readonly TextRange[]): TextRange[] {
  return (t.units ?? []).flatMap((u) => {
    const inside = clip(u, stretches);
    return inside.length === 0 ? [] : [{ start: inside[0].start, end: inside[inside.length - 1].end }];
  });
}

function clip(range: TextRange, stretches: readonly TextRange[]): TextRange[] {
  const out: TextRange[] = [];
  for (const s of stretches) {
    const start = Math.max(range.start, s.start);
    const end = Math.min(range.end, s.end);
    if (end > start) out.push({ start, end });
  }
  return out;
}

/** A passage's text for a list: at most `max` characters, cut at the end with an ellipsis. */
export function passageQuote(text: string, start: number, end: number, max = 280): string {
  const quote = text.slice(start, end);
  if (quote.length <= max) return quote;
  // Never cut an emoji (a surrogate pair) in half.
  const cut = /[\uD800-\uDBFF]/.test(quote[max - 2]) ? max - 2 : max - 1;
  return `${quote.slice(0, cut)}…`;
}
