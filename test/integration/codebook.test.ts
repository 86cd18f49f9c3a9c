import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CodebookNode } from '../../src/vscode/codebook/codebook-tree';
import type { GroundedApi } from '../../src/vscode/extension';
import { readWorkspaceFile, SETTLE_MS, TEST_MS, waitFor, workspaceFileExists } from './harness';

async function api(): Promise<GroundedApi> {
  const api = await vscode.extensions.getExtension<GroundedApi>('grounded-qda.grounded')!.activate();
  await api.ready;
  return api;
}

function codeFile(id: string): Record<string, unknown> | undefined {
  const path = `.grounded/codes/${id}.json`;
  return workspaceFileExists(path) ? (JSON.parse(readWorkspaceFile(path)) as Record<string, unknown>) : undefined;
}

async function treeLabels(grounded: GroundedApi, node?: CodebookNode): Promise<string[]> {
  const children = (await grounded.codebookTree.getChildren(node)) ?? [];
  return Promise.all(children.map(async (c) => String((await grounded.codebookTree.getTreeItem(c)).label)));
}

describe('the codebook view', function () {
  this.timeout(TEST_MS);

  it('adds, renames, recolours and describes a code, one file per code', async () => {
    const grounded = await api();
    const store = grounded.store()!;
    const id = await vscode.commands.executeCommand<string>('grounded.codebook.addCode', null, 'Hope for the future');
    await store.flush();
    assert.equal(codeFile(id)?.name, 'Hope for the future');
    assert.ok((await treeLabels(grounded)).includes('Hope for the future'), 'the tree shows the new top-level code');

    await vscode.commands.executeCommand('grounded.codebook.renameCode', id, 'Plans ahead');
    await vscode.commands.executeCommand('grounded.codebook.recolorCode', id, '#59A14F');
    await vscode.commands.executeCommand('grounded.codebook.editDescription', id, 'Talk of plans, wishes, a better life');
    await store.flush();
    assert.deepEqual(
      { name: codeFile(id)?.name, color: codeFile(id)?.color, description: codeFile(id)?.description },
      { name: 'Plans ahead', color: '#59a14f', description: 'Talk of plans, wishes, a better life' },
    );
    await waitFor(async () => (await treeLabels(grounded)).includes('Plans ahead'), SETTLE_MS);
  });

  it('adds a sub-code under a code and lists a code\'s segments under it', async () => {
    const grounded = await api();
    const store = grounded.store()!;
    const parent = store.codebook().all().find((c) => c.parent === null)!;
    const child = await vscode.commands.executeCommand<string>('grounded.codebook.addCode', { kind: 'code', id: parent.id }, 'A brand-new sub-code');
    await store.flush();
    assert.equal(codeFile(child)?.parent, parent.id);
    const labels = await treeLabels(grounded, { kind: 'code', id: parent.id });
    assert.ok(labels.includes('A brand-new sub-code'));

    await store.loadAllCoding();
    const used = store.codebook().all().find((c) => store.loadedCoding().some((t) => t.coders.some((k) => k.segments.some((s) => s.codes.includes(c.id)))))!;
    const nodes = (await grounded.codebookTree.getChildren({ kind: 'code', id: used.id })) ?? [];
    const segment = nodes.find((n) => n.kind === 'segment');
    assert.ok(segment && segment.kind === 'segment', 'a used code lists its segments');
    const item = await grounded.codebookTree.getTreeItem(segment);
    assert.equal(item.command?.command, 'grounded.codebook.revealSegment');
    const revealed = await vscode.commands.executeCommand<boolean>(item.command.command, ...(item.command.arguments ?? []));
    assert.equal(revealed, true);
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.uri.path.endsWith(segment.transcript));
    assert.equal(editor.document.getText(editor.selection).replace(/\r\n/g, '\n'), segment.exact);
  });

  it('deletes a code in use after counting its segments, removing its coding everywhere', async () => {
    const grounded = await api();
    const store = grounded.store()!;
    await store.loadAllCoding();
    const used = store.codebook().all().find((c) => c.parent !== null && store.loadedCoding().some((t) => t.coders.some((k) => k.segments.some((s) => s.codes.includes(c.id)))))!;
    const count = await store.countSegments(used.id);
    assert.ok(count > 0);
    const result = await vscode.commands.executeCommand<{ removedSegments: number }>('grounded.codebook.deleteCode', used.id, true);
    await store.flush();
    assert.equal(result.removedSegments, count);
    assert.equal(codeFile(used.id), undefined, 'the code file is deleted');
    await store.loadAllCoding();
    assert.equal(store.loadedCoding().flatMap((t) => t.coders.flatMap((k) => k.segments)).filter((s) => s.codes.includes(used.id)).length, 0);
    await waitFor(async () => !(await treeLabels(grounded, used.parent ? { kind: 'code', id: used.parent } : undefined)).includes(used.name), SETTLE_MS);
  });
});
