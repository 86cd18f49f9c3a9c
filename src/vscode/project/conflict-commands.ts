import * as vscode from 'vscode';
import { notice, showError, showInformation, showWarning } from '../ui/notifications';
import type { FileProblem } from '../../core/model';
import { type ConflictSide, resolveConflictedFile } from '../../core/storage/conflict-resolution';
import type { ProjectHost } from './project-host';

export const RESOLVE_CONFLICT_COMMAND = 'grounded.project.resolveConflict';
/** The diagnostic code of a merge-conflict problem (problem-diagnostics.ts sets it). */
export const MERGE_CONFLICT_CODE = 'merge-conflict';

/**
 * *Resolve Coding Conflict*: for a coding or code file left with git conflict markers, merge the
 * two sides' records against their common version (see core/storage/conflict-resolution.ts). Offered as a quick fix on the problem and in a notification when such a
 * file appears; when the sides disagree about a segment (or a code's field), the researcher
 * chooses which side's version to keep.
 */
export function registerConflictCommands(host: ProjectHost): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(RESOLVE_CONFLICT_COMMAND, (target?: vscode.Uri) => resolveConflict(host, target)),
    vscode.languages.registerCodeActionsProvider({ pattern: '**/.grounded/**' }, new ConflictQuickFix(), {
      providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
    }),
  ];
}

class ConflictQuickFix implements vscode.CodeActionProvider {
  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const conflict = context.diagnostics.find((d) => d.source === 'Grounded' && d.code === MERGE_CONFLICT_CODE);
    if (!conflict) return [];
    const action = new vscode.CodeAction('Resolve Coding Conflict (keep both sides)', vscode.CodeActionKind.QuickFix);
    action.diagnostics = [conflict];
    action.isPreferred = true;
    action.command = { command: RESOLVE_CONFLICT_COMMAND, title: 'Resolve Coding Conflict', arguments: [document.uri] };
    return [action];
  }
}

/** Returns the project path resolved, or undefined when nothing was done. */
async function resolveConflict(host: ProjectHost, target: vscode.Uri | undefined): Promise<string | undefined> {
  const { store, fs } = host.require();
  const path = target !== undefined ? fs.relative(target) : await pickConflictedFile(store.problems(), fs.relative(vscode.window.activeTextEditor?.document.uri ?? vscode.Uri.parse('untitled:none')));
  if (path === undefined) return undefined;
  // Unsaved edits of the conflicted file in an editor would be overwritten by the resolution.
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === fs.uri(path).toString());
  if (open?.isDirty) {
    void showWarning(notice`${path} has unsaved changes in an editor: save or revert them first, then resolve the conflict.`);
    return undefined;
  }
  const text = await fs.readFile(path);
  // The merge base's version tells a change made on one side from one made on the other; in a
  // browser there is no git to ask, and only diff3-style markers carry it.
  const ancestor = await host.platform.git?.conflictAncestor(fs.root, path).catch(() => undefined);
  const preview = text === undefined ? undefined : resolveConflictedFile(path, text, 'ours', ancestor);
  if (preview === undefined || !preview.ok) {
    void showError(notice`${preview?.message ?? `${path} does not exist.`}`);
    return undefined;
  }
  const prefer = preview.contested.length === 0 ? 'ours' : await askSide(path, preview.contested, preview.labels);
  if (prefer === undefined) return undefined;
  try {
    const notes = await store.resolveMergeConflict(path, prefer, ancestor);
    void showInformation(notice`Resolved the merge conflict in ${path}: ${notes.join('; ')}.`);
    return path;
  } catch (error) {
    void showError(notice`${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

async function pickConflictedFile(problems: readonly FileProblem[], active: string | undefined): Promise<string | undefined> {
  const paths = [...new Set(problems.filter((p) => p.kind === 'merge-conflict').map((p) => p.path))].sort();
  if (active !== undefined && paths.includes(active)) return active;
  if (paths.length === 0) {
    void showInformation(notice`No coding or code file has an unresolved git merge conflict.`);
    return undefined;
  }
  if (paths.length === 1) return paths[0];
  return vscode.window.showQuickPick(paths, { placeHolder: 'Which file’s merge conflict should be resolved?' });
}

async function askSide(path: string, contested: readonly string[], labels: Record<ConflictSide, string>): Promise<ConflictSide | undefined> {
  const items: (vscode.QuickPickItem & { side: ConflictSide })[] = (['ours', 'theirs'] as const).map((side) => ({
    label: `Keep ${labels[side]}'s version`,
    description: side === 'ours' ? 'the branch merged into' : 'the branch merged in',
    side,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: `${contested.length} record(s) of ${path} were changed on both sides (${contested.slice(0, 3).join(', ')}${contested.length > 3 ? ', …' : ''}); everything else is kept from both`,
  });
  return picked?.side;
}
