import * as vscode from 'vscode';
import { Emitter } from '../../core/event';
import { normaliseText } from '../../core/anchoring';
import type { PlacementCache } from '../../core/placement';
import { TranscriptSession, type PlacedSegment } from '../../core/transcript-session';
import type { ProjectHost } from '../project/project-host';
import { DocumentText, toTextChanges } from './document-text';

interface Tracked {
  transcript: string;
  document: vscode.TextDocument;
  session: TranscriptSession;
  text: DocumentText;
}

/**
 * Keeps a TranscriptSession for every open transcript document: re-anchors on open and on coding
 * changes from the store, shifts segments while the researcher types, and on save writes the new
 * quotes of segments whose text was edited. Decorations, hovers and commands read from here.
 */
export class TranscriptTracker implements vscode.Disposable {
  private readonly tracked = new Map<string, Tracked>();
  private readonly changed = new Emitter<vscode.TextDocument>();
  /** Fires when a document's placed segments changed (coding, text or anchoring). */
  readonly onDidChangePlacements = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** Open transcripts being renamed: their text and live positions, by the new URI. */
  private readonly renaming = new Map<string, { text: string; placed: PlacedSegment[] }>();

  constructor(
    private readonly host: ProjectHost,
    /** Shared with the project index: a text it has placed already is not placed again. */
    private readonly placements?: PlacementCache,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => void this.open(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.tracked.delete(d.uri.toString())),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidSaveTextDocument((d) => void this.onSave(d)),
      vscode.workspace.onWillRenameFiles((e) => this.onWillRename(e)),
    );
    const attach = (): void => {
      const { store } = host.require();
      this.disposables.push(store.onDidChangeCoding(({ transcript }) => void this.refreshCoding(transcript)));
      for (const document of vscode.workspace.textDocuments) void this.open(document);
    };
    if (host.project) attach();
    else this.disposables.push({ dispose: host.onDidOpenProject(attach).dispose });
  }

  /** The tracked state of a document, if it is a transcript of the project. */
  get(document: vscode.TextDocument): Tracked | undefined {
    return this.tracked.get(document.uri.toString());
  }

  /** Track a document now (commands call this so they never race the open event). */
  async open(document: vscode.TextDocument): Promise<Tracked | undefined> {
    const existing = this.get(document);
    if (existing) return existing;
    const transcript = this.host.transcriptPath(document.uri);
    const project = this.host.project;
    if (transcript === undefined || !project) return undefined;
    const coding = await project.store.getCoding(transcript);
    const again = this.get(document);
    if (again) return again;
    const session = new TranscriptSession(transcript, this.placements);
    const text = new DocumentText(document);
    session.setText(text.text);
    session.setCoding(coding);
    const renamed = this.renaming.get(document.uri.toString());
    if (renamed) {
      this.renaming.delete(document.uri.toString());
      session.carryOver(renamed);
    }
    const tracked: Tracked = { transcript, document, session, text };
    this.tracked.set(document.uri.toString(), tracked);
    this.changed.fire(document);
    return tracked;
  }

  all(): Tracked[] {
    return [...this.tracked.values()];
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.changed.dispose();
  }

  /**
   * A renamed transcript opens under its new name with the old one's text, unsaved edits included,
   * and its coding follows a moment later. Positions tracked live through those edits are kept for
   * it: found again from their stored quotes, edited passages would only be placed approximately.
   */
  private onWillRename(e: vscode.FileWillRenameEvent): void {
    this.renaming.clear();
    for (const { oldUri, newUri } of e.files) {
      const from = oldUri.toString();
      for (const tracked of this.tracked.values()) {
        const uri = tracked.document.uri.toString();
        if (uri !== from && !uri.startsWith(`${from}/`)) continue;
        const placed = tracked.session.placed().map((p) => ({ ...p, range: p.range && { ...p.range } }));
        this.renaming.set(newUri.toString() + uri.slice(from.length), { text: tracked.session.currentText, placed });
      }
    }
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    const tracked = this.get(e.document);
    if (!tracked || e.contentChanges.length === 0) return;
    const previousLength = tracked.text.text.length;
    tracked.text = new DocumentText(e.document);
    if (isWholeReplacement(e, previousLength)) {
      // A revert or an outside rewrite of the open file (git checkout): positions mean nothing
      // any more, so every segment is re-anchored from its quote.
      tracked.session.setText(tracked.text.text);
    } else {
      tracked.session.applyChanges(toTextChanges(e.document, e.contentChanges), tracked.text.text);
    }
    this.changed.fire(e.document);
    if (!e.document.isDirty && e.reason === undefined) void this.reanchorIfReloaded(tracked, e.document.version);
  }

  /**
   * VS Code replays a reload from disk (sed, git pull, a checkout) as edits, which were just shifted
   * like typing; but nobody typed them, so every segment is re-anchored from its stored quote,
   * exactly as when the file is opened. A reload leaves the document clean and equal to the disk;
   * the first keystroke in a clean document can look clean too, but differs from the disk. If the
   * researcher types meanwhile, the document has moved on and the live positions stand.
   */
  private async reanchorIfReloaded(tracked: Tracked, version: number): Promise<void> {
    const project = this.host.project;
    if (!project) return;
    const raw = await project.fs.readFile(tracked.transcript);
    if (raw === undefined || tracked.document.version !== version || tracked.document.isDirty || this.get(tracked.document) !== tracked) return;
    if (normaliseText(raw) !== tracked.text.text) return;
    tracked.session.setText(tracked.text.text);
    this.changed.fire(tracked.document);
  }

  private async onSave(document: vscode.TextDocument): Promise<void> {
    const tracked = this.get(document);
    const project = this.host.project;
    if (!tracked || !project) return;
    for (const [coderId, updates] of tracked.session.editedQuotes()) {
      await project.store.requote(tracked.transcript, coderId, updates);
    }
  }

  private async refreshCoding(transcript: string): Promise<void> {
    const project = this.host.project;
    if (!project) return;
    const coding = await project.store.getCoding(transcript);
    for (const tracked of this.tracked.values()) {
      if (tracked.transcript !== transcript) continue;
      tracked.session.setCoding(coding);
      this.changed.fire(tracked.document);
    }
  }
}

function isWholeReplacement(e: vscode.TextDocumentChangeEvent, previousLength: number): boolean {
  if (e.contentChanges.length !== 1) return false;
  const [c] = e.contentChanges;
  return c.rangeOffset === 0 && c.rangeLength >= previousLength && previousLength > 0;
}
