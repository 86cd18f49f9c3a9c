import * as vscode from 'vscode';
import type { RoundId } from '../../core/model';
import type { ProjectStore } from '../../core/storage/project-store';
import type { ProjectHost } from '../project/project-host';
import { quickPickText } from '../ui/untrusted';

/**
 * Which coding round this researcher is in. Kept per user and workspace (VS Code's workspace
 * state), not in project.json: colleagues move between rounds at their own pace, and a choice
 * written into a shared file would change on every switch, conflict in git, and silently move a
 * colleague's new codes into another round after a pull. The project declares the rounds; each
 * researcher chooses theirs. The status bar shows it and switches it.
 */
export class RoundStatus implements vscode.Disposable {
  static readonly STATE_KEY = 'grounded.codingRound';
  private readonly item = vscode.window.createStatusBarItem('grounded.codingRound', vscode.StatusBarAlignment.Left, 49);
  private readonly changed = new vscode.EventEmitter<void>();
  /** The current round changed (switched, or renamed or removed in project.json). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.item, this.changed];

  constructor(
    private readonly host: ProjectHost,
    private readonly state: vscode.Memento,
  ) {
    this.item.name = 'Grounded: coding round';
    this.item.command = 'grounded.rounds.switch';
    if (host.project) this.attach(host.project.store);
    this.disposables.push({ dispose: host.onDidOpenProject(({ store }) => this.attach(store)).dispose });
  }

  /** The text shown now (for tests). */
  get text(): string {
    return this.item.text;
  }

  async switchTo(id: RoundId): Promise<void> {
    const { store } = this.host.require();
    store.setRound(id);
    await this.state.update(RoundStatus.STATE_KEY, id);
    this.update(store);
  }

  private attach(store: ProjectStore): void {
    store.setRound(this.state.get<RoundId>(RoundStatus.STATE_KEY));
    // project.json reloads (rounds renamed, added, removed) are announced as a change of problems.
    this.disposables.push({ dispose: store.onDidChangeProblems(() => this.update(store)).dispose });
    this.update(store);
  }

  private update(store: ProjectStore): void {
    const round = store.round;
    this.item.text = `$(milestone) ${quickPickText(round.name)}`;
    this.item.tooltip = `Coding round: new codes and segments are recorded in "${round.name}". Click to switch.`;
    this.item.show();
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
