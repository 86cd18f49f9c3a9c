import type { TextRange } from '../model';
import { figuresOf, pooledFigures, type CodeTotals } from './figures';
import { continuumPositions, tallyCharacters, tallyUnits, unitsOnContinuum } from './sweep';
import { BinaryTally, MAX_CODERS, popcount } from './tally';
import type { AgreementFigures, AgreementInput, AgreementOptions, AgreementReport, AgreementTranscript, CodeAgreement } from './types';
import { UnitizedAlpha } from './unitized';

/**
 * Agreement between the coders of `input`, per code, per transcript and pooled. Pure and
 * deterministic: the same input gives the same report. docs/agreement.md says what each figure is.
 */
export function computeAgreement(given: AgreementInput, options: AgreementOptions): AgreementReport {
  const m = given.coders.length;
  if (m < 2) throw new RangeError('agreement needs at least two coders');
  if (m > MAX_CODERS) throw new RangeError(`agreement compares at most ${MAX_CODERS} coders at once (${m} given)`);
  const coderIndex = new Map(given.coders.map((c, i) => [c.id, i]));
  // A coder listed twice would hold two bits of which only the last is ever set: the report would
  // compare a coder with no one and say nothing of it.
  const twice = given.coders.find((c, i) => coderIndex.get(c.id) !== i);
  if (twice) throw new RangeError(`coder "${twice.id}" is listed twice`);
  const warnings: string[] = [];
  // A code listed twice is one code: its coding counted twice would double every item it adds.
  const codeSlot = new Map<string, number>();
  const distinct = given.codes.filter((c) => {
    if (codeSlot.has(c.id)) return false;
    codeSlot.set(c.id, codeSlot.size);
    return true;
  });
  const input: AgreementInput = { ...given, codes: distinct };
  const compared = prepareTranscripts(input, options, coderIndex, codeSlot, warnings);
  const totals = new Map<string, CodeTotals>(input.codes.map((c) => [c.id, newTotals(m)]));
  const perTranscript = new Map<string, ({ transcript: string } & AgreementFigures)[]>(input.codes.map((c) => [c.id, []]));
  for (const t of compared) {
    input.codes.forEach((code) => {
      const own = addTranscript(t, codeSlot.get(code.id)!, options, totals.get(code.id)!, m);
      if (own && options.perTranscript !== false) perTranscript.get(code.id)!.push(Object.assign({ transcript: t.name }, figuresOf(own, input.coders, options.unit)));
    });
  }
  const codes: CodeAgreement[] = input.codes.map((code) => {
    const overall = figuresOf(totals.get(code.id)!, input.coders, options.unit);
    if (!anySegments(totals.get(code.id)!)) overall.warnings.unshift('no coder used this code in the transcripts compared');
    return { id: code.id, name: code.name, path: code.path ?? code.name, overall, transcripts: perTranscript.get(code.id)! };
  });
  return {
    unit: options.unit,
    continuum: options.continuum,
    coders: input.coders.map((c) => ({ id: c.id, name: c.name })),
    transcripts: compared.map((t) => t.name),
    codes,
    overall: pooledFigures([...totals.values()], input.coders, options.unit),
    warnings,
  };
}

/** A transcript with everything in continuum positions (0 … length). */
interface PreparedTranscript {
  name: string;
  present: number;
  /** Characters of continuum. */
  length: number;
  units: TextRange[];
  /** No units for any coder (for codes nobody used here). */
  noUnits: TextRange[][];
  /** Code index (in input.codes) → coder index → that coder's units of the code; undefined when nobody used it here. */
  byCode: (TextRange[][] | undefined)[];
  /** Code index → coder index → that coder's segments of the code (before joining overlaps). */
  segmentCounts: (number[] | undefined)[];
}

