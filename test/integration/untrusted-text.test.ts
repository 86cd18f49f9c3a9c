import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { makeQuote } from '../../src/core/anchoring';
import { serializeCodingFile } from '../../src/core/storage/format';
import { groundedApi, waitFor, writeWorkspaceFile } from './harness';

/** One click on this in a notification would type into the terminal, if it became a link. */
const PAYLOAD = '[Open the guide](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%20-rf%20~%5Cn%22%7D)';
/** What VS Code turns into a link in a notification message (its own pattern, `linkedText.ts`). */
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/i;
const WORD_JOINER = /\u2060/g;

type Window = { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };

describe('untrusted text shown in the editor', function () {
  this.timeout(40000);

  it('shows the quote of a segment that cannot be placed in a notification, never as a link', async () => {
    const grounded = await groundedApi();
    const store = grounded.store()!;
    const transcript = 'interviews/p97-untrusted.md';
    const original = `**Rosa:** They said ${PAYLOAD} and nothing more.\n\n**Interviewer:** And then?\n`;
    const exact = `They said ${PAYLOAD} and nothing more.`;
    const start = original.indexOf(exact);
    const range = { start, end: start + exact.length };
    const coder = { id: 'untrusted-tester', name: 'Untrusted Tester' };
    const segment = { id: 's-0000000000x1', codes: [store.codebook().all()[0].id], quote: makeQuote(original, range), position: range };
    writeWorkspaceFile(transcript, original);
    writeWorkspaceFile(`.grounded/coding/${transcript}/${coder.id}.jsonl`, serializeCodingFile({ transcript, coder, segments: [segment] }));
    await waitFor(async () => (await store.getCoding(transcript)).coders.some((c) => c.coder.id === coder.id), 10000, 'the coding to load');
    writeWorkspaceFile(transcript, '**Rosa:** Everything I said was rewritten by someone else entirely.\n\n**Interviewer:** And then?\n');
    await grounded.needsReview.scan();
    const item = await waitFor(() => grounded.needsReview.items().find((i) => i.segmentId === segment.id && i.status === 'orphan'), 10000, 'the unplaced segment');

    await vscode.commands.executeCommand('grounded.needsReview.reveal', { kind: 'item', item });
    const shown = grounded.notifications().at(-1)!;
    assert.match(shown.message, /^Not placed: /);
    assert.doesNotMatch(shown.message, NOTIFICATION_LINK);
    assert.ok(shown.message.replace(WORD_JOINER, '').includes(PAYLOAD), 'the quote still reads as it was written');

    const tooltip = (await grounded.needsReview.getTreeItem({ kind: 'item', item })).tooltip;
    assertUntrustedMarkdown(tooltip);
    assert.equal(await vscode.commands.executeCommand('grounded.needsReview.delete', { kind: 'item', item }, true), 1);
    await store.flush();
  });

  it('refuses a drop that would nest a code in itself with a message naming it, never as a link', async () => {
    const grounded = await groundedApi();
    const parent = await vscode.commands.executeCommand<string>('grounded.codebook.addCode', null, `Parent ${PAYLOAD}`);
    const child = await vscode.commands.executeCommand<string>('grounded.codebook.addCode', { kind: 'code', id: parent }, 'Its child');
    const data = new vscode.DataTransfer();
    data.set('application/vnd.code.tree.grounded.codebook', new vscode.DataTransferItem([parent]));
    await grounded.codebookDragAndDrop.handleDrop!({ kind: 'code', id: child }, data, new vscode.CancellationTokenSource().token);
    const shown = grounded.notifications().at(-1)!;
    assert.equal(shown.severity, 'error');
    assert.match(shown.message, /cannot be placed inside itself/);
    assert.doesNotMatch(shown.message, NOTIFICATION_LINK);

    const tooltip = (await grounded.codebookTree.getTreeItem({ kind: 'code', id: parent })).tooltip;
    assertUntrustedMarkdown(tooltip);
    await vscode.commands.executeCommand('grounded.codebook.deleteCode', child, true);
    await vscode.commands.executeCommand('grounded.codebook.deleteCode', parent, true);
  });

  it('lists a code named with icon syntax in a quick pick as its literal name', async () => {
    const grounded = await groundedApi();
    const name = `$(terminal) ${PAYLOAD}`;
    const id = await vscode.commands.executeCommand<string>('grounded.codebook.addCode', null, name);
    const window = vscode.window as Window;
    const original = window.showQuickPick;
    let offered: vscode.QuickPickItem[] = [];
    window.showQuickPick = (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => {
      offered = [...(await items)];
      return undefined;
    }) as unknown as Window['showQuickPick'];
    try {
      // A command that always asks which code (renaming takes the code selected in the Codebook, if any).
      await vscode.commands.executeCommand('grounded.memos.newForCode');
    } finally {
      window.showQuickPick = original;
    }
    const item = offered.find((i) => i.label.includes('$(terminal)'));
    // `\$(…)` is how VS Code shows icon syntax literally; unescaped it would render an icon.
    assert.equal(item?.label, `\\${name}`);
    assert.ok(grounded.store()!.codebook().get(id));
    await vscode.commands.executeCommand('grounded.codebook.deleteCode', id, true);
  });
});

function assertUntrustedMarkdown(tooltip: string | vscode.MarkdownString | undefined): void {
  assert.ok(tooltip instanceof vscode.MarkdownString, 'a Markdown tooltip');
  assert.equal(tooltip.isTrusted, false, 'no command link can run from it');
  assert.equal(tooltip.supportHtml, false);
  assert.notEqual(tooltip.supportThemeIcons, true);
  // Every bracket of the untrusted text is escaped, so no link can form.
  assert.doesNotMatch(tooltip.value, /(?<!\\)\]\(/);
}
