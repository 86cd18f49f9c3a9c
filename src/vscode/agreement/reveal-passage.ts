import * as vscode from 'vscode';
import { DocumentText } from '../coding/document-text';
import type { ProjectHost } from '../project/project-host';

/**
 * Opens a transcript with the passage [start, end) selected and in view, in the first column — or
 * the second when the panel asking is in the first, so the list stays in sight beside the text.
 */
export async function revealPassage(host: ProjectHost, transcript: string, start: number, end: number, besides?: vscode.ViewColumn): Promise<void> {
  const project = host.project;
  if (!project || !Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) return;
  const document = await vscode.workspace.openTextDocument(project.fs.uri(transcript));
  const range = new DocumentText(document).range({ start, end });
  const viewColumn = besides === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
  const editor = await vscode.window.showTextDocument(document, { viewColumn, preview: true });
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
