import * as vscode from 'vscode';
import { RecentMessages } from '../ui/recent-messages';
import { answerRequest } from '../../core/analysis/answer-request';
import type { PreparedSnapshot } from '../../core/analysis/prepare-analysis';
import type { ProjectSnapshot } from '../../core/project-index';
import { DEFAULT_SEARCH, DEFAULT_VIEW_STATE, isWebviewToHost, type AnalysisViewState, type HostToWebview, type ProjectOutline, type WebviewToHost } from '../../protocol';
import type { AnalysisProject } from '../../core/analysis';
import { SearchError } from '../../core/analysis/text-search';
import type { ChosenPassage } from '../../core/autocode/apply-plan';
import type { ProjectSearch } from '../../core/autocode/project-search';
import { DocumentText } from '../coding/document-text';
import type { IndexHost } from '../project/index-host';
import type { ProjectHost } from '../project/project-host';
import { firstPaint, wallClock, type FirstPaint, type HostMarks } from './first-paint';
import { KeptAnswer } from './kept-answer';
import type { PreparedAnalysis } from './prepared-analysis';
import { webviewOptions, webviewPage } from '../ui/webview-page';

export const ANALYSIS_VIEW_TYPE = 'grounded.analysis';

/** Passages a blank page is sent first: about what fills a screen, drawn as soon as they come. */
const FIRST_ROWS = 20;

/**
 * How long the project stays unchanged (after its load, or after an edit) before a panel's first
 * answer is worked out ahead of it. Worked out when the panel is asked for instead, the host's work
 * competes with VS Code creating the page on a machine of few cores: the page came 200–250 ms later.
 */
const WARM_AFTER_QUIET_MS = 1000;

/** How long the whole answer waits at most for a new page to say it has drawn the first passages. */
const MAX_WAIT_FOR_FIRST_DRAW_MS = 1000;

/**
 * The Analysis panel: retrieval, matrices, frequencies and saturation over the live read model.
 * One panel at a time; it follows the index (one debounced change → one recomputation) and keeps
 * its view state in the webview, so a reloaded window restores it through the serializer.
 */
