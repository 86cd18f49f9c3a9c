import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { parseMemo, type MemoLink } from '../../src/core/memos';
import type { GroundedApi } from '../../src/vscode/extension';
import type { StudyApi } from '../../src/vscode/memos/study-features';
import type { MemoNode } from '../../src/vscode/memos/memos-tree';
import { saveDocument } from '../../src/vscode/ui/save-document';
import { openTranscript, readWorkspaceFile, SETTLE_MS, TEST_MS, waitFor, workspaceFileExists, workspacePath } from './harness';
import { answeringQuickPicks } from './harness/answer-quick-picks';

type Grounded = GroundedApi & { study: StudyApi };

const TRANSCRIPT = 'interviews/p03-lucia.md';

async function api(): Promise<Grounded> {
  const grounded = await vscode.extensions.getExtension<Grounded>('grounded-qda.grounded')!.activate();
  await grounded.ready;
  return grounded;
}

function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The memo file as written, read back as the core reads memos. */
function memoOnDisk(path: string): ReturnType<typeof parseMemo> {
  assert.ok(workspaceFileExists(path), `${path} was written`);
  return parseMemo(path, readWorkspaceFile(path));
}

async function labels(study: StudyApi, node?: MemoNode): Promise<string[]> {
  return Promise.all(study.memos.getChildren(node).map(async (n) => String((await study.memos.getTreeItem(n)).label)));
}

