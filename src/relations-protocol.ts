/**
 * The messages between the extension host and the Relations webview, both ways. The host lays
 * out and draws the network in the core; the webview gets the drawing as plain data (an SVG
 * element tree) and builds it with DOM calls that set every text as text.
 */
import type { SvgElement } from './core/relations/svg-tree';

export type RelationsDirection = 'TB' | 'LR';

/** What the panel shows: saved with the webview's state, so a reloaded window shows it again. */
export interface RelationsViewState {
  direction: RelationsDirection;
  /** The code whose node had the focus, to focus it again. */
  focused?: string;
}

export const DEFAULT_RELATIONS_STATE: RelationsViewState = { direction: 'TB' };

export type RelationsHostToWebview =
  | { type: 'show'; state: RelationsViewState; project: string; codes: number; relations: number; svg: SvgElement }
  | { type: 'noProject' };

export type RelationsWebviewToHost =
  | { type: 'ready'; state?: RelationsViewState }
  | { type: 'setDirection'; direction: RelationsDirection }
  | { type: 'focus'; code: string }
  /** Enter on a node: show the code in the Codebook; Shift+Enter: its segments in the Analysis panel. */
  | { type: 'openCode'; code: string; how: 'codebook' | 'segments' }
  | { type: 'relate' }
  | { type: 'export'; format: 'svg' | 'mermaid' };

export function isRelationsViewState(value: unknown): value is RelationsViewState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<RelationsViewState>;
  return (v.direction === 'TB' || v.direction === 'LR') && (v.focused === undefined || typeof v.focused === 'string');
}

export function isRelationsWebviewToHost(value: unknown): value is RelationsWebviewToHost {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
      return m.state === undefined || isRelationsViewState(m.state);
    case 'setDirection':
      return m.direction === 'TB' || m.direction === 'LR';
    case 'focus':
      return typeof m.code === 'string';
    case 'openCode':
      return typeof m.code === 'string' && (m.how === 'codebook' || m.how === 'segments');
    case 'relate':
      return true;
    case 'export':
      return m.format === 'svg' || m.format === 'mermaid';
    default:
      return false;
  }
}
