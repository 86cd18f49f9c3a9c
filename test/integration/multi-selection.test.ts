// Coding several selections at once: a researcher who selects passages with multiple cursors
// (Alt+click, Ctrl+D) and applies a code expects every selected passage coded, as one step.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../src/vscode/extension';
import { openTranscript, revertUnsavedEditors, SETTLE_MS, TEST_MS, waitFor } from './harness';
import { codePickerShown, groundedApi as api, storedSegments, useTranscriptCopy, type StoredSegment, type TranscriptFixture } from './keyboard-fixture';

const TRANSCRIPT = 'interviews/multi/lucia.md';
const PHRASES = ['a nice office', 'Strawberries first, then apples.', 'It\'s a trap with a job inside.'];
let fixture: TranscriptFixture;

const stored = (): Promise<StoredSegment[]> => storedSegments(fixture);

/** A selection of `phrase` widened by `pad` characters on each side (spaces a mouse picks up). */
function selectionOf(doc: vscode.TextDocument, phrase: string, pad = 0): vscode.Selection {
  const at = doc.getText().indexOf(phrase);
  assert.ok(at >= 0, `the transcript contains "${phrase}"`);
  return new vscode.Selection(doc.positionAt(at - pad), doc.positionAt(at + phrase.length + pad));
}

function painted(grounded: GroundedApi, doc: vscode.TextDocument): string[] {
  return [...grounded.paintedRanges(doc).values()].flat().map((r) => doc.getText(r));
}

describe('applying a code to several selections', function () {
  this.timeout(TEST_MS);

  before(async () => {
    fixture = await useTranscriptCopy('interviews/p03-lucia.md', TRANSCRIPT, 'Multi Tester');
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await revertUnsavedEditors();
  });

  after(async () => {
    await fixture.restore();
  });

  it('codes every selected passage, trimmed, once each, and one undo takes them all back', async () => {
    const grounded = await api();
    const ed = await openTranscript(TRANSCRIPT);
    const doc = ed.document;
    const [first, second, third] = PHRASES;
    // The third passage selected with the space before and after it; the first twice (two cursors
    // in one passage), and an empty cursor, which codes nothing.
    ed.selections = [selectionOf(doc, first), selectionOf(doc, second), selectionOf(doc, third, 1), selectionOf(doc, first), new vscode.Selection(0, 0, 0, 0)];
    const before = await stored();
    const id = await vscode.commands.executeCommand<string>('grounded.coding.applyCode', { codes: ['Several at once'] });
    const made = (await stored()).filter((s) => !before.some((b) => b.id === s.id));
    assert.deepEqual(made.map((s) => s.exact).sort(), [...PHRASES].sort(), 'one segment on each passage, without the spaces around it');
    assert.equal(made.find((s) => s.id === id)?.exact, first, 'the command answers with the first selection\'s segment');
    assert.equal(new Set(made.map((s) => s.codes.join())).size, 1, 'all with the same code');
    await waitFor(() => PHRASES.every((p) => painted(grounded, doc).includes(p)), SETTLE_MS, () => `every passage painted: ${painted(grounded, doc).join(' | ')}`);

    assert.equal(await vscode.commands.executeCommand('grounded.coding.undo'), 'Apply code');
    assert.deepEqual((await stored()).map((s) => s.id), before.map((s) => s.id), 'one undo takes every passage back');
    await waitFor(() => PHRASES.every((p) => !painted(grounded, doc).includes(p)), SETTLE_MS, 'nothing of it painted');
  });

  it('codes the selections whose words are still there when one is deleted while the picker is open', async () => {
    const grounded = await api();
    const ed = await openTranscript(TRANSCRIPT);
    const doc = ed.document;
    const [first, second] = PHRASES;
    ed.selections = [selectionOf(doc, first), selectionOf(doc, second)];
    const shown = codePickerShown(grounded);
    const before = await stored();
    const applying = vscode.commands.executeCommand<string | undefined>('grounded.coding.applyCode');
    await shown;
    // Text typed above both passages moves them; then the first one, the primary selection, is deleted.
    assert.ok(await ed.edit((e) => e.insert(new vscode.Position(0, 0), 'A line typed meanwhile.\n')));
    assert.ok(await ed.edit((e) => e.delete(selectionOf(doc, first))));
    await vscode.commands.executeCommand('quickInput.accept');
    const id = await applying;
    const made = (await stored()).filter((s) => !before.some((b) => b.id === s.id));
    assert.deepEqual(made.map((s) => [s.id, s.exact]), [[id, second]], 'the passage whose words are still there is coded, where they are now');
  });
});
