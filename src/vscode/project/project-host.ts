import * as vscode from 'vscode';
import { Emitter } from '../../core/event';
import { ProjectStore } from '../../core/storage/project-store';
import { PROJECT_FILE } from '../../core/storage/format';
import { isTranscriptPath } from '../../core/transcript-paths';
import { resolveCoder } from './coder';
import type { ProjectFileSystem } from './workspace-file-system';
import type { Platform } from '../platform/platform';
import { explainUnnamedCoder } from '../platform/platform-notices';
import { TEMPORARY_FOLDER } from '../../core/storage/temporary-files';
import { TimeSlices } from '../../core/time-slices';

export const PROJECT_OPEN_CONTEXT = 'grounded.projectOpen';

/** A project opened in this window: the store and the folder it lives in. */
export interface OpenProject {
  store: ProjectStore;
  fs: ProjectFileSystem;
}

/**
 * Finds the Grounded project among the workspace folders, opens its store, and keeps it in step
 * with the disk (a watcher feeds every change under `.grounded/` to the store). Features ask it
 * for the project rather than holding globals, and hear when one opens.
 */
export class ProjectHost implements vscode.Disposable {
  private current: OpenProject | undefined;
  private readonly opened = new Emitter<OpenProject>();
  readonly onDidOpenProject = this.opened.event;
  private readonly transcriptChanged = new Emitter<string>();
  /** A transcript file was created, changed or deleted on disk (by anyone, the editor's saves too). */
  readonly onDidChangeTranscriptFile = this.transcriptChanged.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** Reading the whole project takes turns with everything else the extension host does. */
  readonly slices = new TimeSlices();

  constructor(
    private readonly log: vscode.LogOutputChannel,
    /** What this host can do (desktop or browser); features ask it instead of importing Node. */
    readonly platform: Platform,
  ) {}

  get project(): OpenProject | undefined {
    return this.current;
  }

  /** The open project, or an error that tells the researcher what to do. */
  require(): OpenProject {
    if (!this.current) {
      throw new Error('No Grounded project is open. Run "Grounded: Initialise Project" in the folder that holds your transcripts.');
    }
    return this.current;
  }

  /** Open the first workspace folder that holds `.grounded/project.json`. */
  async start(): Promise<void> {
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const fs = this.platform.projectFileSystem(folder.uri);
      if ((await fs.readFile(PROJECT_FILE)) !== undefined) {
        await this.openAt(fs);
        return;
      }
    }
    await vscode.commands.executeCommand('setContext', PROJECT_OPEN_CONTEXT, false);
  }

  async openAt(fs: ProjectFileSystem): Promise<OpenProject> {
    const coder = await resolveCoder(fs.root, this.platform);
    const store = await ProjectStore.open(fs, { coder, logger: this.log, debounceMs: 50, slices: this.slices, fingerprint: this.platform.fingerprint });
    this.current = { store, fs };
    this.disposables.push({ dispose: () => store.dispose() }, this.watch(fs, store), this.watchTranscripts(fs), this.followCoderSetting(fs, store));
    void vscode.commands.executeCommand('setContext', PROJECT_OPEN_CONTEXT, true);
    this.log.info(`Opened project "${store.config.name}" at ${fs.root.toString()} as coder ${coder.name} (${coder.id}).`);
    explainUnnamedCoder(this.platform, coder);
    if (!vscode.workspace.isTrusted) this.log.info('Restricted Mode: git is not run in this folder, so the coder comes from the grounded.coder user setting or the account name.');
    this.opened.fire(this.current);
    return this.current;
  }

  /** The project-relative path of a transcript document, or undefined if it is not one. */
  transcriptPath(uri: vscode.Uri): string | undefined {
    if (!this.current) return undefined;
    const path = this.current.fs.relative(uri);
    return path !== undefined && isTranscriptPath(this.current.store.config, path) ? path : undefined;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.opened.dispose();
    this.transcriptChanged.dispose();
  }

  private watch(fs: ProjectFileSystem, store: ProjectStore): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(fs.root, '.grounded/**'));
    const onChange = (uri: vscode.Uri): void => {
      const path = fs.relative(uri);
      if (path === undefined || path.endsWith('.tmp') || path.startsWith(`${TEMPORARY_FOLDER}/`)) return;
      store.handleFileChange(path).catch((error: unknown) => this.log.error(`Reloading ${path} failed: ${String(error)}`));
    };
    return vscode.Disposable.from(watcher, watcher.onDidCreate(onChange), watcher.onDidChange(onChange), watcher.onDidDelete(onChange));
  }

  /** Transcripts changed outside the editor (git pull, sed) must show up in views at once. */
  private watchTranscripts(fs: ProjectFileSystem): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(fs.root, '**/*.md'));
    const onChange = (uri: vscode.Uri): void => {
      const path = this.transcriptPath(uri);
      if (path !== undefined) this.transcriptChanged.fire(path);
    };
    return vscode.Disposable.from(watcher, watcher.onDidCreate(onChange), watcher.onDidChange(onChange), watcher.onDidDelete(onChange));
  }

  /** The coder follows the setting, and git's `user.name` once the workspace is trusted. */
  private followCoderSetting(fs: ProjectFileSystem, store: ProjectStore): vscode.Disposable {
    const again = async (why: string): Promise<void> => {
      const coder = await resolveCoder(fs.root, this.platform);
      if (coder.id === store.coder.id && coder.name === store.coder.name) return;
      store.setCoder(coder);
      explainUnnamedCoder(this.platform, coder);
      this.log.info(`Coding as ${coder.name} (${coder.id}) ${why}.`);
    };
    return vscode.Disposable.from(
      vscode.workspace.onDidChangeConfiguration((e) => (e.affectsConfiguration('grounded.coder') ? again('as the setting says') : undefined)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => again('now that the workspace is trusted and git can be asked')),
    );
  }
}
