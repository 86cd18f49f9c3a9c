/**
 * The Agreement panel in the webview: choose coders, unit and transcript; read agreement per code,
 * worst first; open a code to list the passages where the coders differ. It holds no logic of the
 * study: it asks the extension (`request`), draws what comes back, and keeps its view state with
 * setState so a reloaded window comes back to it.
 */
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import { isAgreementViewState, type AgreementHostMessage, type AgreementViewState, type AgreementWebviewMessage } from '../agreement-protocol';
import { AGREEMENT_CSS } from './agreement-style';
import { agreementTable, type AgreementActions } from './agreement-table';
import { agreementToolbar } from './agreement-toolbar';
import { clear, el } from './dom';

interface VsCodeApi {
  postMessage(message: AgreementWebviewMessage): void;
  getState(): unknown;
  setState(state: AgreementViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;
document.head.append(el('style', { nonce: root.dataset.nonce ?? '' }, AGREEMENT_CSS));

const actions: AgreementActions = {
  request: (state) => {
    vscode.setState(state);
    vscode.postMessage({ type: 'request', state });
  },
  reveal: (p) => vscode.postMessage({ type: 'reveal', transcript: p.transcript, start: p.start, end: p.end }),
};

const UNIT_NAMES = { char: 'characters', turn: 'speaker turns', paragraph: 'paragraphs', line: 'lines' };

function render(message: Extract<AgreementHostMessage, { type: 'agreement' | 'problem' }>): void {
  vscode.setState(message.state);
  const focused = document.activeElement instanceof HTMLElement ? focusKey(document.activeElement) : undefined;
  clear(root);
  root.append(agreementToolbar(message.state, message.choices, actions.request));
  if (message.type === 'problem') {
    root.append(el('p', { class: 'problem', role: 'alert' }, message.message));
    return;
  }
  const { table } = message;
  root.append(
    el('p', { class: 'note' }, `${table.coders.map((c) => c.name).join(', ')} · over ${UNIT_NAMES[table.unit]} · ${table.transcripts.length} transcript(s) compared · ${table.rows.length} code(s) used${table.unused.length ? `, ${table.unused.length} not used by these coders` : ''}`),
    legend(),
  );
  if (table.warnings.length > 0) root.append(el('ul', { class: 'warnings', 'aria-label': 'Warnings' }, ...table.warnings.map((w) => el('li', {}, `⚠ ${w}`))));
  root.append(agreementTable(message, actions));
  restoreFocus(focused);
}

function legend(): HTMLElement {
  return el(
    'p',
    { class: 'legend', 'aria-label': 'Reliability bands' },
    'Reliability of Krippendorff α (Krippendorff 2004):',
    el('span', { class: 'band-reliable' }, '✓ reliable: α ≥ 0.800'),
    el('span', { class: 'band-tentative' }, '~ tentative: 0.667 ≤ α < 0.800'),
    el('span', { class: 'band-unreliable' }, '✗ unreliable: α < 0.667'),
  );
}

/** The same control after a redraw keeps the keyboard focus (a sort header, a code's toggle). */
function focusKey(element: HTMLElement): string | undefined {
  const row = element.closest('tr')?.getAttribute('data-code');
  if (element.classList.contains('code-toggle') && row) return `code:${row}`;
  const header = element.closest('th[aria-sort]');
  if (header) return `sort:${Array.prototype.indexOf.call(header.parentElement!.children, header)}`;
  return undefined;
}

function restoreFocus(key: string | undefined): void {
  if (!key) return;
  const [kind, value] = key.split(/:(.*)/s);
  const target: HTMLElement | null | undefined =
    kind === 'code'
      ? Array.from(root.querySelectorAll('tr[data-code]')).find((tr) => tr.getAttribute('data-code') === value)?.querySelector('.code-toggle')
      : root.querySelectorAll('thead th')[Number(value)]?.querySelector('button');
  target?.focus();
}

window.addEventListener('message', (event: MessageEvent<AgreementHostMessage>) => {
  const message = event.data;
  if (message.type === 'noProject') {
    clear(root);
    root.append(el('p', { class: 'note' }, 'Open a folder with a Grounded project to compare its coders.'));
  } else if (message.type === 'agreement' || message.type === 'problem') {
    render(message);
  }
});

const saved = vscode.getState();
vscode.postMessage(isAgreementViewState(saved) ? { type: 'ready', state: saved } : { type: 'ready' });
