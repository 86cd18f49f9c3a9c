import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ProjectIndex } from '../../src/core/project-index';
import { groundedApi, openTranscript, waitFor } from './harness';

const TRANSCRIPT = 'interviews/p05-mei.md';

/** Resolves at the index's next change event; counts every event until then. */
function nextChange(index: ProjectIndex): { changed: Promise<void>; count: () => number } {
  let count = 0;
  let resolve: () => void = () => undefined;
  const changed = new Promise<void>((r) => (resolve = r));
  const subscription = index.onDidChange(() => {
    count++;
    resolve();
  });
  void changed.then(() => subscription.dispose());
  return { changed, count: () => count };
}

describe('project index in the editor', function () {
  this.timeout(30000);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('reflects an apply within one change event, placed on the text', async () => {
    const grounded = await groundedApi();
    const index = await waitFor(() => grounded.index(), 10000, 'the index is built');
    await index.settled();
    const editor = await openTranscript(TRANSCRIPT);
    await index.settled();
    const phrase = editor.document.getText().match(/\*\*Mei:\*\* ([^.]{20,}\.)/)![1];
    const at = editor.document.getText().indexOf(phrase);
    editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + phrase.length));
    const change = nextChange(index);
    const id = await vscode.commands.executeCommand<string>('grounded.coding.applyCode', { codes: ['Support/Practical help'] });
    await change.changed;
    assert.equal(change.count(), 1);
    const placed = index.transcript(TRANSCRIPT)!.segments.find((p) => p.segment.id === id);
    assert.ok(placed, 'the new segment is in the index');
    assert.equal(placed.status, 'exact');
    assert.equal(index.transcript(TRANSCRIPT)!.text.slice(placed.range!.start, placed.range!.end), phrase);
    await vscode.commands.executeCommand('undo');
    await grounded.store()!.flush();
  });

  it('reads an open transcript’s unsaved text', async () => {
    const grounded = await groundedApi();
    const index = await waitFor(() => grounded.index(), 10000, 'the index is built');
    const editor = await openTranscript(TRANSCRIPT);
    await index.settled();
    const change = nextChange(index);
    await editor.edit((edit) => edit.insert(editor.document.positionAt(editor.document.getText().indexOf('**Interviewer:**')), 'A note typed before the first question.\n\n'));
    await change.changed;
    const text = index.transcript(TRANSCRIPT)!.text;
    assert.ok(text.includes('A note typed before the first question.'), 'the unsaved text is what the index holds');
    assert.ok(index.transcript(TRANSCRIPT)!.segments.every((p) => p.status === 'exact' || p.status === 'moved'));
  });
});
