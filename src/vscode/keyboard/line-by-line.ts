import * as vscode from 'vscode';
import { nextUnit, unitAtOrAfter } from '../../core/keyboard/coding-units';
import type { TextRange } from '../../core/model';
import { activeTranscript } from '../coding/coding-commands';
import type { TranscriptTracker } from '../coding/transcript-tracker';
import type { ProjectHost } from '../project/project-host';
import { selectRange, tell, type ActiveTranscript } from './editor-target';
import type { QuickCodeStore } from './quick-code-store';
import { configuredUnit, type TranscriptStructure } from './unit-settings';

export const LINE_BY_LINE_CONTEXT = 'grounded.lineByLine';

/**
 * Line-by-line coding: while on, applying a code moves the selection to the next unit of
 * participant text (line, sentence, paragraph or turn), so a transcript is coded by repeated picks
 * or quick keys. A status bar item shows the mode and the quick codes; clicking it turns it off.
 */
export class LineByLineMode implements vscode.Disposable {
  private on = false;
  private readonly item = vscode.window.createStatusBarItem('grounded.lineByLine', vscode.StatusBarAlignment.Left, 90);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(
    private readonly host: ProjectHost,
    private readonly tracker: TranscriptTracker,
    private readonly structure: TranscriptStructure,
    private readonly quick: QuickCodeStore,
  ) {
    this.item.name = 'Grounded: line-by-line coding';
    this.item.command = 'grounded.coding.toggleLineByLine';
    this.disposables.push(
      quick.onDidChange(() => this.render()),
      vscode.window.onDidChangeActiveTextEditor(() => this.render()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('grounded.lineByLine')) this.render();
      }),
    );
  }

  get enabled(): boolean {
    return this.on;
  }

  /** Turns the mode on or off (toggles without an argument); on, selects the unit to code first. */
  async toggle(on = !this.on): Promise<boolean> {
    this.on = on;
    await vscode.commands.executeCommand('setContext', LINE_BY_LINE_CONTEXT, on);
    this.render();
    const editor = vscode.window.activeTextEditor;
    if (on && editor && editor.selection.isEmpty && this.host.transcriptPath(editor.document.uri) !== undefined) {
      const target = await activeTranscript(this.tracker);
      const units = this.structure.units(target.tracked.session.currentText);
      const first = unitAtOrAfter(units, target.tracked.text.offsetAt(editor.selection.active));
      if (first) selectRange(target, first);
    }
    return on;
  }

  /** After coding `coded`, moves on to the next unit when the mode is on. */
  advance(target: ActiveTranscript, coded: TextRange): void {
    if (!this.on) return;
    const next = nextUnit(this.structure.units(target.tracked.session.currentText), coded);
    if (next) selectRange(target, next);
    else {
      const end = target.tracked.text.positionAt(coded.end);
      target.editor.selection = new vscode.Selection(end, end);
      tell(`That was the last ${configuredUnit()} of participant text in this transcript.`);
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private render(): void {
    const editor = vscode.window.activeTextEditor;
    if (!this.on || !editor || this.host.transcriptPath(editor.document.uri) === undefined) {
      this.item.hide();
      return;
    }
    this.item.text = `$(list-ordered) Line by line: ${configuredUnit()}`;
    const codebook = this.host.project?.store.codebook();
    const slots = codebook ? this.quick.quick(codebook).flatMap((id, i) => (id === undefined ? [] : [`${i + 1} ${codebook.get(id)?.name ?? id}`])) : [];
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(`Applying a code moves to the next ${configuredUnit()}. Click to turn line-by-line coding off.`);
    tooltip.appendText(slots.length > 0 ? `\n\nQuick codes: ${slots.join(' · ')}` : '\n\nNo quick codes yet: apply or pin codes.');
    this.item.tooltip = tooltip;
    this.item.show();
  }
}
