import { BinaryTally, tallyFigures, type TallyFigures } from './tally';
import type { AgreementCounts, AgreementFigures, AgreementUnit, PairFigures } from './types';
import { UnitizedAlpha } from './unitized';

/** Below this many units (or coded passages) a figure is reported with a warning. */
export const FEW_ITEMS = 10;

/** Everything a set of figures is computed from. */
export interface CodeTotals {
  tally: BinaryTally;
  unitized: UnitizedAlpha;
  /** Per coder (index): segments of the code counted. */
  segments: number[];
}

type Coders = readonly { id: string }[];

/** The figures for one code (in one transcript or pooled over all). */
export function figuresOf(totals: CodeTotals, coders: Coders, unit: AgreementUnit): AgreementFigures {
  const u = totals.unitized.result();
  const passages = totals.segments.reduce((a, b) => a + b, 0);
  const unitized = { continuum_length: u.length, units: u.units, observed_disagreement: u.observed ?? null, expected_disagreement: u.expected ?? null };
  const figures = itemFigures(totals.tally, totals.segments, coders, unit, passages, u.value ?? null, unitized, 'of this code');
  // No length: no transcript coded by every coder, or none with text on the continuum.
  if (u.value === undefined) figures.warnings.push(`uα undefined: ${u.length === 0 ? 'no text coded by every coder to compare' : u.undefinedBecause}`);
  return figures;
}

/**
 * Figures pooled over codes: every (code, item) pair is one item, and uα = 1 − ΣD_o / ΣD_e over
 * the codes (the codes' disagreements added up, as for several categories on one continuum).
 */
export function pooledFigures(all: readonly CodeTotals[], coders: Coders, unit: AgreementUnit): AgreementFigures {
  const m = coders.length;
  const tally = new BinaryTally(m);
  const segments = new Array<number>(m).fill(0);
  let observed = 0;
  let expected = 0;
  let length = 0;
  let units = 0;
  for (const t of all) {
    tally.addAll(t.tally);
    t.segments.forEach((n, i) => (segments[i] += n));
    const u = t.unitized.result();
    observed += u.observed ?? 0;
    expected += u.expected ?? 0;
    length = Math.max(length, u.length);
    units += u.units;
  }
  const unitized = { continuum_length: length, units, observed_disagreement: observed, expected_disagreement: expected };
  const figures = itemFigures(tally, segments, coders, unit, segments.reduce((a, b) => a + b, 0), expected > 0 ? 1 - observed / expected : null, unitized, 'of the codes compared');
  if (expected === 0) figures.warnings.push(`uα undefined: ${length === 0 ? 'no text coded by every coder to compare' : 'no code was used on a transcript coded by every coder'}`);
  return figures;
}

function itemFigures(
  tally: BinaryTally,
  segments: readonly number[],
  coders: Coders,
  unit: AgreementUnit,
  passages: number,
  unitizedAlpha: number | null,
  unitized: AgreementCounts['unitized'],
  /** Whose passages are counted, for the warning: one code's, or every code's pooled. */
  of: string,
): AgreementFigures {
  const f = tallyFigures(tally);
  const warnings: string[] = [];
  const noun = unit === 'char' ? 'characters' : `${unit}s`;
  if (f.items === 0) warnings.push(`no ${noun} rated by two or more coders: nothing to compare`);
  else if (unit !== 'char' && f.items < FEW_ITEMS) warnings.push(`only ${f.items} ${noun} rated by two or more coders: too few for a dependable figure`);
  if (passages > 0 && passages < FEW_ITEMS) warnings.push(`only ${passages} coded passage(s) ${of}, all coders together: too few for a dependable figure`);
  const two = coders.length === 2 ? f.pairs[0] : undefined;
  if (f.items > 0) {
    if (two && two.kappa.value === undefined) warnings.push(`Cohen's κ undefined: ${two.kappa.undefinedBecause}`);
    if (f.fleiss.value === undefined) warnings.push(`Fleiss' κ undefined: ${f.fleiss.undefinedBecause}`);
    if (f.alpha.value === undefined) warnings.push(`Krippendorff's α undefined: ${f.alpha.undefinedBecause}`);
  }
  return {
    percent: f.percent ?? null,
    cohen_kappa: two?.kappa.value ?? null,
    fleiss_kappa: f.fleiss.value ?? null,
    krippendorff_alpha: f.alpha.value ?? null,
    unitized_alpha: unitizedAlpha,
    counts: {
      unit,
      items: f.items,
      agreeing: f.agreeing,
      coded_by: byCoder(coders, f.codedBy),
      segments: byCoder(coders, segments),
      ...(two ? { table: two.table, cohen: { observed: two.kappa.observed ?? null, expected: two.kappa.expected ?? null } } : {}),
      fleiss: { subjects: f.fleiss.subjects, raters: f.fleiss.raters, observed: f.fleiss.observed ?? null, expected: f.fleiss.expected ?? null },
      alpha: { pairable_values: f.alpha.pairable, observed_disagreement: f.alpha.observed ?? null, expected_disagreement: f.alpha.expected ?? null },
      unitized,
    },
    ...(coders.length > 2 ? { pairs: f.pairs.map((p) => pairOf(p, coders)) } : {}),
    warnings,
  };
}

function pairOf(p: TallyFigures['pairs'][number], coders: Coders): PairFigures {
  return { coders: [coders[p.a].id, coders[p.b].id], percent: p.percent ?? null, cohen_kappa: p.kappa.value ?? null, table: p.table };
}

function byCoder(coders: Coders, values: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  coders.forEach((c, i) => (out[c.id] = values[i]));
  return out;
}
