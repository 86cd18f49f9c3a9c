/**
 * The messages between the extension host and the analysis webview, both ways. The webview gets
 * data, never logic: every figure is computed in the core and sent as plain JSON. Untrusted text
 * (code names, quotes, attribute values) arrives as data and is only ever set as text content.
 */
import type { CoOccurrence, CodeFrequency, CodeTranscriptMatrix, Crosstab, Hit, SaturationStep, SegmentFilter } from './core/analysis';
import type { SearchUnit } from './core/analysis/text-search';
import type { AutocodePreview } from './core/autocode/search-preview';

export type AnalysisTab = 'segments' | 'matrix' | 'frequencies' | 'saturation' | 'search';

/** The Search tab: what to find, how far each hit reaches, and the code to apply. */
export interface SearchViewState {
  text: string;
  regex: boolean;
  /** Only in this speaker's turns ('' = everyone's); with no text, their whole turns. */
  speaker: string;
  unit: SearchUnit;
  /** The code to apply, by id ('' = none chosen yet). */
  code: string;
}

export const DEFAULT_SEARCH: SearchViewState = { text: '', regex: false, speaker: '', unit: 'sentence', code: '' };

export type MatrixColumns = { kind: 'transcripts' } | { kind: 'codes' } | { kind: 'attribute'; attribute: string };

/** What the panel shows: saved with the webview's state, so a reloaded window shows it again. */
export interface AnalysisViewState {
  tab: AnalysisTab;
  /** Segments: a code expression in its written form ('' = every segment the filter keeps). */
  expression: string;
  filter: SegmentFilter;
  groupBy: 'code' | 'transcript' | 'participant';
  matrix: MatrixColumns;
  /** Absent in states saved before the Search tab existed. */
  search?: SearchViewState;
}

export const DEFAULT_VIEW_STATE: AnalysisViewState = {
  tab: 'segments',
  expression: '',
  filter: {},
  groupBy: 'code',
  matrix: { kind: 'transcripts' },
};

/** What the panel needs to label and filter: codes with their paths and colours, coders, attributes. */
export interface ProjectOutline {
  name: string;
  /**
   * `gatheredInto`: the focused code this code was gathered into (docs/grounded-theory.md); such a
   * code is kept as a record and is not offered for applying.
   */
  codes: { id: string; path: string; color: string; gatheredInto?: string }[];
  coders: string[];
  /** Attribute names with the values recorded, for filters and crosstab columns. */
  attributes: { name: string; values: (string | number)[] }[];
  /** Segments left out because they could not be placed in the current text. */
  unplaced: number;
  /** The project's coding rounds, in order, for the round filter. */
  rounds: { id: string; name: string }[];
}

export type AnalysisResult =
  /** `notes`: what the researcher may have meant and the expression did not say (a parent code without `/**`). */
  | { tab: 'segments'; hits: Hit[]; truncated: boolean; notes: string[] }
  | { tab: 'matrix'; columns: 'transcripts'; matrix: CodeTranscriptMatrix }
  | { tab: 'matrix'; columns: 'codes'; table: CoOccurrence }
  | { tab: 'matrix'; columns: 'attribute'; table: Crosstab }
  | { tab: 'frequencies'; frequencies: CodeFrequency[] }
  /** `summary`: whether the codebook is still growing, in one sentence. */
  | { tab: 'saturation'; steps: SaturationStep[]; summary: string }
  | { tab: 'search'; preview: AutocodePreview; speakers: string[] };

export type HostToWebview =
  | { type: 'show'; state: AnalysisViewState; outline: ProjectOutline; result: AnalysisResult }
  /**
   * The first passages of a long Segments answer, sent while the rest are worked out so the panel
   * can draw them at once; the whole answer follows as `show`.
   */
  | { type: 'firstRows'; state: AnalysisViewState; outline: ProjectOutline; hits: Hit[] }
  /** The request could not be answered (a code name not found, a bad expression): said in the panel. */
  | { type: 'problem'; state: AnalysisViewState; outline: ProjectOutline; message: string }
  | { type: 'noProject' };

export type WebviewToHost =
  | { type: 'ready'; state?: AnalysisViewState }
  | { type: 'request'; state: AnalysisViewState }
  | { type: 'reveal'; transcript: string; start: number; end: number }
  | { type: 'saveQuery'; title: string; state: AnalysisViewState }
  | { type: 'exportCsv'; state: AnalysisViewState }
  /**
   * The panel has drawn its first result (for the first-paint benchmark), with when each step of
   * the page happened, as wall-clock milliseconds (`performance.timeOrigin + now()`).
   */
  | { type: 'rendered'; marks?: PageMarks }
  /** Apply the search's code to these hits (by id), as one undoable step. */
  | { type: 'autocode'; state: AnalysisViewState; hits: string[] }
  /** Ask for a name and create a code to apply. */
  | { type: 'newCode'; state: AnalysisViewState };

/** Steps of a webview page's first paint, in wall-clock milliseconds. */
export interface PageMarks {
  /** The page began to load. */
  navigation: number;
  /** The page's script began to run (its dependencies evaluated). */
  script: number;
  /** Its bundle began to be fetched and had arrived, where the page's resource timing says. */
  scriptFetchStart?: number;
  scriptFetched?: number;
  /** The bundle's first module ran: what is left until `script` is evaluating the bundle. */
  scriptBegan?: number;
  /** The page's load event: VS Code shows the page and hands it queued messages only then. */
  loaded?: number;
  /** The first result was built in the DOM (before layout). */
  built?: number;
  /** The first result arrived. */
  received: number;
  /** The first result was laid out. */
  drawn: number;
}

/** Passages sent at most, so a panel over 100,000 segments stays responsive; the rest are counted. */
export const MAX_HITS = 2000;

export function isWebviewToHost(value: unknown): value is WebviewToHost {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'ready' || type === 'request' || type === 'reveal' || type === 'saveQuery' || type === 'exportCsv' || type === 'rendered' || type === 'autocode' || type === 'newCode';
}
