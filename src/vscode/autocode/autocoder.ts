import * as vscode from 'vscode';
import type { AnalysisProject } from '../../core/analysis';
import type { TextSearch } from '../../core/analysis/text-search';
import { applyAutocode, type AutocodeOutcome } from '../../core/autocode/apply-autocode';
import type { ChosenPassage } from '../../core/autocode/apply-plan';
import { searchProject, type ProjectSearch } from '../../core/autocode/project-search';
import type { CodeId } from '../../core/model';
import { currentText } from '../../core/placement';
import type { SearchViewState } from '../../protocol';
import { notice, showInformation, showWarning } from '../ui/notifications';
import type { ProjectHost } from '../project/project-host';

/** Passages listed in a preview at most; the rest are counted (narrow the search to reach them). */
export const MAX_PREVIEW = 2000;

export function textSearchOf(state: SearchViewState): TextSearch | undefined {
  const text = state.text.trim();
  if (!text && !state.speaker) return undefined;
  return { ...(text ? { text, regex: state.regex } : {}), ...(state.speaker ? { speakers: [state.speaker] } : {}), unit: state.unit };
}

export type { AutocodeOutcome };

/**
 * Search and autocode for the editor: previews over the live read model, and applies a code to the
 * chosen passages on the text as it is now (open editors' unsaved text included) as one undoable
 * step. The panel's Search tab and the quick-input command both come here.
 */
export class Autocoder {
  constructor(private readonly host: ProjectHost) {}

  /** Throws SearchError for a pattern that cannot or must not be run. */
  search(project: AnalysisProject, state: SearchViewState): ProjectSearch {
    const search = textSearchOf(state);
    const coderId = this.host.require().store.coder.id;
    if (!search) return { preview: { hits: [], total: 0, transcripts: 0 }, passages: new Map(), speakers: searchProject(project, { speakers: [], unit: 'match' }, { coderId, limit: 0 }).speakers };
    return searchProject(project, search, { coderId, code: state.code || undefined, limit: MAX_PREVIEW });
  }

  /** Apply codes to the chosen passages, all of them as one undoable step, and say what was done. */
  async apply(chosen: readonly ChosenPassage[], codes: CodeId[]): Promise<AutocodeOutcome> {
    const { store, fs } = this.host.require();
    const open = { textOf: (path: string) => vscode.workspace.textDocuments.find((d) => !d.isClosed && fs.relative(d.uri) === path)?.getText() };
    return applyAutocode(store, chosen, codes, (transcript) => currentText(transcript, fs, open));
  }

  /** Tells the researcher what happened, and how to take it back. */
  report(outcome: AutocodeOutcome, codeName: string): void {
    const changed = outcome.created + outcome.extended;
    const lost = outcome.lost ? ` ${outcome.lost} passage(s) were left out: their words changed since the search; search again to see them.` : '';
    const same = outcome.unchanged ? ` ${outcome.unchanged} already had it.` : '';
    if (changed === 0) {
      void showWarning(notice`Nothing was coded with ${codeName}.${same}${lost}`);
      return;
    }
    void showInformation(notice`Coded ${changed} passage(s) in ${outcome.transcripts.length} transcript(s) with ${codeName} as one step: "Grounded: Undo Coding Action" takes them all away.${same}${lost}`);
  }
}
