import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../src/vscode/extension';
import { readWorkspaceFile, SETTLE_MS, TEST_MS, waitFor, workspaceFileExists, workspaceRoot, writeWorkspaceFile } from './harness';

const TRANSCRIPT = 'interviews/p01-amara.md';
const PHRASE = 'I took my bag and I walked out while they were having lunch.';
const CODER = { id: 'integration-tester', name: 'Integration Tester' };

async function api(): Promise<GroundedApi> {
  const ext = vscode.extensions.getExtension<GroundedApi>('grounded-qda.grounded');
  assert.ok(ext, 'the extension is installed');
  const grounded = await ext.activate();
  await grounded.ready;
  return grounded;
}

async function openAndSelect(phrase: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(join(workspaceRoot(), TRANSCRIPT)));
  const editor = await vscode.window.showTextDocument(document);
  const start = document.getText().indexOf(phrase);
  assert.ok(start >= 0, `the demo transcript contains "${phrase}"`);
  editor.selection = new vscode.Selection(document.positionAt(start), document.positionAt(start + phrase.length));
  return editor;
}

function codingLines(): string[] {
  const path = `.grounded/coding/${TRANSCRIPT}/${CODER.id}.jsonl`;
  return workspaceFileExists(path) ? readWorkspaceFile(path).trimEnd().split('\n') : [];
}

/** The own-segment count the Codebook view shows for a code (its item's description starts with it). */
async function segmentCount(grounded: GroundedApi, codeId: string): Promise<number> {
  const item = await grounded.codebookTree.getTreeItem({ kind: 'code', id: codeId });
  return Number.parseInt(String(item.description), 10);
}

describe('coding in the editor', function () {
  this.timeout(TEST_MS);

  before(async () => {
    await vscode.workspace.getConfiguration('grounded').update('coder', CODER.name, vscode.ConfigurationTarget.Global);
    await waitFor(async () => (await api()).store()?.coder.id === CODER.id, SETTLE_MS);
  });

  it('activates on a project and opens its store', async () => {
    const store = (await api()).store();
    assert.ok(store, 'a project is open');
    assert.ok(store.codebook().size > 0, 'the demo codebook is loaded');
  });

  it('registers every command package.json declares, and declares every command it registers', async () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    const declared = manifest.contributes.commands.map((c) => c.command).sort();
    const registered = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith('grounded.')).sort();
    for (const id of declared) assert.ok(registered.includes(id), `${id} is registered`);
    // VS Code itself registers commands for each contributed view (focus, open, …): not ours.
    const viewCommands = /^grounded\.[a-zA-Z]+\.(focus|open|toggleVisibility|removeView|resetViewLocation)$/;
    const ours = registered.filter((c) => !viewCommands.test(c));
    for (const id of ours) assert.ok(declared.includes(id), `${id} is declared in package.json`);
  });

  it('applies a code to the selection: the coding file gets the segment and the editor paints it', async () => {
    const grounded = await api();
    const editor = await openAndSelect(PHRASE);
    const segmentId = await vscode.commands.executeCommand<string>('grounded.coding.applyCode', { codes: ['Leaving / Walking out'] });
    await grounded.store()!.flush();
    const codebook = grounded.store()!.codebook();
    const code = codebook.all().find((c) => c.name === 'Walking out');
    assert.ok(code, 'the new code was created, under a new parent');
    assert.equal(codebook.get(code.parent!)?.name, 'Leaving');
    const record = codingLines().map((l) => JSON.parse(l) as Record<string, unknown>).find((r) => r.id === segmentId);
    assert.ok(record, 'the segment is in the coder\'s coding file');
    assert.equal(record.exact, PHRASE);
    assert.deepEqual(record.codes, [code.id]);
    const text = editor.document.getText().replace(/\r\n/g, '\n');
    assert.equal(text.slice(record.start as number, record.end as number), PHRASE);
    await waitFor(() => (grounded.paintedRanges(editor.document).get(code.id) ?? []).some((r) => editor.document.getText(r) === PHRASE), SETTLE_MS);
  });

  it('removes the code at the cursor', async () => {
    const grounded = await api();
    const editor = await openAndSelect(PHRASE);
    editor.selection = new vscode.Selection(editor.selection.start.translate(0, 5), editor.selection.start.translate(0, 5));
    const removed = await vscode.commands.executeCommand<number>('grounded.coding.removeCode', { codes: ['Walking out'] });
    await grounded.store()!.flush();
    assert.equal(removed, 1);
    assert.ok(codingLines().every((l) => !l.includes(PHRASE)), 'the segment is gone (its file held only it, so the file is deleted)');
    const code = grounded.store()!.codebook().all().find((c) => c.name === 'Walking out')!;
    await waitFor(() => (grounded.paintedRanges(editor.document).get(code.id) ?? []).length === 0, SETTLE_MS);
  });

  it('repaints when another coder\'s coding file changes on disk (git pull)', async () => {
    const grounded = await api();
    const editor = await openAndSelect(PHRASE);
    const text = editor.document.getText().replace(/\r\n/g, '\n');
    const start = text.indexOf(PHRASE);
    const code = grounded.store()!.codebook().all()[0];
    const header = JSON.stringify({ format: 'grounded-coding', version: 1, coder: { id: 'pulled-coder', name: 'Pulled Coder' } });
    const record = JSON.stringify({ id: 's-0000000000zz', codes: [code.id], start, end: start + PHRASE.length, exact: PHRASE, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + PHRASE.length, start + PHRASE.length + 32) });
    const countBefore = await segmentCount(grounded, code.id);
    writeWorkspaceFile(`.grounded/coding/${TRANSCRIPT}/pulled-coder.jsonl`, `${header}\n${record}\n`);
    await waitFor(() => (grounded.paintedRanges(editor.document).get(code.id) ?? []).some((r) => editor.document.getText(r) === PHRASE), SETTLE_MS);
    await waitFor(async () => (await segmentCount(grounded, code.id)) === countBefore + 1, SETTLE_MS, 'the codebook tree to count the pulled segment');
  });
});
