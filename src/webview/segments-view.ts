import type { Hit } from '../core/analysis';
import type { AnalysisResult, AnalysisViewState, ProjectOutline } from '../protocol';

type SegmentsAnswer = Omit<Extract<AnalysisResult, { tab: 'segments' }>, 'tab'>;
import { component, el, option, selectValue } from './dom';

export interface ViewActions {
  request(state: AnalysisViewState): void;
  reveal(hit: Hit): void;
  saveQuery(state: AnalysisViewState): void;
  exportCsv(state: AnalysisViewState): void;
}

/** The retrieval list: an expression and filters on top, the passages grouped below. */
/** `partial`: `hits` are the first passages only, the rest on their way (counts wait for them). */
export function segmentsView(state: AnalysisViewState, outline: ProjectOutline, answer: SegmentsAnswer | undefined, actions: ViewActions, partial = false): HTMLElement {
  const root = el('section', { 'aria-label': 'Segments' });
  const expression = component('vscode-textfield', { class: 'expression', placeholder: 'Codes, e.g. Invalidation AND Pay, A NEAR/TURN B (empty: every segment)', value: state.expression, 'aria-label': 'Code expression' });
  const coder = filterSelect('Coder', ['', ...outline.coders], state.filter.coders?.[0] ?? '', (v) => v || 'any coder');
  const attribute = filterSelect('Attribute', ['', ...outline.attributes.map((a) => a.name)], state.filter.attributes?.[0]?.attribute ?? '', (v) => v || 'no attribute filter');
  const current = state.filter.attributes?.[0];
  const currentValue = current && 'equals' in current ? String(current.equals[0] ?? '') : '';
  const values = outline.attributes.find((a) => a.name === current?.attribute)?.values.map(String) ?? [];
  const value = filterSelect('Value', ['', ...values], currentValue, (v) => v || 'any value');
  const roundNames = new Map(outline.rounds.map((r) => [r.id, r.name]));
  const round = filterSelect('Round', ['', ...outline.rounds.map((r) => r.id)], state.filter.rounds?.[0] ?? '', (v) => (v ? (roundNames.get(v) ?? v) : 'any round'));
  const groupBy = filterSelect('Group by', ['code', 'transcript', 'participant'], state.groupBy, (v) => v);
  const text = component('vscode-textfield', { placeholder: 'words in the passage', value: state.filter.text ?? '', 'aria-label': 'Words in the passage' });

  const read = (): AnalysisViewState => {
    const attributeName = selectValue(attribute.select);
    const attributeValue = selectValue(value.select);
    const wanted = (text as HTMLElement & { value?: string }).value ?? '';
    return {
      ...state,
      tab: 'segments',
      expression: (expression as HTMLElement & { value?: string }).value ?? '',
      groupBy: selectValue(groupBy.select) as AnalysisViewState['groupBy'],
      filter: {
        ...(selectValue(coder.select) ? { coders: [selectValue(coder.select)] } : {}),
        ...(attributeName && attributeValue ? { attributes: [{ attribute: attributeName, equals: [attributeValue] }] } : {}),
        ...(wanted ? { text: wanted } : {}),
        ...(selectValue(round.select) ? { rounds: [selectValue(round.select)] } : {}),
        ...(state.filter.transcripts ? { transcripts: state.filter.transcripts } : {}),
      },
    };
  };
  const run = component('vscode-button', {}, 'Run');
  run.addEventListener('click', () => actions.request(read()));
  expression.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Enter') actions.request(read());
  });
  attribute.select.addEventListener('change', () => actions.request({ ...read(), filter: { ...read().filter, attributes: undefined } }));
  for (const changed of [coder.select, value.select, round.select, groupBy.select]) changed.addEventListener('change', () => actions.request(read()));
  const save = component('vscode-button', { secondary: '' }, 'Save Query…');
  save.addEventListener('click', () => actions.saveQuery(read()));
  const csv = component('vscode-button', { secondary: '' }, 'Export CSV…');
  csv.addEventListener('click', () => actions.exportCsv(read()));

  root.append(el('div', { class: 'toolbar' }, labelled('Codes', expression), run, coder.label, attribute.label, value.label, round.label, labelled('Text', text), groupBy.label, save, csv));
  if (state.filter.transcripts?.length) root.append(el('p', { class: 'note' }, `Only ${state.filter.transcripts.join(', ')}`));
  if (!answer) return root;
  const { hits, truncated, notes } = answer;
  for (const note of notes) root.append(el('p', { class: 'note hint' }, note));
  const count = partial ? `The first ${hits.length} passages; the rest are coming…` : `${hits.length}${truncated ? '+' : ''} passage${hits.length === 1 ? '' : 's'}${truncated ? ' (the first ones; narrow the query to see the rest)' : ''}`;
  root.append(el('p', { class: 'note', role: 'status' }, count));
  const colors = new Map(outline.codes.map((c) => [c.id, c]));
  const rows = [...groups(hits, state.groupBy, outline)].flatMap(([title, list]) => [() => el('div', { class: 'group-title' }, partial ? title : `${title} (${list.length})`), ...list.map((hit) => () => hitButton(hit, colors, actions))]);
  appendInParts(root, rows);
  return root;
}

