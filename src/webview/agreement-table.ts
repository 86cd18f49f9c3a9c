import type { AgreementHostMessage, AgreementSortColumn, AgreementViewState } from '../agreement-protocol';
import type { AgreementRow, PassageRow, ReliabilityBand } from '../core/agreement/panel-types';
import type { AgreementFigures } from '../core/agreement/types';
import { el } from './dom';

type Shown = Extract<AgreementHostMessage, { type: 'agreement' }>;

export interface AgreementActions {
  request(state: AgreementViewState): void;
  reveal(passage: PassageRow): void;
}

interface Column {
  id: AgreementSortColumn;
  title: string;
  /** What sorting reads; null sorts last. */
  value(figures: AgreementFigures): number | null;
  cell(figures: AgreementFigures, band: ReliabilityBand): HTMLElement;
}

const BAND_TEXT: Record<ReliabilityBand, string> = {
  reliable: '✓ reliable',
  tentative: '~ tentative',
  unreliable: '✗ unreliable',
  'not computable': '— not computable',
};

/** The columns that apply: Cohen's κ for two coders, uα on the character continuum only. */
function columnsFor(shown: Shown): Column[] {
  const two = shown.table.coders.length === 2;
  const columns: Column[] = [
    { id: 'alpha', title: 'Krippendorff α', value: (f) => f.krippendorff_alpha, cell: (f, band) => el('td', { class: `number band band-${bandClass(band)}` }, `${figure(f.krippendorff_alpha)} ${BAND_TEXT[band]}`) },
  ];
  if (two) columns.push({ id: 'cohen', title: 'Cohen κ', value: (f) => f.cohen_kappa, cell: (f) => numberCell(f.cohen_kappa) });
  columns.push({ id: 'fleiss', title: 'Fleiss κ', value: (f) => f.fleiss_kappa, cell: (f) => numberCell(f.fleiss_kappa) });
  if (shown.table.unit === 'char') columns.push({ id: 'unitized', title: 'uα', value: (f) => f.unitized_alpha, cell: (f) => numberCell(f.unitized_alpha) });
  columns.push({ id: 'percent', title: '% agree', value: (f) => f.percent, cell: (f) => numberCell(f.percent, 1) });
  columns.push({ id: 'items', title: `${shown.table.unit === 'char' ? 'Characters' : `${capital(shown.table.unit)}s`} agreeing / rated`, value: (f) => f.counts.items, cell: (f) => el('td', { class: 'number' }, `${f.counts.agreeing.toLocaleString('en')} / ${f.counts.items.toLocaleString('en')}`) });
  return columns;
}

/** The per-code table, sorted as the state says, with the overall row and the open drill-down. */
export function agreementTable(shown: Shown, actions: AgreementActions): HTMLElement {
  const { state, table } = shown;
  const columns = columnsFor(shown);
  const coders = table.coders;
  const header = el(
    'tr',
    {},
    sortHeader('code', 'Code', state, actions),
    ...columns.map((c) => sortHeader(c.id, c.title, state, actions)),
    el('th', { scope: 'col' }, `Segments (${coders.map((c) => c.name).join(' / ')})`),
    el('th', { scope: 'col' }, 'Notes'),
  );
  const width = columns.length + 3;
  const body = el('tbody', {});
  for (const row of sortRows(table.rows, columns, state)) {
    body.append(codeRow(row, columns, coders, state, actions));
    if (shown.passages && shown.passages.code === row.code) body.append(drillRow(row, shown.passages, coders, width, actions));
  }
  const overall = el(
    'tr',
    {},
    el('th', { scope: 'row' }, 'All codes (pooled)'),
    ...columns.map((c) => c.cell(table.overall.figures, table.overall.band)),
    el('td', { class: 'number' }, segments(table.overall.figures, coders)),
    notes(table.overall.figures.warnings),
  );
  return el('table', { class: 'agreement' }, el('thead', {}, header), body, el('tfoot', {}, overall));
}

