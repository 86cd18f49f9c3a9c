import * as vscode from 'vscode';
import type { AnalysisProject } from '../../core/analysis';
import type { TextSearch } from '../../core/analysis/text-search';
import { planAutocode, type ChosenPassage, type TranscriptNow } from '../../core/autocode/apply-plan';
import { searchProject, type ProjectSearch } from '../../core/autocode/project-search';
import type { CodeId, SegmentId, TextRange } from '../../core/model';
import { currentText, placeSegments } from '../../core/placement';
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

export interface AutocodeOutcome {
  created: number;
  extended: number;
  unchanged: number;
  transcripts: string[];
  /** Chosen passages whose words are no longer in their transcript. */
  lost: number;
}

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
    const now = new Map<string, TranscriptNow>();
    for (const transcript of new Set(chosen.map((c) => c.transcript))) {
      const text = await currentText(transcript, fs, open);
      if (text === undefined) continue;
      const mine = (await store.getCoding(transcript)).coders.find((c) => c.coder.id === store.coder.id);
      const placed = new Map<SegmentId, TextRange>();
      if (mine) for (const p of placeSegments(text, mine.segments.map((segment) => ({ coder: mine.coder, segment })))) if (p.range) placed.set(p.segment.id, p.range);
      now.set(transcript, { text, placed });
    }
    const plan = planAutocode(chosen, (t) => now.get(t));
    if (plan.transcripts.length === 0) return { created: 0, extended: 0, unchanged: 0, transcripts: [], lost: plan.lost.length };
    const result = await store.applyCodesAcross(plan.transcripts, codes);
    return { ...result, lost: plan.lost.length };
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
