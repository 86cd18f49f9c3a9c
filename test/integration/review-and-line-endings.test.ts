import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { makeQuote } from '../../src/core/anchoring';
import { serializeCodingFile } from '../../src/core/storage/format';
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
    // A transcript and coding of its own, so what other suites did to the demo cannot matter.
    const transcript = 'interviews/p98-review.md';
    const paragraphs = [
      '**Rosa:** When I first arrived nobody told me where the office was or what the letters meant, and I kept every envelope in a box under the bed.',
      '**Interviewer:** And later?',
      '**Rosa:** Later a woman from the church explained the forms to me slowly, one page every week, until I could fill them in by myself without help.',
      '**Interviewer:** What changed for you after that?',
      '**Rosa:** I started to answer the phone again, because I was not afraid any more that every call was about my papers or about the police.',
    ];
    const original = `${paragraphs.join('\n\n')}\n`;
    const quotes = [paragraphs[0].slice(10), paragraphs[2].slice(10), paragraphs[4].slice(10)];
    const coder = { id: 'review-tester', name: 'Review Tester' };
    const code = store.codebook().all()[0].id;
    const segments = quotes.map((exact, i) => {
      const start = original.indexOf(exact);
      const range = { start, end: start + exact.length };
      return { id: `s-00000000000${i + 1}`, codes: [code], quote: makeQuote(original, range), position: range };
    });
    const [lost, fuzzy, doomed] = segments;
    writeWorkspaceFile(transcript, original);
    writeWorkspaceFile(`.grounded/coding/${transcript}/${coder.id}.jsonl`, serializeCodingFile({ transcript, coder, segments }));
    await waitFor(async () => (await store.getCoding(transcript)).coders.some((c) => c.coder.id === coder.id), 10000, 'the new coding to load');

    const changed = original
      .replace(lost.quote.exact, 'This passage was rewritten entirely by someone else.')
      .replace('one page every week', 'one page each week')
      .replace(doomed.quote.exact, '');
    writeWorkspaceFile(transcript, changed);
    await grounded.needsReview.scan();
    const items = await waitFor(() => {
      const list = grounded.needsReview.items().filter((i) => i.transcript === transcript);
      return list.length >= 3 ? list : undefined;
    }, 10000, 'three segments to review');
    const find = (id: string) => items.find((i) => i.segmentId === id)!;
    assert.equal(find(lost.id).status, 'orphan');
    assert.equal(find(doomed.id).status, 'orphan');
    assert.equal(find(fuzzy.id).status, 'fuzzy');

    // Each row names the code and coder; an approximate one shows the coded text beside the text now there.
    const codeName = store.codebook().get(code)!.name;
    const row = grounded.needsReview.getTreeItem({ kind: 'item', item: find(fuzzy.id) });
    assert.equal(row.description, `${codeName} · Review Tester · approximate match`);
    const tooltip = row.tooltip as vscode.MarkdownString;
    assert.equal(tooltip.isTrusted, false);
    assert.equal(tooltip.supportHtml, false);
    // appendText escapes the text (its spaces become &nbsp;): read it back as it renders.
    const shown = tooltip.value.replace(/&nbsp;/g, ' ');
    assert.ok(shown.includes('**Coded on:** Later a woman from the church explained the forms to me slowly, one page every week'), shown);
    assert.ok(shown.includes('**Now at this place:** Later a woman from the church explained the forms to me slowly, one page each week'), shown);
    assert.equal(grounded.needsReview.getTreeItem({ kind: 'item', item: find(lost.id) }).description, `${codeName} · Review Tester · not placed`);

    assert.equal(await vscode.commands.executeCommand('grounded.needsReview.accept', { kind: 'item', item: find(fuzzy.id) }), true);
    const editor = await openTranscript(transcript);
    const target = 'This passage was rewritten entirely by someone else.';
    const at = editor.document.getText().indexOf(target);
    editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at + target.length));
    assert.equal(await vscode.commands.executeCommand('grounded.needsReview.reattach', { kind: 'item', item: find(lost.id) }), true);
    assert.equal(await vscode.commands.executeCommand('grounded.needsReview.delete', { kind: 'item', item: find(doomed.id) }, true), 1);
    await store.flush();

    const path = `.grounded/coding/${transcript}/${coder.id}.jsonl`;
    assert.ok(workspaceFileExists(path));
    const records = readWorkspaceFile(path).trimEnd().split('\n').slice(1).map((l) => JSON.parse(l) as { id: string; exact: string });
    assert.equal(records.find((r) => r.id === lost.id)?.exact, target);
    assert.ok(records.find((r) => r.id === fuzzy.id)?.exact.includes('one page each week'), 'the accepted placement is now the stored quote');
    assert.equal(records.find((r) => r.id === doomed.id), undefined);
    await waitFor(() => grounded.needsReview.items().every((i) => i.transcript !== transcript), 10000, 'the review list to empty');
  });

});
