import * as vscode from 'vscode';
import { Emitter } from '../../core/event';
import { listMemos, memosFolder, memosForCode, type MemoSummary } from '../../core/memos';
import type { CodeId } from '../../core/model';
import type { ProjectHost } from '../project/project-host';

/** Coalesce bursts of file events (a git checkout touches many memos at once). */
const RELOAD_DELAY_MS = 150;

/**
 * The project's memos, read when the project opens and again whenever a file in the memos folder
 * is created, changed or deleted. Views and tooltips read from here instead of the disk.
 */
export class MemoIndex implements vscode.Disposable {
  private memos: MemoSummary[] = [];
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private loading: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ProjectHost,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const attach = (): void => {
      const { fs, store } = host.require();
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(fs.root, `${memosFolder(store.config)}/**/*.md`));
      this.disposables.push(watcher, watcher.onDidCreate(() => this.schedule()), watcher.onDidChange(() => this.schedule()), watcher.onDidDelete(() => this.schedule()));
      void this.reload();
    };
    if (host.project) attach();
    else this.disposables.push({ dispose: host.onDidOpenProject(attach).dispose });
  }

  all(): readonly MemoSummary[] {
    return this.memos;
  }

  /** Memos about a code, newest first. */
  forCode(code: CodeId): MemoSummary[] {
    return memosForCode(this.memos, code);
  }

  /** Read every memo again now; resolves when the index is up to date. */
  reload(): Promise<void> {
    this.loading = this.loading.then(async () => {
      const project = this.host.project;
      if (!project) return;
      try {
        this.memos = await listMemos(project.fs, project.store.config);
        this.changed.fire();
      } catch (error) {
        this.log.error(`Reading the memos failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    return this.loading;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), RELOAD_DELAY_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables.splice(0)) d.dispose();
    this.changed.dispose();
  }
}
