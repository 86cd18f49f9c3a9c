import * as vscode from 'vscode';
import type { ProjectConfig } from '../../core/model';
import { GITIGNORE_CONTENT, GITIGNORE_FILE, PROJECT_FILE, serializeProjectFile } from '../../core/storage/format';
import type { FileSystem } from '../../core/ports';
import { transcriptFolderCandidates } from '../../core/project/transcript-folder';
import type { ProjectHost } from './project-host';

/** Where imported transcripts go when the folder has no Markdown yet. */
const DEFAULT_TRANSCRIPTS = 'interviews/**/*.md';
import { notice, showInformation, showWarning } from '../ui/notifications';

export function registerProjectCommands(host: ProjectHost, log: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('grounded.project.init', (args?: InitArgs) => initialiseProject(host, args)),
    vscode.commands.registerCommand('grounded.project.showLog', () => log.show()),
    vscode.commands.registerCommand('grounded.project.flush', () => host.project?.store.flush()),
  ];
}

/** What a test (or a keybinding) may pass instead of answering the prompt. */
interface InitArgs {
  /** The `transcripts` globs to write. */
  transcripts?: string[];
}

/**
 * Make a workspace folder a Grounded project: writes `.grounded/project.json` and opens it. The
 * transcripts are the Markdown files of one folder the researcher confirms — proposed as the one
 * holding most of them, READMEs, changelogs and docs/ left out — not every `.md` in the workspace.
 */
async function initialiseProject(host: ProjectHost, args: InitArgs = {}): Promise<string | undefined> {
  if (host.project) {
    void showInformation(notice`This workspace already holds the Grounded project "${host.project.store.config.name}".`);
    return undefined;
  }
  const folder = (vscode.workspace.workspaceFolders?.length ?? 0) > 1
    ? await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder holds the study?' })
    : vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void showWarning(notice`Open the folder that holds your transcripts first (File → Open Folder).`);
    return undefined;
  }
  const fs = host.platform.projectFileSystem(folder.uri);
  const transcripts = args.transcripts ?? (await askTranscripts(fs));
  if (!transcripts) return undefined;
  const config: ProjectConfig = { name: folder.name, transcripts, memos: 'memos' };
  await fs.writeFileAtomic(PROJECT_FILE, serializeProjectFile(config));
  await fs.writeFileAtomic(GITIGNORE_FILE, GITIGNORE_CONTENT);
  await host.openAt(fs);
  return PROJECT_FILE;
}

/** The folder of transcripts, proposed and confirmed; undefined when the researcher cancels. */
async function askTranscripts(fs: FileSystem): Promise<string[] | undefined> {
  const candidates = await transcriptFolderCandidates(fs);
  if (candidates.length === 0) return [DEFAULT_TRANSCRIPTS];
  const items = [
    ...candidates.map((c) => ({ label: c.folder === '' ? '(this folder itself)' : c.folder, description: `${c.files} Markdown file${c.files === 1 ? '' : 's'}`, detail: c.glob, glob: c.glob })),
    { label: 'Every Markdown file in the workspace', description: 'READMEs and docs included', detail: '**/*.md', glob: '**/*.md' },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Which folder holds the transcripts?',
    placeHolder: 'Each Markdown file there is a transcript (one per participant); you can change this later in .grounded/project.json',
    ignoreFocusOut: true,
  });
  return picked ? [picked.glob] : undefined;
}
