import * as vscode from 'vscode';
import type { TextRange } from '../../core/model';
import { DocumentText } from '../coding/document-text';
import type { ProjectHost } from '../project/project-host';

/** Open a transcript and select a passage of it (offsets on its LF text). */
export async function revealPassage(host: ProjectHost, transcript: string, range: TextRange): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(host.require().fs.uri(transcript));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const r = new DocumentText(document).range(range);
  editor.selection = new vscode.Selection(r.start, r.end);
  editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** Where the cursor is: the transcript and the start of the selection on its LF text (a revealed passage is selected, so the next step starts from it). */
export function cursorPlace(host: ProjectHost): { transcript: string; offset: number } | undefined {
  const editor = vscode.window.activeTextEditor;
  const transcript = editor && host.transcriptPath(editor.document.uri);
  if (!editor || transcript === undefined) return undefined;
  return { transcript, offset: new DocumentText(editor.document).offsetAt(editor.selection.start) };
}
