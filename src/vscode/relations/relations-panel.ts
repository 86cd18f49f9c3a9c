import * as vscode from 'vscode';
import { RecentMessages } from '../ui/recent-messages';
import { relationsNetwork, renderRelationsSvg, type RelationsNetwork } from '../../core/relations';
import type { ProjectSnapshot } from '../../core/project-index';
import { DEFAULT_RELATIONS_STATE, isRelationsViewState, isRelationsWebviewToHost, type RelationsHostToWebview, type RelationsViewState, type RelationsWebviewToHost } from '../../relations-protocol';
import { webviewOptions, webviewPage } from '../ui/webview-page';
import type { IndexHost } from '../project/index-host';

export const RELATIONS_VIEW_TYPE = 'grounded.relations';

export interface RelationsPanelActions {
  openCode(code: string, how: 'codebook' | 'segments'): Promise<void>;
  relate(): Promise<void>;
  export(format: 'svg' | 'mermaid', direction: RelationsViewState['direction']): Promise<void>;
}

/**
 * The Relations panel: the network of codes that have relations, laid out and drawn in the core
 * and sent to the webview as an SVG element tree. One panel at a time; it follows the read model
 * (one debounced change → one new drawing) and keeps its view state in the webview, so a reloaded
 * window restores it through the serializer.
 */
export class RelationsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private state: RelationsViewState = DEFAULT_RELATIONS_STATE;
  private readonly disposables: vscode.Disposable[] = [];
  /** Messages posted, for tests: the last one shows what the panel shows. */
  readonly posted = new RecentMessages<RelationsHostToWebview>();
  private readonly shown = new vscode.EventEmitter<RelationsHostToWebview>();
  readonly onDidPost = this.shown.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly index: IndexHost,
    private readonly actions: RelationsPanelActions,
  ) {
    this.disposables.push(
      this.shown,
      index.onDidChange(() => {
        if (this.panel) void this.refresh();
      }),
      vscode.window.registerWebviewPanelSerializer(RELATIONS_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, saved: unknown) => this.adopt(panel, isRelationsViewState(saved) ? saved : DEFAULT_RELATIONS_STATE),
      }),
    );
  }

  get viewState(): RelationsViewState {
    return this.state;
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal(undefined, false);
      void this.refresh();
      return;
    }
    const panel = vscode.window.createWebviewPanel(RELATIONS_VIEW_TYPE, 'Grounded Relations', vscode.ViewColumn.Beside, webviewOptions(this.extensionUri));
    this.adopt(panel, this.state);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  /** The network as the panel would draw it now (also what the export commands write). */
  async network(direction = this.state.direction): Promise<{ snapshot: ProjectSnapshot; network: RelationsNetwork } | undefined> {
    const snapshot = (await this.index.settled())?.snapshot();
    return snapshot ? { snapshot, network: relationsNetwork(snapshot, direction) } : undefined;
  }

  private adopt(panel: vscode.WebviewPanel, state: RelationsViewState): void {
    this.panel = panel;
    this.state = state;
    panel.webview.options = webviewOptions(this.extensionUri);
    panel.webview.html = webviewPage(panel.webview, this.extensionUri, 'relations-main', 'Grounded Relations');
    const subscriptions = [
      panel.webview.onDidReceiveMessage((message: unknown) => {
        if (isRelationsWebviewToHost(message)) void this.receive(message);
      }),
      panel.onDidDispose(() => {
        if (this.panel === panel) this.panel = undefined;
        for (const s of subscriptions) s.dispose();
      }),
    ];
  }

  /** What the webview asks for (also how tests act as the webview). */
  async receive(message: RelationsWebviewToHost): Promise<void> {
    switch (message.type) {
      case 'ready':
        if (message.state) this.state = message.state;
        return this.refresh();
      case 'setDirection':
        this.state = { ...this.state, direction: message.direction };
        return this.refresh();
      case 'focus':
        this.state = { ...this.state, focused: message.code };
        return;
      case 'openCode':
        return this.actions.openCode(message.code, message.how);
      case 'relate':
        return this.actions.relate();
      case 'export':
        return this.actions.export(message.format, this.state.direction);
    }
  }

  private async refresh(): Promise<void> {
    const current = await this.network();
    if (!current) return this.post({ type: 'noProject' });
    const { snapshot, network } = current;
    const svg = renderRelationsSvg(network.layout, { title: snapshot.config.name, standalone: false, interactive: true });
    this.post({ type: 'show', state: this.state, project: snapshot.config.name, codes: network.graph.nodes.length, relations: network.graph.edges.length, svg });
  }

  private post(message: RelationsHostToWebview): void {
    this.posted.push(message);
    void this.panel?.webview.postMessage(message);
    this.shown.fire(message);
  }
}
