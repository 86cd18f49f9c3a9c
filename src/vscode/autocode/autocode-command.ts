import * as vscode from 'vscode';
import { pickableCodes } from '../../core/rounds/gathered-codes';
import type { AnalysisProject } from '../../core/analysis';
import { SearchError, type SearchUnit } from '../../core/analysis/text-search';
import { creatableName } from '../coding/code-picker';
import { resolveOrCreate } from '../coding/coding-commands';
import type { ProjectHost } from '../project/project-host';
import { notice, showInformation } from '../ui/notifications';
import { prompts } from '../ui/prompts';
import { quickPickText } from '../ui/untrusted';
import { DEFAULT_SEARCH, type SearchViewState } from '../../protocol';
import type { Autocoder, AutocodeOutcome } from './autocoder';

/** What a keybinding may fill in; every step is still shown, so Enter confirms each. */
export interface AutocodeArgs {
  pattern?: string;
  regex?: boolean;
  speaker?: string;
  unit?: SearchUnit;
  /** A code's name or `Parent/Child` path; a name no code has is offered for creation. */
  code?: string;
}

export type AutocodeStep = 'pattern' | 'extent' | 'code' | 'confirm';

const UNITS: { unit: SearchUnit; label: string }[] = [
  { unit: 'sentence', label: 'Sentence' },
  { unit: 'match', label: 'Just the match' },
  { unit: 'paragraph', label: 'Paragraph' },
  { unit: 'turn', label: 'Speaker turn' },
];

interface Item<T> extends vscode.QuickPickItem {
  value: T;
}

/**
 * "Search and Autocode…" by keyboard alone: the pattern (words, a regular expression, or a
 * speaker's turns), the extent, the code, then every passage ticked to confirm (Space unticks one,
 * Enter applies the code to all ticked ones as one undoable step).
 */
export class AutocodeFlow {
  constructor(
    private readonly host: ProjectHost,
    private readonly autocoder: Autocoder,
    private readonly project: () => Promise<AnalysisProject | undefined>,
  ) {}

  async run(args: AutocodeArgs = {}): Promise<AutocodeOutcome | undefined> {
    const project = await this.project();
    if (!project) return undefined;
    const search = await this.pattern(project, args);
    if (!search) return undefined;
    const unit = await this.pick<SearchUnit>('extent', 'How much of the text around each match should be coded?', UNITS.map(({ unit, label }) => {
      const { preview } = this.autocoder.search(project, { ...search, unit });
      return { label, description: `${preview.total} passage(s) in ${preview.transcripts} transcript(s)`, value: unit };
    }), args.unit ?? 'sentence');
    if (!unit) return undefined;
    const code = await this.code(args.code);
    if (!code) return undefined;
    const state: SearchViewState = { ...search, unit, code: code.id ?? '' };
    const { preview, passages } = this.autocoder.search(project, state);
    if (preview.hits.length === 0) {
      void showInformation(notice`No passage matches ${search.text || search.speaker}.`);
      return undefined;
    }
    const chosen = await this.confirm(preview.hits, code.name, preview.total);
    if (!chosen) return undefined;
    const id = code.id ?? resolveOrCreate(this.host, code.name);
    const outcome = await this.autocoder.apply(chosen.flatMap((h) => passages.get(h) ?? []), [id]);
    this.autocoder.report(outcome, this.host.require().store.codebook().path(id).join('/'));
    return outcome;
  }

  /** Words by default; the typed text as a regular expression, or a speaker's turns, by choice. */
  private async pattern(project: AnalysisProject, args: AutocodeArgs): Promise<SearchViewState | undefined> {
    const speakers = this.autocoder.search(project, DEFAULT_SEARCH).speakers;
    const items = (typed: string): Item<SearchViewState>[] => {
      const base = { ...DEFAULT_SEARCH, text: typed };
      // Every choice shows whatever is typed: the text is the search, not a filter over the choices.
      const words = typed.trim() ? [{ label: `$(search) Words: ${quickPickText(typed.trim())}`, alwaysShow: true, value: base }, { label: `$(regex) Regular expression: ${quickPickText(typed.trim())}`, alwaysShow: true, value: { ...base, regex: true } }] : [];
      const turns = speakers.map((s) => ({ label: typed.trim() ? `$(person) ${quickPickText(typed.trim())} in turns of ${quickPickText(s)}` : `$(person) Every turn of ${quickPickText(s)}`, alwaysShow: true, value: { ...base, speaker: s } }));
      return [...words, ...turns];
    };
    const initial = args.pattern ?? '';
    const preferred = (list: Item<SearchViewState>[]) => list.find((i) => i.value.regex === !!args.regex && i.value.speaker === (args.speaker ?? '')) ?? list[0];
    const picker = vscode.window.createQuickPick<Item<SearchViewState>>();
    const title = 'Search and Autocode: find what in every transcript?';
    picker.title = title;
    picker.placeholder = 'Type words (or a regular expression), then Enter; or pick a speaker to take their turns';
    picker.value = initial;
    picker.items = items(initial);
    picker.activeItems = [preferred(picker.items as Item<SearchViewState>[])].filter(Boolean);
    picker.onDidChangeValue((value) => {
      picker.items = items(value);
      picker.title = title;
    });
    return this.await(picker, 'pattern', (item) => {
      try {
        if (item.value.text.trim()) this.autocoder.search(project, item.value);
        return item.value;
      } catch (error) {
        if (!(error instanceof SearchError)) throw error;
        // Said where the researcher is looking; the picker stays open to fix the pattern.
        picker.title = `${title} ${quickPickText(error.message)}`;
        return undefined;
      }
    });
  }

