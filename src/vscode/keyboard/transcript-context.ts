import * as vscode from 'vscode';
import type { ProjectHost } from '../project/project-host';

export const IS_TRANSCRIPT_CONTEXT = 'grounded.isTranscript';

/**
 * Keeps the `grounded.isTranscript` context key true while the active editor shows a transcript of
 * the open project, so keybindings and palette entries for coding appear only there.
 */
export function trackTranscriptContext(host: ProjectHost): vscode.Disposable {
  let current: boolean | undefined;
  const update = (): void => {
    const editor = vscode.window.activeTextEditor;
    const value = editor !== undefined && host.transcriptPath(editor.document.uri) !== undefined;
    if (value === current) return;
    current = value;
    void vscode.commands.executeCommand('setContext', IS_TRANSCRIPT_CONTEXT, value);
  };
  update();
  const disposables: vscode.Disposable[] = [vscode.window.onDidChangeActiveTextEditor(update)];
  const attach = (): void => {
    update();
    // A changed project.json (edited, pulled) may change which files are transcripts; the store
    // reports that reload as a change of its problems.
    disposables.push({ dispose: host.require().store.onDidChangeProblems(update).dispose });
  };
  if (host.project) attach();
  else disposables.push({ dispose: host.onDidOpenProject(attach).dispose });
  return { dispose: () => disposables.splice(0).forEach((d) => d.dispose()) };
}
