/**
 * What the editor's Agreement panel is sent: plain JSON types only (the webview imports them, and
 * must not pull any of the core's code in with them).
 */
import type { AgreementFigures, AgreementUnit } from './types';

export type ReliabilityBand = 'reliable' | 'tentative' | 'unreliable' | 'not computable';

export interface AgreementRow {
  code: string;
  path: string;
  color: string;
  figures: AgreementFigures;
  band: ReliabilityBand;
}

/** The Agreement panel's table: plain JSON, computed here so the webview only draws it. */
export interface AgreementTable {
  unit: AgreementUnit;
  /** Coders compared. */
  coders: { id: string; name: string }[];
  /** Transcripts compared (rated by at least two of the coders). */
  transcripts: string[];
  /** Codes some compared coder used, worst α first. */
  rows: AgreementRow[];
  /** Every code pooled. */
  overall: { figures: AgreementFigures; band: ReliabilityBand };
  /** Codes no compared coder used (not in rows). */
  unused: string[];
  warnings: string[];
}

/** What the panel offers to choose from. */
export interface AgreementChoices {
  coders: { id: string; name: string }[];
  /** The coders compared when none are chosen. */
  defaultCoders: string[];
  /** Transcripts with coding, by path. */
  transcripts: string[];
}

/** A passage where the coders differ, ready to list: its text cut to a quote. */
export interface PassageRow {
  transcript: string;
  start: number;
  end: number;
  quote: string;
  codedBy: string[];
  notCodedBy: string[];
}
