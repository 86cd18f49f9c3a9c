import type { TextRange } from '../model';

/**
 * - `only`: some of the compared coders applied the code here, the others applied nothing like it
 *   (with two coders: "applied by one coder only").
 * - `boundaries`: every compared coder applied the same code here, over different stretches.
 * - `codes`: the coders applied different codes to the same text (each code by some coders only).
 */
export type DisagreementKind = 'only' | 'boundaries' | 'codes';

/** One code of one segment of one coder, placed on the current text. */
export interface Application {
  coder: string;
  segment: string;
  code: string;
  range: TextRange;
}

export interface Disagreement {
  /** Stable while the text and coding stay as they are: kind, codes and extent. */
  id: string;
  transcript: string;
  kind: DisagreementKind;
  /** From the first start to the last end of the applications involved. */
  range: TextRange;
  /** Sorted. */
  codes: string[];
  /** Sorted by start, then end, coder and code. */
  applications: Application[];
  /** Compared coders who applied none of these codes here. */
  without: string[];
}

/** How a disagreement is settled into the consensus coder. */
export type ReconcileChoice = { kind: 'coder'; coder: string } | { kind: 'union' } | { kind: 'intersection' };

/** One segment the consensus coder gets: a range and the codes on it. */
export interface ConsensusTarget {
  range: TextRange;
  /** Sorted. */
  codes: string[];
}
