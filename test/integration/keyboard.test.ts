import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { GroundedApi } from '../../src/vscode/extension';
import { openTranscript, TEST_MS, workspaceFileExists } from './harness';
import { codePickerShown, groundedApi as api, storedSegments, useTranscriptCopy, type StoredSegment, type TranscriptFixture } from './keyboard-fixture';

const TRANSCRIPT = 'interviews/keyboard/lucia.md';
let fixture: TranscriptFixture;

const stored = (): Promise<StoredSegment[]> => storedSegments(fixture);

async function segment(id: string | undefined): Promise<StoredSegment> {
  assert.ok(id, 'the command returned a segment id');
  const found = (await stored()).find((s) => s.id === id);
  assert.ok(found, `segment ${id} is on disk`);
  return found;
}

function codeId(grounded: GroundedApi, name: string): string {
  const code = grounded.store()!.codebook().all().find((c) => c.name === name);
  assert.ok(code, `the codebook has "${name}"`);
  return code.id;
}

async function editor(): Promise<vscode.TextEditor> {
  return openTranscript(TRANSCRIPT);
}

function select(ed: vscode.TextEditor, phrase: string, occurrence = 0): vscode.Selection {
  const text = ed.document.getText();
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(phrase, start + 1);
  assert.ok(start >= 0, `the transcript contains "${phrase}"`);
  ed.selection = new vscode.Selection(ed.document.positionAt(start), ed.document.positionAt(start + phrase.length));
  return ed.selection;
}

function cursorAt(ed: vscode.TextEditor, phrase: string, delta = 0): void {
  const at = ed.document.getText().indexOf(phrase) + delta;
  ed.selection = new vscode.Selection(ed.document.positionAt(at), ed.document.positionAt(at));
}

const selectedText = (ed: vscode.TextEditor): string => ed.document.getText(ed.selection);