  private async code(wanted: string | undefined): Promise<{ id?: string; name: string } | undefined> {
    const codebook = this.host.require().store.codebook();
    // Gathered codes are left out, as in the apply picker (see code-picker.ts).
    const base: Item<{ id?: string; name: string }>[] = pickableCodes(codebook)
      .map((id) => codebook.get(id)!)
      .map((c) => ({ label: quickPickText(codebook.path(c.id).join('/')), description: quickPickText(c.description ?? ''), value: { id: c.id, name: codebook.path(c.id).join('/') } }))
      .sort((a, b) => a.label.localeCompare(b.label));
    const picker = vscode.window.createQuickPick<Item<{ id?: string; name: string }>>();
    picker.title = 'Search and Autocode: apply which code?';
    picker.placeholder = 'Type to find a code, or a new name (Parent/Child) to create one';
    const render = (value: string): void => {
      const create = creatableName(codebook, value);
      picker.items = create ? [...base, { label: `$(add) Create code "${quickPickText(create)}"`, alwaysShow: true, value: { name: create } }] : base;
    };
    picker.value = wanted ?? '';
    render(picker.value);
    picker.onDidChangeValue(render);
    return this.await(picker, 'code', (item) => item.value);
  }

  private async confirm(hits: { id: string; participant: string; speaker?: string; transcript: string; preview: { text: string; mark?: true }[]; coded: boolean }[], codeName: string, total: number): Promise<string[] | undefined> {
    const picker = vscode.window.createQuickPick<Item<string>>();
    picker.canSelectMany = true;
    picker.matchOnDescription = true;
    picker.matchOnDetail = true;
    picker.items = hits.map((h) => ({
      label: quickPickText([h.participant, h.speaker !== h.participant && h.speaker].filter(Boolean).join(' · ')) + (h.coded ? ' (already coded)' : ''),
      description: quickPickText(h.transcript),
      detail: quickPickText(h.preview.map((p) => (p.mark ? `«${p.text}»` : p.text)).join('')),
      value: h.id,
    }));
    picker.selectedItems = picker.items.filter((_, i) => !hits[i].coded);
    const more = total > hits.length ? ` (the first ${hits.length} of ${total})` : '';
    const title = (): string => `Apply ${quickPickText(codeName)} to ${picker.selectedItems.length} passage(s)${more}? Space unticks one, Enter applies`;
    picker.title = title();
    picker.onDidChangeSelection(() => (picker.title = title()));
    return this.await(picker, 'confirm', () => picker.selectedItems.map((i) => i.value), true);
  }

  private pick<T>(step: AutocodeStep, title: string, items: Item<T>[], preferred: T): Promise<T | undefined> {
    const picker = vscode.window.createQuickPick<Item<T>>();
    picker.title = `Search and Autocode: ${title}`;
    picker.items = items;
    picker.activeItems = items.filter((i) => i.value === preferred);
    return this.await(picker, step, (item) => item.value);
  }

  /** Shows the picker; Enter takes the highlighted item (or, with `all`, the ticked ones). */
  private await<I extends vscode.QuickPickItem, R>(picker: vscode.QuickPick<I>, step: AutocodeStep, accept: (item: I) => R | undefined, all = false): Promise<R | undefined> {
    prompts.watch(picker, `autocode.${step}`);
    return new Promise((resolve) => {
      let result: R | undefined;
      picker.onDidAccept(() => {
        const item = picker.activeItems[0];
        if (!all && !item) return;
        result = accept(item);
        if (result !== undefined) picker.hide();
      });
      picker.onDidHide(() => {
        picker.dispose();
        resolve(result);
      });
      picker.show();
      prompts.announce(`autocode.${step}`);
    });
  }
}
