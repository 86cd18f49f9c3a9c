import * as vscode from 'vscode';
import { parseQueryFile, queryPath, QUERIES_FOLDER, type SavedQuery } from '../../core/analysis/query-file';
import type { ProjectHost } from '../project/project-host';

export interface QueryNode {
  name: string;
  query?: SavedQuery;
  problem?: string;
}

/** The saved queries (`.grounded/queries/*.json`), re-read when one changes on disk. */
export class QueriesTreeProvider implements vscode.TreeDataProvider<QueryNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(private readonly host: ProjectHost) {
    const watchWhenOpen = () => {
      const project = host.project;
      if (!project) return;
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(project.fs.root, `${QUERIES_FOLDER}/*.json`));
      this.disposables.push(watcher, watcher.onDidCreate(() => this.refresh()), watcher.onDidChange(() => this.refresh()), watcher.onDidDelete(() => this.refresh()));
      this.refresh();
    };
    if (host.project) watchWhenOpen();
    else this.disposables.push({ dispose: host.onDidOpenProject(watchWhenOpen).dispose });
  }

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(node?: QueryNode): Promise<QueryNode[]> {
    if (node) return [];
    return this.list();
  }

  /** Every saved query, readable or not (an unreadable one says why). */
  async list(): Promise<QueryNode[]> {
    const project = this.host.project;
    if (!project) return [];
    const entries = await project.fs.readDirectory(QUERIES_FOLDER);
    const nodes: QueryNode[] = [];
    for (const entry of entries.filter((e) => e.kind === 'file' && e.name.endsWith('.json')).sort((a, b) => a.name.localeCompare(b.name))) {
      const name = entry.name.slice(0, -'.json'.length);
      const text = await project.fs.readFile(queryPath(name));
      const parsed = text === undefined ? undefined : parseQueryFile(queryPath(name), text);
      nodes.push(parsed?.ok ? { name, query: parsed.query } : { name, problem: parsed ? parsed.problems[0].message : 'could not be read' });
    }
    return nodes;
  }

  getTreeItem(node: QueryNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.query?.title || node.name, vscode.TreeItemCollapsibleState.None);
    item.id = `query:${node.name}`;
    item.description = node.problem ? `unreadable: ${node.problem}` : node.query?.codes ?? 'every segment';
    // Plain text: a query file may come from a collaborator's pull request.
    item.tooltip = [node.query?.description, `.grounded/queries/${node.name}.json`].filter(Boolean).join('\n');
    item.iconPath = new vscode.ThemeIcon(node.problem ? 'warning' : 'search');
    item.contextValue = node.problem ? 'grounded.brokenQuery' : 'grounded.query';
    if (!node.problem) item.command = { command: 'grounded.analysis.runQuery', title: 'Run Query', arguments: [node] };
    return item;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
