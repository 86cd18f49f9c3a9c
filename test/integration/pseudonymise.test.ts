import assert from 'node:assert/strict';
import { readdirSync, rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { JOURNAL_PATH, NameMatcher, segmentTraces, type FinishReport, type PseudonymiseReport } from '../../src/core/pseudonymise';
import { NodeFileSystem } from '../../src/node/node-file-system';
import { KilledAfter, run } from '../unit/pseudonymise/killed-after';
import { groundedApi, openTranscript, readWorkspaceFile, SETTLE_MS, TEST_MS, waitFor, workspacePath, writeWorkspaceFile } from './harness';

const TRANSCRIPT = 'interviews/p01-amara.md';
const MEMO = 'memos/p03-lucia.md';

const api = groundedApi;

/** Every transcript, memo and coding file, to put the study back as it was afterwards. */
function snapshot(): Map<string, string> {
  const files = new Map<string, string>();
  for (const folder of ['interviews', 'memos', `.grounded/coding/${TRANSCRIPT}`]) {
    for (const name of readdirSync(workspacePath(folder)).filter((n) => /\.(md|jsonl)$/.test(n))) files.set(`${folder}/${name}`, readWorkspaceFile(`${folder}/${name}`));
  }
  return files;
}

describe('pseudonymisation', function () {
  this.timeout(TEST_MS);
  let original: Map<string, string>;

  before(() => {
    original = snapshot();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const [path, text] of original) writeWorkspaceFile(path, text);
    const grounded = await api();
    await waitFor(async () => (await grounded.store()!.getCoding(TRANSCRIPT)).coders.some((c) => c.segments.some((s) => /Amara/.test(s.quote.prefix + s.quote.exact + s.quote.suffix))), SETTLE_MS, 'the original coding to be read back');
  });

  it('replaces a name in open and closed files and keeps every segment painted on its new text', async () => {
    const grounded = await api();
    const store = grounded.store()!;
    const editor = await openTranscript(TRANSCRIPT);
    const document = editor.document;
    await waitFor(() => grounded.paintedRanges(document).size > 0, SETTLE_MS, 'the transcript painted');

    const report = await vscode.commands.executeCommand<PseudonymiseReport>('grounded.pseudonymise.replaceName', { name: 'Amara', pseudonym: 'Zola', variants: [], confirmed: true });
    assert.ok(report.occurrences > 20, `occurrences: ${report.occurrences}`);
    assert.deepEqual(report.files.map((f) => f.path), [TRANSCRIPT, MEMO]);
    assert.ok(report.segmentsUpdated > 0);
    assert.deepEqual(report.pathsContainingName, [TRANSCRIPT]);

    // Saved to disk: the open transcript and the memo that was not open.
    assert.ok(!/\bAmara\b/i.test(readWorkspaceFile(TRANSCRIPT)) && readWorkspaceFile(TRANSCRIPT).includes('**Zola:**'));
    assert.ok(readWorkspaceFile(MEMO).includes('Compare with Zola (P01)'));
    assert.equal(document.isDirty, false);
    for (const name of readdirSync(workspacePath(`.grounded/coding/${TRANSCRIPT}`))) {
      assert.ok(!/\bAmara\b/.test(readWorkspaceFile(`.grounded/coding/${TRANSCRIPT}/${name}`)), `${name} no longer quotes the name`);
    }

    const coding = await store.getCoding(TRANSCRIPT);
    await waitFor(
      () =>
        coding.coders.every(({ segments }) =>
          segments.every((s) => s.codes.every((code) => (grounded.paintedRanges(document).get(code) ?? []).some((r) => document.getText(r).replace(/\r\n/g, '\n') === s.quote.exact))),
        ),
      SETTLE_MS,
      'every segment painted on its quote in the new text',
    );
    assert.deepEqual(grounded.needsReview.itemsOf(TRANSCRIPT), [], 'nothing to review');
  });

  it('finishes a pseudonymisation interrupted after its first file, exactly as planned', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const [path, text] of original) writeWorkspaceFile(path, text);
    rmSync(workspacePath(JOURNAL_PATH), { force: true });
    const grounded = await api();
    const store = grounded.store()!;
    await waitFor(async () => (await store.getCoding(TRANSCRIPT)).coders.some((c) => c.segments.some((s) => /Amara/.test(s.quote.prefix + s.quote.exact + s.quote.suffix))), SETTLE_MS, 'the original coding read back');
    // Another process wrote the journal and the transcript, then died before the memo and the quotes.
    await assert.rejects(run(new KilledAfter(new NodeFileSystem(workspacePath('')), 2), 'Amara', 'Zola'), /killed/);
    assert.ok(readWorkspaceFile(MEMO).includes('Compare with Amara (P01)'), 'the memo was not written yet');

    const report = await vscode.commands.executeCommand<FinishReport>('grounded.pseudonymise.finish');
    assert.deepEqual(report.written, [MEMO]);
    assert.deepEqual(report.alreadyDone, [TRANSCRIPT]);
    assert.ok(report.segmentsUpdated > 0);
    assert.throws(() => readWorkspaceFile(JOURNAL_PATH), /ENOENT/);
    assert.ok(readWorkspaceFile(MEMO).includes('Compare with Zola (P01)'));
    const matcher = NameMatcher.forNames(['Amara']);
    for (const { coder, segments } of (await store.getCoding(TRANSCRIPT)).coders) {
      for (const s of segments) assert.deepEqual(segmentTraces(matcher, s), [], `${coder.id} ${s.id} keeps no trace of the name`);
    }
    const editor = await openTranscript(TRANSCRIPT);
    await waitFor(() => grounded.paintedRanges(editor.document).size > 0, SETTLE_MS, 'the transcript painted');
    assert.deepEqual(grounded.needsReview.itemsOf(TRANSCRIPT), [], 'every segment placed exactly');
  });

  it('says so when the name does not occur, changing nothing', async () => {
    const current = readWorkspaceFile(TRANSCRIPT);
    const report = await vscode.commands.executeCommand<PseudonymiseReport>('grounded.pseudonymise.replaceName', { name: 'Nobody-in-this-study', pseudonym: 'X', variants: [], confirmed: true });
    assert.equal(report.occurrences, 0);
    assert.equal(readWorkspaceFile(TRANSCRIPT), current);
  });
});
