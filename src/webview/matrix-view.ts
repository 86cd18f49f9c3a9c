import type { CrosstabRow } from '../core/analysis';
import type { AnalysisResult, AnalysisViewState, MatrixColumns, ProjectOutline } from '../protocol';
import { el, heat, option, component, selectValue } from './dom';
import type { ViewActions } from './segments-view';

type MatrixResult = Extract<AnalysisResult, { tab: 'matrix' }>;

/** Codes against transcripts, an attribute's groups, or each other, as a heat map; a cell drills down. */
export function matrixView(state: AnalysisViewState, outline: ProjectOutline, result: MatrixResult | undefined, actions: ViewActions): HTMLElement {
  const root = el('section', { 'aria-label': 'Matrix' });
  const current = state.matrix.kind === 'attribute' ? `attribute:${state.matrix.attribute}` : state.matrix.kind;
  const choices: [string, string][] = [
    ['transcripts', 'Codes × transcripts'],
    ...outline.attributes.map((a): [string, string] => [`attribute:${a.name}`, `Codes × ${a.name}`]),
    ['codes', 'Code co-occurrence'],
  ];
  const select = component('vscode-single-select', { 'aria-label': 'Columns' }, ...choices.map(([value, label]) => option(value, label, value === current)));
  select.addEventListener('change', () => actions.request({ ...state, tab: 'matrix', matrix: columnsOf(selectValue(select)) }));
  root.append(el('div', { class: 'toolbar' }, el('label', {}, 'Columns', select)));
  if (!result) return root;
  const colors = new Map(outline.codes.map((c) => [c.id, c.color]));
  const drill = (expression: string, filter: AnalysisViewState['filter']) => actions.request({ ...state, tab: 'segments', groupBy: 'participant', expression, filter: { ...state.filter, ...filter } });
  const quoted = (path: string) => JSON.stringify(path);

  if (result.columns === 'transcripts') {
    const { matrix } = result;
    const max = Math.max(0, ...matrix.segments.flat());
    root.append(table(['Code', ...matrix.columns.map((c) => c.participant)], matrix.rows.map((row, r) => [codeCell(row.path, colors.get(row.code)), ...matrix.columns.map((column, c) => cell(matrix.segments[r][c], max, `${row.path} in ${column.transcript}: ${matrix.segments[r][c]} segments, ${matrix.words[r][c]} words`, () => drill(`${quoted(row.path)}/**`, { transcripts: [column.transcript] })))])));
  } else if (result.columns === 'codes') {
    const { table: t } = result;
    const max = Math.max(0, ...t.counts.flatMap((row, a) => row.filter((_, b) => a !== b)));
    root.append(table(['Code', ...t.rows.map((r) => r.path)], t.rows.map((row, a) => [codeCell(row.path, colors.get(row.code)), ...t.rows.map((other, b) => cell(t.counts[a][b], a === b ? 0 : max, `${row.path} with ${other.path}: ${t.counts[a][b]} passages, Jaccard ${t.jaccard[a][b].toFixed(2)}`, () => drill(`${quoted(row.path)}/** AND ${quoted(other.path)}/**`, {})))])));
    root.append(el('p', { class: 'note' }, 'Each cell: passages coded with both codes (with sub-codes). Hover for Jaccard: text coded with both ÷ text coded with either.'));
  } else {
    const { table: t } = result;
    const max = Math.max(0, ...t.rows.flatMap((r) => r.participantsColumnPercent));
    root.append(table(
      ['Code', ...t.columns.map((c) => `${c.value} (n=${c.participants})`), 'Test (participants)'],
      t.rows.map((row) => [
        codeCell(row.path, colors.get(row.code)),
        ...t.columns.map((column, c) => cell(row.participants[c], max, `${row.path}, ${t.attribute} = ${column.value}: ${row.segments[c]} segments, ${row.participants[c]} of ${column.participants} participants (${row.participantsColumnPercent[c].toFixed(0)}%)`, () => drill(`${quoted(row.path)}/**`, { attributes: [{ attribute: t.attribute, equals: [column.value] }] }), `${row.participants[c]} (${row.participantsColumnPercent[c].toFixed(0)}%)`, row.participantsColumnPercent[c])),
        testCell(row),
      ]),
    ));
    root.append(el('p', { class: 'note' }, `Each cell: participants in the group with the code, and their share of the group. The test is Pearson's χ² on participants where the counts allow, Fisher's exact test where they are too few, "—" where neither can say anything (hover a row's test for why).`));
  }
  return root;
}

/** χ², else Fisher's exact test, else "—"; the reason (and the exact test's name) on hover. */
function testCell(row: CrosstabRow): HTMLElement {
  const p = (value: number): string => (value < 0.001 ? 'p<0.001' : `p=${value.toFixed(3)}`);
  const { test, exact } = row;
  if (test.computed) return el('td', { title: `Pearson's χ² = ${test.chiSquare.toFixed(3)}, df = ${test.df}, n = ${test.n} participants` }, `χ²=${test.chiSquare.toFixed(2)}, ${p(test.p)}`);
  if (exact?.computed) return el('td', { title: `Fisher's exact test on ${exact.n} participants (χ² not computed: ${test.reason})` }, `exact ${p(exact.p)}`);
  return el('td', { title: `Not computed: ${test.reason}` }, '—');
}

function columnsOf(value: string): MatrixColumns {
  if (value.startsWith('attribute:')) return { kind: 'attribute', attribute: value.slice('attribute:'.length) };
  return value === 'codes' ? { kind: 'codes' } : { kind: 'transcripts' };
}

function table(header: string[], rows: HTMLElement[][]): HTMLElement {
  return el('table', { class: 'matrix' }, el('thead', {}, el('tr', {}, ...header.map((h) => el('th', { scope: 'col' }, h)))), el('tbody', {}, ...rows.map((cells) => el('tr', {}, ...cells))));
}

function codeCell(path: string, color: string | undefined): HTMLElement {
  const swatch = el('span', { class: 'swatch', 'aria-hidden': 'true' });
  if (color) swatch.style.background = color;
  return el('th', { scope: 'row' }, swatch, path);
}

function cell(value: number, max: number, title: string, drill: () => void, label = String(value), shade = value): HTMLElement {
  const td = el('td', { title });
  td.style.background = heat(shade, max);
  if (value > 0) {
    const button = el('button', { 'aria-label': title }, label);
    button.addEventListener('click', drill);
    td.append(button);
  } else {
    td.append(label);
  }
  return td;
}
