import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../src/vscode/extension';
import { openTranscript, readWorkspaceFile, revertUnsavedEditors, SETTLE_MS, TEST_MS, waitFor, workspaceFileExists, workspaceFileUri, workspacePath, writeAndOpenTranscript, writeWorkspaceFile } from './harness';
import { groundedApi as api, useTranscriptCopy, type TranscriptFixture } from './keyboard-fixture';

const TRANSCRIPT = 'interviews/probe/mei.md';
const PHRASE = 'A woman answered in Mandarin.';
let fixture: TranscriptFixture;

function select(ed: vscode.TextEditor, phrase: string): void {
  const start = ed.document.getText().indexOf(phrase);
  assert.ok(start >= 0, `the transcript contains "${phrase}"`);
  ed.selection = new vscode.Selection(ed.document.positionAt(start), ed.document.positionAt(start + phrase.length));
}

function paintedTexts(grounded: GroundedApi, doc: vscode.TextDocument): string[] {
  return [...grounded.paintedRanges(doc).values()].flat().map((r) => doc.getText(r));
}

async function applyTo(ed: vscode.TextEditor, phrase: string, code = 'Probe'): Promise<string> {
  select(ed, phrase);
  const id = await vscode.commands.executeCommand<string>('grounded.coding.applyCode', { codes: [code] });
  assert.ok(id, 'a segment was created');
  return id;
}

function openDocument(rel: string): vscode.TextDocument | undefined {
  const uri = workspaceFileUri(rel).toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
}

describe('editor probes: deleting part of a coded passage, then undo', function () {
  this.timeout(TEST_MS);

  before(async () => {
    fixture = await useTranscriptCopy('interviews/p05-mei.md', TRANSCRIPT, 'Probe Tester');
  });

  after(async () => {
    await fixture.restore();
  });

  it('gives a passage back all its words when a deletion across either of its edges is undone, and saves it unchanged', async () => {
    const grounded = await api();
    const store = grounded.store()!;
    const ed = await openTranscript(TRANSCRIPT);
    const doc = ed.document;
    const quote = 'answered in Mandarin. That was the first good thing.';
    const id = await applyTo(ed, quote);
    await waitFor(() => paintedTexts(grounded, doc).includes(quote), SETTLE_MS, 'the passage painted');
    const at = doc.getText().indexOf(quote);
    // Across the end edge ("Mandarin. That was the first good thing. She didn't"), then across the start edge.
    const cuts = [
      [at + 'answered in '.length, at + quote.length + ' She didn\'t'.length],
      [at - 'A woman '.length, at + 'answered in'.length],
    ];
    for (const [from, to] of cuts) {
      await ed.edit((e) => e.delete(new vscode.Range(doc.positionAt(from), doc.positionAt(to))));
      await waitFor(() => !paintedTexts(grounded, doc).includes(quote), SETTLE_MS, 'the passage shrinks');
      await vscode.commands.executeCommand('undo');
      await waitFor(() => !doc.isDirty, SETTLE_MS, 'the deletion undone');
      await waitFor(() => paintedTexts(grounded, doc).includes(quote), SETTLE_MS, `undo gives the passage its words back: ${paintedTexts(grounded, doc).join(' | ')}`);
    }
    await ed.edit((e) => e.insert(new vscode.Position(0, 0), ' '));
    await doc.save();
    await store.flush();
    const segment = (await store.getCoding(TRANSCRIPT)).coders.flatMap((c) => c.segments).find((s) => s.id === id)!;
    assert.equal(segment.quote.exact, quote, 'the saved record keeps every word');
  });
});

