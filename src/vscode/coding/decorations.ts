import * as vscode from 'vscode';
import type { CodeId } from '../../core/model';
import { planDecorations } from '../../core/views/decoration-plan';
import type { ProjectHost } from '../project/project-host';
import type { TranscriptTracker } from './transcript-tracker';

/**
 * Paints coded segments in every visible transcript editor: one decoration type per code (a
 * translucent background in the code's colour, a solid underline and a mark in the overview ruler),
 * so overlapping codes blend and stay distinguishable. The plan comes from the core; this class
 * only owns the decoration types and converts offsets to ranges.
 */
export class DecorationPainter implements vscode.Disposable {
  private readonly types = new Map<CodeId, { color: string; type: vscode.TextEditorDecorationType }>();
  private readonly unknownType = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editorWarning.background'),
    border: '1px dashed',
    borderColor: new vscode.ThemeColor('editorWarning.foreground'),
  });
  private readonly disposables: vscode.Disposable[] = [];
  /** What each document shows now, per code: lets tests check what the researcher sees. */
  private readonly painted = new Map<string, Map<CodeId, vscode.Range[]>>();

  constructor(
    private readonly host: ProjectHost,
    private readonly tracker: TranscriptTracker,
  ) {
    this.disposables.push(
      tracker.onDidChangePlacements((document) => this.paintDocument(document)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => void this.paintEditor(e))),
    );
    const attach = (): void => {
      this.disposables.push(host.require().store.onDidChangeCodebook(() => this.paintAll()));
      this.paintAll();
    };
    if (host.project) attach();
    else this.disposables.push({ dispose: host.onDidOpenProject(attach).dispose });
  }

  /** The ranges last painted for each code in this document's editors. */
  paintedRanges(document: vscode.TextDocument): Map<CodeId, vscode.Range[]> {
    return this.painted.get(document.uri.toString()) ?? new Map();
  }

  paintAll(): void {
    for (const editor of vscode.window.visibleTextEditors) void this.paintEditor(editor);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    for (const { type } of this.types.values()) type.dispose();
    this.types.clear();
    this.unknownType.dispose();
  }

  private paintDocument(document: vscode.TextDocument): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) void this.paintEditor(editor);
  }

  private async paintEditor(editor: vscode.TextEditor): Promise<void> {
    const tracked = await this.tracker.open(editor.document);
    const project = this.host.project;
    if (!tracked || !project) return;
    const codebook = project.store.codebook();
    const plan = planDecorations(tracked.session.placed(), codebook);
    this.syncTypes(codebook.all().map((c) => ({ id: c.id, color: c.color })));
    const shown = new Map<CodeId, vscode.Range[]>();
    for (const [id, { type }] of this.types) {
      const ranges = (plan.byCode.get(id) ?? []).map((r) => tracked.text.range(r));
      editor.setDecorations(type, ranges);
      if (ranges.length > 0) shown.set(id, ranges);
    }
    this.painted.set(editor.document.uri.toString(), shown);
    editor.setDecorations(this.unknownType, plan.unknownCode.map((r) => tracked.text.range(r)));
  }

  /** One decoration type per code; a recoloured code gets a new type, a deleted one is disposed. */
  private syncTypes(codes: { id: CodeId; color: string }[]): void {
    const wanted = new Map(codes.map((c) => [c.id, c.color]));
    for (const [id, entry] of this.types) {
      if (wanted.get(id) !== entry.color) {
        entry.type.dispose();
        this.types.delete(id);
      }
    }
    for (const [id, color] of wanted) {
      if (!this.types.has(id)) this.types.set(id, { color, type: createCodeDecoration(color) });
    }
  }
}

function createCodeDecoration(color: string): vscode.TextEditorDecorationType {
  return vscode.window.createTextEditorDecorationType({
    backgroundColor: `${color}38`,
    borderStyle: 'none none solid none',
    borderWidth: '0 0 2px 0',
    borderColor: color,
    overviewRulerColor: color,
    overviewRulerLane: vscode.OverviewRulerLane.Right,
    rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
  });
}
