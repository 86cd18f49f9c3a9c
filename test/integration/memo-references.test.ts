import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../src/vscode/extension';
import type { StudyApi } from '../../src/vscode/memos/study-features';
import { SETTLE_MS, TEST_MS, waitFor, workspaceFileUri, workspacePath, writeWorkspaceFile, readWorkspaceFile } from './harness';

type Grounded = GroundedApi & { study: StudyApi };

const FEAR = 'c-eev1kyas3c52';
const PHONE = 's-15v1f7k0dxp2';
const PHONE_TEXT = 'A phone, a proper phone with my own number';
const MEMO = 'memos/references-under-test.md';
/** Each test writes its own memo: rewriting one that is open would race the editor's reload. */
const written: string[] = [];

async function api(): Promise<Grounded> {
  const grounded = await vscode.extensions.getExtension<Grounded>('grounded-qda.grounded')!.activate();
  await grounded.ready;
  return grounded;
}

async function openMemo(text: string, path = MEMO.replace('.md', `-${written.length + 1}.md`)): Promise<vscode.TextEditor> {
  written.push(path);
  writeWorkspaceFile(path, text);
  const { study } = await api();
  await study.memoIndex.reload();
  const document = await vscode.workspace.openTextDocument(workspaceFileUri(path));
  return vscode.window.showTextDocument(document);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

describe('memo references, kinds and exports', function () {
  this.timeout(TEST_MS);
  const outputs: string[] = [];

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(() => {
    for (const path of written) rmSync(workspacePath(path), { force: true });
    for (const path of outputs) rmSync(path, { force: true });
  });

  it('completes a code by id inside [[ in a memo, replacing what was typed', async () => {
    const editor = await openMemo('---\nkind: theoretical\n---\n\n# Refs\n\nSee [[Fear of au]]\n');
    const position = new vscode.Position(6, 'See [[Fear of au'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position, '[');
    const item = list.items.find((i) => labelOf(i) === 'Fear of authorities');
    assert.ok(item, `offered: ${list.items.map(labelOf).slice(0, 20).join(', ')}`);
    assert.equal(item.insertText, `[[${FEAR}|Fear of authorities]]`);
    const range = item.range as vscode.Range;
    assert.equal(editor.document.getText(range), '[[Fear of au]]', 'replaces the brackets typed and the ones closed for us');

    const segments = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position, '#');
    assert.ok(segments.items.length > 0);
    const hashed = await openMemo('# Refs\n\n[[Practical help#\n');
    const offered = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', hashed.document.uri, new vscode.Position(2, '[[Practical help#'.length), '#');
    assert.ok(offered.items.some((i) => i.insertText === `[[${PHONE}|A phone, a proper phone with my own…]]`), offered.items.map((i) => String(i.insertText)).join('\n'));
  });

  it('links references to codes and segments through the registered command, and reveals them', async () => {
    const editor = await openMemo(`# Refs\n\n[[${FEAR}|old name]] and [[${PHONE}]] and [[Nobody]] and [[c-000000000000]]\n`);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', editor.document.uri);
    assert.equal(links.length, 2, 'only references that resolve are links');
    const targets = links.map((l) => l.target!);
    for (const target of targets) assert.equal(target.scheme, 'command');
    assert.deepEqual(targets.map((t) => t.path), ['grounded.memos.openReference', 'grounded.memos.openReference']);
    const ids = targets.map((t) => (JSON.parse(decodeURIComponent(t.query)) as string[])[0]);
    assert.deepEqual(ids, [FEAR, PHONE]);

    assert.equal(await vscode.commands.executeCommand('grounded.memos.openReference', ids[0]), 'code');
    assert.equal(await vscode.commands.executeCommand('grounded.memos.openReference', ids[1]), 'segment');
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('p01-amara.md') === true, SETTLE_MS, 'the transcript to open');
    const shown = vscode.window.activeTextEditor!;
    assert.equal(shown.document.getText(shown.selection), PHONE_TEXT);
    assert.equal(await vscode.commands.executeCommand('grounded.memos.openReference', 'javascript:alert(1)'), undefined);
    assert.equal(await vscode.commands.executeCommand('grounded.memos.openReference', 'c-000000000000'), undefined);
  });

  it('groups the Memos view by kind and by date', async () => {
    const { study } = await api();
    const mine = await openMemo('---\nkind: reflexive\ndate: 2031-02-03\n---\n\n# Mine\n');
    const path = vscode.workspace.asRelativePath(mine.document.uri);
    assert.equal(await vscode.commands.executeCommand('grounded.memos.groupBy', 'kind'), 'kind');
    const kinds = await Promise.all(study.memos.getChildren().map(async (n) => String((await study.memos.getTreeItem(n)).label)));
    assert.ok(kinds.includes('Reflexive memos'), kinds.join(', '));
    const reflexive = study.memos.getChildren().find((n) => n.kind === 'group' && n.about === 'kind' && n.memoKind === 'reflexive')!;
    assert.ok(study.memos.getChildren(reflexive).some((n) => n.kind === 'memo' && n.path === path));
    await vscode.commands.executeCommand('grounded.memos.groupBy', 'timeline');
    const [newest] = study.memos.getChildren();
    assert.equal(String((await study.memos.getTreeItem(newest)).label), '2031-02');
    await vscode.commands.executeCommand('grounded.memos.groupBy', 'about');
  });

  it('sets criteria and an example quote, and exports the codebook as Word and the memo report as HTML', async () => {
    const grounded = await api();
    await vscode.commands.executeCommand('grounded.codebook.editInclusion', FEAR, 'Named fear of officials');
    assert.equal(await vscode.commands.executeCommand('grounded.codebook.pickExample', FEAR, 's-10w36s4vbf7t'), 's-10w36s4vbf7t');
    await assert.rejects(Promise.resolve(vscode.commands.executeCommand('grounded.codebook.pickExample', FEAR, PHONE)), /is not a segment of "Fear of authorities"/);
    await grounded.store()!.flush();
    const file = JSON.parse(readWorkspaceFile(`.grounded/codes/${FEAR}.json`)) as { inclusion?: string; example?: { segment: string; text: string } };
    assert.equal(file.inclusion, 'Named fear of officials');
    assert.deepEqual(file.example, { segment: 's-10w36s4vbf7t', text: "It's the same door for me." });

    const word = join(tmpdir(), `grounded-codebook-${process.pid}.docx`);
    outputs.push(word);
    await vscode.commands.executeCommand('grounded.codebook.export', 'docx', vscode.Uri.file(word));
    const xml = new TextDecoder().decode(unzipSync(readFileSync(word))['word/document.xml']);
    assert.ok(xml.includes('Named fear of officials'), xml.slice(0, 300));
    assert.ok(xml.includes('the same door for me.'));
    assert.ok(xml.includes('Fear of authorities'));

    await openMemo(`---\nkind: methodological\ndate: 2030-01-01\n---\n\n# Method\n\nWe keep this: [[${PHONE}]]\n`);
    const html = join(tmpdir(), `grounded-memos-${process.pid}.html`);
    outputs.push(html);
    await vscode.commands.executeCommand('grounded.memos.exportReport', 'html', vscode.Uri.file(html));
    const report = readFileSync(html, 'utf8');
    assert.match(report, /<h2>Methodological memos<\/h2>[\s\S]*<h3>Method<\/h3>[\s\S]*<blockquote><p>A phone, a proper phone with my own number<\/p>/);
  });
});
