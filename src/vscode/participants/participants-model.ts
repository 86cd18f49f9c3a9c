import * as vscode from 'vscode';
import { normaliseText } from '../../core/anchoring';
import { ATTRIBUTES_FILE, describeParticipants, listTranscripts, parseAttributesFile, type ParticipantsOverview, type TranscriptSource } from '../../core/participants';
import type { ProjectHost } from '../project/project-host';
import { ReloadingValue } from '../project/reloading-value';

/** Typing in a transcript's front matter updates the view after a short pause, not per key. */
const REFRESH_DELAY_MS = 300;

/**
 * Participants and their attributes, from every transcript's front matter (the editor's text for
 * open transcripts, unsaved changes included; the file otherwise) and `.grounded/attributes.json`.
 * Re-read when a transcript or the attributes file changes.
 */
export class ParticipantsModel implements vscode.Disposable {
  private readonly current: ReloadingValue<ParticipantsOverview>;
  readonly onDidChange: ReloadingValue<ParticipantsOverview>['onDidChange'];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly host: ProjectHost,
    log: vscode.LogOutputChannel,
  ) {
    this.current = new ReloadingValue(() => this.read(), 'participant attributes', log, REFRESH_DELAY_MS);
    this.onDidChange = this.current.onDidChange;
    this.disposables.push(this.current);
    const attach = (): void => {
      const { fs } = host.require();
      const markdown = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(fs.root, '**/*.md'));
      const attributes = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(fs.root, ATTRIBUTES_FILE));
      const onFile = (uri: vscode.Uri): void => this.scheduleIf(uri);
      this.disposables.push(markdown, attributes);
      for (const watcher of [markdown, attributes]) this.disposables.push(watcher.onDidCreate(onFile), watcher.onDidChange(onFile), watcher.onDidDelete(onFile));
      this.disposables.push(
        vscode.workspace.onDidChangeTextDocument((e) => {
          if (e.contentChanges.length > 0) this.scheduleIf(e.document.uri);
        }),
        vscode.workspace.onDidCloseTextDocument((d) => this.scheduleIf(d.uri)),
      );
      void this.reload();
    };
    if (host.project) attach();
    else this.disposables.push({ dispose: host.onDidOpenProject(attach).dispose });
  }

  /** The last overview read; undefined until the project is open and read once. */
  get overview(): ParticipantsOverview | undefined {
    return this.current.value;
  }

  /** Read everything again now; resolves with the fresh overview. */
  reload(): Promise<ParticipantsOverview | undefined> {
    return this.current.reload();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private async read(): Promise<ParticipantsOverview | undefined> {
    const project = this.host.project;
    if (!project) return undefined;
    const { fs, store } = project;
    const open = new Map(vscode.workspace.textDocuments.map((d) => [fs.relative(d.uri), d]));
    const sources: TranscriptSource[] = [];
    for (const path of await listTranscripts(fs, store.config)) {
      const raw = open.get(path)?.getText() ?? (await fs.readFile(path));
      if (raw !== undefined) sources.push({ path, text: normaliseText(raw) });
    }
    const schemaText = open.get(ATTRIBUTES_FILE)?.getText() ?? (await fs.readFile(ATTRIBUTES_FILE));
    return describeParticipants(sources, schemaText === undefined ? undefined : parseAttributesFile(ATTRIBUTES_FILE, schemaText));
  }

  private scheduleIf(uri: vscode.Uri): void {
    const path = this.host.project?.fs.relative(uri);
    if (path === undefined || (path !== ATTRIBUTES_FILE && this.host.transcriptPath(uri) === undefined)) return;
    this.current.schedule();
  }
}
