import * as vscode from 'vscode';
import { RecentMessages } from '../ui/recent-messages';
import { agreementInputFromSnapshot, type SnapshotAgreementInput } from '../../core/agreement/from-snapshot';
import { agreementChoices, agreementTable, passageRows } from '../../core/agreement/panel-model';
import type { AgreementTable } from '../../core/agreement/panel-types';
import type { ProjectSnapshot } from '../../core/project-index';
import {
  DEFAULT_AGREEMENT_STATE,
  isAgreementViewState,
  isAgreementWebviewMessage,
  MAX_PASSAGES,
  type AgreementHostMessage,
  type AgreementViewState,
  type AgreementWebviewMessage,
} from '../../agreement-protocol';
import { webviewOptions, webviewPage } from '../ui/webview-page';
import type { IndexHost } from '../project/index-host';
import type { ProjectHost } from '../project/project-host';
import { revealPassage } from './reveal-passage';

export const AGREEMENT_VIEW_TYPE = 'grounded.agreement';

/** The last table computed, kept until the index changes or the choice of coders, unit or transcript does. */
interface Computed {
  snapshot: ProjectSnapshot;
  key: string;
  prepared: SnapshotAgreementInput;
  /** Undefined when fewer than two coders are compared. */
  table: AgreementTable | undefined;
}

/**
 * The Agreement panel: inter-coder agreement per code over the live read model, each row opening
 * the passages where the coders differ. One panel at a time; it follows the index (one debounced
 * change → one recomputation) and keeps its view state in the webview for the serializer.
 */
export class AgreementPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private state: AgreementViewState = DEFAULT_AGREEMENT_STATE;
  private computed: Computed | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  /** Messages posted, for tests: the last one shows what the panel shows. */
  readonly posted = new RecentMessages<AgreementHostMessage>();
  /** What the webview sent, by type, for tests: a 'ready' shows its script ran under the CSP. */
  readonly received: AgreementWebviewMessage['type'][] = [];
  private readonly shown = new vscode.EventEmitter<AgreementHostMessage>();
  readonly onDidPost = this.shown.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly host: ProjectHost,
    private readonly index: IndexHost,
  ) {
    this.disposables.push(
      this.shown,
      index.onDidChange(() => {
        this.computed = undefined;
        if (this.panel) void this.refresh();
      }),
      vscode.window.registerWebviewPanelSerializer(AGREEMENT_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, saved: unknown) => this.adopt(panel, isAgreementViewState(saved) ? saved : DEFAULT_AGREEMENT_STATE),
      }),
    );
  }

  /** Open (or bring forward) the panel, with these choices changed. */
  show(state: Partial<AgreementViewState> = {}): void {
    this.state = { ...this.state, ...state };
    if (this.panel) {
      this.panel.reveal(undefined, false);
      void this.refresh();
      return;
    }
    const panel = vscode.window.createWebviewPanel(AGREEMENT_VIEW_TYPE, 'Grounded Agreement', vscode.ViewColumn.Beside, webviewOptions(this.extensionUri));
    this.adopt(panel, this.state);
  }

  get viewState(): AgreementViewState {
    return this.state;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  /** What the webview asks for (also how tests act as the webview). */
  async receive(message: AgreementWebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        if (message.state) this.state = message.state;
        return this.refresh();
      case 'request':
        this.state = message.state;
        return this.refresh();
      case 'reveal': {
        // Only a transcript of the project: the path comes from the webview.
        const snapshot = (await this.index.settled())?.snapshot();
        if (!snapshot?.transcripts.some((t) => t.exists && t.path === message.transcript)) return;
        return revealPassage(this.host, message.transcript, message.start, message.end, this.panel?.viewColumn);
      }
    }
  }

  private adopt(panel: vscode.WebviewPanel, state: AgreementViewState): void {
    this.panel = panel;
    this.state = state;
    panel.webview.options = webviewOptions(this.extensionUri);
    panel.webview.html = webviewPage(panel.webview, this.extensionUri, 'agreement-main', 'Grounded Agreement');
    const subscriptions = [
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (!isAgreementWebviewMessage(message)) return;
        this.received.push(message.type);
        void this.receive(message);
      }),
      panel.onDidDispose(() => {
        this.panel = undefined;
        for (const s of subscriptions) s.dispose();
      }),
    ];
  }

  private async refresh(): Promise<void> {
    const snapshot = (await this.index.settled())?.snapshot();
    if (!snapshot) return this.post({ type: 'noProject' });
    const state = this.state;
    const choices = agreementChoices(snapshot);
    const { prepared, table } = this.compute(snapshot, state);
    if (!table) {
      const message =
        choices.coders.length < 2
          ? `Agreement needs at least two coders: this project has coding by ${choices.coders.map((c) => c.name).join(', ') || 'nobody'} so far.`
          : 'Choose at least two coders to compare.';
      return this.post({ type: 'problem', state, choices, message });
    }
    const code = state.expanded && table.rows.some((r) => r.code === state.expanded) ? state.expanded : '';
    if (!code) return this.post({ type: 'agreement', state, choices, table });
    const found = passageRows(prepared, code, MAX_PASSAGES);
    this.post({ type: 'agreement', state, choices, table, passages: { code, rows: found.passages, total: found.total } });
  }

  private compute(snapshot: ProjectSnapshot, state: AgreementViewState): Computed {
    const key = JSON.stringify([state.coders, state.unit, state.transcript]);
    if (this.computed?.snapshot === snapshot && this.computed.key === key) return this.computed;
    const prepared = agreementInputFromSnapshot(snapshot, { coders: state.coders, unit: state.unit, ...(state.transcript ? { transcript: state.transcript } : {}) });
    const table = prepared.input.coders.length < 2 ? undefined : agreementTable(snapshot, prepared);
    this.computed = { snapshot, key, prepared, table };
    return this.computed;
  }

  private post(message: AgreementHostMessage): void {
    this.posted.push(message);
    void this.panel?.webview.postMessage(message);
    this.shown.fire(message);
  }
}
