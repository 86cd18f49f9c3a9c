import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { openTranscript, TEST_MS, workspacePath, writeWorkspaceFile } from './harness';
import { useTranscriptCopy, type TranscriptFixture } from './keyboard-fixture';

const TRANSCRIPT = 'interviews/conflicted/ada.md';
const OURS = 'The caseworker called me back every Friday, even when there was no news.';
const THEIRS = 'The caseworker called me back every Friday, even when there was nothing new.';
// What `git merge` leaves when two branches corrected the same answer differently.
const TEXT = [
  '**Interviewer:** What helped?',
  '',
  '<<<<<<< HEAD',
  `**Ada:** ${OURS}`,
  '=======',
  `**Ada:** ${THEIRS}`,
  '>>>>>>> coder-b',
  '',
  '**Interviewer:** And the forms?',
  '',
  '**Ada:** The forms I filled in at the library.',
  '',
].join('\n');

function cursorAt(ed: vscode.TextEditor, phrase: string): void {
  const at = ed.document.positionAt(ed.document.getText().indexOf(phrase));
  ed.selection = new vscode.Selection(at, at);
}

describe('a transcript with git conflict markers, coded from the keyboard', function () {
  this.timeout(TEST_MS);

  afterEach(async () => {
    await vscode.commands.executeCommand('grounded.coding.toggleLineByLine', false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  // A fixture of its own (overwritten by each test), so the codes and coding made here go again.
  let own: TranscriptFixture;
  before(async () => {
    own = await useTranscriptCopy('interviews/p05-mei.md', TRANSCRIPT, 'Conflict Tester');
  });
  after(async () => {
    await own.restore();
    rmSync(workspacePath('interviews/conflicted'), { recursive: true, force: true });
  });

  it('offers both sides of the conflict line by line, and never a marker line', async () => {
    writeWorkspaceFile(TRANSCRIPT, TEXT);
    const ed = await openTranscript(TRANSCRIPT);
    cursorAt(ed, 'What helped?');
    await vscode.commands.executeCommand('grounded.coding.toggleLineByLine', true);
    const units = [ed.document.getText(ed.selection)];
    while (await vscode.commands.executeCommand('grounded.coding.nextUnit')) units.push(ed.document.getText(ed.selection));
    assert.deepEqual(units, [OURS, THEIRS, 'The forms I filled in at the library.']);
  });

  it('codes a speaker turn next to a marker without the marker', async () => {
    writeWorkspaceFile(TRANSCRIPT, TEXT);
    const ed = await openTranscript(TRANSCRIPT);
    for (const side of [OURS, THEIRS]) {
      cursorAt(ed, side);
      const id = await vscode.commands.executeCommand<string>('grounded.coding.codeTurn', { codes: ['Conflict probe'] });
      assert.ok(id);
      assert.equal(ed.document.getText(ed.selection), side);
    }
  });
});
