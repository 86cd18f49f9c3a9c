import * as vscode from 'vscode';
import { Emitter } from '../../core/event';
import { ATTRIBUTES_FILE } from '../../core/participants';
import type { OpenDocuments, PlacementCache } from '../../core/placement';
import { ProjectIndex, type ProjectSnapshot } from '../../core/project-index';
import { PROJECT_FILE } from '../../core/storage/format';
import type { ProjectHost } from './project-host';

/** Coalesce a burst (a git checkout touches many files; typing changes a document per key). */
const CHANGE_DELAY_MS = 150;

/**
 * The live read model of the open project for views and panels: built when the project opens,
 * then fed every change — coding and codes through the store, transcripts, memos and the
 * attributes file through one watcher, and open documents' unsaved text. One debounced
 * onDidChange per burst.
 */
export class IndexHost implements vscode.Disposable {
  private current: ProjectIndex | undefined;
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private building: Promise<ProjectIndex | undefined> = Promise.resolve(undefined);

  constructor(
    private readonly host: ProjectHost,
    private readonly placements: PlacementCache,
    private readonly log: vscode.LogOutputChannel,
  ) {
    if (host.project) this.attach();
    else this.disposables.push({ dispose: host.onDidOpenProject(() => this.attach()).dispose });
  }

  get index(): ProjectIndex | undefined {
    return this.current;
  }

  /** The project as it is now; undefined until the index is built. */
  snapshot(): ProjectSnapshot | undefined {
    return this.current?.snapshot();
  }

  /** Resolves once the index is built and every change so far is in it. */
  async settled(): Promise<ProjectIndex | undefined> {
    const index = await this.building;
    await index?.settled();
    return index;
  }

  /**
   * Read the attributes file, memos, open transcripts and these transcripts again now (a
   * researcher's refresh; files changed a moment ago whose watcher events are still on their way).
   */
  async refreshStudyFiles(transcripts: readonly string[] = []): Promise<ProjectSnapshot | undefined> {
    const index = await this.building;
    if (!index) return undefined;
    const open = vscode.workspace.textDocuments.flatMap((d) => this.host.transcriptPath(d.uri) ?? []);
    await index.refreshStudyFiles([...new Set([...open, ...transcripts])]);
    return index.snapshot();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.current?.dispose();
  }

  private attach(): void {
    const { store, fs } = this.host.require();
    const open: OpenDocuments = {
      textOf: (path) => vscode.workspace.textDocuments.find((d) => !d.isClosed && fs.relative(d.uri) === path)?.getText(),
    };
    this.building = ProjectIndex.attach(store, fs, { open, placements: this.placements, debounceMs: CHANGE_DELAY_MS, slices: this.host.slices }).then(
      (index) => {
        this.current = index;
        this.disposables.push(index.onDidChange(() => this.changed.fire()));
        this.changed.fire();
        return index;
      },
      (error: unknown) => {
        this.log.error(`Reading the project for its views failed: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      },
    );
    // Watching from the start: a file changed while the index is built is read again after it.
    this.watch();
  }

  private watch(): void {
    const { fs } = this.host.require();
    const tell = (uri: vscode.Uri): void => {
      const path = fs.relative(uri);
      if (path !== undefined && !path.endsWith('.tmp')) void this.building.then((index) => index?.fileChanged(path));
    };
    const markdown = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(fs.root, '**/*.md'));
    const settings = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(fs.root, `{${ATTRIBUTES_FILE},${PROJECT_FILE}}`));
    this.disposables.push(markdown, settings);
    for (const watcher of [markdown, settings]) this.disposables.push(watcher.onDidCreate(tell), watcher.onDidChange(tell), watcher.onDidDelete(tell));
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) tell(e.document.uri);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => tell(d.uri)),
    );
  }
}