describe('keyboard coding', function () {
  this.timeout(TEST_MS);

  before(async () => {
    fixture = await useTranscriptCopy('interviews/p03-lucia.md', TRANSCRIPT, 'Keyboard Tester');
  });

  after(async () => {
    await fixture.restore();
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('grounded.coding.toggleLineByLine', false);
  });

  it('applies the highlighted code with Enter, and several codes after "Apply several codes…"', async () => {
    const grounded = await api();
    const ed = await editor();
    select(ed, 'It looked so real.');
    let shown = codePickerShown(grounded);
    const single = vscode.commands.executeCommand<string>('grounded.coding.applyCode');
    await shown;
    await vscode.commands.executeCommand('quickInput.accept');
    const first = await segment(await single);
    assert.equal(first.exact, 'It looked so real.');
    assert.equal(first.codes.length, 1);

    select(ed, 'It\'s a trap with a job inside.');
    shown = codePickerShown(grounded);
    const several = vscode.commands.executeCommand<string>('grounded.coding.applyCode');
    await shown;
    await vscode.commands.executeCommand('quickInput.previous'); // wraps to the last entry
    const ticking = codePickerShown(grounded, true);
    await vscode.commands.executeCommand('quickInput.accept');
    await ticking;
    for (let i = 0; i < 2; i++) {
      await vscode.commands.executeCommand('quickInput.next');
      await vscode.commands.executeCommand('quickInput.toggleCheckbox');
    }
    await vscode.commands.executeCommand('quickInput.accept');
    const both = await segment(await several);
    assert.equal(both.exact, 'It\'s a trap with a job inside.');
    assert.equal(both.codes.length, 2, `two codes ticked: ${JSON.stringify(both.codes)}`);
    assert.ok(both.codes.every((c) => grounded.store()!.codebook().get(c)), 'both are codes of the codebook');
  });

  it('applies quick codes 1–9 (pinned first, keys that stay put) and repeats the last codes', async () => {
    const grounded = await api();
    const ed = await editor();
    const [mistrust, hope] = [codeId(grounded, 'Mistrust'), codeId(grounded, 'Hope')];
    assert.deepEqual(await vscode.commands.executeCommand<string[]>('grounded.coding.pinCodes', { codes: ['Mistrust', 'Hope'] }), [mistrust, hope]);
    try {
      select(ed, 'Cold at night, even in June.');
      assert.deepEqual((await segment(await vscode.commands.executeCommand<string>('grounded.coding.applyQuickCode2'))).codes, [hope], 'slot 2: the second pin');
      select(ed, 'Nobody tells you what is true.');
      assert.deepEqual((await segment(await vscode.commands.executeCommand<string>('grounded.coding.applyQuickCode1'))).codes, [mistrust], 'slot 1: the first pin, even after slot 2 was used');
    } finally {
      await vscode.commands.executeCommand('grounded.coding.pinCodes', { codes: ['Mistrust', 'Hope'] });
    }
    select(ed, 'She taught us all the tricks.');
    await segment(await vscode.commands.executeCommand<string>('grounded.coding.applyCode', { codes: ['Peer support', 'Practical help'] }));
    select(ed, 'which supervisor was okay, which one you avoid');
    const repeated = await segment(await vscode.commands.executeCommand<string>('grounded.coding.repeatLastCode'));
    assert.deepEqual(new Set(repeated.codes), new Set([codeId(grounded, 'Peer support'), codeId(grounded, 'Practical help')]), 'both codes applied last are repeated');
    const empty = await vscode.commands.executeCommand<string | undefined>('grounded.coding.applyQuickCode9');
    assert.equal(empty, undefined, 'an empty quick key applies nothing');
  });

  it('creates an in-vivo code from the selected words and applies it', async () => {
    const grounded = await api();
    const ed = await editor();
    select(ed, 'It\'s not a job.');
    const id = await vscode.commands.executeCommand<string>('grounded.coding.inVivoCode');
    const coded = await segment(id);
    const code = grounded.store()!.codebook().get(coded.codes[0]);
    assert.equal(code?.name, 'It\'s not a job');
    assert.equal(code?.parent, null);
    await grounded.store()!.flush();
    assert.ok(workspaceFileExists(`.grounded/codes/${code!.id}.json`), 'the new code has its file');
  });

  it('codes the sentence, paragraph and speaker turn at the cursor, without the speaker label', async () => {
    const ed = await editor();
    cursorAt(ed, 'Rosa hid them');
    const sentence = await segment(await vscode.commands.executeCommand<string>('grounded.coding.codeSentence', { codes: ['Peer support'] }));
    assert.equal(sentence.exact, 'Rosa hid them in the caravan under the mattress.');
    cursorAt(ed, '**Lucía:** Mixed.', 3);
    const turn = await segment(await vscode.commands.executeCommand<string>('grounded.coding.codeTurn', { codes: ['Bureaucracy'] }));
    assert.ok(turn.exact.startsWith('Mixed. Some people amazing.'), turn.exact);
    assert.ok(!turn.exact.includes('Lucía:'), 'the label is left out');
    cursorAt(ed, 'My story didn\'t change.');
    const paragraph = await segment(await vscode.commands.executeCommand<string>('grounded.coding.codeParagraph', { codes: ['Language'] }));
    assert.ok(paragraph.exact.startsWith('No, no, it\'s okay.') && paragraph.exact.endsWith('My English changed. [laughs]'), paragraph.exact);
    assert.equal(selectedText(ed), paragraph.exact, 'the coded unit is selected');
  });

  it('codes a transcript line by line: each quick key codes one participant line and moves to the next', async () => {
    const grounded = await api();
    const ed = await editor();
    await vscode.commands.executeCommand('grounded.coding.pinCodes', { codes: ['Language', 'Bureaucracy'] });
    cursorAt(ed, '**Interviewer:** What about your own plans now?');
    const on = await vscode.commands.executeCommand<boolean>('grounded.coding.toggleLineByLine');
    assert.equal(on, true);
    assert.ok(selectedText(ed).startsWith('I have a new visa now'), `the first participant line after the cursor is selected: ${selectedText(ed)}`);
    const expected = ['I have a new visa now', 'The other women.', 'Go to where people are.', 'Gracias a ti.'];
    // Pressed in quick succession, each key still codes the next line.
    const ids = await Promise.all(expected.map((_, i) => vscode.commands.executeCommand<string>(i % 2 === 0 ? 'grounded.coding.applyQuickCode1' : 'grounded.coding.applyQuickCode2')));
    const coded = await Promise.all(ids.map((id) => segment(id)));
    assert.equal(new Set(coded.map((c) => c.id)).size, expected.length, 'four segments, not one coded four times');
    coded.forEach((s, i) => assert.ok(s.exact.startsWith(expected[i]), `unit ${i + 1}: ${s.exact}`));
    assert.ok(coded.every((s) => !s.exact.includes('Interviewer') && !s.exact.includes('Lucía:')), 'no interviewer line and no label is coded');
    const [language, bureaucracy] = [codeId(grounded, 'Language'), codeId(grounded, 'Bureaucracy')];
    assert.deepEqual(coded.map((s) => s.codes), [[language], [bureaucracy], [language], [bureaucracy]], 'quick keys 1 and 2 alternate');
    assert.equal(await vscode.commands.executeCommand<boolean>('grounded.coding.toggleLineByLine'), false);
    await vscode.commands.executeCommand('grounded.coding.pinCodes', { codes: ['Language', 'Bureaucracy'] });
  });

  it('moves between coded segments, of one code too, between units and to the next uncoded passage', async () => {
    const grounded = await api();
    const ed = await editor();
    const text = ed.document.getText().replace(/\r\n/g, '\n');
    const from = text.indexOf('**Interviewer:** How many people');
    const peer = codeId(grounded, 'Peer support');
    const coding = await grounded.store()!.getCoding(TRANSCRIPT);
    const peerStarts = coding.coders.flatMap((c) => c.segments).filter((s) => s.codes.includes(peer)).map((s) => text.indexOf(s.quote.exact));
    cursorAt(ed, '**Interviewer:** How many people');
    await vscode.commands.executeCommand('grounded.coding.nextSegmentOfCode', { code: 'Peer support' });
    const landed = ed.document.offsetAt(ed.selection.start);
    assert.equal(landed, Math.min(...peerStarts.filter((p) => p > from)), 'the first segment of the code after the cursor');
    await vscode.commands.executeCommand('grounded.coding.previousSegment');
    assert.ok(ed.document.offsetAt(ed.selection.start) < landed, 'the previous coded segment of any code comes before it');
    assert.ok(!ed.selection.isEmpty);

    cursorAt(ed, '**Interviewer:** Okay, we\'re recording.');
    const unit = await vscode.commands.executeCommand<{ start: number; end: number }>('grounded.coding.nextUnit');
    assert.ok(unit && selectedText(ed).startsWith('Yes. So, I came with a seasonal visa'), selectedText(ed));
    await vscode.commands.executeCommand('grounded.coding.nextUnit');
    assert.ok(selectedText(ed).startsWith('The first weeks, okay.'), selectedText(ed));
    await vscode.commands.executeCommand('grounded.coding.previousUnit');
    assert.ok(selectedText(ed).startsWith('Yes. So, I came'), selectedText(ed));

    cursorAt(ed, '**Interviewer:** Okay, we\'re recording.');
    await vscode.commands.executeCommand('grounded.coding.nextUncoded');
    const mine = await stored();
    const uncoded = { start: ed.document.offsetAt(ed.selection.start), end: ed.document.offsetAt(ed.selection.end) };
    assert.ok(uncoded.end > uncoded.start, 'an uncoded passage is selected');
    assert.ok(mine.every((s) => s.end <= uncoded.start || s.start >= uncoded.end), 'none of my segments touches it');
    assert.ok(selectedText(ed).startsWith('The first weeks, okay.'), `the first participant line without my coding: ${selectedText(ed)}`);
  });

  it('fits a segment to the selection, comments on it and removes all codes at the cursor', async () => {
    const ed = await editor();
    select(ed, 'Everybody believed it.');
    const id = await vscode.commands.executeCommand<string>('grounded.coding.applyCode', { codes: ['Hope'] });
    select(ed, 'I believed it. [laughs] Everybody believed it.');
    assert.equal(await vscode.commands.executeCommand<boolean>('grounded.coding.resizeSegment', { segment: id }), true);
    assert.equal((await segment(id)).exact, 'I believed it. [laughs] Everybody believed it.');
    cursorAt(ed, '[laughs] Everybody believed');
    assert.equal(await vscode.commands.executeCommand<boolean>('grounded.coding.commentSegment', { segment: id, comment: 'Hope and trust together' }), true);
    assert.equal((await segment(id)).comment, 'Hope and trust together');
    cursorAt(ed, 'believed it. [laughs]');
    const before = (await stored()).length;
    const removed = await vscode.commands.executeCommand<number>('grounded.coding.removeAllCodes');
    assert.ok(removed >= 1, `removed ${removed}`);
    const after = await stored();
    assert.ok(!after.some((s) => s.id === id), 'the segment is gone from disk');
    assert.ok(after.length < before);
  });
});
