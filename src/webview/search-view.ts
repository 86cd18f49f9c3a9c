import type { AutocodeHit, AutocodePreview } from '../core/autocode/search-preview';
import { DEFAULT_SEARCH, type AnalysisViewState, type ProjectOutline, type SearchViewState } from '../protocol';
import { component, el, FOCUS_KEY, option, selectValue } from './dom';

export interface SearchActions {
  request(state: AnalysisViewState): void;
  reveal(hit: { transcript: string; start: number; end: number }): void;
  autocode(state: AnalysisViewState, hits: string[]): void;
  newCode(state: AnalysisViewState): void;
}

/**
 * Which hits the researcher ticked differently from the default (every hit not yet coded), kept
 * across re-renders of the same search and forgotten when the search changes.
 */
const changed = { key: '', ticked: new Set<string>(), unticked: new Set<string>() };

const UNITS: [SearchViewState['unit'], string][] = [
  ['match', 'Just the match'],
  ['sentence', 'Sentence'],
  ['paragraph', 'Paragraph'],
  ['turn', 'Speaker turn'],
];

/** Search every transcript, preview the passages, tick the ones to code, apply a code to them as one step. */
export function searchView(state: AnalysisViewState, outline: ProjectOutline, result: { preview: AutocodePreview; speakers: string[] } | undefined, actions: SearchActions): HTMLElement {
  const search = state.search ?? DEFAULT_SEARCH;
  const key = JSON.stringify(search);
  if (changed.key !== key) Object.assign(changed, { key, ticked: new Set(), unticked: new Set() });
  const root = el('section', { 'aria-label': 'Search and autocode' });
  const text = component('vscode-textfield', { class: 'expression', placeholder: 'Words to find, or a regular expression', value: search.text, 'aria-label': 'Search for' });
  const regex = el('input', { type: 'checkbox', 'aria-label': 'Regular expression' });
  regex.checked = search.regex;
  const speaker = component('vscode-single-select', { 'aria-label': 'Speaker' }, option('', 'every speaker', search.speaker === ''), ...(result?.speakers ?? (search.speaker ? [search.speaker] : [])).map((s) => option(s, s, s === search.speaker)));
  const unit = component('vscode-single-select', { 'aria-label': 'Extent' }, ...UNITS.map(([value, label]) => option(value, label, value === search.unit)));
  const code = component('vscode-single-select', { 'aria-label': 'Code to apply', combobox: '' }, option('', 'choose a code…', search.code === ''), ...applicableCodes(outline, search.code).map((c) => option(c.id, c.label, c.id === search.code)));
  const read = (): AnalysisViewState => ({
    ...state,
    tab: 'search',
    search: { text: (text as HTMLElement & { value?: string }).value ?? '', regex: regex.checked, speaker: selectValue(speaker), unit: selectValue(unit) as SearchViewState['unit'], code: selectValue(code) },
  });
  const run = component('vscode-button', {}, 'Search');
  run.addEventListener('click', () => actions.request(read()));
  text.addEventListener('keydown', (e) => {
    if ((e as KeyboardEvent).key === 'Enter') actions.request(read());
  });
  for (const control of [speaker, unit, code]) control.addEventListener('change', () => actions.request(read()));
  regex.addEventListener('change', () => actions.request(read()));
  const create = component('vscode-button', { secondary: '' }, 'New Code…');
  create.addEventListener('click', () => actions.newCode(read()));
  root.append(el('div', { class: 'toolbar' }, labelled('Search for', text), el('label', { class: 'inline' }, regex, 'Regular expression'), run, labelled('Speaker', speaker), labelled('Extent', unit), labelled('Code to apply', code), create));
  if (!result) return root;
  root.append(...hitList(search, read, result.preview, outline, actions));
  return root;
}

