import * as vscode from 'vscode';
import type { TextRange } from '../../core/model';
import { DocumentText } from '../coding/document-text';
import type { ProjectHost } from '../project/project-host';

/** Ranges of one style, on `text` (the LF text they were computed on). */
export interface ReviewMarks {
  text: string;
  layers: { style: ReviewStyle; ranges: TextRange[] }[];
}

export interface MarkSource {
  marks(transcript: string): ReviewMarks | undefined;
  readonly onDidChange: (listener: () => void) => { dispose(): void };
}

export type ReviewStyle = 'added' | 'removed' | 'rebounded' | `coder${0 | 1 | 2 | 3}`;

/** Each compared coder gets a border side, a colour and an overview-ruler lane of their own. */
const CODER_STYLES: { border: string; color: string; lane: vscode.OverviewRulerLane }[] = [
  { border: '0 0 0 3px', color: 'charts.blue', lane: vscode.OverviewRulerLane.Left },
  { border: '0 0 2px 0', color: 'charts.orange', lane: vscode.OverviewRulerLane.Right },
  { border: '2px 0 0 0', color: 'charts.green', lane: vscode.OverviewRulerLane.Center },
  { border: '0 3px 0 0', color: 'charts.purple', lane: vscode.OverviewRulerLane.Full },
];

function styleOptions(style: ReviewStyle): vscode.DecorationRenderOptions {
  const theme = (id: string) => new vscode.ThemeColor(id);
  if (style === 'added') {
    return { backgroundColor: theme('diffEditor.insertedTextBackground'), border: '1px solid', borderColor: theme('editorGutter.addedBackground'), overviewRulerColor: theme('editorOverviewRuler.addedForeground'), overviewRulerLane: vscode.OverviewRulerLane.Left, isWholeLine: false };
  }
  if (style === 'removed') {
    return { backgroundColor: theme('diffEditor.removedTextBackground'), border: '1px dashed', borderColor: theme('editorGutter.deletedBackground'), textDecoration: 'line-through', overviewRulerColor: theme('editorOverviewRuler.deletedForeground'), overviewRulerLane: vscode.OverviewRulerLane.Right };
  }
  if (style === 'rebounded') {
    return { border: '1px dotted', borderColor: theme('editorGutter.modifiedBackground'), overviewRulerColor: theme('editorOverviewRuler.modifiedForeground'), overviewRulerLane: vscode.OverviewRulerLane.Center };
  }
  const s = CODER_STYLES[Number(style.slice(5))];
  return { borderStyle: 'solid', borderWidth: s.border, borderColor: theme(s.color), overviewRulerColor: theme(s.color), overviewRulerLane: s.lane };
}

const GUTTER: Partial<Record<ReviewStyle, string>> = { added: 'editorGutter.addedBackground', removed: 'editorGutter.deletedBackground', rebounded: 'editorGutter.modifiedBackground' };

/** The theme colour a coder's marks use (for the Disagreements view's legend). */
export function coderColor(index: number): vscode.ThemeColor {
  return new vscode.ThemeColor(CODER_STYLES[index % CODER_STYLES.length].color);
}

/**
 * Paints review marks (a revision comparison's changes, each compared coder's segments) in every
 * visible transcript editor. Marks computed on another text than the document's (it is being
 * typed in and the read model has not caught up) are not painted until they are recomputed.
 */
export class ReviewPainter implements vscode.Disposable {
  private readonly types = new Map<ReviewStyle, vscode.TextEditorDecorationType>();
  private readonly gutterTypes = new Map<ReviewStyle, vscode.TextEditorDecorationType>();
  private readonly painted = new Map<string, Map<ReviewStyle, vscode.Range[]>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly host: ProjectHost,
    private readonly sources: readonly MarkSource[],
  ) {
    for (const s of sources) this.disposables.push({ dispose: s.onDidChange(() => this.paintAll()).dispose });
    this.disposables.push(vscode.window.onDidChangeVisibleTextEditors(() => this.paintAll()));
  }

  /** What a document shows, per style (for tests). */
  paintedRanges(document: vscode.TextDocument): Partial<Record<ReviewStyle, vscode.Range[]>> {
    return Object.fromEntries(this.painted.get(document.uri.toString()) ?? []);
  }

  paintAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.paint(editor);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    for (const t of [...this.types.values(), ...this.gutterTypes.values()]) t.dispose();
  }

  private paint(editor: vscode.TextEditor): void {
    const transcript = this.host.transcriptPath(editor.document.uri);
    const byStyle = new Map<ReviewStyle, vscode.Range[]>();
    if (transcript !== undefined) {
      const text = new DocumentText(editor.document);
      for (const source of this.sources) {
        const marks = source.marks(transcript);
        if (!marks || marks.text !== text.text) continue;
        for (const layer of marks.layers) {
          const list = byStyle.get(layer.style) ?? [];
          list.push(...layer.ranges.filter((r) => r.end > r.start).map((r) => text.range(r)));
          byStyle.set(layer.style, list);
        }
      }
    }
    for (const [style, type] of this.types) if (!byStyle.has(style)) editor.setDecorations(type, []);
    for (const [style, type] of this.gutterTypes) if (!byStyle.has(style)) editor.setDecorations(type, []);
    for (const [style, ranges] of byStyle) {
      editor.setDecorations(this.type(style), ranges);
      const gutter = this.gutterType(style);
      if (gutter) editor.setDecorations(gutter, ranges.map((r) => new vscode.Range(r.start.line, 0, r.start.line, 0)));
    }
    this.painted.set(editor.document.uri.toString(), byStyle);
  }

  private type(style: ReviewStyle): vscode.TextEditorDecorationType {
    let type = this.types.get(style);
    if (!type) this.types.set(style, (type = vscode.window.createTextEditorDecorationType(styleOptions(style))));
    return type;
  }

  /** A bar in the gutter's left edge (as the SCM's own change bars), for added, removed, re-bounded. */
  private gutterType(style: ReviewStyle): vscode.TextEditorDecorationType | undefined {
    const color = GUTTER[style];
    if (!color) return undefined;
    let type = this.gutterTypes.get(style);
    if (!type) {
      type = vscode.window.createTextEditorDecorationType({ isWholeLine: true, borderStyle: 'solid', borderWidth: '0 0 0 3px', borderColor: new vscode.ThemeColor(color) });
      this.gutterTypes.set(style, type);
    }
    return type;
  }
}
