import * as vscode from 'vscode';
import type { CodeId, SegmentId } from '../../core/model';
import { plainQuote } from '../../core/markdown';
import { excerpt } from '../../core/views/markdown-text';
import type { TranscriptTracker } from '../coding/transcript-tracker';
import { resolveOrCreate } from '../coding/coding-commands';
import type { ProjectHost } from '../project/project-host';
import { moveCodes } from './codebook-dnd';
import { type CodebookNode, type CodebookTreeProvider, codeOfNode } from './codebook-tree';
import { notice, showInformation, showWarning } from '../ui/notifications';
import { quickPickText } from '../ui/untrusted';

type SegmentRef = { transcript: string; coderId: string; segmentId: SegmentId };

/**
 * Focused coding reorganises the codebook: merge, split, move, filter, and find the code of the
 * text under the cursor. Every command takes plain arguments too, so keybindings and tests can
 * drive it without the pickers.
 */
export function registerCodebookReorganising(
  host: ProjectHost,
  tracker: TranscriptTracker,
  tree: CodebookTreeProvider,
  view: vscode.TreeView<CodebookNode>,
): vscode.Disposable[] {
  const store = () => host.require().store;
  const codesFrom = (node?: CodebookNode | CodeId, selected?: readonly CodebookNode[]): CodeId[] => {
    const nodes = selected && selected.length > 0 ? selected : node ? [node] : view.selection;
    return [...new Set(nodes.flatMap((n) => (typeof n === 'string' ? [n] : (codeOfNode(n) ?? []))))];
  };
  const pickCode = async (title: string, exclude: CodeId[]): Promise<CodeId | undefined> => {
    const codebook = store().codebook();
    const picked = await vscode.window.showQuickPick(
      codebook.all().filter((c) => !exclude.includes(c.id)).map((c) => ({ label: quickPickText(c.name), description: quickPickText(codebook.path(c.id).slice(0, -1).join(' / ')), id: c.id })),
      { title: quickPickText(title), matchOnDescription: true },
    );
    return picked?.id;
  };

  return [
    vscode.commands.registerCommand('grounded.codebook.mergeCode', async (node?: CodebookNode | CodeId, selected?: readonly CodebookNode[] | CodeId, confirmed?: boolean) => {
      // From tests and keybindings: (sourceId, targetId, true).
      const sources = codesFrom(node, Array.isArray(selected) ? selected : undefined);
      if (sources.length === 0) return undefined;
      const names = sources.map((id) => `"${store().codebook().get(id)?.name}"`).join(', ');
      const target = typeof selected === 'string' ? selected : await pickCode(`Merge ${names} into…`, sources);
      if (!target) return undefined;
      if (!confirmed) {
        const count = (await Promise.all(sources.map((id) => store().countSegments(id)))).reduce((a, b) => a + b, 0);
        const answer = await showWarning(
          notice`Merge ${names} into "${store().codebook().get(target)?.name}"? ${count} segment(s) move to it, and ${names} ${sources.length === 1 ? 'is' : 'are'} deleted. Undo with Ctrl+Z in the Codebook view.`,
          { modal: true },
          'Merge',
        );
        if (answer !== 'Merge') return undefined;
      }
      return store().mergeCodes(sources, target);
    }),
    vscode.commands.registerCommand('grounded.codebook.splitCode', async (node?: CodebookNode | CodeId, segments?: SegmentRef[], targetName?: string) => {
      const [source] = codesFrom(node);
      if (!source) return 0;
      const chosen = segments ?? (await pickSegments(host, source));
      if (!chosen || chosen.length === 0) return 0;
      const name = targetName ?? (await vscode.window.showInputBox({ title: `Move ${chosen.length} segment(s) from "${quickPickText(store().codebook().get(source)?.name ?? '')}" to…`, prompt: 'An existing code, or a new name (Parent/Child works)' }));
      if (!name) return 0;
      return store().splitCode(source, chosen, resolveOrCreate(host, name));
    }),
    vscode.commands.registerCommand('grounded.codebook.moveCode', async (node?: CodebookNode | CodeId, parent?: CodeId | null) => {
      const codes = codesFrom(node);
      if (codes.length === 0) return 0;
      const to = parent !== undefined ? parent : await pickParent(host, codes);
      return to === undefined ? 0 : moveCodes(host, codes, to);
    }),
    vscode.commands.registerCommand('grounded.codebook.filter', async (text?: string) => {
      const value = text ?? (await vscode.window.showInputBox({ title: 'Filter the codebook', value: tree.filter, prompt: 'Show codes whose name or description contains…' }));
      if (value === undefined) return;
      tree.setFilter(value);
      view.description = value.trim() ? `filtered: "${value.trim()}"` : undefined;
    }),
    vscode.commands.registerCommand('grounded.codebook.clearFilter', () => {
      tree.setFilter('');
      view.description = undefined;
    }),
    vscode.commands.registerCommand('grounded.codebook.revealCodeAtCursor', async () => {
      const editor = vscode.window.activeTextEditor;
      const tracked = editor && (await tracker.open(editor.document));
      const here = tracked ? tracked.session.at(tracked.text.offsetAt(editor!.selection.active)) : [];
      const code = here.flatMap((p) => p.segment.codes).find((c) => store().codebook().get(c));
      if (!code) {
        void showInformation(notice`No coded segment at the cursor.`);
        return undefined;
      }
      if (tree.filter) tree.setFilter('');
      await view.reveal({ kind: 'code', id: code }, { select: true, focus: true, expand: true });
      return code;
    }),
  ];
}

async function pickSegments(host: ProjectHost, source: CodeId): Promise<SegmentRef[] | undefined> {
  const { store } = host.require();
  await store.loadAllCoding();
  const items = store.loadedCoding().flatMap((coding) =>
    coding.coders.flatMap(({ coder, segments }) =>
      segments
        .filter((s) => s.codes.includes(source))
        .map((s) => ({ label: quickPickText(excerpt(plainQuote(s.quote.exact), 90)), description: quickPickText(`${coding.transcript} · ${coder.name}`), ref: { transcript: coding.transcript, coderId: coder.id, segmentId: s.id } })),
    ),
  );
  const picked = await vscode.window.showQuickPick(items, { canPickMany: true, title: 'Which segments move to another code?', matchOnDescription: true });
  return picked?.map((p) => p.ref);
}

async function pickParent(host: ProjectHost, codes: CodeId[]): Promise<CodeId | null | undefined> {
  const codebook = host.require().store.codebook();
  const top = { label: '$(list-tree) Top level', id: null as CodeId | null };
  const picked = await vscode.window.showQuickPick(
    [top, ...codebook.all().filter((c) => !codes.some((id) => codebook.wouldCycle(id, c.id))).map((c) => ({ label: quickPickText(c.name), description: quickPickText(codebook.path(c.id).slice(0, -1).join(' / ')), id: c.id as CodeId | null }))],
    { title: 'Move into…', matchOnDescription: true },
  );
  return picked ? picked.id : undefined;
}
