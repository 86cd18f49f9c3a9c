import type { ProjectSnapshot } from '../project-index';
import { computeAgreement } from './compute';
import { disagreementPassages, passageQuote } from './disagreement-passages';
import type { SnapshotAgreementInput } from './from-snapshot';
import { defaultCoders } from './project-input';
import type { AgreementChoices, AgreementTable, PassageRow, ReliabilityBand } from './panel-types';

/**
 * Krippendorff's (2004, Content Analysis 2nd ed., p. 241) guidance for α: rely on a variable at
 * α ≥ .800; draw only tentative conclusions at .667 ≤ α < .800; below, the coding is not reliable.
 */
export const ALPHA_RELIABLE = 0.8;
export const ALPHA_TENTATIVE = 0.667;

/** The band of Krippendorff's α (nominal, over the unit compared). */
export function reliabilityBand(alpha: number | null): ReliabilityBand {
  if (alpha === null || !Number.isFinite(alpha)) return 'not computable';
  if (alpha >= ALPHA_RELIABLE) return 'reliable';
  if (alpha >= ALPHA_TENTATIVE) return 'tentative';
  return 'unreliable';
}

export function agreementChoices(snapshot: ProjectSnapshot): AgreementChoices {
  return {
    coders: snapshot.coders.map((c) => ({ id: c.id, name: c.name })),
    defaultCoders: defaultCoders(snapshot),
    transcripts: snapshot.transcripts.filter((t) => t.exists && t.segments.length > 0).map((t) => t.path),
  };
}

export function agreementTable(snapshot: ProjectSnapshot, prepared: SnapshotAgreementInput): AgreementTable {
  const { input } = prepared;
  const report = computeAgreement(input, { unit: prepared.unit, continuum: 'whole text of each transcript', perTranscript: false });
  const colors = new Map(snapshot.codes.map((c) => [c.id, c.color]));
  const used = report.codes.filter((c) => Object.values(c.overall.counts.segments).some((n) => n > 0));
  const rows = used.map((c) => ({ code: c.id, path: c.path, color: colors.get(c.id) ?? '', figures: c.overall, band: reliabilityBand(c.overall.krippendorff_alpha) }));
  rows.sort((a, b) => byAlpha(a.figures.krippendorff_alpha, b.figures.krippendorff_alpha) || a.path.localeCompare(b.path));
  return {
    unit: report.unit,
    coders: report.coders,
    transcripts: report.transcripts,
    rows,
    overall: { figures: report.overall, band: reliabilityBand(report.overall.krippendorff_alpha) },
    unused: report.codes.filter((c) => !used.includes(c)).map((c) => c.path),
    warnings: [...prepared.warnings, ...report.warnings],
  };
}

/** The passages where the coders differ on `code`, at most `max` (the rest counted). */
export function passageRows(prepared: SnapshotAgreementInput, code: string, max: number): { passages: PassageRow[]; total: number } {
  const all = disagreementPassages(prepared.input, code, prepared.unit);
  const passages = all.slice(0, max).map((p) => ({ ...p, quote: passageQuote(prepared.texts.get(p.transcript) ?? '', p.start, p.end) }));
  return { passages, total: all.length };
}

/** Lowest α first; codes without α last. */
function byAlpha(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === null ? (b === null ? 0 : 1) : -1;
  return a - b;
}