function prepareTranscripts(input: AgreementInput, { unit, continuum }: AgreementOptions, coderIndex: Map<string, number>, codeIndex: Map<string, number>, warnings: string[]): PreparedTranscript[] {
  const m = input.coders.length;
  const out: PreparedTranscript[] = [];
  for (const t of [...input.transcripts].sort((a, b) => compareText(a.name, b.name))) {
    let present = 0;
    const byCode: (TextRange[][] | undefined)[] = new Array<TextRange[][] | undefined>(input.codes.length).fill(undefined);
    for (const entry of t.coding) {
      const i = coderIndex.get(entry.coderId);
      if (i === undefined) continue;
      present |= 1 << i;
      for (const s of entry.segments) {
        const c = codeIndex.get(s.codeId);
        if (c === undefined || s.end <= s.start) continue;
        const lists = (byCode[c] ??= emptyLists(m));
        lists[i].push(s);
      }
    }
    const raters = popcount(present);
    if (raters < 2) {
      const who = input.coders.filter((_, i) => present & (1 << i)).map((c) => c.id);
      warnings.push(`${t.name}: coded by ${who.length === 0 ? 'none of the coders' : `only ${who.join(', ')}`}; left out`);
      continue;
    }
    if (raters < m) {
      const missing = input.coders.filter((_, i) => !(present & (1 << i))).map((c) => c.id);
      warnings.push(`${t.name}: not coded by ${missing.join(', ')} (missing values); left out of Fleiss' κ and uα`);
    }
    // The whole text is its own continuum: positions need no mapping.
    const before = t.continuum === undefined ? (offset: number) => Math.min(Math.max(offset, 0), t.length) : continuumPositions(continuumOf(t));
    const length = before(t.length);
    // Prose with no speaker turns, compared over what speakers said: there is nothing to compare.
    if (length === 0) {
      warnings.push(`${t.name}: no text of it is on the continuum (${continuum}); left out`);
      continue;
    }
    // Characters need no units: mapping a transcript's turns for them would only make garbage.
    const units = unit === 'char' ? [] : (t.units ?? []).map((u) => ({ start: before(u.start), end: before(u.end) })).filter((u) => u.end > u.start);
    const segmentCounts = byCode.map((lists) => lists?.map((l) => l.length));
    const onContinuum = byCode.map((lists) => lists?.map((segments) => unitsOnContinuum(segments, before)));
    out.push({ name: t.name, present, length, units, noUnits: emptyLists(m), byCode: onContinuum, segmentCounts });
  }
  return out;
}

function emptyLists(m: number): TextRange[][] {
  const lists: TextRange[][] = [];
  for (let i = 0; i < m; i++) lists.push([]);
  return lists;
}

/** Adds one transcript's items for one code to the code's totals; returns the transcript's own when the code is used there. */
function addTranscript(t: PreparedTranscript, code: number, options: AgreementOptions, totals: CodeTotals, m: number): CodeTotals | undefined {
  const complete = popcount(t.present) === m;
  const lists = t.byCode[code];
  if (!lists) {
    // Nobody used the code here: every item agrees on "not coded"; every coder's continuum is one gap.
    totals.tally.add(t.present, 0, options.unit === 'char' ? t.length : t.units.length);
    if (complete) totals.unitized.addStretch(0, t.length, t.noUnits);
    return undefined;
  }
  const own = newTotals(m);
  t.segmentCounts[code]!.forEach((n, i) => (own.segments[i] += n));
  if (options.unit === 'char') tallyCharacters(own.tally, t.present, 0, t.length, lists);
  else tallyUnits(own.tally, t.present, t.units, lists);
  // uα needs every coder to have unitized the whole continuum.
  if (complete) own.unitized.addStretch(0, t.length, lists);
  totals.tally.addAll(own.tally);
  own.segments.forEach((n, i) => (totals.segments[i] += n));
  totals.unitized.absorb(own.unitized);
  return own;
}

function newTotals(m: number): CodeTotals {
  return { tally: new BinaryTally(m), unitized: new UnitizedAlpha(m), segments: new Array<number>(m).fill(0) };
}

function anySegments(totals: CodeTotals): boolean {
  return totals.segments.some((n) => n > 0);
}

function continuumOf(t: AgreementTranscript): TextRange[] {
  const ranges = t.continuum ?? [{ start: 0, end: t.length }];
  return [...ranges].sort((a, b) => a.start - b.start).map((r) => ({ start: Math.max(0, r.start), end: Math.min(t.length, r.end) })).filter((r) => r.end > r.start);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