/** Rows drawn at once; the rest follow in parts of this size, each after the page had its turn. */
const ROWS_AT_ONCE = 150;

/**
 * A result of thousands of passages is drawn in parts: the first screenful at once, so the panel
 * shows its result without waiting for every row to be built, and the rest while it is on screen.
 * A result drawn over (another request answered) stops the parts of the old one.
 */
function appendInParts(root: HTMLElement, rows: (() => HTMLElement)[], from = 0): void {
  root.append(...rows.slice(from, from + ROWS_AT_ONCE).map((row) => row()));
  if (from + ROWS_AT_ONCE >= rows.length) return;
  setTimeout(() => {
    if (root.isConnected) appendInParts(root, rows, from + ROWS_AT_ONCE);
  }, 0);
}

function hitButton(hit: Hit, codes: Map<string, { path: string; color: string }>, actions: ViewActions): HTMLElement {
  const names = hit.codes.map((c) => codes.get(c)?.path ?? c).join(', ');
  const button = el(
    'button',
    { class: 'hit', title: 'Show in the transcript' },
    el('span', { class: 'context' }, `${hit.beforeCut ? '…' : ''}${hit.before}`),
    el('span', { class: 'quote' }, hit.text),
    el('span', { class: 'context' }, `${hit.after}${hit.afterCut ? '…' : ''}`),
    // The speaker is named only when it is not the participant (an interviewer's turn).
    el('span', { class: 'meta' }, [hit.participant, hit.speaker !== hit.participant && hit.speaker, names, hit.coders.join(', ')].filter(Boolean).join(' · ')),
  );
  const color = codes.get(hit.codes[0])?.color;
  if (color) button.style.setProperty('--hit-color', color);
  button.addEventListener('click', () => actions.reveal(hit));
  return button;
}

function groups(hits: Hit[], groupBy: AnalysisViewState['groupBy'], outline: ProjectOutline): Map<string, Hit[]> {
  const paths = new Map(outline.codes.map((c) => [c.id, c.path]));
  const result = new Map<string, Hit[]>();
  for (const hit of hits) {
    const keys = groupBy === 'code' ? (hit.codes.length ? hit.codes.map((c) => paths.get(c) ?? c) : ['(no code)']) : [groupBy === 'participant' ? hit.participant : hit.transcript];
    for (const key of keys) {
      const list = result.get(key);
      if (list) list.push(hit);
      else result.set(key, [hit]);
    }
  }
  return groupBy === 'code' ? new Map([...result].sort((a, b) => a[0].localeCompare(b[0]))) : result;
}

function filterSelect(title: string, values: string[], selected: string, label: (value: string) => string): { label: HTMLElement; select: HTMLElement } {
  const select = component('vscode-single-select', { 'aria-label': title }, ...values.map((v) => option(v, label(v), v === selected)));
  return { label: labelled(title, select), select };
}

function labelled(title: string, control: HTMLElement): HTMLElement {
  return el('label', {}, title, control);
}
