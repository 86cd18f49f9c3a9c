import * as vscode from 'vscode';
import type { AnalysisContext, SegmentFilter } from '../../core/analysis';
import { answerRequest } from '../../core/analysis/answer-request';
import { ExpressionSyntaxError, parseCodeExpression } from '../../core/analysis/code-expression-parser';
import { queryNameFor } from '../../core/analysis/query-file';
import { querySection, reportAsMarkdown } from '../../core/analysis/render/report';
import type { AnalysisViewState, ProjectOutline } from '../../protocol';
import type { ProjectHost } from '../project/project-host';
import { notice, showInformation, showWarning } from '../ui/notifications';
import { askText, pickItem, type PickItem } from '../ui/prompts';
import { quickPickText } from '../ui/untrusted';
import type { AnalysisPanels } from './analysis-panel';
import type { PreparedAnalysis } from './prepared-analysis';

type Item<T> = PickItem<T>;

/** Preferred answers a keybinding may pass: highlighted or filled in, and confirmed with Enter. */
export interface KeyboardAnalysisArgs {
  expression?: string;
  attribute?: string;
  value?: string;
  /** A table cell: its row's code path and its column's value (participant, attribute value, code path). */
  row?: string;
  column?: string;
}

/**
 * What the Analysis panel does with the mouse, as commands with quick picks, so a whole analysis
 * can be done from the keyboard (and from keybindings): write a query, filter by an attribute,
 * crosstab by an attribute, open a table cell's passages, save the query, export a report.
 */
export function registerKeyboardAnalysis(host: ProjectHost, prepared: PreparedAnalysis, analysis: AnalysisPanels, saveQuery: (state: AnalysisViewState) => Promise<void>): vscode.Disposable[] {
  const context = (): Promise<AnalysisContext | undefined> => prepared.context();
  return [
    vscode.commands.registerCommand('grounded.analysis.queryCodes', (args?: KeyboardAnalysisArgs) => queryCodes(analysis, args)),
    vscode.commands.registerCommand('grounded.analysis.filterByAttribute', async (args?: KeyboardAnalysisArgs) => filterByAttribute(analysis, (await prepared.get())?.outline, args)),
    vscode.commands.registerCommand('grounded.analysis.crosstab', async (args?: KeyboardAnalysisArgs) => crosstabBy(analysis, (await prepared.get())?.outline, args)),
    vscode.commands.registerCommand('grounded.analysis.openCell', async (args?: KeyboardAnalysisArgs) => openCell(analysis, await context(), args)),
    vscode.commands.registerCommand('grounded.analysis.saveQuery', () => saveQuery(analysis.viewState)),
    vscode.commands.registerCommand('grounded.analysis.exportReport', async () => exportReport(host, analysis, await context())),
  ];
}

async function queryCodes(analysis: AnalysisPanels, args: KeyboardAnalysisArgs = {}): Promise<string | undefined> {
  const expression = await askText('analysis.query', {
    title: 'Query codes',
    prompt: 'Codes combined with AND, OR, NOT, NEAR/N, NEAR/TURN, FOLLOWED BY/N; names with spaces in "double quotes"; empty: every segment',
    value: args.expression ?? analysis.viewState.expression,
    validate: (value) => {
      if (!value.trim()) return undefined;
      try {
        parseCodeExpression(value);
        return undefined;
      } catch (error) {
        return error instanceof ExpressionSyntaxError ? error.message : String(error);
      }
    },
  });
  if (expression === undefined) return undefined;
  analysis.show({ tab: 'segments', expression: expression.trim() });
  return expression.trim();
}

/** The participants' attributes, from the outline the panel is sent too. */
function attributeItems(outline: ProjectOutline): Item<string>[] {
  return outline.attributes.map((a) => ({ label: quickPickText(a.name), description: quickPickText(a.values.map(String).join(', ')), value: a.name }));
}

function pickOne<T>(id: string, items: Item<T>[], title: string, preferred: T | undefined): Promise<T | undefined> {
  return pickItem(id, items, { title, active: (item) => preferred !== undefined && item.value === preferred });
}

/** Narrow the panel's segments (and tables) to participants with one value of an attribute. */
async function filterByAttribute(analysis: AnalysisPanels, outline: ProjectOutline | undefined, args: KeyboardAnalysisArgs = {}): Promise<SegmentFilter | undefined> {
  if (!outline) return undefined;
  const none: Item<string> = { label: 'No attribute filter', description: 'every participant', value: '' };
  const attribute = await pickOne('analysis.filter.attribute', [none, ...attributeItems(outline)], 'Filter the analysis by which attribute?', args.attribute);
  if (attribute === undefined) return undefined;
  const rest = { ...analysis.viewState.filter, attributes: undefined };
  if (attribute === '') {
    analysis.show({ filter: rest });
    return rest;
  }
  const values = outline.attributes.find((a) => a.name === attribute)?.values ?? [];
  const value = await pickOne('analysis.filter.value', values.map((v) => ({ label: quickPickText(String(v)), value: String(v) })), `Only participants whose ${quickPickText(attribute)} is…`, args.value);
  if (value === undefined) return undefined;
  const filter: SegmentFilter = { ...rest, attributes: [{ attribute, equals: [value] }] };
  analysis.show({ filter });
  return filter;
}

