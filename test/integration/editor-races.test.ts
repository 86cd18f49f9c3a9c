import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../src/vscode/extension';
import { openTranscript, revertUnsavedEditors, SETTLE_MS, TEST_MS, waitFor, writeWorkspaceFile } from './harness';
import { codePickerShown, groundedApi as api, storedSegments, useTranscriptCopy, type StoredSegment, type TranscriptFixture } from './keyboard-fixture';

const TRANSCRIPT = 'interviews/races/lucia.md';
const PHRASE = 'They said we would earn enough in six months to pay for my sister\'s university.';
let fixture: TranscriptFixture;

const stored = (): Promise<StoredSegment[]> => storedSegments(fixture);

function select(ed: vscode.TextEditor, phrase: string): void {
  const start = ed.document.getText().indexOf(phrase);
  assert.ok(start >= 0, `the transcript contains "${phrase}"`);
  ed.selection = new vscode.Selection(ed.document.positionAt(start), ed.document.positionAt(start + phrase.length));
}

/** Starts Apply Code with the picker, runs `meanwhile` once the list is on screen, then picks the first code. */
async function applyWhile(grounded: GroundedApi, meanwhile: () => Thenable<unknown>): Promise<string | undefined> {
  const shown = codePickerShown(grounded);
  const applying = vscode.commands.executeCommand<string | undefined>('grounded.coding.applyCode');
  await shown;
  await meanwhile();
  await vscode.commands.executeCommand('quickInput.accept');
  return applying;
}

describe('the transcript changes while a code is being chosen', function () {
  this.timeout(TEST_MS);

  before(async () => {
    fixture = await useTranscriptCopy('interviews/p03-lucia.md', TRANSCRIPT, 'Race Tester');
  });

  after(async () => {
    await fixture.restore();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await revertUnsavedEditors();
  });

  it('codes the words that were selected when text is added before them while the picker is open', async () => {
    const grounded = await api();
    const ed = await openTranscript(TRANSCRIPT);
    select(ed, PHRASE);
    const line = ed.selection.start.line;
    const id = await applyWhile(grounded, () => ed.edit((e) => e.insert(new vscode.Position(line, 0), '[00:01:02] ')));
    assert.ok(id, 'a segment was created');
    const segment = (await stored()).find((s) => s.id === id);
    assert.equal(segment?.exact, PHRASE);
    const doc = ed.document;
    await waitFor(() => (grounded.paintedRanges(doc).get(segment!.codes[0]) ?? []).some((r) => doc.getText(r) === PHRASE), SETTLE_MS, 'the selected words painted');
  });

  it('codes the selected words when the file is rewritten on disk while the picker is open (git pull)', async () => {
    const grounded = await api();
    const ed = await openTranscript(TRANSCRIPT);
    const doc = ed.document;
    const original = doc.getText();
    assert.ok(!doc.isDirty, 'the transcript starts as it is on disk');
    select(ed, PHRASE);
    const pulled = original.replace('# Interview P03', 'A note added on another branch.\n\n# Interview P03');
    const id = await applyWhile(grounded, async () => {
      writeWorkspaceFile(TRANSCRIPT, pulled);
      // VS Code reloads an editor without unsaved changes when its file watcher reports the write.
      // On a loaded machine the report for a folder made moments before can fail to come, so the
      // test reloads the editor itself: the document's text is replaced the same way.
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await waitFor(() => doc.getText() === pulled, SETTLE_MS, () => `VS Code to reload the file (${doc.isDirty ? 'it has unsaved changes' : 'no unsaved changes'})`);
    });
    const segment = (await stored()).find((s) => s.id === id);
    assert.equal(segment?.exact, PHRASE);
    writeWorkspaceFile(TRANSCRIPT, original);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => doc.getText() === original, SETTLE_MS, 'the file put back');
  });

  it('codes nothing when the selected words are deleted while the picker is open', async () => {
    const grounded = await api();
    const ed = await openTranscript(TRANSCRIPT);
    select(ed, PHRASE);
    const before = await stored();
    const selected = ed.selection;
    const id = await applyWhile(grounded, () => ed.edit((e) => e.delete(selected)));
    assert.equal(id, undefined, 'no segment was created');
    assert.deepEqual(await stored(), before, 'the coding on disk is unchanged');
  });

  it('fits a segment to the words that were selected when text is added before them while a segment is chosen', async () => {
    const grounded = await api();
    const ed = await openTranscript(TRANSCRIPT);
    const doc = ed.document;
    const outer = 'I believed it. [laughs] Everybody believed it. It looked so real.';
    select(ed, outer);
    const outerId = await vscode.commands.executeCommand<string>('grounded.coding.applyCode', { codes: ['Race'] });
    select(ed, 'Everybody believed it.');
    await vscode.commands.executeCommand<string>('grounded.coding.applyCode', { codes: ['Race'] });
    const wanted = 'I believed it. [laughs] Everybody believed it.';
    select(ed, wanted);
    const line = ed.selection.start.line;
    // Two of the tester's segments overlap the selection, so the command asks which one; text
    // arrives above while it asks.
    const window = vscode.window as unknown as Record<string, unknown>;
    const original = window.showQuickPick;
    let asked = 0;
    window.showQuickPick = async (items: readonly (vscode.QuickPickItem & { segment: { segment: { id: string } } })[]) => {
      asked++;
      await ed.edit((e) => e.insert(new vscode.Position(line, 0), '[00:02:03] '));
      return (await items).find((i) => i.segment.segment.id === outerId);
    };
    try {
      assert.equal(await vscode.commands.executeCommand('grounded.coding.resizeSegment'), true);
    } finally {
      window.showQuickPick = original;
    }
    assert.equal(asked, 1, 'the command asked which segment');
    assert.equal((await stored()).find((s) => s.id === outerId)?.exact, wanted);
    await waitFor(() => [...grounded.paintedRanges(doc).values()].flat().some((r) => doc.getText(r) === wanted), SETTLE_MS, 'the fitted segment painted');
  });
});
