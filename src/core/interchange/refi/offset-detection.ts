/**
 * Which counting convention a source's selections were written in. Every plausible reading is
 * tried; the one under which most selections match their quoted text (ATLAS.ti and QualCoder put
 * it in the selection's name) and then most fall on word boundaries wins; ties go to what the
 * exporting program is known to write, and then to the specification (code points).
 */
import { type OffsetReading, type ReadingMap, readingMap } from './positions';

export interface RawSelection {
  start: number;
  end: number;
  /** The selection's `name`: often its text, whole or truncated, sometimes a label. */
  name?: string;
}

/** Where one selection lands under the chosen reading; undefined offsets when it does not fit at all. */
export interface PlacedSelection {
  start: number;
  end: number;
  /** Inside the text, not splitting a character or a line break, and non-empty. */
  inRange: boolean;
  /** Matches its quoted name or, without an informative name, starts and ends on word boundaries. */
  fits: boolean;
}

export interface ReadingChoice {
  reading: OffsetReading;
  /** Which dimensions made a difference for this source (the others have one possible value). */
  relevant: { unit: boolean; crlf: boolean; bom: boolean };
  /** What decided: the quoted text, the boundaries, or nothing (the default for the origin). */
  basis: 'quoted text' | 'word boundaries' | 'default';
  placed: PlacedSelection[];
}

interface Score {
  reading: OffsetReading;
  placed: PlacedSelection[];
  nameMatches: boolean[];
  inRange: number;
  plausible: number;
}

/** `raw`: the decoded file without BOM; `origin`: the Project's `origin` attribute. */
export function chooseReading(raw: string, hadBom: boolean, selections: readonly RawSelection[], origin: string): ReadingChoice {
  const relevant = { unit: /[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(raw), crlf: raw.includes('\r\n'), bom: hadBom };
  const text = raw.replace(/\r\n?/g, '\n');
  const scores = candidateReadings(relevant, origin).map((reading) => scoreReading(text, readingMap(raw, hadBom, reading), reading, selections));
  const informative = selections.map((_, i) => scores.some((s) => s.nameMatches[i]));
  const matches = (s: Score): number => s.nameMatches.filter(Boolean).length;
  let best = scores[0];
  for (const score of scores.slice(1)) {
    const better =
      matches(score) - matches(best) || score.inRange - best.inRange || score.plausible - best.plausible;
    if (better > 0) best = score;
  }
  const placed = best.placed.map((p, i) => ({ ...p, fits: p.inRange && (informative[i] ? best.nameMatches[i] : p.fits) }));
  const decided = scores.some((s) => s !== best && (matches(s) !== matches(best) || s.inRange !== best.inRange || s.plausible !== best.plausible));
  const basis = !decided ? 'default' : scores.some((s) => matches(s) !== matches(best)) ? 'quoted text' : 'word boundaries';
  return { reading: best.reading, relevant, basis, placed };
}

/** Every reading that could differ for this text, the origin's usual one first. */
function candidateReadings(relevant: ReadingChoice['relevant'], origin: string): OffsetReading[] {
  const preferred = preferredReading(origin);
  const units = relevant.unit ? orderFirst<OffsetReading['unit']>(['code-points', 'utf-16'], preferred.unit) : [preferred.unit];
  const crlfs = relevant.crlf ? orderFirst<OffsetReading['crlf']>([2, 1], preferred.crlf) : [preferred.crlf];
  const boms = relevant.bom ? [false, true] : [false];
  return units.flatMap((unit) => crlfs.flatMap((crlf) => boms.map((bomCounted) => ({ unit, crlf, bomCounted }))));
}

/**
 * What each program is known to write: NVivo (Windows, .NET) and QualCoder (Qt) count UTF-16 units,
 * NVivo counts CR LF as two; ATLAS.ti and MAXQDA count CR LF as one. Others: the specification.
 */
export function preferredReading(origin: string): OffsetReading {
  const name = origin.toLowerCase();
  if (name.includes('nvivo')) return { unit: 'utf-16', crlf: 2, bomCounted: false };
  if (name.includes('qualcoder')) return { unit: 'utf-16', crlf: 2, bomCounted: false };
  if (name.includes('atlas') || name.includes('maxqda')) return { unit: 'code-points', crlf: 1, bomCounted: false };
  return { unit: 'code-points', crlf: 2, bomCounted: false };
}

function orderFirst<T>(values: T[], first: T): T[] {
  return [first, ...values.filter((v) => v !== first)];
}

function scoreReading(text: string, map: ReadingMap, reading: OffsetReading, selections: readonly RawSelection[]): Score {
  const score: Score = { reading, placed: [], nameMatches: [], inRange: 0, plausible: 0 };
  for (const selection of selections) {
    const start = map.toText(selection.start);
    const end = map.toText(selection.end);
    const inRange = start !== undefined && end !== undefined && start.aligned && end.aligned && start.offset < end.offset;
    const from = start?.offset ?? 0;
    const to = end?.offset ?? 0;
    const plausible = inRange && onWordBoundaries(text, from, to);
    score.placed.push({ start: from, end: to, inRange, fits: plausible });
    score.nameMatches.push(inRange && nameMatches(selection.name, text.slice(from, to)));
    if (inRange) score.inRange++;
    if (plausible) score.plausible++;
  }
  return score;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** A selection cut in the middle of a word is the tell-tale of positions read the wrong way. */
export function onWordBoundaries(text: string, start: number, end: number): boolean {
  const isWord = (i: number): boolean => i >= 0 && i < text.length && WORD.test(text[i]);
  const startOk = !isWord(start - 1) || !isWord(start);
  const endOk = !isWord(end - 1) || !isWord(end);
  return startOk && endOk;
}

/** The name is the selected text, whole or cut short with an ellipsis, white space aside. */
export function nameMatches(name: string | undefined, selected: string): boolean {
  if (name === undefined) return false;
  const wanted = collapse(name);
  if (wanted.length === 0) return false;
  const actual = collapse(selected);
  const truncated = /(…|\.\.\.)$/.exec(wanted);
  if (truncated) {
    const head = wanted.slice(0, -truncated[0].length).trimEnd();
    return head.length > 0 && actual.startsWith(head);
  }
  return actual === wanted;
}

function collapse(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
