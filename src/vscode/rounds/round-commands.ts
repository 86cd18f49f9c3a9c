import * as vscode from 'vscode';
import type { CodeId, RoundId } from '../../core/model';
import { NO_ROUND_LABEL, gatheredCodeNames, projectRounds } from '../../core/rounds';
import { type CodebookNode, type CodebookTreeProvider, codeOfNode } from '../codebook/codebook-tree';
import type { ProjectHost } from '../project/project-host';
import { notice, showError, showInformation } from '../ui/notifications';
import { quickPickText } from '../ui/untrusted';
import type { RoundStatus } from './round-status';

const GROUPED_CONTEXT = 'grounded.codebookGroupedByRound';

/**
 * Commands for coding rounds and focused coding. Each takes plain arguments too (ids, names), so
 * keybindings and tests can drive it without pickers.
 */
export function registerRoundCommands(host: ProjectHost, status: RoundStatus, tree: CodebookTreeProvider, view: vscode.TreeView<CodebookNode>): vscode.Disposable[] {
  const store = () => host.require().store;
  const setGrouped = (group: boolean): void => {
    tree.setRoundView({ ...tree.rounds, group });
    void vscode.commands.executeCommand('setContext', GROUPED_CONTEXT, group);
  };
  return [
    vscode.commands.registerCommand('grounded.rounds.switch', async (id?: RoundId) => {
      const rounds = projectRounds(store().config);
      const chosen = id ?? (await pickRound(rounds, store().round.id, 'Switch to the coding round…'));
      if (chosen === undefined) return undefined;
      if (!rounds.some((r) => r.id === chosen)) {
        void showError(notice`The project declares no coding round "${chosen}" (see .grounded/project.json).`);
        return undefined;
      }
      await status.switchTo(chosen);
      tree.refresh();
      return chosen;
    }),
    vscode.commands.registerCommand('grounded.codebook.groupByRound', () => setGrouped(true)),
    vscode.commands.registerCommand('grounded.codebook.ungroupByRound', () => setGrouped(false)),
    vscode.commands.registerCommand('grounded.codebook.filterByRound', async (id?: RoundId | null | 'all') => {
      const chosen = id !== undefined ? id : await pickRoundOrAll(store().config);
      if (chosen === undefined) return;
      tree.setRoundView({ ...tree.rounds, only: chosen === 'all' ? undefined : chosen });
    }),
    vscode.commands.registerCommand('grounded.codebook.gatherCodes', async (node?: CodebookNode | CodeId[], selected?: readonly CodebookNode[], name?: string) => {
      const codes = Array.isArray(node) ? (node as CodeId[]) : codesOf(node, selected, view);
      const chosen = codes.length > 0 ? codes : await pickCodesToGather(host);
      if (!chosen || chosen.length === 0) return undefined;
      const names = chosen.map((c) => store().codebook().get(c)?.name ?? c);
      const title = `Gather ${names.length} code(s) into a new focused code (${store().round.name})`;
      const value = name ?? (await vscode.window.showInputBox({ title: quickPickText(title), prompt: quickPickText(names.join(', ')), placeHolder: 'Name of the focused code', validateInput: (v) => (v.trim() ? undefined : 'A focused code needs a name.') }));
      if (!value) return undefined;
      try {
        const result = await store().gatherCodes(chosen, value);
        const gathered = store().codebook().get(result.category)?.gathered?.at(-1);
        void showInformation(notice`Gathered ${gathered ? gatheredCodeNames(gathered) : names.join(', ')} (${result.segments} segment(s)) into "${value.trim()}". Undo with Ctrl+Z in the Codebook view, or un-gather it later.`);
        return result;
      } catch (error) {
        void showError(notice`${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    }),
    vscode.commands.registerCommand('grounded.codebook.ungatherCode', async (node?: CodebookNode | CodeId) => {
      const id = typeof node === 'string' ? node : (node && codeOfNode(node)) ?? (await pickGathering(host));
      if (!id) return undefined;
      try {
        const result = await store().ungatherCode(id);
        const kept = result.removedCategory ? '' : ' The focused code stays: it is used beyond the gathering.';
        void showInformation(notice`Un-gathered ${result.codes} code(s): ${result.restored} segment(s) carry their initial codes again.${kept}`);
        return result;
      } catch (error) {
        void showError(notice`${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    }),
  ];
}

function codesOf(node: CodebookNode | undefined, selected: readonly CodebookNode[] | undefined, view: vscode.TreeView<CodebookNode>): CodeId[] {
  const nodes = selected && selected.length > 0 ? selected : node ? [node] : view.selection;
  return [...new Set(nodes.flatMap((n) => (n.kind === 'code' ? [n.id] : [])))];
}

async function pickRound(rounds: readonly { id: RoundId; name: string }[], current: RoundId, title: string): Promise<RoundId | undefined> {
  const picked = await vscode.window.showQuickPick(
    rounds.map((r) => ({ label: quickPickText(r.name), description: r.id === current ? 'current round' : quickPickText(r.id), id: r.id })),
    { title },
  );
  return picked?.id;
}

async function pickRoundOrAll(config: Parameters<typeof projectRounds>[0]): Promise<RoundId | null | 'all' | undefined> {
  const items: { label: string; id: RoundId | null | 'all' }[] = [
    { label: 'All rounds', id: 'all' },
    ...projectRounds(config).map((r) => ({ label: quickPickText(r.name), id: r.id as RoundId | null | 'all' })),
    { label: NO_ROUND_LABEL, id: null },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Show the codes of…' });
  return picked?.id;
}

async function pickCodesToGather(host: ProjectHost): Promise<CodeId[] | undefined> {
  const codebook = host.require().store.codebook();
  const items = codebook
    .all()
    .filter((c) => c.gatheredInto === undefined || !codebook.get(c.gatheredInto))
    .map((c) => ({ label: quickPickText(c.name), description: quickPickText(codebook.path(c.id).slice(0, -1).join(' / ')), id: c.id }));
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Which codes does the focused code gather?', matchOnDescription: true });
  return picked?.map((p) => p.id);
}

async function pickGathering(host: ProjectHost): Promise<CodeId | undefined> {
  const codebook = host.require().store.codebook();
  const items = codebook
    .all()
    .filter((c) => (c.gathered?.length ?? 0) > 0)
    .map((c) => ({ label: quickPickText(c.name), description: quickPickText(c.gathered!.map(gatheredCodeNames).join('; ')), id: c.id }));
  if (items.length === 0) {
    void showInformation(notice`No focused code has gathered any codes yet.`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { title: 'Un-gather which focused code?' });
  return picked?.id;
}
