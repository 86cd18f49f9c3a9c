import * as vscode from 'vscode';
import { quickPickText } from '../../core/views/untrusted-text';
import { notice, showInformation, showWarning } from '../ui/notifications';
import { queryNameFor, queryPath, writeQueryFile, type SavedQuery } from '../../core/analysis/query-file';
import { tidyCsv } from '../../core/analysis/render/tidy-csv';
import type { AnalysisTab, AnalysisViewState } from '../../protocol';
import type { CodebookNode } from '../codebook/codebook-tree';
import type { IndexHost } from '../project/index-host';
import type { ProjectHost } from '../project/project-host';
import { AnalysisPanels } from './analysis-panel';
import { PreparedAnalysis } from './prepared-analysis';
import { QueriesTreeProvider, type QueryNode } from './queries-tree';
import { Autocoder } from '../autocode/autocoder';
import { AutocodeFlow, type AutocodeArgs } from '../autocode/autocode-command';
import { resolveOrCreate } from '../coding/coding-commands';
import { gatheredInto } from '../../core/rounds/gathered-codes';
import { registerKeyboardAnalysis } from './keyboard-analysis';
import { askText, pickItem, prompts } from '../ui/prompts';

export interface AnalysisApi {
  analysis: AnalysisPanels;
  queries: QueriesTreeProvider;
  autocode: AutocodeFlow;
  /** Which of Grounded's quick inputs is on screen (the keyboard tests wait for it). */
  prompts: typeof prompts;
}

/** The Analysis panel, the Queries view and their commands. */
export function registerAnalysis(context: vscode.ExtensionContext, host: ProjectHost, index: IndexHost): AnalysisApi {
  const queries = new QueriesTreeProvider(host);
  const autocoder = new Autocoder(host);
  const prepared = new PreparedAnalysis(host, index);
  const analysis = new AnalysisPanels(context.extensionUri, host, index, prepared, {
    saveQuery: (_title, state) => saveQuery(host, state, queries),
    exportCsv: async () => void (await exportCsv(host, prepared)),
    search: (project, state) => autocoder.search(project, state),
    autocode: async (passages, code) => {
      const codebook = host.require().store.codebook();
      const path = (id: string) => codebook.path(id).join('/');
      // The page lists only codes one can apply, but its choice may be older than a gathering.
      const into = gatheredInto(codebook, code);
      if (codebook.get(code) === undefined) void showWarning(notice`Nothing was coded: the code chosen is no longer in the codebook. Choose another.`);
      else if (into) void showWarning(notice`Nothing was coded: ${path(code)} was gathered into ${path(into.id)}. Apply ${path(into.id)} instead.`);
      else autocoder.report(await autocoder.apply(passages, [code]), path(code));
    },
    newCode: () => newCode(host),
  });
  const autocode = new AutocodeFlow(host, autocoder, async () => (await prepared.context())?.project);
  const open = (tab: AnalysisTab) => () => analysis.show({ tab });
  context.subscriptions.push(
    analysis,
    queries,
    vscode.window.createTreeView<QueryNode>('grounded.queries', { treeDataProvider: queries }),
    vscode.commands.registerCommand('grounded.analysis.openSegments', open('segments')),
    vscode.commands.registerCommand('grounded.analysis.openMatrix', open('matrix')),
    vscode.commands.registerCommand('grounded.analysis.openFrequencies', open('frequencies')),
    vscode.commands.registerCommand('grounded.analysis.openSaturation', open('saturation')),
    // From the Codebook view: the code's node; from a keybinding: `{ code }` to highlight in the pick.
    vscode.commands.registerCommand('grounded.analysis.retrieveCode', (node?: CodebookNode | { code?: string }) => (node && 'kind' in node ? retrieveCode(host, analysis, node) : retrieveCode(host, analysis, undefined, node))),
    vscode.commands.registerCommand('grounded.analysis.runQuery', (node?: QueryNode) => runQuery(analysis, queries, node)),
    vscode.commands.registerCommand('grounded.analysis.exportCsv', () => exportCsv(host, prepared)),
    vscode.commands.registerCommand('grounded.analysis.refreshQueries', () => queries.refresh()),
    vscode.commands.registerCommand('grounded.analysis.searchAndAutocode', (args?: AutocodeArgs) => autocode.run(args)),
    vscode.commands.registerCommand('grounded.analysis.openSearch', () => analysis.show({ tab: 'search' })),
    ...registerKeyboardAnalysis(host, prepared, analysis, (state) => saveQuery(host, state, queries)),
  );
  return { analysis, queries, autocode, prompts };
}