describe('memos', function () {
  this.timeout(TEST_MS);
  const created: string[] = [];

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(() => {
    for (const path of created) rmSync(workspacePath(path), { force: true });
  });

  it('lists the demo memos grouped by the code and the transcript they are about', async () => {
    const { study } = await api();
    await study.memoIndex.reload();
    const codeGroup = study.memos.getChildren().find((n) => n.kind === 'group' && n.about === 'code' && n.code === 'c-eev1kyas3c52');
    assert.ok(codeGroup, 'a group for the code the demo memo is about');
    assert.deepEqual(await labels(study, codeGroup), ['Fear of authorities: not irrational, but informed']);
    assert.ok((await labels(study)).includes(TRANSCRIPT));
    const transcriptGroup = study.memos.getChildren().find((n) => n.kind === 'group' && n.about === 'transcript' && n.transcript === TRANSCRIPT)!;
    assert.deepEqual(await labels(study, transcriptGroup), ['Lucía: the caravan as the first support service']);
    const memo = study.memos.getChildren(transcriptGroup)[0];
    const item = await study.memos.getTreeItem(memo);
    assert.equal(item.command?.command, 'vscode.open');
  });

  it('creates a memo of the kind chosen about a code from the Codebook, beside the transcript, cursor under the title', async () => {
    const grounded = await api();
    const store = grounded.store()!;
    const transcript = await openTranscript(TRANSCRIPT);
    const code = store.codebook().all().find((c) => c.parent !== null)!;
    const { result: path, shown } = await answeringQuickPicks(['Theoretical memo'], () => vscode.commands.executeCommand<string>('grounded.memos.newForCode', { kind: 'code', id: code.id }));
    created.push(path);
    assert.deepEqual(shown, [['Code memo', 'Theoretical memo', 'Methodological memo', 'Reflexive memo', 'No particular kind']]);
    const memo = memoOnDisk(path);
    assert.equal(memo.kind, 'theoretical');
    assert.deepEqual(memo.links, [{ kind: 'code', code: code.id }]);
    assert.equal(memo.title, code.name);
    assert.equal(memo.author, store.coder.name);
    assert.equal(memo.date, today());

    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.uri.path.endsWith(path), 'the memo is the active editor');
    assert.notEqual(editor.viewColumn, transcript.viewColumn, 'opened beside the transcript');
    assert.ok(vscode.window.visibleTextEditors.some((e) => e.document === transcript.document), 'the transcript stays visible');
    const heading = editor.document.getText().split('\n').findIndex((l) => l === `# ${code.name}`);
    assert.equal(editor.selection.active.line, heading + 2, 'the cursor is on the empty line under the title');

    assert.match(grounded.study.memoExcerptForCode(code.id) ?? '', new RegExp(`^${code.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    await waitFor(async () => (await labels(grounded.study)).includes(code.name), SETTLE_MS, 'the Memos view to list the code');
  });

  it('creates a memo about the coded segment at the cursor with one command', async () => {
    const grounded = await api();
    const editor = await openTranscript(TRANSCRIPT);
    const coding = await grounded.store()!.getCoding(TRANSCRIPT);
    const segment = coding.coders[0].segments[0];
    const text = editor.document.getText().replace(/\r\n/g, '\n');
    const at = editor.document.positionAt(text.indexOf(segment.quote.exact) + Math.floor(segment.quote.exact.length / 2));
    editor.selection = new vscode.Selection(at, at);
    const { result: path } = await answeringQuickPicks(['Code memo'], () => vscode.commands.executeCommand<string>('grounded.memos.newAtCursor'));
    created.push(path);
    const [link] = memoOnDisk(path).links as Extract<MemoLink, { kind: 'segment' }>[];
    assert.equal(link.kind, 'segment');
    assert.equal(link.transcript, TRANSCRIPT);
    const chosen = coding.coders.find((c) => c.coder.id === link.coder)?.segments.find((s) => s.id === link.segment);
    assert.ok(chosen, 'the memo names a segment of a coder of this transcript');
    const start = text.indexOf(chosen.quote.exact);
    const offset = editor.document.offsetAt(at);
    assert.ok(start <= offset && offset <= start + chosen.quote.exact.length, 'the segment is under the cursor');
    assert.notEqual(vscode.window.activeTextEditor?.viewColumn, editor.viewColumn);
  });

  it('a new memo is complete before it takes keystrokes: typing at once lands under the title', async function () {
    this.timeout(90000);
    const editor = await openTranscript(TRANSCRIPT);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    // Type at the cursor the moment the memo's editor appears, as a researcher who pressed
    // Ctrl+Alt+M and typed on.
    const typed: Thenable<boolean>[] = [];
    const type = (editor: vscode.TextEditor, text: string): Thenable<boolean> => editor.edit((edit) => edit.insert(editor.selection.active, text));
    const listener = vscode.window.onDidChangeActiveTextEditor((active) => {
      if (active?.document.uri.path.includes('/memos/') && typed.length === 0) typed.push(type(active, 'First '));
    });
    let path: string;
    try {
      path = await vscode.commands.executeCommand<string>('grounded.memos.newAtCursor', { title: 'Typed at once' });
    } finally {
      listener.dispose();
    }
    created.push(path);
    const header = readWorkspaceFile(path);
    assert.deepEqual(parseMemo(path, header).links, [{ kind: 'transcript', transcript: TRANSCRIPT }], 'the header is on disk when the command resolves');
    assert.equal(typed.length, 1, 'typed the moment the memo appeared');
    assert.equal(await typed[0], true);
    assert.equal(await type(vscode.window.activeTextEditor!, 'thought.'), true);
    const memo = vscode.window.activeTextEditor!.document;
    assert.ok(memo.uri.path.endsWith(path));
    assert.equal(memo.getText(), `${header}First thought.`, 'what was typed is under the title, the header intact');
    assert.ok(await saveDocument(memo), 'the memo saved');
    const saved = memoOnDisk(path);
    assert.deepEqual(saved.links, [{ kind: 'transcript', transcript: TRANSCRIPT }]);
    assert.equal(saved.excerpt, 'First thought.');
  });

  it('creates a memo about the whole transcript when the cursor is in no segment, bound to Ctrl+Alt+M', async () => {
    const editor = await openTranscript(TRANSCRIPT);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const { result: path } = await answeringQuickPicks(['No particular kind'], () => vscode.commands.executeCommand<string>('grounded.memos.newAtCursor'));
    created.push(path);
    const memo = memoOnDisk(path);
    assert.equal(memo.kind, undefined);
    assert.deepEqual(memo.links, [{ kind: 'transcript', transcript: TRANSCRIPT }]);
    assert.equal(memo.title, 'Interview P03 — Lucía');
    const keybindings = (vscode.extensions.getExtension('grounded-qda.grounded')!.packageJSON as { contributes: { keybindings: { command: string; key: string }[] } }).contributes.keybindings;
    assert.ok(keybindings.some((k) => k.command === 'grounded.memos.newAtCursor' && k.key === 'ctrl+alt+m'));
  });
});

describe('memo keybinding', () => {
  it('Ctrl+Alt+M is bound by nothing else in VS Code on this platform', async () => {
    const defaults = await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode://defaultsettings/keybindings.json'));
    const lines = defaults.getText().split('\n');
    const bound = lines.flatMap((line, i) => (/"key":\s*"ctrl\+alt\+m"/.test(line) ? [lines.slice(i, i + 3).join(' ')] : []));
    assert.ok(bound.length > 0 && bound.every((entry) => entry.includes('"grounded.memos.newAtCursor"')), bound.join('\n'));
  });
});
