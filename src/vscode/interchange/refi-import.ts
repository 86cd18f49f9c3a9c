/**
 * "Import REFI-QDA Project…": a .qdpx or .qdc from NVivo, ATLAS.ti, MAXQDA or QualCoder becomes a
 * new Grounded project in an empty folder. The whole file is read and checked before the folder is
 * even asked for; a file that cannot be imported leaves nothing behind.
 */
import * as vscode from 'vscode';
import { importRefi, RefiImportError, writeImportedProject, type RefiImport, type RefiImportReport } from '../../core/interchange/refi';
import { slugify } from '../../core/interchange/refi/project-files';
import type { Platform } from '../platform/platform';
import { InterchangeError } from './interchange-error';
import { nameOf, stemOf, uriOfArgument } from './uri-names';
import { importReportMarkdown } from './refi-import-report';
import { notice, showInformation } from '../ui/notifications';
import { quickPickText } from '../ui/untrusted';

/** Arguments that replace the dialogs (for tests and other extensions). */
export interface RefiImportArgs {
  /** Path of the .qdpx, .qdc or .qde file. */
  file: string;
  /** Path of the folder for the new project: empty, or not there yet. */
  target: string;
}

export interface RefiImportResult {
  /** Where the project was written. */
  target: string;
  /** How many files the new project has. */
  files: number;
  report: RefiImportReport;
}

export async function importRefiProject(args: RefiImportArgs | undefined, platform: Platform): Promise<RefiImportResult | undefined> {
  const file = args !== undefined ? uriOfArgument(args.file, vscode.Uri) : await askFile();
  if (file === undefined) return undefined;
  const imported = await readRefiFile(file);
  const target = args !== undefined ? uriOfArgument(args.target, vscode.Uri) : await askTarget(imported.report.projectName);
  if (target === undefined) return undefined;
  await refuseNonEmpty(target);
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: notice`Writing the project into ${nameOf(target)}…` }, () => write(imported, target, platform));
  const content = importReportMarkdown(imported.report, shown(file), shown(target));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'markdown', content }), { preview: false });
  if (args === undefined) offerToOpen(target, imported.report.projectName);
  return { target: shown(target), files: imported.files.length, report: imported.report };
}

async function askFile(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: 'Import a REFI-QDA project or codebook',
    canSelectMany: false,
    openLabel: 'Import',
    filters: { 'REFI-QDA project or codebook': ['qdpx', 'qdc', 'qde'] },
  });
  return picked?.[0];
}

/** Reads and converts the whole file, or explains why it cannot be imported. */
async function readRefiFile(file: vscode.Uri): Promise<RefiImport> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(file);
  } catch (error) {
    throw new InterchangeError(`${nameOf(file)} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return importRefi(bytes, { fallbackName: stemOf(nameOf(file)) });
  } catch (error) {
    if (error instanceof RefiImportError) throw new InterchangeError(`${nameOf(file)} cannot be imported: ${error.message} Nothing was written.`);
    throw error;
  }
}

async function write(imported: RefiImport, target: vscode.Uri, platform: Platform): Promise<void> {
  try {
    await writeImportedProject(platform.projectFileSystem(target), imported);
  } catch (error) {
    if (error instanceof RefiImportError) throw new InterchangeError(`${shown(target)}: ${error.message}`);
    throw error;
  }
}

/** A new folder (the usual case) or an existing empty one. */
async function askTarget(projectName: string): Promise<vscode.Uri | undefined> {
  const choice = await vscode.window.showQuickPick(
    [
      { label: '$(new-folder) Create a new folder…', detail: 'Choose where, then name it', create: true },
      { label: '$(folder-opened) Use an empty folder…', create: false },
    ],
    { title: `Where should "${quickPickText(projectName)}" go?`, ignoreFocusOut: true },
  );
  if (choice === undefined) return undefined;
  const nearby = vscode.workspace.workspaceFolders?.[0] ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, '..') : undefined;
  const folder = await vscode.window.showOpenDialog({
    title: choice.create ? 'Create the new project folder inside' : 'Import into this empty folder',
    canSelectFiles: false,
    canSelectFolders: true,
    defaultUri: nearby,
    openLabel: choice.create ? 'Create Inside' : 'Import Here',
  });
  if (folder === undefined || folder.length === 0) return undefined;
  if (!choice.create) return folder[0];
  const name = await vscode.window.showInputBox({
    title: 'Name of the new project folder',
    value: slugify(projectName, 'imported-project'),
    ignoreFocusOut: true,
    validateInput: folderNameProblem,
  });
  return name === undefined ? undefined : vscode.Uri.joinPath(folder[0], name.trim());
}

function folderNameProblem(value: string): string | undefined {
  const name = value.trim();
  if (name === '' || name === '.' || name === '..') return 'Give the folder a name';
  return /[\\/:*?"<>|]/.test(name) ? 'A folder name cannot hold \\ / : * ? " < > |' : undefined;
}

/** An import starts a project: it goes into a folder of its own, never among other files. */
async function refuseNonEmpty(target: vscode.Uri): Promise<void> {
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(target);
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return;
    throw new InterchangeError(`${shown(target)} cannot be used: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (entries.length > 0) throw new InterchangeError(`${shown(target)} is not empty; import into a new or empty folder. Nothing was written.`);
}

function offerToOpen(target: vscode.Uri, projectName: string): void {
  void showInformation(notice`Imported "${projectName}" into ${shown(target)}.`, 'Open Folder', 'Open in New Window').then((choice) => {
    if (choice === undefined) return;
    void vscode.commands.executeCommand('vscode.openFolder', target, { forceNewWindow: choice === 'Open in New Window' });
  });
}

function shown(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.toString();
}