function codeRow(row: AgreementRow, columns: Column[], coders: Shown['table']['coders'], state: AgreementViewState, actions: AgreementActions): HTMLElement {
  const open = state.expanded === row.code;
  const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  if (/^#[0-9a-f]{6}$/i.test(row.color)) swatch.style.background = row.color;
  const toggle = el('button', { class: 'code-toggle', 'aria-expanded': String(open), title: open ? 'Hide the passages where the coders differ' : 'List the passages where the coders differ' }, el('span', { 'aria-hidden': 'true' }, open ? '▾' : '▸'), swatch, row.path);
  toggle.addEventListener('click', () => actions.request({ ...state, expanded: open ? '' : row.code }));
  return el('tr', { 'data-code': row.code }, el('th', { scope: 'row' }, toggle), ...columns.map((c) => c.cell(row.figures, row.band)), el('td', { class: 'number' }, segments(row.figures, coders)), notes(row.figures.warnings));
}

function drillRow(row: AgreementRow, passages: NonNullable<Shown['passages']>, coders: Shown['table']['coders'], width: number, actions: AgreementActions): HTMLElement {
  const names = new Map(coders.map((c) => [c.id, c.name]));
  const who = (ids: string[]) => ids.map((id) => names.get(id) ?? id).join(', ');
  const title = passages.total === 0 ? `The coders agree everywhere on ${row.path}.` : `${passages.total} passage(s) where the coders differ on ${row.path}${passages.total > passages.rows.length ? ` (the first ${passages.rows.length} listed)` : ''}. Open one to see it in its transcript.`;
  const list = el('ul', { class: 'passages', 'aria-label': `Passages where the coders differ on ${row.path}` });
  for (const p of passages.rows) {
    const button = el('button', { class: 'passage' }, el('span', { class: 'meta' }, `${p.transcript} · coded by ${who(p.codedBy)}; not by ${who(p.notCodedBy)}`), el('span', { class: 'quote' }, p.quote));
    button.addEventListener('click', () => actions.reveal(p));
    list.append(el('li', {}, button));
  }
  return el('tr', { class: 'drill' }, el('td', { colspan: String(width) }, el('p', { class: 'note' }, title), list));
}

function sortHeader(id: AgreementSortColumn, title: string, state: AgreementViewState, actions: AgreementActions): HTMLElement {
  const active = state.sort.column === id;
  const sort = active ? (state.sort.descending ? 'descending' : 'ascending') : 'none';
  const button = el('button', { title: `Sort by ${title}` }, title, active ? (state.sort.descending ? ' ▼' : ' ▲') : '');
  button.addEventListener('click', () => actions.request({ ...state, sort: { column: id, descending: active ? !state.sort.descending : false } }));
  return el('th', { scope: 'col', 'aria-sort': sort }, button);
}

function sortRows(rows: readonly AgreementRow[], columns: Column[], state: AgreementViewState): AgreementRow[] {
  const direction = state.sort.descending ? -1 : 1;
  const column = columns.find((c) => c.id === state.sort.column);
  return [...rows].sort((a, b) => {
    if (!column) return direction * a.path.localeCompare(b.path);
    const x = column.value(a.figures);
    const y = column.value(b.figures);
    // Codes without the figure go last whichever way the column is sorted.
    if (x === null || y === null) return x === y ? a.path.localeCompare(b.path) : x === null ? 1 : -1;
    return direction * (x - y) || a.path.localeCompare(b.path);
  });
}

function numberCell(value: number | null, digits = 3): HTMLElement {
  return el('td', { class: 'number' }, figure(value, digits));
}

function figure(value: number | null, digits = 3): string {
  return value === null ? '—' : value.toFixed(digits);
}

function segments(figures: AgreementFigures, coders: Shown['table']['coders']): string {
  return coders.map((c) => String(figures.counts.segments[c.id] ?? 0)).join(' / ');
}

function notes(warnings: readonly string[]): HTMLElement {
  return el('td', { class: 'notes' }, ...warnings.map((w) => el('div', {}, `⚠ ${w}`)));
}

function bandClass(band: ReliabilityBand): string {
  return band === 'not computable' ? 'none' : band;
}

function capital(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