describe('editor probes: renames of open coded transcripts', function () {
  this.timeout(TEST_MS);

  before(async () => {
    fixture = await useTranscriptCopy('interviews/p05-mei.md', TRANSCRIPT, 'Probe Tester');
  });

  after(async () => {
    await fixture.restore();
    rmSync(workspacePath('interviews/probe'), { recursive: true, force: true });
  });

  it('keeps painting an open coded transcript renamed in the Explorer, and codes it at its new path', async () => {
    const grounded = await api();
    const store = grounded.store()!;
    const ed = await openTranscript(TRANSCRIPT);
    const id = await applyTo(ed, PHRASE);
    await waitFor(() => paintedTexts(grounded, ed.document).includes(PHRASE), SETTLE_MS, 'the segment painted');
    // Unsaved typing above the passage travels with the rename.
    await ed.edit((e) => e.insert(new vscode.Position(ed.selection.start.line, 0), '[00:03:00] '));
    const to = 'interviews/probe/moved/mei.md';
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(workspaceFileUri(TRANSCRIPT), workspaceFileUri(to));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(async () => (await store.getCoding(to)).coders.some((c) => c.segments.some((s) => s.id === id)), SETTLE_MS, 'the coding to follow the rename');
    const moved = await waitFor(() => openDocument(to), SETTLE_MS, 'the renamed document to be open');
    await waitFor(() => paintedTexts(grounded, moved).includes(PHRASE), SETTLE_MS, `the segment painted at the new path: ${paintedTexts(grounded, moved).join(' | ')}`);
    const movedEditor = await vscode.window.showTextDocument(moved);
    const second = await applyTo(movedEditor, 'That was the first good thing.');
    await store.flush();
    assert.ok((await store.getCoding(to)).coders.some((c) => c.segments.some((s) => s.id === second)), 'new coding goes to the new path');
    assert.ok(!workspaceFileExists(fixture.codingFile), 'nothing is left at the old path');
    await moved.save();
    const back = new vscode.WorkspaceEdit();
    back.renameFile(workspaceFileUri(to), workspaceFileUri(TRANSCRIPT));
    assert.ok(await vscode.workspace.applyEdit(back));
    await waitFor(() => workspaceFileExists(fixture.codingFile), SETTLE_MS, 'the coding to move back');
  });

  it('keeps a passage edited but not saved exact when its transcript is renamed, and saves its new words', async () => {
    const grounded = await api();
    const store = grounded.store()!;
    const ed = await openTranscript(TRANSCRIPT);
    const quote = 'She didn\'t ask me for my name at first.';
    const id = await applyTo(ed, quote);
    await waitFor(() => paintedTexts(grounded, ed.document).includes(quote), SETTLE_MS, 'the segment painted');
    const at = ed.document.getText().indexOf(quote) + 'She didn\'t ask me for my name'.length;
    await ed.edit((e) => e.insert(ed.document.positionAt(at), ' straight away'));
    const edited = 'She didn\'t ask me for my name straight away at first.';
    await waitFor(() => paintedTexts(grounded, ed.document).includes(edited), SETTLE_MS, 'the segment grows with the typing');
    const to = 'interviews/probe/renamed-mei.md';
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(workspaceFileUri(TRANSCRIPT), workspaceFileUri(to));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(async () => (await store.getCoding(to)).coders.some((c) => c.segments.some((s) => s.id === id)), SETTLE_MS, 'the coding to follow the rename');
    const moved = await waitFor(() => openDocument(to), SETTLE_MS, 'the renamed document to be open');
    await waitFor(() => paintedTexts(grounded, moved).includes(edited), SETTLE_MS, `the edited segment painted at the new path: ${paintedTexts(grounded, moved).join(' | ')}`);
    assert.equal(grounded.needsReview.itemsOf(to).filter((i) => i.segmentId === id).length, 0, `nothing to review: ${JSON.stringify(grounded.needsReview.itemsOf(to))}`);
    await moved.save();
    await store.flush();
    await waitFor(async () => (await store.getCoding(to)).coders.flatMap((c) => c.segments).find((s) => s.id === id)?.quote.exact === edited, SETTLE_MS, 'the new words saved');
    const back = new vscode.WorkspaceEdit();
    back.renameFile(workspaceFileUri(to), workspaceFileUri(TRANSCRIPT));
    assert.ok(await vscode.workspace.applyEdit(back));
    await waitFor(() => workspaceFileExists(fixture.codingFile), SETTLE_MS, 'the coding to move back');
  });
});

const CRLF = 'interviews/probe/crlf-emoji.md';
const CRLF_LINES = ['---', 'participant: Zoë', '---', '', '**Interviewer:** How was it? 😊', '', '**Zoë:** 👩‍👧 My daughter came with me. Ho\u0301la, the office was cold 🥶. We waited.', '', '**Interviewer:** And then?', '', '**Zoë:** Then they called our names.', ''];

