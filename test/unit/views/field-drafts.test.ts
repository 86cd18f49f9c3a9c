import assert from 'node:assert/strict';
import { draftsToKeep } from '../../../src/webview/dom';

describe('text typed into a panel field across a redraw', () => {
  it('keeps words typed but not yet sent when the redraw puts the same value in the field', () => {
    const typed = { label: 'Search for', drawn: 'police', value: 'lawyer', focused: true };
    assert.deepEqual(draftsToKeep([typed], [{ label: 'Search for', drawn: 'police' }]), [typed]);
  });

  it('takes the new value when the extension changed the field itself (the search that was sent)', () => {
    const typed = { label: 'Search for', drawn: 'police', value: 'lawyer', focused: true };
    assert.deepEqual(draftsToKeep([typed], [{ label: 'Search for', drawn: 'lawyer' }]), []);
    assert.deepEqual(draftsToKeep([typed], [{ label: 'Search for', drawn: 'court' }]), []);
  });

  it('keeps the focus of an untouched field, and leaves the rest alone', () => {
    const focused = { label: 'Code expression', drawn: 'A AND B', value: 'A AND B', focused: true };
    const idle = { label: 'Words in the passage', drawn: '', value: '', focused: false };
    assert.deepEqual(draftsToKeep([focused, idle], [{ label: 'Code expression', drawn: 'A AND B' }, { label: 'Words in the passage', drawn: '' }]), [focused]);
  });

  it('drops a draft whose field is not drawn any more (another tab)', () => {
    const typed = { label: 'Search for', drawn: '', value: 'lawyer', focused: false };
    assert.deepEqual(draftsToKeep([typed], [{ label: 'Code expression', drawn: '' }]), []);
  });
});
