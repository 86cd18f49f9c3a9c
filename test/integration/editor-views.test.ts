import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { groundedApi, openTranscript, SETTLE_MS, TEST_MS, waitFor } from './harness';

const api = groundedApi;

describe('what the editor shows', function () {
  this.timeout(TEST_MS);

  it('decorates every visible transcript editor, not only the active one', async () => {
    const grounded = await api();
    const left = await vscode.window.showTextDocument((await openTranscript('interviews/p02-tomasz.md')).document, vscode.ViewColumn.One);
    const right = await vscode.window.showTextDocument((await openTranscript('interviews/p03-lucia.md')).document, vscode.ViewColumn.Two);
    assert.equal(vscode.window.activeTextEditor?.document, right.document);
    for (const editor of [left, right]) {
      await waitFor(() => [...grounded.paintedRanges(editor.document).values()].flat().length > 10, SETTLE_MS, `decorations in ${editor.document.fileName}`);
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('paints each demo segment on exactly its quoted text', async () => {
    const grounded = await api();
    const editor = await openTranscript('interviews/p04-kwame.md');
    const coding = await grounded.store()!.getCoding('interviews/p04-kwame.md');
    await waitFor(() => grounded.paintedRanges(editor.document).size > 0, SETTLE_MS);
    const painted = grounded.paintedRanges(editor.document);
    for (const { segments } of coding.coders) {
      for (const segment of segments) {
        for (const code of segment.codes) {
          const texts = (painted.get(code) ?? []).map((r) => editor.document.getText(r).replace(/\r\n/g, '\n'));
          assert.ok(texts.includes(segment.quote.exact), `segment ${segment.id} painted for ${code}`);
        }
      }
    }
  });

  it('shows the codes and coder of the coded text under the mouse', async () => {
    const grounded = await api();
    const { document } = await openTranscript('interviews/p01-amara.md');
    const coding = await grounded.store()!.getCoding('interviews/p01-amara.md');
    // A passage whose quote occurs once in the transcript, so finding it finds this segment's place
    // (a coder may have no segments here at all, e.g. after a reconcile was undone).
    const transcriptText = document.getText().replace(/\r\n/g, '\n');
    const once = (quote: string): boolean => quote.length >= 12 && transcriptText.indexOf(quote) !== -1 && transcriptText.indexOf(quote) === transcriptText.lastIndexOf(quote);
    const coder = coding.coders.find((c) => c.segments.some((s) => once(s.quote.exact)))!.coder;
    const segment = coding.coders.find((c) => c.coder.id === coder.id)!.segments.find((s) => once(s.quote.exact))!;
    // The passage is painted first: the editor shows the segment where its quote is.
    const painted = await waitFor(() => (grounded.paintedRanges(document).get(segment.codes[0]) ?? []).find((r) => document.getText(r).replace(/\r\n/g, '\n') === segment.quote.exact), SETTLE_MS, `segment ${segment.id} of ${coder.id} painted (${document.isDirty ? 'unsaved' : 'saved'}, ${document.eol === vscode.EndOfLine.CRLF ? 'CRLF' : 'LF'})`);
    const hovers = await waitFor(async () => {
      const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, painted.start.translate(0, 2));
      return result.length > 0 ? result : undefined;
    }, SETTLE_MS);
    // Hovers escape Markdown in names (they are untrusted text); read them unescaped.
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n').replace(/\\(.)/g, '$1');
    const codeName = grounded.store()!.codebook().get(segment.codes[0])!.name;
    assert.ok(text.includes(codeName), `hover names ${codeName}: ${text}`);
    assert.ok(text.includes(coder.name), `hover names the coder ${coder.name}`);
  });
});
