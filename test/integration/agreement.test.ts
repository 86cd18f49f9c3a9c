import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AgreementHostMessage } from '../../src/agreement-protocol';
import { groundedApi, waitFor } from './harness';

type Shown = Extract<AgreementHostMessage, { type: 'agreement' }>;

describe('agreement panel', function () {
  this.timeout(120_000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** The next table the panel is sent after `action` that satisfies `accept`. */
  async function shownAfter(action: () => unknown, accept: (m: Shown) => boolean = () => true): Promise<Shown> {
    const { agreement } = await groundedApi();
    const before = agreement.posted.length;
    await action();
    return waitFor(() => agreement.posted.slice(before).find((m): m is Shown => m.type === 'agreement' && accept(m)), 60_000, 'the agreement table in the panel');
  }

  it("shows agreement per code for the demo's two coders, worst first, once the webview is ready", async () => {
    const grounded = await groundedApi();
    const shown = await shownAfter(() => vscode.commands.executeCommand('grounded.agreement.show'));
    assert.deepEqual(shown.table.coders.map((c) => c.id), ['dana-reyes', 'sam-okafor']);
    assert.deepEqual(shown.choices.defaultCoders, ['dana-reyes', 'sam-okafor']);
    assert.ok(shown.table.rows.length > 10, `${shown.table.rows.length} codes`);
    const alphas = shown.table.rows.map((r) => r.figures.krippendorff_alpha).filter((a): a is number => a !== null);
    assert.deepEqual(alphas, [...alphas].sort((a, b) => a - b));
    assert.ok(shown.table.overall.figures.counts.items > 0);
    // The panel's own script loaded under its CSP and asked for the table.
    await waitFor(() => grounded.agreement.received.includes('ready'), 60_000, 'the webview saying it is ready');
  });

  it("lists a row's disagreements and reveals a passage in its transcript", async () => {
    const { agreement } = await groundedApi();
    const table = await shownAfter(() => agreement.show());
    const worst = table.table.rows[0];
    const drilled = await shownAfter(() => agreement.receive({ type: 'request', state: { ...table.state, expanded: worst.code } }), (m) => m.passages?.code === worst.code);
    const passages = drilled.passages!;
    assert.ok(passages.total > 0 && passages.rows.length > 0, `passages for ${worst.path}`);
    const passage = passages.rows[0];
    assert.ok(passage.codedBy.length === 1 && passage.notCodedBy.length === 1);

    await agreement.receive({ type: 'reveal', transcript: passage.transcript, start: passage.start, end: passage.end });
    const editor = await waitFor(() => {
      const active = vscode.window.activeTextEditor;
      return active && active.document.uri.path.endsWith(passage.transcript) && !active.selection.isEmpty ? active : undefined;
    }, 60_000, 'the passage selected in its transcript');
    const selected = editor.document.getText(editor.selection).replace(/\r\n/g, '\n');
    assert.ok(selected.startsWith(passage.quote.replace(/…$/, '')), selected);
  });

  it('recomputes over speaker turns and for one transcript when asked', async () => {
    const { agreement } = await groundedApi();
    const shown = await shownAfter(() => agreement.show({ unit: 'turn', transcript: 'interviews/p01-amara.md', expanded: '' }), (m) => m.table.unit === 'turn');
    assert.deepEqual(shown.table.transcripts, ['interviews/p01-amara.md']);
    assert.ok(shown.table.rows.length > 0 && shown.table.rows.every((r) => r.figures.counts.unit === 'turn'));
    agreement.show({ unit: 'char', transcript: '' });
  });

  it('opens only transcripts of the project from the webview, not any file it names', async () => {
    const { agreement } = await groundedApi();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // The demo's README exists but is no transcript.
    await agreement.receive({ type: 'reveal', transcript: 'README.md', start: 0, end: 3 });
    assert.equal(vscode.window.activeTextEditor, undefined);
  });
});
