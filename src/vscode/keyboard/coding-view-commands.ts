import * as vscode from 'vscode';
import type { CodeId } from '../../core/model';
import { pickCodes, type CodeIcons } from '../coding/code-picker';
import { findCode } from '../coding/coding-commands';
import { SHOW_CODE_NAMES_SETTING, type DecorationPainter } from '../coding/decorations';
import type { ProjectHost } from '../project/project-host';
import type { QuickCodeStore } from './quick-code-store';

export const CODING_HIDDEN_CONTEXT = 'grounded.codingHidden';
export const CODE_FILTER_CONTEXT = 'grounded.codeFilterActive';

export interface FilterArgs {
  /** Codes to show (ids, names or paths); an empty list shows every code. */
  codes?: string[];
  /** Show every code again. */
  all?: boolean;
}

/**
 * How much coding the editor shows: all of it, none (to read the transcript plainly), or only
 * chosen codes; and whether code names follow each segment.
 */
export function registerCodingViewCommands(parts: { host: ProjectHost; painter: DecorationPainter; quick: QuickCodeStore; icons: CodeIcons }): vscode.Disposable[] {
  const { host, painter, quick, icons } = parts;
  const status = new CodingViewStatus(host, painter);
  const setFilter = (codes: ReadonlySet<CodeId> | undefined): ReadonlySet<CodeId> | undefined => {
    painter.setVisibleCodes(codes && codes.size > 0 ? codes : undefined);
    status.render();
    return painter.visibleCodes;
  };
  const chooseFilter = async (args?: FilterArgs): Promise<ReadonlySet<CodeId> | undefined> => {
    if (args?.all) return setFilter(undefined);
    if (args?.codes) return setFilter(new Set(args.codes.map((c) => findCode(host, c) ?? c)));
    const codebook = host.require().store.codebook();
    const title = 'Show only these codes (↓ to the list, Space ticks, Enter shows them; none ticked shows all)';
    const picked = await pickCodes(codebook, { title, quick: quick.quick(codebook), icons, allowCreate: false, several: 'ticked', ticked: [...(painter.visibleCodes ?? [])] });
    return picked ? setFilter(new Set(picked.ids)) : painter.visibleCodes;
  };
  return [
    status,
    vscode.commands.registerCommand('grounded.decorations.toggleCoding', (hidden?: boolean) => {
      painter.setHidden(typeof hidden === 'boolean' ? hidden : !painter.hidden);
      status.render();
      return painter.hidden;
    }),
    vscode.commands.registerCommand('grounded.decorations.filterCodes', chooseFilter),
    vscode.commands.registerCommand('grounded.decorations.showAllCodes', () => setFilter(undefined)),
    vscode.commands.registerCommand('grounded.decorations.toggleCodeNames', async () => {
      const config = vscode.workspace.getConfiguration('grounded');
      const next = !config.get<boolean>(SHOW_CODE_NAMES_SETTING, false);
      await config.update(SHOW_CODE_NAMES_SETTING, next, vscode.ConfigurationTarget.Global);
      return next;
    }),
  ];
}

/**
 * Says in the status bar when coding is hidden or filtered, so a forgotten filter never looks like
 * missing coding, and keeps the context keys the palette's entries depend on.
 */
class CodingViewStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('grounded.codingView', vscode.StatusBarAlignment.Left, 89);

  constructor(
    private readonly host: ProjectHost,
    private readonly painter: DecorationPainter,
  ) {
    this.item.name = 'Grounded: coding shown';
    this.render();
  }

  render(): void {
    void vscode.commands.executeCommand('setContext', CODING_HIDDEN_CONTEXT, this.painter.hidden);
    void vscode.commands.executeCommand('setContext', CODE_FILTER_CONTEXT, this.painter.visibleCodes !== undefined);
    if (this.painter.hidden) {
      this.show('$(eye-closed) Coding hidden', 'Coding is hidden in transcripts. Click to show it again.', 'grounded.decorations.toggleCoding');
    } else if (this.painter.visibleCodes) {
      const total = this.host.project?.store.codebook().size ?? 0;
      this.show(`$(filter) ${this.painter.visibleCodes.size} of ${total} codes shown`, 'Only chosen codes are painted in transcripts. Click to choose again.', 'grounded.decorations.filterCodes');
    } else this.item.hide();
  }

  dispose(): void {
    this.item.dispose();
  }

  private show(text: string, tooltip: string, command: string): void {
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.command = command;
    this.item.show();
  }
}
