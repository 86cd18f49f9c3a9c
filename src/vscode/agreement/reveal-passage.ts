import * as vscode from 'vscode';
import { DocumentText } from '../coding/document-text';
import type { ProjectHost } from '../project/project-host';

/** Opens a transcript in the first column with the passage [start, end) selected and in view. */
export async function revealPassage(host: ProjectHost, transcript: string, start: number, end: number): Promise<void> {
  const project = host.project;
  if (!project || !Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) return;
  const document = await vscode.workspace.openTextDocument(project.fs.uri(transcript));
  const range = new DocumentText(document).range({ start, end });
  const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: true });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
