import * as vscode from 'vscode';
import { CODE_PALETTE, isHexColor } from '../../core/codebook';
import type { CodeId, SegmentId } from '../../core/model';
import type { TranscriptTracker } from '../coding/transcript-tracker';
import type { ProjectHost } from '../project/project-host';
import { type CodebookNode, codeOfNode } from './codebook-tree';
import { notice, showWarning } from '../ui/notifications';
import { quickPickText } from '../ui/untrusted';
import { relationLines } from '../../core/relations';

/** A code as commands receive it: a tree node, an id, or `{ id }` (from tests and keybindings). */
type CodeArg = CodebookNode | CodeId | { id: CodeId } | undefined;

export interface SegmentRef {
  transcript: string;
  coderId: string;
  segmentId: SegmentId;
}

export function registerCodebookCommands(
  host: ProjectHost,
  tracker: TranscriptTracker,
  view: vscode.TreeView<CodebookNode>,
): vscode.Disposable[] {
  const codeOf = async (arg: CodeArg): Promise<CodeId | undefined> => {
    if (typeof arg === 'string') return arg;
    if (arg && 'kind' in arg) return codeOfNode(arg);
    if (arg && 'id' in arg) return arg.id;
    const selected = view.selection[0];
    if (selected && codeOfNode(selected)) return codeOfNode(selected);
    return pickExisting(host, 'Which code?');
  };
  const store = () => host.require().store;
  const command = (id: string, run: (...args: never[]) => unknown) => vscode.commands.registerCommand(id, run);

  return [
    command('grounded.codebook.addCode', async (arg?: CodeArg | null, name?: string) => {
      // From the palette: inside the code selected in the view, if any; `null` means top level.
      const selected = view.selection[0];
      const fallback = selected ? (codeOfNode(selected) ?? null) : null;
      const parent = arg === null ? null : arg === undefined ? fallback : ((await codeOf(arg)) ?? null);
      const label = parent ? `New code inside "${quickPickText(store().codebook().get(parent)?.name ?? '')}"` : 'New top-level code';
      const value = name ?? (await vscode.window.showInputBox({ title: label, prompt: 'Code name', validateInput: nonEmpty }));
      return value ? store().addCode({ name: value, parent }) : undefined;
    }),
    command('grounded.codebook.renameCode', async (arg?: CodeArg, name?: string) => {
      const id = await codeOf(arg);
      const code = id && store().codebook().get(id);
      if (!code) return;
      const value = name ?? (await vscode.window.showInputBox({ title: `Rename "${quickPickText(code.name)}"`, value: code.name, validateInput: nonEmpty }));
      if (value && value !== code.name) store().updateCode(code.id, { name: value });
    }),
    command('grounded.codebook.recolorCode', async (arg?: CodeArg, color?: string) => {
      const id = await codeOf(arg);
      const code = id && store().codebook().get(id);
      if (!code) return;
      const value = color ?? (await pickColor(code.color));
      if (value) store().updateCode(code.id, { color: value.toLowerCase() });
    }),
    command('grounded.codebook.editDescription', async (arg?: CodeArg, description?: string) => {
      const id = await codeOf(arg);
      const code = id && store().codebook().get(id);
      if (!code) return;
      const value = description ?? (await vscode.window.showInputBox({ title: `Description of "${quickPickText(code.name)}"`, value: code.description, prompt: 'What belongs under this code (a definition for coders)' }));
      if (value !== undefined) store().updateCode(code.id, { description: value });
    }),
    command('grounded.codebook.deleteCode', async (arg?: CodeArg, confirmed?: boolean) => {
      const id = await codeOf(arg);
      const code = id && store().codebook().get(id);
      if (!code) return;
      const uses = await store().countSegments(code.id);
      const children = store().codebook().children(code.id).length;
      const relations = relationLines(store().codebook(), store().relationTypes(), code.id).length;
      if (!confirmed && (uses > 0 || children > 0 || relations > 0)) {
        const parts = [
          uses > 0 ? `removes it from ${uses} coded segment${uses === 1 ? '' : 's'} (all coders)` : '',
          children > 0 ? `moves its ${children} sub-code${children === 1 ? '' : 's'} up one level` : '',
          relations > 0 ? `removes its ${relations} relation${relations === 1 ? '' : 's'} to and from other codes` : '',
        ].filter(Boolean);
        const answer = await showWarning(notice`Delete the code "${code.name}"? This ${parts.join(' and ')}.`, { modal: true }, 'Delete');
        if (answer !== 'Delete') return;
      }
      return store().deleteCode(code.id);
    }),
    command('grounded.codebook.revealSegment', (ref: SegmentRef) => revealSegment(host, tracker, ref)),
    command('grounded.codebook.refresh', async () => {
      await host.project?.store.loadAllCoding();
      await vscode.commands.executeCommand('grounded.codebook.focus');
    }),
  ];
}

async function pickExisting(host: ProjectHost, title: string): Promise<CodeId | undefined> {
  const codebook = host.require().store.codebook();
  const picked = await vscode.window.showQuickPick(
    codebook.all().map((c) => ({ label: quickPickText(c.name), description: quickPickText(codebook.path(c.id).slice(0, -1).join(' / ')), id: c.id })),
    { title, matchOnDescription: true },
  );
  return picked?.id;
}

async function pickColor(current: string): Promise<string | undefined> {
  const custom = '$(edit) Other colour…';
  const picked = await vscode.window.showQuickPick(
    [...CODE_PALETTE.map((c) => ({ label: c, description: c === current ? 'current' : undefined })), { label: custom }],
    { title: 'Code colour (chosen to read well in light and dark themes)' },
  );
  if (!picked) return undefined;
  if (picked.label !== custom) return picked.label;
  return vscode.window.showInputBox({ title: 'Colour as #rrggbb', value: current, validateInput: (v) => (isHexColor(v.toLowerCase()) ? undefined : 'Use the form #rrggbb, e.g. #4e79a7') });
}

function nonEmpty(value: string): string | undefined {
  return value.trim() === '' ? 'A code needs a name.' : undefined;
}

async function revealSegment(host: ProjectHost, tracker: TranscriptTracker, ref: SegmentRef): Promise<boolean> {
  const project = host.require();
  const document = await vscode.workspace.openTextDocument(project.fs.uri(ref.transcript));
  const editor = await vscode.window.showTextDocument(document, { preview: true });
  const tracked = await tracker.open(document);
  const placed = tracked?.session.placed().find((p) => p.coder.id === ref.coderId && p.segment.id === ref.segmentId);
  if (!tracked || !placed?.range) {
    void showWarning(notice`This segment could not be placed in the current text of the transcript; it is kept and listed for review.`);
    return false;
  }
  const range = tracked.text.range(placed.range);
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}
