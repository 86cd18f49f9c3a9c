import * as vscode from 'vscode';
import type { CodeId } from '../../core/model';
import { relationLines, relationsMermaid, renderRelationsSvg, svgMarkup } from '../../core/relations';
import { queryNameFor } from '../../core/analysis/query-file';
import { StoreError } from '../../core/storage/errors';
import type { RelationsViewState } from '../../relations-protocol';
import { codeOfNode, type CodebookNode } from '../codebook/codebook-tree';
import type { IndexHost } from '../project/index-host';
import type { ProjectHost } from '../project/project-host';
import { notice, showError, showInformation } from '../ui/notifications';
import { quickPickText } from '../ui/untrusted';
import { RelationsPanel } from './relations-panel';

/** A code as the commands receive it: a Codebook node, an id, or nothing (the selection, or a pick). */
type CodeArg = CodebookNode | CodeId | undefined;

export interface RelationsApi {
  relations: RelationsPanel;
}

/** Relate Code…, Remove Relation…, the Relations panel and its exports. */
export function registerRelations(context: vscode.ExtensionContext, host: ProjectHost, index: IndexHost, view: vscode.TreeView<CodebookNode>): RelationsApi {
  const store = () => host.require().store;
  const codeOf = async (arg: CodeArg, placeHolder: string): Promise<CodeId | undefined> => {
    if (typeof arg === 'string') return arg;
    const chosen = arg ? codeOfNode(arg) : view.selection[0] && codeOfNode(view.selection[0]);
    if (chosen) return chosen;
    return pickCode(host, placeHolder);
  };
  const panel: RelationsPanel = new RelationsPanel(context.extensionUri, index, {
    openCode: async (code, how) => {
      if (!store().codebook().get(code)) return;
      if (how === 'segments') await vscode.commands.executeCommand('grounded.analysis.retrieveCode', { kind: 'code', id: code });
      else await view.reveal({ kind: 'code', id: code }, { select: true, focus: true, expand: false });
    },
    relate: async () => void (await relate(host, await codeOf(undefined, 'Relate which code?'))),
    export: (format, direction): Promise<void> => exportRelations(host, panel, format, direction),
  });
  context.subscriptions.push(
    panel,
    vscode.commands.registerCommand('grounded.relations.relateCode', async (arg?: CodeArg) => relate(host, await codeOf(arg, 'Relate which code to another?'))),
    vscode.commands.registerCommand('grounded.relations.removeRelation', async (arg?: CodeArg) => removeRelation(host, await codeOf(arg, 'Remove a relation of which code?'))),
    vscode.commands.registerCommand('grounded.relations.open', () => panel.show()),
    vscode.commands.registerCommand('grounded.relations.exportSvg', () => exportRelations(host, panel, 'svg', panel.viewState.direction)),
    vscode.commands.registerCommand('grounded.relations.exportMermaid', () => exportRelations(host, panel, 'mermaid', panel.viewState.direction)),
  );
  return { relations: panel };
}

async function pickCode(host: ProjectHost, placeHolder: string, except?: CodeId): Promise<CodeId | undefined> {
  const codebook = host.project?.store.codebook();
  if (!codebook) return undefined;
  const items = codebook
    .all()
    .filter((c) => c.id !== except)
    .map((c) => ({ label: quickPickText(c.name), description: quickPickText(codebook.path(c.id).slice(0, -1).join(' / ')), id: c.id }))
    .sort((a, b) => a.label.localeCompare(b.label));
  return (await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true }))?.id;
}

/** Source, then type, then target, then an optional note: each step can be cancelled with Escape. */
async function relate(host: ProjectHost, source: CodeId | undefined): Promise<'added' | 'updated' | undefined> {
  const store = host.project?.store;
  const code = source ? store?.codebook().get(source) : undefined;
  if (!store || !code) return undefined;
  const type = await vscode.window.showQuickPick(
    store.relationTypes().map((t) => ({ label: quickPickText(t.label), description: quickPickText(t.id), detail: t.description ? quickPickText(t.description) : undefined, id: t.id })),
    { placeHolder: quickPickText(`"${code.name}" … (which kind of relation?)`) },
  );
  if (!type) return undefined;
  const target = await pickCode(host, quickPickText(`"${code.name}" ${type.label} … (which code?)`), code.id);
  if (!target) return undefined;
  const existing = code.relations?.find((r) => r.target === target && r.type === type.id);
  const note = await vscode.window.showInputBox({ title: quickPickText(`${code.name} ${type.label} ${store.codebook().get(target)?.name ?? ''}`), prompt: 'A note on this relation (optional): why, where it shows, what it depends on', value: existing?.note ?? '' });
  if (note === undefined) return undefined;
  try {
    return store.relateCodes(code.id, { type: type.id, target, ...(note.trim() ? { note: note.trim() } : {}) });
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    void showError(notice`${error.message}`);
    return undefined;
  }
}

/** Pick one of the code's relations, either way, and remove it. */
async function removeRelation(host: ProjectHost, id: CodeId | undefined): Promise<boolean> {
  const store = host.project?.store;
  if (!store || !id || !store.codebook().get(id)) return false;
  const lines = relationLines(store.codebook(), store.relationTypes(), id);
  const name = store.codebook().get(id)!.name;
  if (lines.length === 0) {
    void showInformation(notice`"${name}" has no relations to remove.`);
    return false;
  }
  const picked = await vscode.window.showQuickPick(
    lines.map((l) => ({
      label: quickPickText(l.direction === 'out' ? `${name} ${l.label} ${l.otherName}` : `${l.otherName} ${l.label} ${name}`),
      detail: l.note ? quickPickText(l.note) : undefined,
      line: l,
    })),
    { placeHolder: 'Remove which relation?' },
  );
  if (!picked) return false;
  const { line } = picked;
  return line.direction === 'out' ? store.unrelateCodes(id, line.other, line.type) : store.unrelateCodes(line.other, id, line.type);
}

async function exportRelations(host: ProjectHost, panel: RelationsPanel, format: 'svg' | 'mermaid', direction: RelationsViewState['direction']): Promise<void> {
  const project = host.project;
  const current = await panel.network(direction);
  if (!project || !current) return;
  const { snapshot, network } = current;
  const extension = format === 'svg' ? 'svg' : 'mmd';
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(project.fs.root, `${queryNameFor(snapshot.config.name)}-relations.${extension}`),
    filters: format === 'svg' ? { SVG: ['svg'] } : { Mermaid: ['mmd', 'md', 'txt'] },
    title: format === 'svg' ? 'Export the relations as an SVG drawing' : 'Export the relations as Mermaid flowchart text',
  });
  if (!target) return;
  const text = format === 'svg' ? `<?xml version="1.0" encoding="UTF-8"?>\n${svgMarkup(renderRelationsSvg(network.layout, { title: snapshot.config.name, standalone: true }))}\n` : relationsMermaid(network.graph, direction);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  void showInformation(notice`Exported ${network.graph.edges.length} relation(s) between ${network.graph.nodes.length} code(s) to ${vscode.workspace.asRelativePath(target)}.`);
}
