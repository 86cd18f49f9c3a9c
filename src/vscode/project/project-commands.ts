import * as vscode from 'vscode';
import type { ProjectConfig } from '../../core/model';
import { GITIGNORE_CONTENT, GITIGNORE_FILE, PROJECT_FILE, serializeProjectFile } from '../../core/storage/format';
import type { ProjectHost } from './project-host';
import { projectFileSystem } from './workspace-file-system';

export function registerProjectCommands(host: ProjectHost, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('grounded.project.init', () => initialiseProject(host)),
    vscode.commands.registerCommand('grounded.project.showLog', () => log.show()),
    vscode.commands.registerCommand('grounded.project.flush', () => host.project?.store.flush()),
  ];
}

/** Make a workspace folder a Grounded project: writes `.grounded/project.json` and opens it. */
async function initialiseProject(host: ProjectHost): Promise<string | undefined> {
  if (host.project) {
    void vscode.window.showInformationMessage(`This workspace already holds the Grounded project "${host.project.store.config.name}".`);
    return undefined;
  }
  const folder = (vscode.workspace.workspaceFolders?.length ?? 0) > 1
    ? await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder holds the study?' })
    : vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage('Open the folder that holds your transcripts first (File → Open Folder).');
    return undefined;
  }
  const fs = projectFileSystem(folder.uri);
  const config: ProjectConfig = { name: folder.name, transcripts: ['**/*.md'], memos: 'memos' };
  await fs.writeFileAtomic(PROJECT_FILE, serializeProjectFile(config));
  await fs.writeFileAtomic(GITIGNORE_FILE, GITIGNORE_CONTENT);
  await host.openAt(fs);
  return PROJECT_FILE;
}
