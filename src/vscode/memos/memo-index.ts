import * as vscode from 'vscode';
import { listMemos, memosFolder, memosForCode, type MemoSummary } from '../../core/memos';
import type { CodeId } from '../../core/model';
import type { ProjectHost } from '../project/project-host';
import { ReloadingValue } from '../project/reloading-value';

/** Coalesce bursts of file events (a git checkout touches many memos at once). */
const RELOAD_DELAY_MS = 150;

/**
 * The project's memos, read when the project opens and again whenever a file in the memos folder
 * is created, changed or deleted. Views and tooltips read from here instead of the disk.
 */
export class MemoIndex implements vscode.Disposable {
  private readonly memos: ReloadingValue<MemoSummary[]>;
  readonly onDidChange: ReloadingValue<MemoSummary[]>['onDidChange'];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(host: ProjectHost, log: vscode.LogOutputChannel) {
    this.memos = new ReloadingValue(async () => {
      const project = host.project;
      return project ? listMemos(project.fs, project.store.config) : undefined;
    }, 'the memos', log, RELOAD_DELAY_MS);
    this.onDidChange = this.memos.onDidChange;
    this.disposables.push(this.memos);
    const attach = (): void => {
      const { fs, store } = host.require();
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(fs.root, `${memosFolder(store.config)}/**/*.md`));
      // The echo of a memo the store just wrote is no news: the command that wrote it reloads.
      const schedule = (uri: vscode.Uri): void => {
        const path = fs.relative(uri);
        void (path === undefined ? Promise.resolve(false) : store.isOwnEcho(path)).then(
          (own) => {
            if (!own) this.memos.schedule();
          },
          () => this.memos.schedule(),
        );
      };
      this.disposables.push(watcher, watcher.onDidCreate(schedule), watcher.onDidChange(schedule), watcher.onDidDelete(schedule));
      void this.reload();
    };
    if (host.project) attach();
    else this.disposables.push({ dispose: host.onDidOpenProject(attach).dispose });
  }

  all(): readonly MemoSummary[] {
    return this.memos.value ?? [];
  }

  /** Memos about a code, newest first. */
  forCode(code: CodeId): MemoSummary[] {
    return memosForCode(this.all(), code);
  }

  /** Read every memo again now; resolves when the index is up to date. */
  async reload(): Promise<void> {
    await this.memos.reload();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