describe('editor probes: CRLF, emoji and undo', function () {
  this.timeout(TEST_MS);

  // A fixture of its own (overwritten below), so the codes and coding made here go again.
  let own: TranscriptFixture;
  before(async () => {
    own = await useTranscriptCopy('interviews/p05-mei.md', CRLF, 'Probe Tester');
  });
  // An unsaved editor keeps its text a transcript of the project even once its file is gone.
  afterEach(async () => {
    await revertUnsavedEditors();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  after(() => own.restore());

  it('codes next to emoji and combining marks in a CRLF transcript, survives deleting and undoing the passage, undoes and redoes the coding', async () => {
    const grounded = await api();
    const store = grounded.store()!;
    const ed = await writeAndOpenTranscript(CRLF, CRLF_LINES.join('\r\n'));
    const doc = ed.document;
    assert.equal(doc.eol, vscode.EndOfLine.CRLF);
    const phrases = ['My daughter came with me. Ho\u0301la, the office was cold 🥶', 'Then they called our names.'];
    const ids = [];
    for (const p of phrases) ids.push(await applyTo(ed, p));
    await waitFor(() => phrases.every((p) => paintedTexts(grounded, doc).includes(p)), SETTLE_MS, `both painted: ${paintedTexts(grounded, doc).join(' | ')}`);
    const coding = await store.getCoding(CRLF);
    const mine = coding.coders.find((c) => c.coder.id === store.coder.id)!.segments;
    const lf = CRLF_LINES.join('\n');
    for (const [i, id] of ids.entries()) {
      const s = mine.find((x) => x.id === id)!;
      assert.equal(lf.slice(s.position.start, s.position.end), phrases[i], 'stored offsets count LF text');
    }
    // Delete from the first passage's line to the end of the interviewer's question (spans CRLFs), then undo.
    const from = doc.positionAt(doc.getText().indexOf('**Zoë:** 👩'));
    const to = doc.positionAt(doc.getText().indexOf('And then?') + 'And then?'.length);
    await ed.edit((e) => e.delete(new vscode.Range(from, to)));
    await waitFor(() => !paintedTexts(grounded, doc).includes(phrases[0]), SETTLE_MS, 'the deleted passage unpainted');
    assert.ok(paintedTexts(grounded, doc).includes(phrases[1]), `the passage after it stays painted: ${paintedTexts(grounded, doc).join(' | ')}`);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => phrases.every((p) => paintedTexts(grounded, doc).includes(p)), SETTLE_MS, `undo restores the passage: ${paintedTexts(grounded, doc).join(' | ')}`);
    assert.equal(doc.isDirty, false);
    // Coding undo and redo of the last apply.
    await vscode.commands.executeCommand('grounded.coding.undo');
    await waitFor(() => !paintedTexts(grounded, doc).includes(phrases[1]), SETTLE_MS, 'coding undo unpaints');
    await vscode.commands.executeCommand('grounded.coding.redo');
    await waitFor(() => paintedTexts(grounded, doc).includes(phrases[1]), SETTLE_MS, 'coding redo paints again');
    assert.deepEqual(grounded.needsReview.itemsOf(CRLF), [], 'nothing to review');
  });

  it('codes the selected words after the line endings are switched from CRLF to LF in the editor', async () => {
    const grounded = await api();
    const store = grounded.store()!;
    const ed = await writeAndOpenTranscript(CRLF, CRLF_LINES.join('\r\n'));
    const doc = ed.document;
    await applyTo(ed, 'Then they called our names.');
    await waitFor(() => paintedTexts(grounded, doc).includes('Then they called our names.'), SETTLE_MS, 'the earlier coding painted');
    await ed.edit((e) => e.setEndOfLine(vscode.EndOfLine.LF));
    assert.equal(doc.eol, vscode.EndOfLine.LF);
    await waitFor(() => paintedTexts(grounded, doc).includes('Then they called our names.'), SETTLE_MS, `still painted on its words: ${paintedTexts(grounded, doc).join(' | ')}`);
    const phrase = 'the office was cold';
    const id = await applyTo(ed, phrase);
    const segment = (await store.getCoding(CRLF)).coders.flatMap((c) => c.segments).find((s) => s.id === id)!;
    assert.equal(segment.quote.exact, phrase);
    await waitFor(() => paintedTexts(grounded, doc).includes(phrase), SETTLE_MS, `the new segment painted: ${paintedTexts(grounded, doc).join(' | ')}`);
  });
});

const OTHER = 'interviews/probe/conflict.md';
const CONFLICTED = [
  '**Interviewer:** What helped?',
  '',
  '<<<<<<< HEAD',
  '**Ada:** The caseworker called me back every Friday, even when there was no news.',
  '=======',
  '**Ada:** The caseworker called me back every Friday, even when there was nothing new.',
  '>>>>>>> coder-b',
  '',
  '**Interviewer:** And the forms?',
  '',
  '**Ada:** The forms I filled in at the library with a volunteer.',
  '',
].join('\n');

describe('editor probes: outside changes and typing', function () {
  this.timeout(TEST_MS);

  afterEach(async () => {
    await revertUnsavedEditors();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  let own: TranscriptFixture;
  before(async () => {
    own = await useTranscriptCopy('interviews/p05-mei.md', OTHER, 'Probe Tester');
  });
  after(() => own.restore());

  it('codes a transcript with conflict markers, and keeps the coding on its words once the conflict is resolved', async () => {
    const grounded = await api();
    const store = grounded.store()!;
    const ed = await writeAndOpenTranscript(OTHER, CONFLICTED);
    // The second copy of the sentence, from the other branch, which is the one kept.
    const theirs = 'The caseworker called me back every Friday, even when there was nothing new.';
    const id = await applyTo(ed, theirs);
    const after = await applyTo(ed, 'The forms I filled in at the library with a volunteer.');
    await waitFor(() => paintedTexts(grounded, ed.document).includes(theirs), SETTLE_MS, 'painted');
    await store.flush();
    const resolved = CONFLICTED.replace(/<<<<<<< HEAD\n.*\n=======\n/, '').replace('>>>>>>> coder-b\n', '');
    writeWorkspaceFile(OTHER, resolved);
    await waitFor(() => ed.document.getText() === resolved, SETTLE_MS, 'the resolved file reloaded');
    await waitFor(() => paintedTexts(grounded, ed.document).includes(theirs), SETTLE_MS, `the kept side stays coded: ${paintedTexts(grounded, ed.document).join(' | ')}`);
    assert.ok(paintedTexts(grounded, ed.document).includes('The forms I filled in at the library with a volunteer.'));
    assert.deepEqual(grounded.needsReview.itemsOf(OTHER).map((i) => i.segmentId).filter((s) => s === id || s === after), []);
  });

  it('keeps the coding of an unsaved transcript changed on disk on the words in the editor', async () => {
    const grounded = await api();
    const store = grounded.store()!;
    const ed = await writeAndOpenTranscript(OTHER, CONFLICTED.replace(/<<<<<<< HEAD\n.*\n=======\n/, '').replace('>>>>>>> coder-b\n', ''));
    const doc = ed.document;
    await ed.edit((e) => e.insert(new vscode.Position(0, 0), '# Ada, second interview\n\n'));
    assert.ok(doc.isDirty);
    // A pull changes the file under the unsaved editor: VS Code keeps the editor's text.
    writeWorkspaceFile(OTHER, `${readWorkspaceFile(OTHER)}\n**Interviewer:** Thank you.\n`);
    await waitFor(async () => (await vscode.workspace.fs.readFile(doc.uri)).length > 0, SETTLE_MS);
    const phrase = 'The forms I filled in at the library';
    const id = await applyTo(ed, phrase);
    await store.flush();
    const segment = (await store.getCoding(OTHER)).coders.flatMap((c) => c.segments).find((s) => s.id === id)!;
    assert.equal(segment.quote.exact, phrase);
    await waitFor(() => paintedTexts(grounded, doc).includes(phrase), SETTLE_MS, 'painted on the editor text');
  });

  it('keeps a passage coded by a quick key exact when the researcher types inside it at once', async () => {
    const grounded = await api();
    const store = grounded.store()!;
    const ed = await writeAndOpenTranscript(OTHER, CONFLICTED.replace(/<<<<<<< HEAD\n.*\n=======\n/, '').replace('>>>>>>> coder-b\n', ''));
    const doc = ed.document;
    const phrase = 'The forms I filled in at the library with a volunteer.';
    select(ed, phrase);
    const inside = doc.positionAt(doc.getText().indexOf(phrase) + 'The forms'.length);
    const applying = vscode.commands.executeCommand<string>('grounded.coding.applyCode', { codes: ['Probe'] });
    const typing = ed.edit((e) => e.insert(inside, ' and letters'));
    const [id, typed] = await Promise.all([applying, typing]);
    assert.ok(typed, 'the editor took the typing');
    const grown = 'The forms and letters I filled in at the library with a volunteer.';
    await waitFor(() => paintedTexts(grounded, doc).includes(grown), SETTLE_MS, `the segment grows with the typing: ${paintedTexts(grounded, doc).join(' | ')}`);
    assert.equal(grounded.needsReview.itemsOf(OTHER).filter((i) => i.segmentId === id).length, 0, 'nothing to review');
    assert.ok(store);
  });
});
