import * as vscode from 'vscode';
import type { ProjectHost } from '../project/project-host';
import { quickPickText } from '../ui/untrusted';

export const CODING_UNDO_CONTEXT = 'grounded.codingUndoFirst';

/**
 * Undo and redo of coding actions with the standard keys, without taking the editor's own text
 * undo away. In the Codebook view the keys always undo coding. In a transcript they undo coding
 * only while the last thing done there was a coding action (or a coding undo/redo): that moment
 * remembers the document's version, and once the text changes (typing, or the editor's own undo)
 * the keys go back to text.
 * Older coding actions stay reachable from the palette ("Grounded: Undo Coding Action").
 */
export class CodingUndo implements vscode.Disposable {
  private mark: { uri: string; version: number } | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly host: ProjectHost) {
    this.disposables.push(
      vscode.commands.registerCommand('grounded.coding.undo', () => this.step('undo')),
      vscode.commands.registerCommand('grounded.coding.redo', () => this.step('redo')),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateContext()),
      vscode.workspace.onDidChangeTextDocument(() => this.updateContext()),
    );
    const attach = (): void => {
      this.disposables.push({ dispose: host.require().store.onDidChangeHistory(() => this.onHistory()).dispose });
    };
    if (host.project) attach();
    else this.disposables.push({ dispose: host.onDidOpenProject(attach).dispose });
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private step(direction: 'undo' | 'redo'): string | undefined {
    const store = this.host.project?.store;
    if (!store) return undefined;
    const label = direction === 'undo' ? store.undo() : store.redo();
    vscode.window.setStatusBarMessage(label ? `Grounded: ${direction === 'undo' ? 'undid' : 'redid'} ${quickPickText(label.toLocaleLowerCase())}` : `Grounded: nothing to ${direction}`, 3000);
    return label;
  }

  private onHistory(): void {
    const editor = vscode.window.activeTextEditor;
    this.mark = editor ? { uri: editor.document.uri.toString(), version: editor.document.version } : undefined;
    this.updateContext();
  }

  private updateContext(): void {
    const editor = vscode.window.activeTextEditor;
    const mark = this.mark;
    const active = !!editor && !!mark && mark.uri === editor.document.uri.toString() && mark.version === editor.document.version && this.host.project?.store.undoable().undo !== undefined;
    void vscode.commands.executeCommand('setContext', CODING_UNDO_CONTEXT, active);
  }
}
