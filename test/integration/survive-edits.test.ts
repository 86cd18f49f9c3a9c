import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../src/vscode/extension';
import { groundedApi, openTranscript, readWorkspaceFile, revertUnsavedEditors, SETTLE_MS, TEST_MS, waitFor, workspaceFileExists, workspaceFileUri, writeWorkspaceFile } from './harness';

const TRANSCRIPT = 'interviews/p05-mei.md';
const CODING = `.grounded/coding/${TRANSCRIPT}/dana-reyes.jsonl`;
const QUOTE = 'A woman answered in Mandarin. That was the first good thing.';

const api = groundedApi;

/** The painted texts of one code in a document. */
function paintedTexts(grounded: GroundedApi, document: vscode.TextDocument, code: string): string[] {
  return (grounded.paintedRanges(document).get(code) ?? []).map((r) => document.getText(r));
}

function record(id: string): Record<string, unknown> | undefined {
  return readWorkspaceFile(CODING)
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .find((r) => r.id === id);
}

describe('coded segments survive edits', function () {
  this.timeout(TEST_MS);
  let segmentId: string;
  let code: string;

  before(async () => {
    const grounded = await api();
    const coding = await grounded.store()!.getCoding(TRANSCRIPT);
    const segment = coding.coders.find((c) => c.coder.id === 'dana-reyes')!.segments.find((s) => s.quote.exact === QUOTE)!;
    segmentId = segment.id;
    code = segment.codes[0];
  });

  afterEach(async () => {
    await revertUnsavedEditors();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('grows with typing inside, not at its edges, and on save rewrites only its own record', async () => {
    const grounded = await api();
    const editor = await openTranscript(TRANSCRIPT);
    const doc = editor.document;
    await waitFor(() => paintedTexts(grounded, doc, code).includes(QUOTE), SETTLE_MS, 'the segment painted');
    const start = doc.getText().indexOf(QUOTE);
    const before = readWorkspaceFile(CODING);
    const originalText = readWorkspaceFile(TRANSCRIPT);
    await editor.edit((e) => {
      e.insert(doc.positionAt(start + QUOTE.length), ' Honestly.'); // at the end edge: outside
      e.insert(doc.positionAt(start + 'A woman answered'.length), ' quickly'); // inside
      e.insert(doc.positionAt(start), 'Then '); // at the start edge: outside
    });
    const grown = 'A woman answered quickly in Mandarin. That was the first good thing.';
    await waitFor(() => paintedTexts(grounded, doc, code).includes(grown), SETTLE_MS, 'the segment to grow by the inside insertion only');
    await doc.save();
    await grounded.store()!.flush();
    await waitFor(() => record(segmentId)?.exact === grown, SETTLE_MS, 'the record to be requoted on save');
    const changed = readWorkspaceFile(CODING).split('\n').filter((line, i) => line !== before.split('\n')[i]);
    assert.equal(changed.length, 1, `only one record changed, got:\n${changed.join('\n')}`);
    // Put transcript and coding back as they were (as a `git checkout` would) for the other tests.
    writeWorkspaceFile(CODING, before);
    writeWorkspaceFile(TRANSCRIPT, originalText);
    await waitFor(async () => doc.getText() === originalText && (await grounded.store()!.getCoding(TRANSCRIPT)).coders.some((c) => c.segments.some((x) => x.id === segmentId && x.quote.exact === QUOTE)), SETTLE_MS, 'the checkout to be picked up');
  });

  it('undo brings back a segment whose text was deleted', async () => {
    const grounded = await api();
    const editor = await openTranscript(TRANSCRIPT);
    const doc = editor.document;
    await waitFor(() => paintedTexts(grounded, doc, code).includes(QUOTE), SETTLE_MS);
    const start = doc.getText().indexOf(QUOTE);
    await editor.edit((e) => e.delete(new vscode.Range(doc.positionAt(start - 2), doc.positionAt(start + QUOTE.length + 2))));
    await waitFor(() => !paintedTexts(grounded, doc, code).includes(QUOTE), SETTLE_MS, 'the deleted segment to disappear');
    await waitFor(() => grounded.statusText().includes('to review'), SETTLE_MS, 'the status bar to count it');
    await vscode.commands.executeCommand('undo');
    await waitFor(() => paintedTexts(grounded, doc, code).includes(QUOTE), SETTLE_MS, 'undo to restore the segment');
    assert.ok(!grounded.statusText().includes('to review'), grounded.statusText());
  });

  it('re-anchors when the open file is rewritten on disk (git checkout), and lists what it cannot place', async () => {
    const grounded = await api();
    const editor = await openTranscript(TRANSCRIPT);
    const doc = editor.document;
    await waitFor(() => paintedTexts(grounded, doc, code).includes(QUOTE), SETTLE_MS);
    const original = readWorkspaceFile(TRANSCRIPT);
    const rewritten = `[00:00:01] **Interviewer:** A new first turn was added on another branch.\n\n${original}`.replace(QUOTE, 'She hung up.');
    writeWorkspaceFile(TRANSCRIPT, rewritten);
    await waitFor(() => doc.getText() === rewritten, SETTLE_MS, 'VS Code to reload the file');
    await waitFor(() => grounded.needsReview.items().some((i) => i.segmentId === segmentId && i.status === 'orphan'), SETTLE_MS, 'the lost segment listed for review');
    const coding = await grounded.store()!.getCoding(TRANSCRIPT);
    const others = coding.coders.flatMap((c) => c.segments).filter((s) => s.id !== segmentId && s.codes.length > 0);
    const painted = new Set([...grounded.paintedRanges(doc).values()].flat().map((r) => doc.getText(r)));
    const missing = others.filter((s) => !painted.has(s.quote.exact));
    assert.deepEqual(missing.map((s) => s.quote.exact), [], 'every other segment is painted on its text');
    assert.ok(record(segmentId), 'the unplaced segment is kept on disk');
    writeWorkspaceFile(TRANSCRIPT, original);
    await waitFor(() => doc.getText() === original, SETTLE_MS);
  });

  it('moves the coding with a transcript renamed in VS Code', async () => {
    const grounded = await api();
    const from = 'interviews/p02-tomasz.md';
    const to = 'interviews/renamed/p02-tomasz.md';
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(workspaceFileUri(from), workspaceFileUri(to));
    assert.ok(await vscode.workspace.applyEdit(edit));
    // The move is done when both coders' coding is read at the new path and nothing is left at the old.
    const coding = await waitFor(
      async () => {
        const at = await grounded.store()!.getCoding(to);
        return at.coders.length === 2 && !workspaceFileExists(`.grounded/coding/${from}/dana-reyes.jsonl`) ? at : undefined;
      },
      SETTLE_MS,
      'both coders\' coding to follow the rename',
    );
    assert.deepEqual(coding.coders.map((c) => c.coder.id).sort(), ['dana-reyes', 'sam-okafor']);
    assert.ok(workspaceFileExists(`.grounded/coding/${to}/dana-reyes.jsonl`));
  });
});
