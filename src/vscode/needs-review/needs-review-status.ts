import * as vscode from 'vscode';
import type { TranscriptTracker } from '../coding/transcript-tracker';
import { reviewItems } from '../../core/views/review-items';

/** The status bar says how many segments the active transcript has, and how many need review. */
export class NeedsReviewStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('grounded.needsReview', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly tracker: TranscriptTracker) {
    this.item.name = 'Grounded: coding of this transcript';
    this.item.command = 'grounded.needsReview.focus';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      tracker.onDidChangePlacements(() => void this.update()),
    );
    void this.update();
  }

  /** The text shown now (for tests and the README). */
  get text(): string {
    return this.item.text;
  }

  private async update(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    const tracked = editor && (await this.tracker.open(editor.document));
    if (!tracked) {
      this.item.hide();
      return;
    }
    const placed = tracked.session.placed();
    const review = reviewItems(tracked.transcript, placed).length;
    this.item.text = review > 0 ? `$(tag) ${placed.length} · $(warning) ${review} to review` : `$(tag) ${placed.length} coded`;
    this.item.tooltip = review > 0 ? `${review} coded segment(s) of this transcript were placed approximately or could not be placed. Click to review.` : 'Every coded segment of this transcript is on its text.';
    this.item.backgroundColor = review > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