async function newCode(host: ProjectHost): Promise<string | undefined> {
  const name = await vscode.window.showInputBox({ title: 'New code to apply', prompt: 'A name, or Parent/Child to make it a sub-code', validateInput: (v) => (v.trim() ? undefined : 'Give the code a name') });
  return name?.trim() ? resolveOrCreate(host, name.trim()) : undefined;
}

async function retrieveCode(host: ProjectHost, analysis: AnalysisPanels, node: CodebookNode | undefined, args?: { code?: string }): Promise<void> {
  const codebook = host.project?.store.codebook();
  if (!codebook) return;
  let id = node?.kind === 'code' ? node.id : undefined;
  if (!id) {
    const wanted = args?.code?.toLocaleLowerCase();
    const items = codebook.all().map((c) => ({ label: quickPickText(codebook.path(c.id).join('/')), value: c.id })).sort((a, b) => a.label.localeCompare(b.label));
    id = await pickItem('analysis.retrieveCode', items, { title: 'Retrieve the segments of which code?', active: (i) => !!wanted && (codebook.path(i.value).join('/').toLocaleLowerCase() === wanted || codebook.get(i.value)?.name.toLocaleLowerCase() === wanted) });
  }
  if (id) analysis.show({ tab: 'segments', expression: `${JSON.stringify(codebook.path(id).join('/'))}/**`, groupBy: 'participant', filter: {} });
}

async function runQuery(analysis: AnalysisPanels, queries: QueriesTreeProvider, node: QueryNode | undefined): Promise<void> {
  let chosen = node;
  if (!chosen?.query) {
    const readable = (await queries.list()).filter((q) => q.query);
    const picked = await vscode.window.showQuickPick(readable.map((q) => ({ label: quickPickText(q.query?.title || q.name), description: quickPickText(q.query?.codes ?? ''), node: q })), { placeHolder: readable.length ? 'Run which saved query?' : 'No saved queries yet: save one from the Analysis panel' });
    chosen = picked?.node;
  }
  if (!chosen?.query) return;
  analysis.show({ tab: 'segments', expression: chosen.query.codes ?? '', filter: chosen.query.filter, groupBy: chosen.query.groupBy ?? 'participant' });
}

async function saveQuery(host: ProjectHost, state: AnalysisViewState, queries: QueriesTreeProvider): Promise<void> {
  const project = host.project;
  if (!project) return;
  const title = await askText('analysis.saveQuery', { title: 'Save Query', prompt: 'A title for this query (it names the file in .grounded/queries/)', value: state.expression, validate: (v) => (v.trim() ? undefined : 'Give the query a title') });
  if (!title) return;
  const name = queryNameFor(title);
  const path = queryPath(name);
  const existing = await project.fs.readFile(path);
  if (existing !== undefined) {
    const answer = await showWarning(notice`A saved query ${path} exists already. Replace it?`, { modal: true }, 'Replace');
    if (answer !== 'Replace') return;
  }
  const query: SavedQuery = { title: title.trim(), ...(state.expression.trim() ? { codes: state.expression.trim() } : {}), filter: state.filter, groupBy: state.groupBy };
  const outcome = await project.store.writeProjectFile(path, writeQueryFile(query), existing);
  if (outcome === 'kept-on-disk') {
    void showWarning(notice`${path} changed on disk meanwhile; it was kept as it is. Save the query again to replace it.`);
    return;
  }
  queries.refresh();
  void showInformation(notice`Saved as ${path}. Run it again with: grounded query ${name}`);
}

async function exportCsv(host: ProjectHost, analysis: PreparedAnalysis): Promise<vscode.Uri | undefined> {
  const project = host.project;
  const prepared = await analysis.get();
  if (!project || !prepared) return undefined;
  const { snapshot, context } = prepared;
  const target = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(project.fs.root, `${queryNameFor(snapshot.config.name)}-coding.csv`), filters: { CSV: ['csv'] }, title: 'Export coding as CSV (one row per segment and code)' });
  if (!target) return undefined;
  const csv = tidyCsv(context);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(csv));
  void showInformation(notice`Exported ${csv.split('\r\n').length - 2} rows to ${vscode.workspace.asRelativePath(target)}.`);
  return target;
}
