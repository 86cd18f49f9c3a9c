/**
 * The Relations panel in the webview: draws the network the host laid out and rendered (an SVG
 * element tree), lets the keyboard move between nodes and act on them, and keeps its view state
 * with setState so a reloaded window comes back to it. No logic of the study lives here.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import type { RelationsHostToWebview, RelationsViewState, RelationsWebviewToHost } from '../relations-protocol';
import { clear, component, el, option, selectValue } from './dom';
import { RELATIONS_CSS } from './relations-style';
import { buildSvg } from './svg-dom';

interface VsCodeApi {
  postMessage(message: RelationsWebviewToHost): void;
  getState(): unknown;
  setState(state: RelationsViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
document.head.append(el('style', { nonce: root.dataset.nonce ?? '' }, RELATIONS_CSS));

let state: RelationsViewState = (vscode.getState() as RelationsViewState | undefined) ?? { direction: 'TB' };

function remember(next: RelationsViewState): void {
  state = next;
  vscode.setState(state);
}

function toolbar(): HTMLElement {
  const direction = component('vscode-single-select', { 'aria-label': 'Layout direction' }, option('TB', 'Top to bottom', state.direction === 'TB'), option('LR', 'Left to right', state.direction === 'LR'));
  direction.addEventListener('change', () => {
    const value = selectValue(direction) === 'LR' ? 'LR' : 'TB';
    remember({ ...state, direction: value });
    vscode.postMessage({ type: 'setDirection', direction: value });
  });
  const button = (label: string, message: RelationsWebviewToHost, secondary = true): HTMLElement => {
    const b = component('vscode-button', secondary ? { secondary: '' } : {}, label);
    b.addEventListener('click', () => vscode.postMessage(message));
    return b;
  };
  return el('div', { class: 'toolbar' }, direction, button('Relate Code…', { type: 'relate' }, false), button('Export SVG…', { type: 'export', format: 'svg' }), button('Export Mermaid…', { type: 'export', format: 'mermaid' }));
}

/** Arrow keys move between nodes in drawing order; Enter opens the code, Shift+Enter its segments. */
function wireNodes(svg: SVGElement): void {
  const nodes = Array.from(svg.querySelectorAll<SVGGElement>('g.node[data-code]'));
  nodes.forEach((node, i) => {
    const code = node.dataset.code ?? '';
    node.addEventListener('focus', () => {
      remember({ ...state, focused: code });
      vscode.postMessage({ type: 'focus', code });
    });
    node.addEventListener('keydown', (event: KeyboardEvent) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        vscode.postMessage({ type: 'openCode', code, how: event.shiftKey ? 'segments' : 'codebook' });
      } else if (['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp'].includes(event.key)) {
        event.preventDefault();
        const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : -1;
        nodes[(i + step + nodes.length) % nodes.length]?.focus();
      }
    });
    node.addEventListener('dblclick', () => vscode.postMessage({ type: 'openCode', code, how: 'segments' }));
    node.addEventListener('click', () => vscode.postMessage({ type: 'openCode', code, how: 'codebook' }));
  });
  nodes.find((n) => n.dataset.code === state.focused)?.focus({ preventScroll: false });
}

function render(message: Extract<RelationsHostToWebview, { type: 'show' }>): void {
  remember({ ...message.state, focused: state.focused ?? message.state.focused });
  clear(root);
  root.append(toolbar());
  if (message.relations === 0) {
    root.append(el('p', { class: 'note' }, 'No relations between codes yet. Relate a code to another with "Relate Code…" (in the Codebook\'s context menu, or the command palette).'));
    return;
  }
  root.append(el('p', { class: 'note' }, `${message.project} · ${message.codes} codes · ${message.relations} relations · box size: segments coded · Tab or arrow keys move between codes; Enter shows the code in the Codebook, Shift+Enter its segments`));
  const canvas = el('div', { class: 'canvas' });
  const svg = buildSvg(message.svg);
  if (svg) {
    canvas.append(svg);
    wireNodes(svg);
  }
  root.append(canvas);
}

window.addEventListener('message', (event: MessageEvent<RelationsHostToWebview>) => {
  const message = event.data;
  if (message.type === 'noProject') {
    clear(root);
    root.append(el('p', { class: 'note' }, 'Open a folder with a Grounded project to see the relations between its codes.'));
  } else if (message.type === 'show') render(message);
});

const saved = vscode.getState() as RelationsViewState | undefined;
vscode.postMessage(saved ? { type: 'ready', state: saved } : { type: 'ready' });
