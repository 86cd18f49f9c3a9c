/**
 * The Analysis panel in the webview: tabs for Segments, Matrix, Frequencies, Saturation and Search. It
 * holds no logic of the study: it asks the extension for results (`request`), draws what comes back
 * (`show`), and keeps its view state with setState so a reloaded window comes back to it.
 */
import { fetchOf, loaded, scriptBegan, wallClock } from './page-clock';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { AnalysisTab, AnalysisViewState, HostToWebview, WebviewToHost } from '../protocol';
import { ANALYSIS_CSS } from './analysis-style';
import { frequenciesTab, saturationTab } from './chart-tabs';
import { chartViewsNow } from './charts-loader';
import { clear, component, el, redraw } from './dom';
import { matrixView } from './matrix-view';
import { segmentsView, type ViewActions } from './segments-view';
import { searchView, type SearchActions } from './search-view';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: AnalysisViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
const style = el('style', { nonce: root.dataset.nonce ?? '' }, ANALYSIS_CSS);
document.head.append(style);

const TABS: { id: AnalysisTab; title: string }[] = [
  { id: 'segments', title: 'Segments' },
  { id: 'matrix', title: 'Matrix' },
  { id: 'frequencies', title: 'Frequencies' },
  { id: 'saturation', title: 'Saturation' },
  { id: 'search', title: 'Search' },
];

let last: Extract<HostToWebview, { type: 'show' | 'problem' }> | undefined;

const actions: ViewActions & SearchActions = {
  request: (state) => {
    vscode.setState(state);
    vscode.postMessage({ type: 'request', state });
  },
  reveal: (hit) => vscode.postMessage({ type: 'reveal', transcript: hit.transcript, start: hit.start, end: hit.end }),
  saveQuery: (state) => vscode.postMessage({ type: 'saveQuery', title: '', state }),
  exportCsv: (state) => vscode.postMessage({ type: 'exportCsv', state }),
  autocode: (state, hits) => vscode.postMessage({ type: 'autocode', state, hits }),
  newCode: (state) => vscode.postMessage({ type: 'newCode', state }),
};

/** `partial`: only the first passages of the answer, the rest on their way. */
function render(message: Extract<HostToWebview, { type: 'show' | 'problem' }>, partial = false): void {
  last = message;
  const { state, outline } = message;
  vscode.setState(state);
  const result = message.type === 'show' ? message.result : undefined;
  const tabs = component('vscode-tabs', { 'selected-index': String(TABS.findIndex((t) => t.id === state.tab)) });
  for (const tab of TABS) {
    tabs.append(component('vscode-tab-header', { slot: 'header', id: `tab-${tab.id}` }, tab.title));
    const panel = component('vscode-tab-panel', {});
    if (tab.id === state.tab) panel.append(...content(message, result, partial));
    tabs.append(panel);
  }
  tabs.addEventListener('vsc-tabs-select', (event) => {
    const index = (event as CustomEvent<{ selectedIndex: number }>).detail.selectedIndex;
    const tab = TABS[index]?.id;
    if (tab && tab !== last?.state.tab) actions.request({ ...last!.state, tab });
  });
  const header = el('p', { class: 'note' }, `${outline.name} · ${outline.codes.length} codes · coders: ${outline.coders.join(', ') || 'none'}${outline.unplaced ? ` · ${outline.unplaced} segment(s) left out: they could not be placed in the current text (see Needs Review)` : ''}`);
  redraw(root, () => [header, tabs]);
}

function content(message: Extract<HostToWebview, { type: 'show' | 'problem' }>, result: Extract<HostToWebview, { type: 'show' }>['result'] | undefined, partial: boolean): HTMLElement[] {
  const { state, outline } = message;
  const problem = message.type === 'problem' ? el('p', { class: 'problem', role: 'alert' }, message.message) : undefined;
  const parts: HTMLElement[] = [];
  if (state.tab === 'segments') parts.push(segmentsView(state, outline, result?.tab === 'segments' ? result : undefined, actions, partial));
  if (state.tab === 'matrix') parts.push(matrixView(state, outline, result?.tab === 'matrix' ? result : undefined, actions));
  if ((state.tab === 'frequencies' && result?.tab === 'frequencies') || (state.tab === 'saturation' && result?.tab === 'saturation')) {
    // Drawn again once the chart code has loaded (or failed to), if the panel still shows a chart then.
    const charts = chartViewsNow(root, () => last && (last.state.tab === 'frequencies' || last.state.tab === 'saturation') && render(last));
    parts.push(result.tab === 'frequencies' ? frequenciesTab(result.frequencies, outline, charts) : saturationTab(result.steps, result.summary, charts));
  }
  if (state.tab === 'search') parts.push(searchView(state, outline, result?.tab === 'search' ? result : undefined, actions));
  if (problem) parts.unshift(problem);
  return parts;
}

const scriptStarted = wallClock();
let painted = false;
window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  const message = event.data;
  const received = wallClock();
  if (message.type === 'noProject') {
    clear(root);
    root.append(el('p', { class: 'note' }, 'Open a folder with a Grounded project to analyse it.'));
  } else if (message.type === 'firstRows') {
    // The host posts a new page's first passages as soon as it has them, and again when the page
    // says it is ready: passages the page already shows for this state are not drawn again.
    if (last && JSON.stringify(last.state) === JSON.stringify(message.state)) return;
    render({ type: 'show', state: message.state, outline: message.outline, result: { tab: 'segments', hits: message.hits, truncated: false, notes: [] } }, true);
  } else if (message.type === 'show' || message.type === 'problem') {
    render(message);
  }
  if ((message.type === 'show' || message.type === 'firstRows') && !painted) {
    painted = true;
    const built = wallClock();
    // After the browser has laid the result out, not merely after the DOM was built.
    requestAnimationFrame(() =>
      setTimeout(() => vscode.postMessage({ type: 'rendered', marks: { navigation: performance.timeOrigin, ...fetchOf('analysis-main'), scriptBegan, script: scriptStarted, loaded: loaded(), received, built, drawn: wallClock() } }), 0),
    );
  }
});

const saved = vscode.getState() as AnalysisViewState | undefined;
vscode.postMessage(saved ? { type: 'ready', state: saved } : { type: 'ready' });
