import * as vscode from 'vscode';
import { untrustedMarkdown } from '../ui/untrusted';
import { LineIndex } from '../../core/line-index';
import type { CodeId } from '../../core/model';
import { planOverlaps, type OverlapPlan } from '../../core/views/overlap-plan';
import type { ProjectHost } from '../project/project-host';
import type { TranscriptTracker } from './transcript-tracker';

export const SHOW_CODE_NAMES_SETTING = 'decorations.showCodeNames';

/** At most this many colours in one gutter mark; more would be too thin to tell apart. */
const GUTTER_STRIPES = 4;

/**
 * What a document's editors show, per code: the whole range of each segment the code marks (its
 * mark in the overview ruler). The extra fields say what else is painted, for tests and tools.
 */
export class PaintedCoding extends Map<CodeId, vscode.Range[]> {
  /** Pieces of text filled with each code's colour (the innermost segment's code wins). */
  fills = new Map<CodeId, vscode.Range[]>();
  /** Lines with a gutter mark, and the colours in it. */
  gutter: { line: number; colors: string[] }[] = [];
  /** Code names shown after segments, as inlay hints (when the setting is on). */
  names: { range: vscode.Range; text: string }[] = [];
  /** Segments placed only approximately, drawn with a dotted outline. */
  approximate: vscode.Range[] = [];
}

const APPROXIMATE_HOVER = 'Placed approximately: its text changed since it was coded. Review it in Needs Review (accept, re-attach or delete).';

interface CodeTypes {
  color: string;
  fill: vscode.TextEditorDecorationType;
  ruler: vscode.TextEditorDecorationType;
}

/**
 * Paints coded segments in every visible transcript editor so that many overlapping codes stay
 * readable: the text takes the colour of the innermost segment over it (a translucent background
 * and an underline), the gutter shows a stripe per colour of every code on the line, the overview
 * ruler marks each code's segments, and, if chosen, code names follow each segment (as inlay hints,
 * which wrap with the text). Coding can be
 * hidden, or filtered to chosen codes. The plan comes from the core; this class owns the
 * decoration types and converts offsets to ranges.
 */
