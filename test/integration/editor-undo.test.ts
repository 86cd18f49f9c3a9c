import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../src/vscode/extension';
import { openTranscript, revertUnsavedEditors, SETTLE_MS, TEST_MS, waitFor } from './harness';
import { groundedApi as api, useTranscriptCopy, type TranscriptFixture } from './keyboard-fixture';

const TRANSCRIPT = 'interviews/undo/kwame.md';
let fixture: TranscriptFixture;

function paintedTexts(grounded: GroundedApi, doc: vscode.TextDocument): string[] {
  return [...grounded.paintedRanges(doc).values()].flat().map((r) => doc.getText(r));
}

function select(ed: vscode.TextEditor, phrase: string, length = phrase.length): void {
  const start = ed.document.getText().indexOf(phrase);
  assert.ok(start >= 0, `the transcript contains "${phrase}"`);
  ed.selection = new vscode.Selection(ed.document.positionAt(start), ed.document.positionAt(start + length));
}

/** The first sentence of the participant's first answer. */
function firstAnswer(doc: vscode.TextDocument): string {
  const match = /\n\*\*(?!Interviewer)[^*]+(?::\*\*|\*\*:) ([^.\n]*?[^.\n]{20,}\.)/.exec(doc.getText());
  assert.ok(match, 'the transcript has an answer');
  return match[1];
}

describe('undoing coding in a transcript with unsaved edits', function () {
  this.timeout(TEST_MS);

  before(async () => {
    fixture = await useTranscriptCopy('interviews/p04-kwame.md', TRANSCRIPT, 'Undo Tester');
  });

  after(async () => {
    await revertUnsavedEditors();
    await fixture.restore();
  });

  it('puts a removed code back on the passage as it reads now, not as an approximate match', async () => {
    const grounded = await api();
    const ed = await openTranscript(TRANSCRIPT);
    const doc = ed.document;
    const quote = firstAnswer(doc);
    select(ed, quote);
    const id = await vscode.commands.executeCommand<string>('grounded.coding.applyCode', { codes: ['Undo probe'] });
    await waitFor(() => paintedTexts(grounded, doc).includes(quote), SETTLE_MS, 'the passage painted');
    // A word typed inside the passage, not saved.
    const inside = doc.positionAt(doc.getText().indexOf(quote) + quote.indexOf(' ') + 1);
    await ed.edit((e) => e.insert(inside, 'really '));
    const edited = quote.replace(' ', ' really ');
    await waitFor(() => paintedTexts(grounded, doc).includes(edited), SETTLE_MS, 'the passage grows with the word');
    select(ed, edited, 3);
    assert.equal(await vscode.commands.executeCommand('grounded.coding.removeCode'), 1);
    await waitFor(() => !paintedTexts(grounded, doc).includes(edited), SETTLE_MS, 'the code removed');
    await vscode.commands.executeCommand('grounded.coding.undo');
    await waitFor(() => paintedTexts(grounded, doc).includes(edited), SETTLE_MS, `undo puts the code back: ${paintedTexts(grounded, doc).join(' | ')}`);
    assert.deepEqual(grounded.needsReview.itemsOf(TRANSCRIPT).filter((i) => i.segmentId === id), [], 'nothing to review');
    assert.deepEqual(grounded.paintedRanges(doc).approximate, [], 'nothing drawn as approximate');
  });

  it('gives a passage back the words a saved cut across its edge took, once the cut is undone and saved', async () => {
    const grounded = await api();
    const store = grounded.store()!;
    const ed = await openTranscript(TRANSCRIPT);
    const doc = ed.document;
    const quote = firstAnswer(doc);
    select(ed, quote);
    const id = await vscode.commands.executeCommand<string>('grounded.coding.applyCode', { codes: ['Undo probe'] });
    await doc.save();
    const stored = async (): Promise<string | undefined> => {
      await store.flush();
      return (await store.getCoding(TRANSCRIPT)).coders.flatMap((c) => c.segments).find((s) => s.id === id)?.quote.exact;
    };
    // The end of the passage and the words after it cut, and saved at once (as auto save does).
    const at = doc.getText().indexOf(quote);
    const half = quote.slice(0, Math.floor(quote.length / 2));
    await ed.edit((e) => e.delete(new vscode.Range(doc.positionAt(at + half.length), doc.positionAt(at + quote.length + 5))));
    await doc.save();
    await waitFor(async () => (await stored()) === half.trimEnd(), SETTLE_MS, 'the cut saved');
    await vscode.commands.executeCommand('undo');
    await waitFor(() => paintedTexts(grounded, doc).includes(quote), SETTLE_MS, `undo gives the passage its words back: ${paintedTexts(grounded, doc).join(' | ')}`);
    await doc.save();
    await waitFor(async () => (await stored()) === quote, SETTLE_MS, 'the whole passage saved again');
  });
});