export class AnalysisPanels implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** Whether the panel's page has said it is ready: before that, a message would only be queued for it. */
  private pageReady = false;
  /** Whether the page has been sent no whole answer since it loaded. */
  private pageBlank = false;
  /** Settles when the page has drawn its first answer, or a second after it loaded (see refresh). */
  private pageDrawn: Promise<void> = Promise.resolve();
  private markPageDrawn: () => void = () => undefined;
  private state: AnalysisViewState = DEFAULT_VIEW_STATE;
  /** The latest answer, by the state it answers: a panel asked for is answered while its page loads. */
  private readonly answered = new KeptAnswer<HostToWebview>();
  /** The first passages of the latest Segments answer (undefined when they are all of it). */
  private readonly firstRowsAnswered = new KeptAnswer<HostToWebview | undefined>();
  /** The passages of the Search tab's latest preview, by hit id: what "Apply" codes. */
  private passages = new Map<string, ChosenPassage>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Messages posted, for tests: the last one shows what the panel shows. */
  readonly posted = new RecentMessages<HostToWebview>();
  private readonly shown = new vscode.EventEmitter<HostToWebview>();
  readonly onDidPost = this.shown.event;
  private warmTimer: ReturnType<typeof setTimeout> | undefined;
  /** The snapshot whose first answer was last worked out ahead of the panel. */
  private warmedFor: ProjectSnapshot | undefined;
  /** When the latest panel was asked for, until it reports its first result drawn. */
  private paintFrom: number | undefined;
  /** When the host finished its steps of the latest panel's first paint, in wall-clock milliseconds. */
  private hostMarks: HostMarks = {};
  private readonly painted = new vscode.EventEmitter<FirstPaint>();
  /** A new panel drew its first result: how long after it was asked for, and its steps (the benchmarks read it). */
  readonly onDidFirstPaint = this.painted.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly host: ProjectHost,
    private readonly index: IndexHost,
    private readonly analysis: PreparedAnalysis,
    private readonly handlers: { saveQuery(title: string, state: AnalysisViewState): Promise<void>; exportCsv(state: AnalysisViewState): Promise<void> } & SearchHandlers,
  ) {
    this.disposables.push(
      this.shown,
      this.painted,
      // prepare() notices a new snapshot; the page asks for its first answer itself when it is ready.
      index.onDidChange(() => {
        if (this.panel && this.pageReady) void this.refresh();
        else this.warmSoon();
      }),
      { dispose: () => clearTimeout(this.warmTimer) },
      vscode.window.registerWebviewPanelSerializer(ANALYSIS_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, saved: unknown) => this.adopt(panel, isViewState(saved) ? saved : DEFAULT_VIEW_STATE),
      }),
    );
  }

  /** Open (or bring forward) the panel showing this view. */
  show(state: Partial<AnalysisViewState>): void {
    this.state = { ...this.state, ...state };
    if (this.panel) {
      this.panel.reveal(undefined, false);
      if (this.pageReady) void this.refresh();
      return;
    }
    this.paintFrom = performance.now();
    this.hostMarks = {};
    const panel = vscode.window.createWebviewPanel(ANALYSIS_VIEW_TYPE, 'Grounded Analysis', vscode.ViewColumn.Beside, webviewOptions(this.extensionUri));
    this.adopt(panel, this.state);
    // The page takes a while to load: work out its first answer meanwhile (in slices: VS Code needs
    // the host to answer while it creates the page), so `ready` finds it done. A Segments answer
    // can hold thousands of passages: only its first ones, what the page draws first. Those are
    // posted at once: VS Code keeps them until the page has loaded and hands them over then, which
    // spares the round trip of the page's `ready`. They are posted again on `ready` (a page
    // recreated meanwhile would not have them), and the page passes over the same passages twice.
    const asked = this.state;
    void (asked.tab === 'segments' ? this.firstRows() : this.answer()).then(
      (message) => {
        this.hostMarks.answered ??= wallClock();
        if (message?.type === 'firstRows' && this.panel === panel && !this.pageReady && JSON.stringify(message.state) === JSON.stringify(asked)) void this.post(message);
      },
      () => undefined,
    );
  }

  /** Whether a panel opened now would find its first answer worked out (the benchmarks wait for it). */
  isWarm(): boolean {
    return this.warmedFor !== undefined && this.warmedFor === this.index.snapshot();
  }

  get viewState(): AnalysisViewState {
    return this.state;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private adopt(panel: vscode.WebviewPanel, state: AnalysisViewState): void {
    this.panel = panel;
    this.pageReady = false;
    this.state = state;
    panel.webview.options = webviewOptions(this.extensionUri);
    panel.webview.html = webviewPage(panel.webview, this.extensionUri, 'analysis-main', 'Grounded Analysis', { charts: 'charts-bundle' });
    const subscriptions = [
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isWebviewToHost(message)) void this.receive(message);
      }),
      panel.onDidDispose(() => {
        this.panel = undefined;
        for (const s of subscriptions) s.dispose();
        // A panel opened later finds its first answer worked out, even if the project does not
        // change again meanwhile (the answer for this snapshot is usually kept already).
        this.warmSoon();
      }),
    ];
  }

  /** What the webview asks for (also how tests act as the webview). */
  async receive(message: WebviewToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.pageReady = true;
        this.pageBlank = true;
        this.pageDrawn = new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, MAX_WAIT_FOR_FIRST_DRAW_MS);
          this.markPageDrawn = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        if (message.state && isViewState(message.state)) this.state = message.state;
        return this.refresh();
      case 'request':
        if (!isViewState(message.state)) return;
        this.state = message.state;
        return this.refresh();
      case 'reveal':
        return this.reveal(message.transcript, message.start, message.end);
      case 'saveQuery':
        return isViewState(message.state) ? this.handlers.saveQuery(message.title, message.state) : undefined;
      case 'exportCsv':
        return isViewState(message.state) ? this.handlers.exportCsv(message.state) : undefined;
      case 'rendered':
        this.markPageDrawn();
        if (this.paintFrom !== undefined) this.painted.fire(firstPaint(performance.now() - this.paintFrom, this.hostMarks, message.marks));
        this.paintFrom = undefined;
        return;
      case 'autocode':
        return this.autocode(message.state, message.hits);
      case 'newCode':
        return this.newCode(message.state);
    }
  }

  private async refresh(): Promise<void> {
    if (this.pageBlank && this.state.tab === 'segments') {
      // A page with nothing on it yet gets the first passages in a small message, drawn as soon as
      // it comes; the whole answer (up to MAX_HITS passages, a megabyte) is worked out and follows.
      const first = await this.firstRows();
      if (first?.type === 'firstRows' && this.pageBlank && JSON.stringify(first.state) === JSON.stringify(this.state)) {
        // Worked out only once it has gone: the host would hold the message back while it computes.
        await this.post(first);
        // The rest is worked out once the page has drawn them: the two would otherwise share the
        // machine while the page lays out its first screen.
        await this.pageDrawn;
      }
    }
    let message = await this.answer();
    // The state moved on while this was worked out: answer the state as it is now instead.
    if (message.type !== 'noProject' && JSON.stringify(message.state) !== JSON.stringify(this.state)) message = await this.answer();
    this.post(message);
  }

  private warmSoon(): void {
    clearTimeout(this.warmTimer);
    this.warmTimer = setTimeout(() => void this.warm(), WARM_AFTER_QUIET_MS);
  }

  /**
   * Works out, in the host's slices, what a panel opened now would be sent first: the analysis of
   * the project and, on Segments, the first passages. A failure is left to the panel to report.
   */
  private async warm(): Promise<void> {
    if (this.panel) return;
    const snapshot = this.index.snapshot();
    try {
      await (this.state.tab === 'segments' ? this.firstRows() : this.prepare());
    } catch {
      return;
    }
    this.warmedFor = snapshot;
  }

  /** The first passages answering the current (Segments) state; undefined when they are all of it. */
  private firstRows(): Promise<HostToWebview | undefined> {
    const prepared = this.prepare();
    const state = this.state;
    return this.firstRowsAnswered.get(prepared, JSON.stringify(state), () =>
      prepared.then((ready): HostToWebview | undefined => {
        if (!ready) return undefined;
        const answer = answerRequest(ready.context, state, { hits: FIRST_ROWS });
        return answer.ok && answer.result.tab === 'segments' && answer.result.truncated ? { type: 'firstRows', state, outline: ready.outline, hits: answer.result.hits } : undefined;
      }),
    );
  }

  /** The message answering the current state; the same state over the same project is answered once. */
  private answer(): Promise<HostToWebview> {
    const prepared = this.prepare();
    const state = this.state;
    const make = () => prepared.then((ready) => (ready ? this.compute(ready, state) : ({ type: 'noProject' } as const)));
    // The Search tab's answer also sets what "Apply" codes: it is worked out each time.
    return state.tab === 'search' ? make() : this.answered.get(prepared, JSON.stringify(state), make);
  }

  private compute(prepared: PreparedSnapshot, state: AnalysisViewState): HostToWebview {
    const outline = prepared.outline;
    if (state.tab === 'search') return this.searchAnswer(prepared.context.project, state, outline);
    const answer = answerRequest(prepared.context, state);
    return answer.ok ? { type: 'show', state, outline, result: answer.result } : { type: 'problem', state, outline, message: answer.message };
  }

  private searchAnswer(project: AnalysisProject, state: AnalysisViewState, outline: ProjectOutline): HostToWebview {
    try {
      const found = this.handlers.search(project, state.search ?? DEFAULT_SEARCH);
      this.passages = found.passages;
      return { type: 'show', state, outline, result: { tab: 'search', preview: found.preview, speakers: found.speakers } };
    } catch (error) {
      if (!(error instanceof SearchError)) throw error;
      this.passages = new Map();
      return { type: 'problem', state, outline, message: error.message };
    }
  }

  /** The webview's Apply: the ticked hits of the preview it was sent, with the search's code. */
  private async autocode(state: unknown, hits: unknown): Promise<void> {
    if (!isViewState(state) || !Array.isArray(hits)) return;
    this.state = state;
    const code = state.search?.code;
    const chosen = hits.flatMap((id) => (typeof id === 'string' ? (this.passages.get(id) ?? []) : []));
    if (code && chosen.length > 0) await this.handlers.autocode(chosen, code);
  }

  private async newCode(state: unknown): Promise<void> {
    if (!isViewState(state)) return;
    this.state = state;
    const id = await this.handlers.newCode();
    if (id) this.state = { ...this.state, search: { ...(this.state.search ?? DEFAULT_SEARCH), code: id } };
    await this.refresh();
  }

  private prepare(): Promise<PreparedSnapshot | undefined> {
    return this.analysis.get();
  }

  /** Resolves once VS Code has taken the message to the page (or could not). */
  private post(message: HostToWebview): Promise<unknown> {
    if (message.type !== 'firstRows') this.pageBlank = false;
    if (this.paintFrom !== undefined) this.hostMarks.posted ??= wallClock();
    this.posted.push(message);
    const delivered = Promise.resolve(this.panel?.webview.postMessage(message)).catch(() => undefined);
    this.shown.fire(message);
    return delivered;
  }

  private async reveal(transcript: string, start: number, end: number): Promise<void> {
    const project = this.host.project;
    if (!project || !Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return;
    const document = await vscode.workspace.openTextDocument(project.fs.uri(transcript));
    const range = new DocumentText(document).range({ start, end });
    const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: true });
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}

/** What the Search tab needs from outside the panel: the search, applying a code, a new code. */
export interface SearchHandlers {
  /** Throws SearchError for a pattern that cannot or must not be run. */
  search(project: AnalysisProject, state: NonNullable<AnalysisViewState['search']>): ProjectSearch;
  autocode(passages: ChosenPassage[], code: string): Promise<void>;
  /** Asks for a name and creates the code; its id, or undefined when cancelled. */
  newCode(): Promise<string | undefined>;
}

function isViewState(value: unknown): value is AnalysisViewState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<AnalysisViewState>;
  return (
    typeof v.tab === 'string' &&
    ['segments', 'matrix', 'frequencies', 'saturation', 'search'].includes(v.tab) &&
    typeof v.expression === 'string' &&
    typeof v.filter === 'object' &&
    v.filter !== null &&
    typeof v.groupBy === 'string' &&
    typeof v.matrix === 'object' &&
    v.matrix !== null &&
    (v.search === undefined || isSearchState(v.search))
  );
}

function isSearchState(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return typeof s.text === 'string' && typeof s.regex === 'boolean' && typeof s.speaker === 'string' && typeof s.code === 'string' && ['match', 'sentence', 'paragraph', 'turn'].includes(s.unit as string);
}
