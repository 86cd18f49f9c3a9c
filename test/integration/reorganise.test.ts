import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../src/vscode/extension';
import { groundedApi, openTranscript, readWorkspaceFile, SETTLE_MS, TEST_MS, waitFor, workspaceFileExists } from './harness';

const api = groundedApi;

function segmentsWith(grounded: GroundedApi, code: string): number {
  return grounded
    .store()!
    .loadedCoding()
    .flatMap((t) => t.coders.flatMap((c) => c.segments))
    .filter((s) => s.codes.includes(code)).length;
}

describe('reorganising the codebook', function () {
  this.timeout(TEST_MS);

  it('merges a code into another across transcripts and coders, and undoes it with the undo key', async () => {
    const grounded = await api();
    const store = grounded.store()!;
    await store.loadAllCoding();
    const codebook = store.codebook();
    // By full path: other suites may add codes with the same short name.
    const byPath = (path: string) => codebook.all().find((c) => codebook.path(c.id).join(' / ') === path)!;
    const hope = byPath('Emotions / Hope');
    const agency = byPath('Identity / Agency and control');
    const [hopeCount, agencyCount] = [segmentsWith(grounded, hope.id), segmentsWith(grounded, agency.id)];
    const transcripts = store.loadedCoding().filter((t) => t.coders.some((c) => c.segments.some((s) => s.codes.includes(hope.id)))).length;
    assert.ok(hopeCount > 0 && transcripts > 1, 'the demo uses Hope in several transcripts');

    const result = await vscode.commands.executeCommand<{ movedSegments: number }>('grounded.codebook.mergeCode', hope.id, agency.id, true);
    await store.flush();
    assert.equal(result.movedSegments, hopeCount);
    assert.equal(workspaceFileExists(`.grounded/codes/${hope.id}.json`), false);
    assert.equal(segmentsWith(grounded, hope.id), 0);
    assert.ok(segmentsWith(grounded, agency.id) >= agencyCount && segmentsWith(grounded, agency.id) <= agencyCount + hopeCount);

    // Ctrl+Z in the Codebook view is bound to the coding undo (keys themselves are pressed in e2e).
    const manifest = vscode.extensions.getExtension('grounded-qda.grounded')!.packageJSON as { contributes: { keybindings: { command: string; key: string; when: string }[] } };
    assert.ok(manifest.contributes.keybindings.some((k) => k.command === 'grounded.coding.undo' && k.key === 'ctrl+z' && k.when === 'focusedView == grounded.codebook'));
    assert.equal(await vscode.commands.executeCommand('grounded.coding.undo'), 'Merge codes');
    await store.flush();
    await waitFor(() => workspaceFileExists(`.grounded/codes/${hope.id}.json`), SETTLE_MS, 'the merged code to come back');
    assert.equal(segmentsWith(grounded, hope.id), hopeCount);
    assert.equal(segmentsWith(grounded, agency.id), agencyCount);
  });

  it('splits chosen segments of a code into a new code', async () => {
    const grounded = await api();
    const store = grounded.store()!;
    await store.loadAllCoding();
    const peer = store.codebook().all().find((c) => c.name === 'Peer support')!;
    const refs = store
      .loadedCoding()
      .flatMap((t) => t.coders.flatMap((c) => c.segments.filter((s) => s.codes.includes(peer.id)).map((s) => ({ transcript: t.transcript, coderId: c.coder.id, segmentId: s.id }))))
      .slice(0, 3);
    const moved = await vscode.commands.executeCommand<number>('grounded.codebook.splitCode', peer.id, refs, 'Support/Faith communities');
    await store.flush();
    assert.equal(moved, 3);
    const faith = store.codebook().all().find((c) => c.name === 'Faith communities')!;
    assert.equal(store.codebook().get(faith.parent!)?.name, 'Support');
    const file = readWorkspaceFile(`.grounded/coding/${refs[0].transcript}/${refs[0].coderId}.jsonl`);
    assert.ok(file.includes(faith.id), 'the coding file references the new code');
  });

  it('re-parents codes by drag and drop in the Codebook view', async () => {
    const grounded = await api();
    const store = grounded.store()!;
    const shame = store.codebook().all().find((c) => c.name === 'Shame')!;
    const identity = store.codebook().all().find((c) => c.name === 'Identity')!;
    const data = new vscode.DataTransfer();
    await grounded.codebookDragAndDrop.handleDrag!([{ kind: 'code', id: shame.id }], data, new vscode.CancellationTokenSource().token);
    await grounded.codebookDragAndDrop.handleDrop!({ kind: 'code', id: identity.id }, data, new vscode.CancellationTokenSource().token);
    await store.flush();
    assert.equal(JSON.parse(readWorkspaceFile(`.grounded/codes/${shame.id}.json`)).parent, identity.id);
    // A code can't be dropped inside its own sub-code.
    const child = store.codebook().children(identity.id)[0];
    const back = new vscode.DataTransfer();
    await grounded.codebookDragAndDrop.handleDrag!([{ kind: 'code', id: identity.id }], back, new vscode.CancellationTokenSource().token);
    await grounded.codebookDragAndDrop.handleDrop!({ kind: 'code', id: child.id }, back, new vscode.CancellationTokenSource().token);
    assert.equal(store.codebook().get(identity.id)?.parent, null);
  });

  it('filters the view by name and reveals the code under the cursor', async () => {
    const grounded = await api();
    const store = grounded.store()!;
    await vscode.commands.executeCommand('grounded.codebook.filter', 'fear');
    const top = (await grounded.codebookTree.getChildren()) ?? [];
    const labels = await Promise.all(top.map(async (n) => String((await grounded.codebookTree.getTreeItem(n)).label)));
    assert.deepEqual(labels, ['Barriers']);
    const under = (await grounded.codebookTree.getChildren(top[0])) ?? [];
    const codeLabels = await Promise.all(under.filter((n) => n.kind === 'code').map(async (n) => String((await grounded.codebookTree.getTreeItem(n)).label)));
    assert.deepEqual(codeLabels, ['Fear of authorities']);
    await vscode.commands.executeCommand('grounded.codebook.clearFilter');

    const editor = await openTranscript('interviews/p03-lucia.md');
    const segment = (await store.getCoding('interviews/p03-lucia.md')).coders[0].segments[0];
    const at = editor.document.getText().indexOf(segment.quote.exact) + 1;
    editor.selection = new vscode.Selection(editor.document.positionAt(at), editor.document.positionAt(at));
    const revealed = await vscode.commands.executeCommand<string>('grounded.codebook.revealCodeAtCursor');
    assert.ok(segment.codes.includes(revealed));
  });
});