export class DecorationPainter implements vscode.Disposable {
  private readonly codeTypes = new Map<CodeId, CodeTypes>();
  private readonly gutterTypes = new Map<string, vscode.TextEditorDecorationType>();
  /** Code names are inlay hints rather than decorations: inlay hints take part in word wrap. */
  private readonly namesChanged = new vscode.EventEmitter<void>();
  private readonly unknownType = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editorWarning.background'),
    border: '1px dashed',
    borderColor: new vscode.ThemeColor('editorWarning.foreground'),
  });
  /** Over the code's colour, a dotted outline: a guess must not look like a segment on its own text. */
  private readonly approximateType = vscode.window.createTextEditorDecorationType({
    border: '1px dotted',
    borderColor: new vscode.ThemeColor('editorWarning.foreground'),
    opacity: '0.75',
  });
  /** The types each editor was given ranges for, so only those need clearing next time. */
  private readonly used = new WeakMap<vscode.TextEditor, Set<vscode.TextEditorDecorationType>>();
  private readonly disposables: vscode.Disposable[] = [];
  /** What each document shows now: lets tests check what the researcher sees. */
  private readonly painted = new Map<string, PaintedCoding>();
  private isHidden = false;
  private visible: ReadonlySet<CodeId> | undefined;

  constructor(
    private readonly host: ProjectHost,
    private readonly tracker: TranscriptTracker,
  ) {
    this.disposables.push(
      tracker.onDidChangePlacements((document) => this.paintDocument(document)),
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => void this.paintEditor(e))),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`grounded.${SHOW_CODE_NAMES_SETTING}`)) this.paintAll();
      }),
      this.namesChanged,
      vscode.languages.registerInlayHintsProvider(
        { language: 'markdown' },
        { onDidChangeInlayHints: this.namesChanged.event, provideInlayHints: (document, range) => this.namesIn(document, range) },
      ),
    );
    const attach = (): void => {
      this.disposables.push({ dispose: host.require().store.onDidChangeCodebook(() => this.paintAll()).dispose });
      this.paintAll();
    };
    if (host.project) attach();
    else this.disposables.push({ dispose: host.onDidOpenProject(attach).dispose });
  }

  /** What was last painted in this document's editors. */
  paintedRanges(document: vscode.TextDocument): PaintedCoding {
    return this.painted.get(document.uri.toString()) ?? new PaintedCoding();
  }

  get hidden(): boolean {
    return this.isHidden;
  }

  /** Hide all coding (or show it again) in every editor. */
  setHidden(hidden: boolean): void {
    this.isHidden = hidden;
    this.paintAll();
  }

  /** The codes shown; undefined when every code is. */
  get visibleCodes(): ReadonlySet<CodeId> | undefined {
    return this.visible;
  }

  setVisibleCodes(codes: ReadonlySet<CodeId> | undefined): void {
    this.visible = codes;
    this.paintAll();
  }

  paintAll(): void {
    for (const editor of vscode.window.visibleTextEditors) void this.paintEditor(editor);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    for (const types of this.codeTypes.values()) disposeCodeTypes(types);
    for (const type of this.gutterTypes.values()) type.dispose();
    this.codeTypes.clear();
    this.gutterTypes.clear();
    this.unknownType.dispose();
    this.approximateType.dispose();
  }

  private paintDocument(document: vscode.TextDocument): void {
    for (const editor of vscode.window.visibleTextEditors) if (editor.document === document) void this.paintEditor(editor);
  }

  private async paintEditor(editor: vscode.TextEditor): Promise<void> {
    const tracked = await this.tracker.open(editor.document);
    const project = this.host.project;
    if (!tracked || !project) return;
    const codebook = project.store.codebook();
    this.syncTypes(codebook.all().map((c) => ({ id: c.id, color: c.color })));
    const painted = new PaintedCoding();
    const decorations = new Map<vscode.TextEditorDecorationType, vscode.Range[] | vscode.DecorationOptions[]>();
    if (!this.isHidden) {
      const lines = new LineIndex(tracked.session.currentText);
      const plan = planOverlaps(tracked.session.placed(), codebook, { visible: this.visible, lineOf: (o) => lines.lineOf(o) });
      const toRange = (r: { start: number; end: number }): vscode.Range => tracked.text.range(r);
      this.planToDecorations(plan, toRange, painted, decorations);
      decorations.set(this.unknownType, plan.unknownCode.map(toRange));
      painted.approximate = plan.approximate.map(toRange);
      decorations.set(
        this.approximateType,
        painted.approximate.map((range) => ({ range, hoverMessage: untrustedMarkdown().appendText(APPROXIMATE_HOVER) })),
      );
    }
    this.apply(editor, decorations);
    const previous = this.painted.get(editor.document.uri.toString());
    this.painted.set(editor.document.uri.toString(), painted);
    if (!sameNames(previous?.names ?? [], painted.names)) this.namesChanged.fire();
  }

  private namesIn(document: vscode.TextDocument, range: vscode.Range): vscode.InlayHint[] {
    return this.paintedRanges(document)
      .names.filter((n) => range.contains(n.range.start))
      .map((n) => {
        const hint = new vscode.InlayHint(n.range.start, n.text);
        hint.paddingLeft = true;
        hint.tooltip = 'Codes of the segment that ends here (setting "grounded.decorations.showCodeNames")';
        return hint;
      });
  }

  private planToDecorations(
    plan: OverlapPlan,
    toRange: (r: { start: number; end: number }) => vscode.Range,
    painted: PaintedCoding,
    decorations: Map<vscode.TextEditorDecorationType, vscode.Range[] | vscode.DecorationOptions[]>,
  ): void {
    const codebook = this.host.require().store.codebook();
    for (const [code, ranges] of plan.byCode) {
      const types = this.codeTypes.get(code);
      if (!types) continue;
      painted.set(code, ranges.map(toRange));
      decorations.set(types.ruler, painted.get(code)!);
    }
    for (const [code, ranges] of plan.fills) {
      const types = this.codeTypes.get(code);
      if (!types) continue;
      painted.fills.set(code, ranges.map(toRange));
      decorations.set(types.fill, painted.fills.get(code)!);
    }
    const colorOf = (code: CodeId): string => codebook.get(code)?.color ?? '#808080';
    for (const { line, codes } of plan.lines) {
      const colors = [...new Set(codes.map(colorOf))].slice(0, GUTTER_STRIPES);
      painted.gutter.push({ line, colors });
      const type = this.gutterType(colors);
      const ranges = (decorations.get(type) as vscode.Range[] | undefined) ?? [];
      ranges.push(new vscode.Range(line, 0, line, 0));
      decorations.set(type, ranges);
    }
    if (vscode.workspace.getConfiguration('grounded').get<boolean>(SHOW_CODE_NAMES_SETTING, false)) {
      painted.names = plan.ends.map(({ at, codes }) => ({ range: toRange({ start: at, end: at }), text: namesLabel(codes.map((c) => codebook.get(c)?.name ?? c)) }));
    }
  }

  /** Sets this paint's decorations and clears the types this editor showed last time but not now. */
  private apply(editor: vscode.TextEditor, decorations: Map<vscode.TextEditorDecorationType, vscode.Range[] | vscode.DecorationOptions[]>): void {
    const before = this.used.get(editor) ?? new Set();
    const now = new Set<vscode.TextEditorDecorationType>();
    for (const [type, ranges] of decorations) {
      if (ranges.length === 0) continue;
      editor.setDecorations(type, ranges);
      now.add(type);
    }
    for (const type of before) if (!now.has(type)) editor.setDecorations(type, []);
    this.used.set(editor, now);
  }

  /** Types per code; a recoloured code gets new ones, a deleted one's are disposed. */
  private syncTypes(codes: { id: CodeId; color: string }[]): void {
    const wanted = new Map(codes.map((c) => [c.id, c.color]));
    for (const [id, types] of this.codeTypes) {
      if (wanted.get(id) !== types.color) {
        disposeCodeTypes(types);
        this.codeTypes.delete(id);
      }
    }
    for (const [id, color] of wanted) if (!this.codeTypes.has(id)) this.codeTypes.set(id, createCodeTypes(color));
  }

  /** One type per combination of colours, each with its striped gutter icon. */
  private gutterType(colors: string[]): vscode.TextEditorDecorationType {
    const key = colors.join(',');
    let type = this.gutterTypes.get(key);
    if (!type) {
      type = vscode.window.createTextEditorDecorationType({ gutterIconPath: stripesIcon(colors), gutterIconSize: 'contain', isWholeLine: true });
      this.gutterTypes.set(key, type);
    }
    return type;
  }
}

