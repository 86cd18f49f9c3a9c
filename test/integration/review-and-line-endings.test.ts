import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { groundedApi, openTranscript, readWorkspaceFile, waitFor, workspaceFileExists, writeWorkspaceFile } from './harness';

const api = groundedApi;

const CRLF_TRANSCRIPT = 'interviews/p99-crlf.md';
const CRLF_TEXT = ['---', 'participant: Noor', '---', '', '**Interviewer:** How was the first week? 😊', '', '**Noor:** Hard. Nobody explained the forms. Then a volunteer sat with me for two hours.', ''].join('\r\n');

describe('line endings and review actions', function () {
  this.timeout(40000);

  it('codes a CRLF transcript with a BOM at the same offsets the command-line tool uses', async () => {
    const grounded = await api();
    writeWorkspaceFile(CRLF_TRANSCRIPT, `\uFEFF${CRLF_TEXT}`);
    const editor = await openTranscript(CRLF_TRANSCRIPT);
    assert.equal(editor.document.eol, vscode.EndOfLine.CRLF);
    const phrase = 'Then a volunteer sat with me for two hours.';
    const at = editor.document.getText().indexOf(phrase);
    editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + phrase.length));
    const id = await vscode.commands.executeCommand<string>('grounded.coding.applyCode', { codes: ['Support/Practical help'] });
    await grounded.store()!.flush();
    const record = readWorkspaceFile(`.grounded/coding/${CRLF_TRANSCRIPT}/${grounded.store()!.coder.id}.jsonl`)
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { id?: string; start?: number; end?: number })
      .find((r) => r.id === id)!;
    // The core's offsets: LF text without the BOM, as `grounded` computes them from the file.
    const normalised = CRLF_TEXT.replace(/\r\n/g, '\n');
    assert.equal(normalised.slice(record.start, record.end), phrase);
    const code = grounded.store()!.codebook().all().find((c) => c.name === 'Practical help')!;
    await waitFor(() => (grounded.paintedRanges(editor.document).get(code.id) ?? []).some((r) => editor.document.getText(r) === phrase), 5000);
  });

  it('re-attaches an unplaced segment to the selection, accepts an approximate one, deletes one', async () => {
    const grounded = await api();
    const store = grounded.store()!;
    const transcript = 'interviews/p03-lucia.md';
    const coding = await store.getCoding(transcript);
    const { coder, segments } = coding.coders[0];
    // Three long segments far apart, so the edit of one cannot disturb another's context.
    const long = segments.filter((s) => s.quote.exact.length > 60).sort((a, b) => a.position.start - b.position.start);
    const [lost, fuzzy, doomed] = [long[0], long[Math.floor(long.length / 2)], long[long.length - 1]];
    const original = readWorkspaceFile(transcript);
    // A typo fixed in the middle of a long quote: one word changes, the rest stays.
    const words = fuzzy.quote.exact.split(' ');
    const middle = Math.floor(words.length / 2);
    words[middle] = `${words[middle]}x`;
    const changed = original
      .replace(lost.quote.exact, 'This passage was rewritten entirely by someone else.')
      .replace(fuzzy.quote.exact, words.join(' '))
      .replace(doomed.quote.exact, '');
    writeWorkspaceFile(transcript, changed);
    await grounded.review.scan();
    const items = await waitFor(() => {
      const list = grounded.review.items().filter((i) => i.transcript === transcript);
      return list.length >= 3 ? list : undefined;
    }, 10000, 'three segments to review');
    const find = (id: string) => items.find((i) => i.segmentId === id)!;
    assert.equal(find(lost.id).status, 'orphan');
    assert.equal(find(doomed.id).status, 'orphan');
    assert.equal(find(fuzzy.id).status, 'fuzzy');

    assert.equal(await vscode.commands.executeCommand('grounded.review.accept', { kind: 'item', item: find(fuzzy.id) }), true);
    const editor = await openTranscript(transcript);
    const target = 'This passage was rewritten entirely by someone else.';
    const at = editor.document.getText().indexOf(target);
    editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + target.length));
    assert.equal(await vscode.commands.executeCommand('grounded.review.reattach', { kind: 'item', item: find(lost.id) }), true);
    assert.equal(await vscode.commands.executeCommand('grounded.review.delete', { kind: 'item', item: find(doomed.id) }, true), 1);
    await store.flush();

    const path = `.grounded/coding/${transcript}/${coder.id}.jsonl`;
    assert.ok(workspaceFileExists(path));
    const records = readWorkspaceFile(path).trimEnd().split('\n').slice(1).map((l) => JSON.parse(l) as { id: string; exact: string });
    assert.equal(records.find((r) => r.id === lost.id)?.exact, target);
    assert.notEqual(records.find((r) => r.id === fuzzy.id)?.exact, fuzzy.quote.exact, 'the accepted placement is now the stored quote');
    assert.equal(records.find((r) => r.id === doomed.id), undefined);
    await waitFor(() => grounded.review.items().every((i) => ![lost.id, fuzzy.id, doomed.id].includes(i.segmentId)), 10000, 'the review list to empty');
  });
});
