import type { AgreementViewState } from '../agreement-protocol';
import type { AgreementChoices } from '../core/agreement/panel-types';
import type { AgreementUnit } from '../core/agreement/types';
import { component, el, option, selectValue } from './dom';

const UNITS: { id: AgreementUnit; label: string }[] = [
  { id: 'char', label: 'Characters' },
  { id: 'turn', label: 'Speaker turns' },
  { id: 'paragraph', label: 'Paragraphs' },
  { id: 'line', label: 'Lines' },
];

/** Coders (two or more), unit and transcript; every change asks for the table again. */
export function agreementToolbar(state: AgreementViewState, choices: AgreementChoices, request: (state: AgreementViewState) => void): HTMLElement {
  const compared = state.coders.length > 0 ? state.coders : choices.defaultCoders;
  const boxes = choices.coders.map((coder) => {
    const attributes: Record<string, string> = { label: `${coder.name} (${coder.id})`, 'data-coder': coder.id };
    if (compared.includes(coder.id)) attributes.checked = '';
    const box = component('vscode-checkbox', attributes);
    box.addEventListener('change', () => {
      const checked = boxes.filter((b) => (b as HTMLElement & { checked?: boolean }).checked).map((b) => b.dataset.coder ?? '');
      request({ ...state, coders: checked, expanded: '' });
    });
    return box;
  });
  const coders = el('fieldset', {}, el('legend', {}, 'Coders'), el('div', {}, ...boxes));

  const unit = component('vscode-single-select', { 'aria-label': 'Unit' }, ...UNITS.map((u) => option(u.id, u.label, u.id === state.unit)));
  unit.addEventListener('change', () => request({ ...state, unit: selectValue(unit) as AgreementUnit, expanded: state.expanded }));

  const transcript = component(
    'vscode-single-select',
    { 'aria-label': 'Transcript' },
    option('', 'All transcripts', state.transcript === ''),
    ...choices.transcripts.map((t) => option(t, t, t === state.transcript)),
  );
  transcript.addEventListener('change', () => request({ ...state, transcript: selectValue(transcript) }));

  return el('div', { class: 'toolbar' }, coders, el('label', {}, 'Unit', unit), el('label', {}, 'Transcript', transcript));
}