function createCodeTypes(color: string): CodeTypes {
  return {
    color,
    fill: vscode.window.createTextEditorDecorationType({
      backgroundColor: `${color}38`,
      borderStyle: 'none none solid none',
      borderWidth: '0 0 2px 0',
      borderColor: color,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
    ruler: vscode.window.createTextEditorDecorationType({
      overviewRulerColor: color,
      overviewRulerLane: vscode.OverviewRulerLane.Right,
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
    }),
  };
}

function disposeCodeTypes(types: CodeTypes): void {
  types.fill.dispose();
  types.ruler.dispose();
}

/**
 * Thin vertical stripes from the left, one per colour, as an SVG data URI: self-contained, so the
 * gutter needs no file on disk. Only `#rrggbb` colours get into the markup.
 */
export function stripesIcon(colors: readonly string[]): vscode.Uri {
  const bars = colors
    .filter((c) => /^#[0-9a-f]{6}$/i.test(c))
    .map((c, i) => `<rect x="${1 + i * 4}" y="0" width="3" height="16" fill="${c}"/>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">${bars}</svg>`;
  // `btoa`, not Node's Buffer: the web-worker host has none. The markup is ASCII by construction.
  return vscode.Uri.parse(`data:image/svg+xml;base64,${btoa(svg)}`);
}

function sameNames(a: readonly { range: vscode.Range; text: string }[], b: readonly { range: vscode.Range; text: string }[]): boolean {
  return a.length === b.length && a.every((n, i) => n.text === b[i].text && n.range.isEqual(b[i].range));
}

/** `‹Trust · Fear›`, or with more than three codes `‹Trust · Fear · Hope +2›`. */
function namesLabel(names: string[]): string {
  const shown = names.slice(0, 3).join(' · ');
  return `‹${shown}${names.length > 3 ? ` +${names.length - 3}` : ''}›`;
}
