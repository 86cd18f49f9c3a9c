import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PaintedCoding } from '../../src/vscode/coding/decorations';
import type { GroundedApi } from '../../src/vscode/extension';
import { openTranscript, SETTLE_MS, TEST_MS, waitFor } from './harness';
import { groundedApi as api, useTranscriptCopy, type TranscriptFixture } from './keyboard-fixture';

const TRANSCRIPT = 'interviews/decorations/tomasz.md';
const OUTER = 'Somebody made a plan, and I walked into the plan.';
const INNER = 'I walked into the plan';

/** What the editor paints, with the fills, gutter and names the painter reports beside each code's ranges. */
function painted(grounded: GroundedApi, document: vscode.TextDocument): PaintedCoding {
  return grounded.paintedRanges(document) as PaintedCoding;
}

const texts = (document: vscode.TextDocument, ranges: readonly vscode.Range[] | undefined): string[] => (ranges ?? []).map((r) => document.getText(r));

describe('decorations with many codes', function () {
  this.timeout(TEST_MS);
  let editor: vscode.TextEditor;
  let outer: string;
  let inner: string;
  let fixture: TranscriptFixture;

  before(async () => {
    fixture = await useTranscriptCopy('interviews/p02-tomasz.md', TRANSCRIPT, 'Decorations Tester');
    const grounded = await api();
    editor = await openTranscript(TRANSCRIPT);
    const select = (phrase: string): void => {
      const start = editor.document.getText().indexOf(phrase);
      assert.ok(start >= 0, phrase);
      editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + phrase.length));
    };
    select(OUTER);
    await vscode.commands.executeCommand('grounded.coding.applyCode', { codes: ['Overlap outer'] });
    select(INNER);
    await vscode.commands.executeCommand('grounded.coding.applyCode', { codes: ['Overlap inner'] });
    const codebook = grounded.store()!.codebook();
    outer = codebook.all().find((c) => c.name === 'Overlap outer')!.id;
    inner = codebook.all().find((c) => c.name === 'Overlap inner')!.id;
  });

  after(async () => {
    await vscode.commands.executeCommand('grounded.decorations.toggleCoding', false);
    await vscode.commands.executeCommand('grounded.decorations.showAllCodes');
    await vscode.workspace.getConfiguration('grounded').update('decorations.showCodeNames', undefined, vscode.ConfigurationTarget.Global);
    await fixture.restore();
  });

  it('fills overlapping text with the innermost segment\'s colour and marks every code on the line in the gutter', async () => {
    const grounded = await api();
    const { document } = editor;
    await waitFor(() => painted(grounded, document).fills.get(inner)?.length, SETTLE_MS, 'the inner code painted');
    const p = painted(grounded, document);
    assert.deepEqual(texts(document, p.get(outer)), [OUTER], 'the outer code still marks its whole segment');
    assert.deepEqual(texts(document, p.get(inner)), [INNER]);
    assert.deepEqual(texts(document, p.fills.get(inner)), [INNER], 'the inner segment shows its own colour');
    assert.deepEqual(texts(document, p.fills.get(outer)), ['Somebody made a plan, and ', '.'], 'the outer colour fills the rest');
    const line = document.positionAt(document.getText().indexOf(OUTER)).line;
    const codebook = grounded.store()!.codebook();
    const colors = p.gutter.find((g) => g.line === line)?.colors ?? [];
    for (const code of [outer, inner]) assert.ok(colors.includes(codebook.get(code)!.color), `the gutter of line ${line} shows ${codebook.get(code)!.name}`);
    assert.deepEqual(p.names, [], 'no code names unless asked for');
  });

  it('shows code names after each segment when the setting is on, as inlay hints', async () => {
    const grounded = await api();
    const { document } = editor;
    assert.equal(await vscode.commands.executeCommand<boolean>('grounded.decorations.toggleCodeNames'), true);
    await waitFor(() => painted(grounded, document).names.length > 0, SETTLE_MS, 'code names painted');
    const names = painted(grounded, document).names;
    const end = document.getText().indexOf(OUTER) + OUTER.length;
    const atEnd = names.find((n) => document.offsetAt(n.range.start) === end);
    assert.equal(atEnd?.text, '‹Overlap outer›');
    const innerEnd = names.find((n) => document.offsetAt(n.range.start) === document.getText().indexOf(INNER) + INNER.length);
    assert.equal(innerEnd?.text, '‹Overlap inner›');
    // The names reach the editor as inlay hints, which wrap with the text.
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const hints = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, whole);
      return found.some((h) => h.label === '‹Overlap outer›') ? found : undefined;
    }, SETTLE_MS, 'the inlay hint with the outer code\'s name');
    const hint = hints.find((h) => h.label === '‹Overlap outer›')!;
    assert.equal(document.offsetAt(hint.position), end);
    assert.equal(await vscode.commands.executeCommand<boolean>('grounded.decorations.toggleCodeNames'), false);
    await waitFor(() => painted(grounded, document).names.length === 0, SETTLE_MS, 'code names gone');
  });

  it('hides all coding and shows it again', async () => {
    const grounded = await api();
    const { document } = editor;
    const before = painted(grounded, document).size;
    assert.ok(before >= 2, `${before} codes painted`);
    assert.equal(await vscode.commands.executeCommand<boolean>('grounded.decorations.toggleCoding'), true);
    await waitFor(() => painted(grounded, document).size === 0, SETTLE_MS, 'nothing painted');
    assert.equal(painted(grounded, document).fills.size, 0);
    assert.equal(painted(grounded, document).gutter.length, 0);
    assert.equal(await vscode.commands.executeCommand<boolean>('grounded.decorations.toggleCoding'), false);
    await waitFor(() => painted(grounded, document).size === before, SETTLE_MS, 'coding painted again');
  });

  it('shows only the chosen codes, then all again', async () => {
    const grounded = await api();
    const { document } = editor;
    const all = painted(grounded, document).size;
    const shown = await vscode.commands.executeCommand<ReadonlySet<string>>('grounded.decorations.filterCodes', { codes: ['Overlap outer'] });
    assert.deepEqual([...(shown ?? [])], [outer]);
    await waitFor(() => painted(grounded, document).size === 1, SETTLE_MS, 'one code painted');
    const p = painted(grounded, document);
    assert.deepEqual(texts(document, p.fills.get(outer)), [OUTER], 'with the inner code hidden, the outer one fills its whole segment');
    await vscode.commands.executeCommand('grounded.decorations.showAllCodes');
    await waitFor(() => painted(grounded, document).size === all, SETTLE_MS, 'every code painted again');
  });
});
