// Access to the throw-away workspace the integration tests run in (a copy of demo/ made by
// scripts/run-integration.mjs, which passes its path in GROUNDED_TEST_WORKSPACE).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import * as vscode from 'vscode';
import { SETTLE_MS, waitFor } from './wait-for';

/** Absolute file-system path of the test workspace folder. */
export function workspaceRoot(): string {
  const fromRunner = process.env.GROUNDED_TEST_WORKSPACE;
  if (fromRunner) return fromRunner;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return folder.uri.fsPath;
}

/** The test workspace folder as a URI. */
export function workspaceUri(): vscode.Uri {
  return vscode.Uri.file(workspaceRoot());
}

/** Absolute path of a workspace-relative POSIX path; refuses paths that leave the workspace. */
export function workspacePath(rel: string): string {
  const root = workspaceRoot();
  const full = resolve(root, ...rel.split('/'));
  const inside = relative(root, full);
  if (inside.startsWith('..') || isAbsolute(inside)) throw new Error(`${rel} is outside the workspace`);
  return full;
}

export function workspaceFileUri(rel: string): vscode.Uri {
  return vscode.Uri.file(workspacePath(rel));
}

export function workspaceFileExists(rel: string): boolean {
  return existsSync(workspacePath(rel));
}

/** Reads a workspace file from disk (not from an open editor buffer). */
export function readWorkspaceFile(rel: string): string {
  return readFileSync(workspacePath(rel), 'utf8');
}

/** Writes a workspace file with Node's fs, as a change made outside the editor would be. */
export function writeWorkspaceFile(rel: string, text: string): void {
  const full = workspacePath(rel);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text, 'utf8');
}

/** Opens a transcript in an editor and makes it the active one. */
export async function openTranscript(rel: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFileUri(rel));
  return vscode.window.showTextDocument(document, { preview: false });
}

/**
 * Writes a transcript outside the editor, then opens it holding those words. A document VS Code
 * still keeps from an earlier test opens with its old text, and reloads from disk only when the
 * file watcher reports the write, which for a folder deleted and made again can be late or never:
 * an edit made meanwhile is refused, and coding lands on the old words. So the editor is reloaded
 * from disk here, as VS Code would on the watcher's report.
 */
export async function writeAndOpenTranscript(rel: string, text: string): Promise<vscode.TextEditor> {
  writeWorkspaceFile(rel, text);
  const editor = await openTranscript(rel);
  const wanted = text.replace(/\r\n/g, '\n');
  const holds = (): boolean => editor.document.getText().replace(/\r\n/g, '\n') === wanted;
  if (!holds()) await vscode.commands.executeCommand('workbench.action.files.revert');
  await waitFor(holds, SETTLE_MS, `${rel} to hold the words written to it`);
  return editor;
}

/**
 * Reverts every editor with unsaved changes, and waits until none is left. A test's typing left
 * unsaved keeps its editor's words from the disk: the next test's change on disk would not reach
 * the editor, and its coding would land on the old words. Reverting only the active editor misses
 * one that another editor or a panel has taken the place of.
 */
export async function revertUnsavedEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && !d.isUntitled)) {
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await waitFor(() => vscode.workspace.textDocuments.every((d) => !d.isDirty || d.isUntitled), SETTLE_MS, 'every editor reverted');
}
