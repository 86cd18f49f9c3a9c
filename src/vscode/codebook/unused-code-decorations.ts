import * as vscode from 'vscode';
import type { CodeId } from '../../core/model';

export const CODE_URI_SCHEME = 'grounded-code';

/** The URI a code's tree item carries, so a file-decoration provider can dim it. */
export function codeUri(id: CodeId): vscode.Uri {
  return vscode.Uri.from({ scheme: CODE_URI_SCHEME, path: `/${id}` });
}

/** Dims codes no segment uses (tree items can only be tinted through file decorations). */
export class UnusedCodeDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly registration = vscode.window.registerFileDecorationProvider(this);

  constructor(private readonly isUnused: (id: CodeId) => boolean) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== CODE_URI_SCHEME) return undefined;
    if (!this.isUnused(uri.path.slice(1))) return undefined;
    return { color: new vscode.ThemeColor('disabledForeground'), tooltip: 'No segment uses this code yet' };
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
