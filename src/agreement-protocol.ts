/**
 * The messages between the extension host and the Agreement webview, both ways. Every figure is
 * computed in the core (src/core/agreement/panel-model.ts) and sent as plain JSON; code names,
 * coder names, paths and quotes are untrusted and only ever set as text content.
 */
import type { AgreementChoices, AgreementTable, PassageRow } from './core/agreement/panel-types';
import type { AgreementUnit } from './core/agreement/types';

export type AgreementSortColumn = 'code' | 'alpha' | 'cohen' | 'fleiss' | 'percent' | 'unitized' | 'items';

/** What the panel shows: kept with the webview's state, so a reloaded window shows it again. */
export interface AgreementViewState {
  /** Coder ids; empty = the default coders (everyone who coded a transcript another coder coded). */
  coders: string[];
  unit: AgreementUnit;
  /** One transcript's path, or '' for all. */
  transcript: string;
  sort: { column: AgreementSortColumn; descending: boolean };
  /** The code whose disagreements are listed, or ''. */
  expanded: string;
}

export const DEFAULT_AGREEMENT_STATE: AgreementViewState = { coders: [], unit: 'char', transcript: '', sort: { column: 'alpha', descending: false }, expanded: '' };

/** Passages listed at most for one code; the rest are counted. */
export const MAX_PASSAGES = 500;

export type AgreementHostMessage =
  | {
      type: 'agreement';
      state: AgreementViewState;
      choices: AgreementChoices;
      table: AgreementTable;
      /** The expanded code's passages, when one is expanded. */
      passages?: { code: string; rows: PassageRow[]; total: number };
    }
  /** Nothing to compare (fewer than two coders chosen or with coding): said in the panel. */
  | { type: 'problem'; state: AgreementViewState; choices: AgreementChoices; message: string }
  | { type: 'noProject' };

export type AgreementWebviewMessage =
  | { type: 'ready'; state?: AgreementViewState }
  | { type: 'request'; state: AgreementViewState }
  | { type: 'reveal'; transcript: string; start: number; end: number };

const UNITS: readonly string[] = ['char', 'turn', 'paragraph', 'line'];
const COLUMNS: readonly string[] = ['code', 'alpha', 'cohen', 'fleiss', 'percent', 'unitized', 'items'];

/** Checks a state that came back from the webview (or a saved one) field by field. */
export function isAgreementViewState(value: unknown): value is AgreementViewState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const sort = v.sort as Record<string, unknown> | null | undefined;
  return (
    Array.isArray(v.coders) &&
    v.coders.every((c) => typeof c === 'string') &&
    typeof v.unit === 'string' &&
    UNITS.includes(v.unit) &&
    typeof v.transcript === 'string' &&
    typeof v.expanded === 'string' &&
    typeof sort === 'object' &&
    sort !== null &&
    typeof sort.column === 'string' &&
    COLUMNS.includes(sort.column) &&
    typeof sort.descending === 'boolean'
  );
}

export function isAgreementWebviewMessage(value: unknown): value is AgreementWebviewMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (m.type === 'ready') return m.state === undefined || isAgreementViewState(m.state);
  if (m.type === 'request') return isAgreementViewState(m.state);
  if (m.type === 'reveal') return typeof m.transcript === 'string' && Number.isSafeInteger(m.start) && Number.isSafeInteger(m.end);
  return false;
}