async function crosstabBy(analysis: AnalysisPanels, outline: ProjectOutline | undefined, args: KeyboardAnalysisArgs = {}): Promise<string | undefined> {
  if (!outline) return undefined;
  const attribute = await pickOne('analysis.crosstab', attributeItems(outline), 'Crosstab codes by which attribute?', args.attribute);
  if (attribute) analysis.show({ tab: 'matrix', matrix: { kind: 'attribute', attribute } });
  return attribute;
}

/** The table the panel shows (or would), its non-empty cells listed; the chosen one's passages open. */
async function openCell(analysis: AnalysisPanels, context: AnalysisContext | undefined, args: KeyboardAnalysisArgs = {}): Promise<boolean> {
  if (!context) return false;
  const state = analysis.viewState;
  const answer = answerRequest(context, { ...state, tab: 'matrix' });
  if (!answer.ok || answer.result.tab !== 'matrix') {
    void showWarning(notice`The table cannot be computed: ${answer.ok ? 'no table' : answer.message}`);
    return false;
  }
  const quoted = (path: string) => `${JSON.stringify(path)}/**`;
  const cells: (Item<Partial<AnalysisViewState>> & { row: string; column: string })[] = [];
  const result = answer.result;
  if (result.columns === 'attribute') {
    const t = result.table;
    for (const row of t.rows) t.columns.forEach((column, c) => row.participants[c] > 0 && cells.push({ row: row.path, column: String(column.value), label: quickPickText(`${row.path} · ${column.value}`), description: `${row.participants[c]} of ${column.participants} participants, ${row.segments[c]} segments`, value: { expression: quoted(row.path), filter: { ...state.filter, attributes: [{ attribute: t.attribute, equals: [column.value] }] } } }));
  } else if (result.columns === 'transcripts') {
    const m = result.matrix;
    m.rows.forEach((row, r) => m.columns.forEach((column, c) => m.segments[r][c] > 0 && cells.push({ row: row.path, column: column.participant, label: quickPickText(`${row.path} · ${column.participant}`), description: `${m.segments[r][c]} segments`, value: { expression: quoted(row.path), filter: { ...state.filter, transcripts: [column.transcript] } } })));
  } else {
    const t = result.table;
    t.rows.forEach((row, a) => t.rows.forEach((other, b) => a < b && t.counts[a][b] > 0 && cells.push({ row: row.path, column: other.path, label: quickPickText(`${row.path} · ${other.path}`), description: `${t.counts[a][b]} passages`, value: { expression: `${quoted(row.path)} AND ${quoted(other.path)}`, filter: state.filter } })));
  }
  const wanted = (cell: (typeof cells)[number]) => cell.row.toLocaleLowerCase() === args.row?.toLocaleLowerCase() && cell.column.toLocaleLowerCase() === args.column?.toLocaleLowerCase();
  const picked = await pickItem('analysis.cell', cells, { title: 'Show the passages of which cell?', active: (item) => wanted(item as (typeof cells)[number]) });
  if (!picked) return false;
  analysis.show({ ...picked, tab: 'segments', groupBy: 'participant' });
  return true;
}

/** The passages the Segments tab shows (its expression and filters), as a Markdown report. */
async function exportReport(host: ProjectHost, analysis: AnalysisPanels, context: AnalysisContext | undefined): Promise<vscode.Uri | undefined> {
  const project = host.project;
  if (!project || !context) return undefined;
  const state = analysis.viewState;
  const answer = answerRequest(context, { ...state, tab: 'segments' });
  if (!answer.ok || answer.result.tab !== 'segments') {
    void showWarning(notice`The report cannot be made: ${answer.ok ? 'no passages' : answer.message}`);
    return undefined;
  }
  const title = state.expression.trim() || 'All coded segments';
  const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(project.fs.root, `${queryNameFor(title)}-report.md`), filters: { Markdown: ['md'] }, title: 'Export the passages shown as a Markdown report' });
  if (!target) return undefined;
  const filter = state.filter.attributes?.map((a) => ('equals' in a ? `${a.attribute} = ${a.equals.join(' or ')}` : a.attribute)).join('; ');
  const markdown = reportAsMarkdown(host.require().store.config.name, [querySection(title, filter ? `Only participants with ${filter}` : undefined, state.expression.trim() || undefined, answer.result.hits)]);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(markdown));
  void showInformation(notice`Exported ${answer.result.hits.length} passages to ${vscode.workspace.asRelativePath(target)}.`);
  return target;
}