function hitList(search: SearchViewState, read: () => AnalysisViewState, preview: AutocodePreview, outline: ProjectOutline, actions: SearchActions): HTMLElement[] {
  const { hits } = preview;
  if (!search.text.trim() && !search.speaker) return [el('p', { class: 'note' }, 'Type words (or a regular expression), or choose a speaker, then Search. Every passage found is listed here to check before a code is applied.')];
  const isTicked = (hit: AutocodeHit) => (hit.coded ? changed.ticked.has(hit.id) : !changed.unticked.has(hit.id));
  const chosen = outline.codes.find((c) => c.id === search.code);
  const into = chosen?.gatheredInto === undefined ? undefined : outline.codes.find((c) => c.id === chosen.gatheredInto);
  // A code gathered into a focused code is kept as a record: new passages go to the focused code.
  const codePath = into ? undefined : chosen?.path;
  const status = el('p', { class: 'note', role: 'status' });
  const apply = component('vscode-button', {}, 'Apply');
  const update = (): void => {
    const count = hits.filter(isTicked).length;
    status.textContent = `${preview.total} passage${preview.total === 1 ? '' : 's'} in ${preview.transcripts} transcript${preview.transcripts === 1 ? '' : 's'}${preview.total > hits.length ? ` (the first ${hits.length} listed)` : ''} · ${count} ticked`;
    apply.textContent = codePath ? `Apply ${codePath} to ${count} passage${count === 1 ? '' : 's'}` : into ? `${chosen!.path} was gathered into ${into.path}: choose ${into.path}` : 'Choose a code to apply';
    apply.toggleAttribute('disabled', !codePath || count === 0);
  };
  apply.addEventListener('click', () => {
    if (codePath) actions.autocode(read(), hits.filter(isTicked).map((h) => h.id));
  });
  const rows = hits.map((hit) => hitRow(hit, isTicked(hit), (on) => {
    const [add, remove] = hit.coded === on ? [on ? changed.ticked : changed.unticked, undefined] : [undefined, on ? changed.unticked : changed.ticked];
    add?.add(hit.id);
    remove?.delete(hit.id);
    update();
  }, actions));
  const all = (on: boolean) => () => {
    changed.ticked.clear();
    changed.unticked.clear();
    for (const hit of hits) {
      if (on && hit.coded) changed.ticked.add(hit.id);
      if (!on && !hit.coded) changed.unticked.add(hit.id);
    }
    rows.forEach((row, i) => ((row.querySelector('input') as HTMLInputElement).checked = isTicked(hits[i])));
    update();
  };
  const tickAll = component('vscode-button', { secondary: '' }, 'Tick All');
  tickAll.addEventListener('click', all(true));
  const tickNone = component('vscode-button', { secondary: '' }, 'Tick None');
  tickNone.addEventListener('click', all(false));
  update();
  const legend = el('p', { class: 'note' }, 'Passages already coded with this code by you are marked and left unticked. Applying is one step: "Grounded: Undo Coding Action" takes every passage back.');
  return [el('div', { class: 'toolbar' }, apply, tickAll, tickNone), status, ...(codePath ? [legend] : []), el('div', { class: 'hits', role: 'list' }, ...rows)];
}

function hitRow(hit: AutocodeHit, ticked: boolean, onTick: (on: boolean) => void, actions: SearchActions): HTMLElement {
  const box = el('input', { type: 'checkbox', 'aria-label': `Code this passage of ${hit.participant}`, [FOCUS_KEY]: `tick ${hit.id}` });
  box.checked = ticked;
  box.addEventListener('change', () => onTick(box.checked));
  const quote = el('span', { class: 'quote' }, ...hit.preview.map((p) => (p.mark ? el('mark', {}, p.text) : p.text)));
  const meta = el('span', { class: 'meta' }, [hit.participant, hit.speaker !== hit.participant && hit.speaker, hit.transcript].filter(Boolean).join(' · '), hit.coded ? el('span', { class: 'coded' }, ' · already coded') : undefined);
  const show = el('button', { class: 'hit', title: 'Show in the transcript', [FOCUS_KEY]: `show ${hit.id}` }, quote, meta);
  show.addEventListener('click', () => actions.reveal(hit));
  return el('div', { class: `search-hit${hit.coded ? ' is-coded' : ''}`, role: 'listitem' }, box, show);
}

function labelled(title: string, control: HTMLElement): HTMLElement {
  return el('label', {}, title, control);
}

/**
 * The codes offered for applying, with their labels: every code but those gathered into a focused
 * code (as in the code picker), and the chosen one whatever it is, so a choice is never silently lost.
 */
function applicableCodes(outline: ProjectOutline, chosen: string): { id: string; label: string }[] {
  const paths = new Map(outline.codes.map((c) => [c.id, c.path]));
  return outline.codes.flatMap((c) => {
    if (c.gatheredInto === undefined) return [{ id: c.id, label: c.path }];
    return c.id === chosen ? [{ id: c.id, label: `${c.path} (gathered into ${paths.get(c.gatheredInto) ?? c.gatheredInto})` }] : [];
  });
}
