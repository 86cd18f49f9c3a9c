import type { TextRange } from '../model';

/**
 * What agreement is computed from: plain data, so that any reader of a project (the CLI today, a
 * shared read model later) can feed it. Offsets are UTF-16 code units over the current LF text.
 */
export interface AgreementInput {
  coders: { id: string; name: string }[];
  /** The codes to report, in any order; segments with other codes are ignored. */
  codes: { id: string; name: string; path?: string }[];
  transcripts: AgreementTranscript[];
}

export interface AgreementTranscript {
  /** Project-relative path, e.g. `interviews/p01.md`. */
  name: string;
  /** Length of the current text. */
  length: number;
  /**
   * The stretches of text under comparison (sorted, disjoint); the whole text when absent. Coding
   * outside them is clipped off, and units outside them are left out.
   */
  continuum?: TextRange[];
  /** The units for unit-level figures (turns, paragraphs or lines), sorted and disjoint. */
  units?: TextRange[];
  /**
   * One entry per coder who coded this transcript. A coder without an entry did not code it: their
   * values are missing, not "not coded".
   */
  coding: { coderId: string; segments: PlacedSegment[] }[];
}

/** A segment as placed on the current text, one entry per code it carries. */
export interface PlacedSegment {
  codeId: string;
  start: number;
  end: number;
}

/** What one figure is computed over: characters, or units the project defines. */
export type AgreementUnit = 'char' | 'turn' | 'paragraph' | 'line';

export interface AgreementOptions {
  unit: AgreementUnit;
  /** Said in the output: which text the character continuum is (e.g. "whole text"). */
  continuum: string;
  /**
   * Figures per transcript too (default true). Without them `transcripts` lists are empty and the
   * pooled figures are the same: a summary that shows no per-transcript rows need not build them.
   */
  perTranscript?: boolean;
}

/** Every coefficient is null where it is undefined (see the warnings), never NaN. */
export interface AgreementFigures {
  /** Share of items (characters or units) on which every coder who rated it agrees, 0–100. */
  percent: number | null;
  /** Two coders only; with more coders see `pairs`. */
  cohen_kappa: number | null;
  /** Over items rated by every coder. */
  fleiss_kappa: number | null;
  /** Nominal, over items rated by at least two coders (missing values allowed). */
  krippendorff_alpha: number | null;
  /** Krippendorff's uα for "coded with this code" vs not, on the character continuum. */
  unitized_alpha: number | null;
  counts: AgreementCounts;
  /** Percent agreement and Cohen's κ for every pair of coders (when there are more than two). */
  pairs?: PairFigures[];
  warnings: string[];
}

export interface PairFigures {
  coders: [string, string];
  percent: number | null;
  cohen_kappa: number | null;
  table: TwoByTwo;
}

/** Items rated by both coders of a pair: coded by both, by the first only, the second only, neither. */
export interface TwoByTwo {
  both: number;
  first_only: number;
  second_only: number;
  neither: number;
}

export interface AgreementCounts {
  unit: AgreementUnit;
  /** Items (characters or units) rated by at least two coders. */
  items: number;
  /** Of those, items on which all coders who rated them agree. */
  agreeing: number;
  /** Per coder: items they coded with the code (among the items they rated). */
  coded_by: Record<string, number>;
  /** Per coder: segments with the code that were placed on the text and counted. */
  segments: Record<string, number>;
  /** Two coders: the 2×2 table behind percent and Cohen's κ. */
  table?: TwoByTwo;
  cohen?: { observed: number | null; expected: number | null };
  fleiss: { subjects: number; raters: number; observed: number | null; expected: number | null };
  alpha: { pairable_values: number; observed_disagreement: number | null; expected_disagreement: number | null };
  unitized: {
    /** Characters of continuum compared (every coder unitized all of them). */
    continuum_length: number;
    /** Units of the code, all coders together (a coder's overlapping segments count as one). */
    units: number;
    observed_disagreement: number | null;
    expected_disagreement: number | null;
  };
}

export interface CodeAgreement {
  id: string;
  name: string;
  path: string;
  /** Pooled over every compared transcript. */
  overall: AgreementFigures;
  /** Transcripts where at least one coder used the code (empty when not asked for). */
  transcripts: ({ transcript: string } & AgreementFigures)[];
}

export interface AgreementReport {
  unit: AgreementUnit;
  continuum: string;
  coders: { id: string; name: string }[];
  /** Transcripts compared (coded by at least two of the coders). */
  transcripts: string[];
  codes: CodeAgreement[];
  /** Pooled over every code and transcript. */
  overall: AgreementFigures;
  warnings: string[];
}
