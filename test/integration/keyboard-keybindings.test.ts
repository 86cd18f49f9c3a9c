import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { openTranscript, readWorkspaceFile, TEST_MS } from './harness';
import { groundedApi as api, useTranscriptCopy, type TranscriptFixture } from './keyboard-fixture';

interface Keybinding {
  command: string;
  key: string;
  win?: string;
  mac?: string;
  when?: string;
  args?: unknown;
}

interface Manifest {
  contributes: { keybindings: Keybinding[]; commands: { command: string }[] };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as Manifest;
/** The keyboard coding commands: applying, moving, editing segments at the cursor, showing coding. */
const KEYBOARD_COMMAND = /^grounded\.(coding\.(apply|repeat|inVivo|code|toggleLineByLine|next|previous|pin|remove|resize|comment)|decorations\.)/;
const ours = manifest.contributes.keybindings.filter((k) => KEYBOARD_COMMAND.test(k.command));
const platforms = { linux: (k: Keybinding) => k.key, win: (k: Keybinding) => k.win ?? k.key, mac: (k: Keybinding) => k.mac ?? k.key };

/** The command and arguments a key press runs (Linux keys: the tests run on Linux). */
function boundTo(key: string): Keybinding {
  const found = ours.find((k) => k.key === key);
  assert.ok(found, `${key} is bound`);
  return found;
}

/**
 * VS Code's own keybindings (and those of its built-in extensions) that could run in a focused
 * transcript editor: those whose `when` clause does not require some other part of the window to
 * have focus, or a widget to be open.
 */
const ELSEWHERE = /terminalFocus|inQuickInput|inChat|chatIsEnabled && inChat|!editorFocus|!editorTextFocus|focusedView|listFocus|inKeybindings|notebook|findInputFocussed|replaceInputFocussed|searchViewletVisible|replaceActive|accessibleView|inReferenceSearchEditor|breadcrumbs|debugState|inDebugRepl|suggestWidgetVisible|interactiveEditor|inlineChat|terminal|fileMatchOrFolderMatch|explorerViewletFocus|filesExplorerFocus|watchExpressionsFocused|variablesFocused|editorHasSelection && editorHasMultipleSelections/;

const TRANSCRIPT = 'interviews/keyboard/mei.md';

describe('keyboard coding: keybindings', function () {
  this.timeout(TEST_MS);
  let fixture: TranscriptFixture;

  before(async () => {
    fixture = await useTranscriptCopy('interviews/p05-mei.md', TRANSCRIPT, 'Keybinding Tester');
  });

  after(async () => {
    await fixture.restore();
  });

  it('binds only declared commands, in transcript editors only, each key once per platform', () => {
    const declared = new Set(manifest.contributes.commands.map((c) => c.command));
    for (const k of ours) {
      assert.ok(declared.has(k.command), `${k.command} is declared`);
      assert.match(k.when ?? '', /grounded\.isTranscript/, `${k.command} is bound in transcripts only`);
    }
    for (const [platform, keyOf] of Object.entries(platforms)) {
      const keys = ours.map(keyOf);
      assert.equal(new Set(keys).size, keys.length, `no key is bound twice on ${platform}: ${keys.filter((k, i) => keys.indexOf(k) !== i).join(', ')}`);
      // A two-key chord's first key may not be bound on its own.
      const chordStarts = new Set(keys.filter((k) => k.includes(' ')).map((k) => k.split(' ')[0]));
      for (const start of chordStarts) assert.ok(!keys.includes(start), `${start} starts a chord on ${platform}`);
    }
  });

  it('uses no Ctrl+Alt chord on Windows, where Ctrl+Alt is AltGr and types characters', () => {
    for (const k of ours) {
      const key = platforms.win(k).split(' ')[0];
      assert.ok(!/^ctrl\+alt\+/.test(key), `${k.command}: ${key}`);
    }
  });

  it('takes no key VS Code or its built-in extensions use in a text editor (this platform\'s defaults)', async () => {
    const defaults = await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode://defaultsettings/keybindings.json'));
    const entries = [...defaults.getText().matchAll(/\{ "key": "([^"]+)",\s*"command": "([^"]+)"(?:,\s*"when": "((?:[^"\\]|\\.)*)")?/g)].map((m) => ({ key: m[1], command: m[2], when: m[3] ?? '' }));
    assert.ok(entries.length > 500, `the default keybindings were read (${entries.length})`);
    const others = entries.filter((e) => !e.command.startsWith('grounded.') && !e.command.startsWith('-'));
    for (const k of ours) {
      const first = k.key.split(' ')[0];
      const clashes = others.filter((e) => (e.key === k.key || e.key.split(' ')[0] === first) && !ELSEWHERE.test(e.when));
      assert.deepEqual(clashes, [], `${k.key} (${k.command}) is free in a text editor`);
    }
  });

  it('runs each quick key chord: Ctrl+Alt+1 to Ctrl+Alt+9 apply the nine pinned codes in order', async () => {
    const grounded = await api();
    const store = grounded.store()!;
    const nine = store.codebook().all().filter((c) => c.parent !== null).slice(0, 9).map((c) => c.id);
    assert.equal(nine.length, 9);
    const pinnedBefore = await vscode.commands.executeCommand<string[]>('grounded.coding.pinCodes', { codes: [] });
    await vscode.commands.executeCommand('grounded.coding.pinCodes', { codes: pinnedBefore });
    await vscode.commands.executeCommand('grounded.coding.pinCodes', { codes: nine });
    const editor = await openTranscript(TRANSCRIPT);
    const lines = editor.document.getText().split('\n');
    const prose = lines.map((l, i) => ({ l, i })).filter(({ l }) => /^\*\*Mei:\*\* /.test(l)).slice(0, 9);
    assert.equal(prose.length, 9, 'nine of Mei\'s turns to code');
    try {
      for (let slot = 1; slot <= 9; slot++) {
        const { l, i } = prose[slot - 1];
        const start = l.indexOf(' ', 9) + 1;
        editor.selection = new vscode.Selection(i, start, i, l.length);
        const { command, args } = boundTo(`ctrl+alt+${slot}`);
        const id = await vscode.commands.executeCommand<string>(command, args);
        await store.flush();
        const file = readWorkspaceFile(fixture.codingFile);
        const record = file.split('\n').filter(Boolean).map((r) => JSON.parse(r) as { id?: string; codes?: string[] }).find((r) => r.id === id);
        assert.deepEqual(record?.codes, [nine[slot - 1]], `Ctrl+Alt+${slot} applies pinned code ${slot}`);
      }
    } finally {
      await vscode.commands.executeCommand('grounded.coding.pinCodes', { codes: nine });
    }
  });

  it('runs the chords for line-by-line mode, apply, repeat and next unit', async () => {
    const editor = await openTranscript(TRANSCRIPT);
    const toggle = boundTo('ctrl+alt+u m');
    editor.selection = new vscode.Selection(editor.document.lineCount - 1, 0, editor.document.lineCount - 1, 0);
    assert.equal(await vscode.commands.executeCommand<boolean>(toggle.command, toggle.args), true);
    try {
      const before = editor.selection;
      const next = boundTo("ctrl+alt+'");
      await vscode.commands.executeCommand(next.command, next.args);
      assert.ok(editor.selection.isEqual(before), 'no unit after the last line: the selection stays');
      const previous = boundTo('ctrl+alt+;');
      await vscode.commands.executeCommand(previous.command, previous.args);
      assert.ok(!editor.selection.isEmpty, 'the last participant line is selected');
      const apply = boundTo('ctrl+alt+c');
      assert.equal(apply.command, 'grounded.coding.applyCode');
      const repeat = boundTo('ctrl+alt+a');
      const id = await vscode.commands.executeCommand<string>(repeat.command, repeat.args);
      assert.ok(id, 'repeat applied the last codes to the selected unit');
    } finally {
      await vscode.commands.executeCommand(toggle.command, false);
    }
  });
});
