// One researcher's way through a grounded theory analysis of one interview, with the commands a
// researcher uses: line-by-line initial coding, gathering initial codes into focused codes,
// relating the categories, a theoretical memo that cites a segment and a code, the codebook and
// memo exports, and the coding diff a reviewer reads afterwards (`grounded diff` on a git copy).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import * as vscode from 'vscode';
import { diffCommand } from '../../src/cli/commands/diff';
import { escapeMarkdown } from '../../src/core/analysis/render/table-text';
import { inline } from '../../src/core/coding-review';
import type { CodeId } from '../../src/core/model';
import type { GatherResult } from '../../src/core/storage/code-gathering';
import type { CodebookNode } from '../../src/vscode/codebook/codebook-tree';
import type { CodePickerShown } from '../../src/vscode/coding/code-picker';
import { saveDocument } from '../../src/vscode/ui/save-document';
import { openTranscript, readWorkspaceFile, TEST_MS, workspacePath, workspaceRoot } from './harness';
import { answeringQuickPicks } from './harness/answer-quick-picks';
import { groundedApi, useTranscriptCopy, type TranscriptFixture } from './keyboard-fixture';

const TRANSCRIPT = 'interviews/flow/tomasz.md';
const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.invalid' };

/** The initial codes, one per participant line, in the order the lines come. */
const INITIAL = ['Everything taken out of the wage', 'Sharing with the other men', 'Boss keeps the ID card', 'Fixing it myself'];
const HELD = 'Held by debt and papers';
const ALONE = 'Men among men';

interface StoredSegment {
  id: string;
  codes: string[];
  exact: string;
  round?: string;
  gathered?: Record<string, string[]>;
}

function select(editor: vscode.TextEditor, phrase: string): void {
  const start = editor.document.getText().indexOf(phrase);
  assert.ok(start >= 0, `the transcript contains "${phrase}"`);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + phrase.length));
}

function tooltipOf(item: vscode.TreeItem): string {
  return item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '');
}

/** Answers Relate Code…'s pickers (kind of relation, target) and its note, as the researcher would. */
async function relating<T>(type: string, target: string, note: string, action: () => Thenable<T>): Promise<T> {
  const window = vscode.window as typeof vscode.window & Record<string, unknown>;
  const original = window.showInputBox;
  window.showInputBox = (async () => note) as typeof window.showInputBox;
  try {
    return (await answeringQuickPicks([type, target], action)).result;
  } finally {
    window.showInputBox = original;
  }
}

/** A copy of the project's files in a git repository of its own, outside the test workspace. */
class GitCopy {
  readonly dir = mkdtempSync(join(tmpdir(), 'grounded-flow-'));

  /** Replaces the copy's files with the workspace's as they are now (the repository is kept). */
  refresh(): void {
    for (const entry of readdirSync(this.dir)) if (entry !== '.git') rmSync(join(this.dir, entry), { recursive: true, force: true });
    cpSync(workspaceRoot(), this.dir, { recursive: true, filter: (path) => !/[\\/]\.git$/.test(path) });
  }

  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: GIT_ENV, encoding: 'utf8' });
  }

  /** What `grounded diff DIR HEAD` prints: the working copy against the last commit. */
  async diff(): Promise<string> {
    let out = '';
    let err = '';
    const code = await diffCommand.run([this.dir, 'HEAD'], {}, { out: (t) => void (out += t), err: (t) => void (err += t), cwd: this.dir });
    assert.equal(code, 0, err);
    return out;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

describe('the grounded theory flow, from initial coding to the exports and the review', function () {
  this.timeout(TEST_MS);
  let fixture: TranscriptFixture;
  const leftovers: string[] = [];

  before(async () => {
    await vscode.commands.executeCommand('grounded.rounds.switch', 'initial');
    fixture = await useTranscriptCopy('interviews/p02-tomasz.md', TRANSCRIPT, 'Flow Tester');
  });

  after(async () => {
    await vscode.commands.executeCommand('grounded.coding.toggleLineByLine', false);
    await vscode.commands.executeCommand('grounded.rounds.switch', 'initial');
    await fixture.restore();
    for (const path of leftovers) rmSync(path, { recursive: true, force: true });
  });

  it('codes line by line, gathers, relates, memos, exports, and the diff says so in words', async () => {
    const grounded = await groundedApi();
    const store = grounded.store()!;
    const stored = async (): Promise<StoredSegment[]> => {
      await store.flush();
      return readWorkspaceFile(fixture.codingFile).trimEnd().split('\n').slice(1).map((l) => JSON.parse(l) as StoredSegment);
    };

    // Initial coding, line by line: each participant line gets a code named in the researcher's words.
    const editor = await openTranscript(TRANSCRIPT);
    const cursor = editor.document.positionAt(editor.document.getText().indexOf('Interviewer: Taken out how?'));
    editor.selection = new vscode.Selection(cursor, cursor);
    assert.equal(await vscode.commands.executeCommand<boolean>('grounded.coding.toggleLineByLine'), true);
    const segmentIds: string[] = [];
    for (const name of INITIAL) segmentIds.push((await vscode.commands.executeCommand<string>('grounded.coding.applyCode', { codes: [name] }))!);
    await vscode.commands.executeCommand('grounded.coding.toggleLineByLine', false);
    const initial = INITIAL.map((name) => store.codebook().all().find((c) => c.name === name)!);
    assert.ok(initial.every((c) => c?.round === 'initial'), 'the initial codes are recorded in the initial round');
    const coded = await stored();
    assert.deepEqual(segmentIds.map((id) => coded.find((s) => s.id === id)?.codes), initial.map((c) => [c.id]));
    assert.ok(coded.find((s) => s.id === segmentIds[0])!.exact.startsWith('For the room, for the van'), 'the first participant line after the cursor, without its label');
    assert.ok(coded.every((s) => s.round === 'initial'));

    // The reviewer's "before": the project as committed after initial coding.
    const repository = new GitCopy();
    leftovers.push(repository.dir);
    repository.refresh();
    repository.git('init', '-q');
    repository.git('add', '-A');
    repository.git('commit', '-q', '-m', 'initial coding of Tomasz');

    // Focused coding: two categories, each gathering two initial codes (a multi-selection in the Codebook).
    await vscode.commands.executeCommand('grounded.rounds.switch', 'focused');
    const gather = async (codes: CodeId[], name: string): Promise<GatherResult> => {
      const nodes: CodebookNode[] = codes.map((id) => ({ kind: 'code', id }));
      return (await vscode.commands.executeCommand<GatherResult>('grounded.codebook.gatherCodes', nodes[0], nodes, name))!;
    };
    const held = await gather([initial[0].id, initial[2].id], HELD);
    const alone = await gather([initial[1].id, initial[3].id], ALONE);
    assert.deepEqual([held.segments, alone.segments], [2, 2]);
    const recoded = await stored();
    const carries = (id: string): StoredSegment => recoded.find((s) => s.id === id)!;
    assert.deepEqual(segmentIds.map((id) => carries(id).codes), [[held.category], [alone.category], [held.category], [alone.category]], 'every gathered segment carries its category instead');
    assert.deepEqual(carries(segmentIds[2]).gathered, { [held.category]: [initial[2].id] }, 'and records what it gave up');
    assert.equal(carries(segmentIds[0]).round, 'initial', 'a gathered segment keeps the round it was made in');
    const category = store.codebook().get(held.category)!;
    assert.equal(category.round, 'focused');
    assert.deepEqual(category.gathered?.map((r) => [r.codes.map((c) => c.name), r.segments, r.by.name]), [[[INITIAL[0], INITIAL[2]], 2, 'Flow Tester']]);
    assert.equal(store.codebook().get(initial[0].id)?.gatheredInto, held.category);
    // The Codebook shows where a gathered code went, in its description and tooltip.
    const gatheredItem = (await grounded.codebookTree.getTreeItem({ kind: 'code', id: initial[0].id })) as vscode.TreeItem;
    assert.match(String(gatheredItem.description), new RegExp(`^0 · gathered into ${HELD}$`));
    assert.match(tooltipOf(gatheredItem), new RegExp(`Gathered into ${HELD}: its segments carry that code now`));

    // Theoretical coding: relate the categories, then write a memo about both.
    await vscode.commands.executeCommand('grounded.rounds.switch', 'theoretical');
    const note = 'the debt and the papers keep each man on his own';
    assert.equal(await relating('leads to', ALONE, note, () => vscode.commands.executeCommand('grounded.relations.relateCode', { kind: 'code', id: held.category })), 'added');
    assert.deepEqual(store.codebook().get(held.category)?.relations, [{ type: 'leads-to', target: alone.category, note }]);

    const cited = carries(segmentIds[2]);
    const both: CodebookNode[] = [{ kind: 'code', id: held.category }, { kind: 'code', id: alone.category }];
    const { result: memoPath } = await answeringQuickPicks(['Theoretical memo'], () => vscode.commands.executeCommand<string>('grounded.memos.newForCode', both[0], both));
    leftovers.push(workspacePath(memoPath));
    const memoEditor = vscode.window.activeTextEditor!;
    assert.ok(memoEditor.document.uri.path.endsWith(memoPath), 'the new memo is the active editor');
    const thought = `Shame keeps the men apart ([[${alone.category}|${ALONE}]]): "the boss has my ID", e.g. [[${cited.id}|Boss keeps the ID]].`;
    await memoEditor.edit((edit) => edit.insert(memoEditor.selection.active, thought));
    assert.ok(await saveDocument(memoEditor.document), 'the memo is saved');
    assert.match(readWorkspaceFile(memoPath), /^kind: theoretical$/m);

    // The exports hold what was done.
    const out = mkdtempSync(join(tmpdir(), 'grounded-flow-exports-'));
    leftovers.push(out);
    await store.flush();
    await vscode.commands.executeCommand('grounded.codebook.export', 'md', vscode.Uri.file(join(out, 'codebook.md')));
    await vscode.commands.executeCommand('grounded.codebook.export', 'docx', vscode.Uri.file(join(out, 'codebook.docx')));
    await vscode.commands.executeCommand('grounded.memos.exportReport', 'md', vscode.Uri.file(join(out, 'memos.md')));
    const codebook = readFileSync(join(out, 'codebook.md'), 'utf8');
    const section = codebook.slice(codebook.indexOf(`## ${HELD}\n`));
    assert.match(section, new RegExp(`^## ${HELD}\\n\\n\\*2 segments in 1 transcript by 1 coder\\*\\n`));
    assert.match(section, new RegExp(`\\*\\*Gathered:\\*\\* ${INITIAL[0]} and ${INITIAL[2]} \\(2 segments\\), by Flow Tester on \\d{4}-\\d\\d-\\d\\d\\n`));
    assert.ok(section.includes(`**Relations:** leads to ${ALONE} — ${note}\n`), section.slice(0, 600));
    assert.match(codebook, new RegExp(`## ${INITIAL[2]}\\n\\n\\*not applied yet\\*\\n\\n\\*\\*Gathered into:\\*\\* ${HELD}\\n`));
    const xml = new TextDecoder().decode(unzipSync(readFileSync(join(out, 'codebook.docx')))['word/document.xml']);
    assert.ok(xml.includes(`${INITIAL[0]} and ${INITIAL[2]} (2 segments), by Flow Tester`), 'the Word codebook says what was gathered');
    assert.ok(xml.includes(`leads to ${ALONE} — ${note}`), 'and how the categories relate');
    const memos = readFileSync(join(out, 'memos.md'), 'utf8');
    const memo = memos.slice(memos.indexOf('## Theoretical memos'));
    assert.ok(memo.includes(`### ${escapeMarkdown(`${HELD}, ${ALONE}`)}\n`), memo.slice(0, 600));
    assert.ok(memo.includes(escapeMarkdown(`Shame keeps the men apart (${ALONE})`)), 'the code reference reads as the code\'s name');
    assert.ok(memo.includes(`> ${escapeMarkdown(cited.exact)}\n>\n> — `), 'the cited segment is quoted');

    // The review: what `grounded diff` says about these steps, in words.
    repository.refresh();
    const review = await repository.diff();
    const lines = review.split('\n');
    assert.ok(lines.includes(`- gathered _${INITIAL[0]}_, _${INITIAL[2]}_ (2 segment(s)) into _${HELD}_ — by Flow Tester`), review);
    assert.ok(lines.includes(`- gathered _${INITIAL[1]}_, _${INITIAL[3]}_ (2 segment(s)) into _${ALONE}_ — by Flow Tester`), review);
    assert.ok(lines.includes(`- related _${HELD}_ leads to _${ALONE}_`), review);
    assert.ok(lines.some((l) => l.startsWith(`- added ${inline(memoPath)}`) && l.includes(ALONE)), review);
    assert.ok(!lines.some((l) => l.startsWith(`- added _${HELD}_`)), 'the gathering line stands for the category it made');
    repository.dispose();
  });
  it('in focused coding offers the category, never a code gathered into it: picker, quick keys, repeat, in-vivo', async () => {
    const grounded = await groundedApi();
    const store = grounded.store()!;
    const segments = async (): Promise<number> => (await store.getCoding(TRANSCRIPT)).coders.reduce((n, c) => n + c.segments.length, 0);
    const told = (pattern: RegExp): boolean => pattern.test(grounded.notifications().at(-1)?.message ?? '');
    await vscode.commands.executeCommand('grounded.rounds.switch', 'initial');
    const editor = await openTranscript(TRANSCRIPT);
    select(editor, 'Mattresses on the floor');
    assert.ok(await vscode.commands.executeCommand<string>('grounded.coding.inVivoCode'));
    select(editor, 'We shared cigarettes, we shared food.');
    assert.ok(await vscode.commands.executeCommand<string>('grounded.coding.applyCode', { codes: ['Sharing what little there is'] }));
    const [mattresses, sharing] = ['Mattresses on the floor', 'Sharing what little there is'].map((name) => store.codebook().all().find((c) => c.name === name)!.id);
    const pinned = (await vscode.commands.executeCommand<string[]>('grounded.coding.pinCodes', { codes: [mattresses, sharing] }))!;
    const key = pinned.indexOf(mattresses) + 1;
    assert.ok(key >= 1 && key <= 8, `pinned on a quick key: ${pinned.join(', ')}`);
    try {
      await vscode.commands.executeCommand('grounded.rounds.switch', 'focused');
      const nodes: CodebookNode[] = [{ kind: 'code', id: mattresses }, { kind: 'code', id: sharing }];
      const { category } = (await vscode.commands.executeCommand<GatherResult>('grounded.codebook.gatherCodes', nodes[0], nodes, 'Crowded together'))!;
      const before = await segments();

      // The apply picker lists the category, findable by the names it gathered, and not the gathered codes.
      const shown = new Promise<CodePickerShown>((resolve) => {
        const listening = grounded.onDidShowCodePicker((picker) => {
          listening.dispose();
          resolve(picker);
        });
      });
      select(editor, 'Three bedrooms.');
      const picking = vscode.commands.executeCommand<string | undefined>('grounded.coding.applyCode');
      const listed = (await shown).codes;
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.equal(await picking, undefined);
      const offered = listed.find((c) => c.id === category);
      assert.ok(offered, 'the category is offered');
      assert.match(offered.description ?? '', /gathered Mattresses on the floor, Sharing what little there is/);
      assert.deepEqual(listed.filter((c) => c.id === mattresses || c.id === sharing), [], 'no gathered code is offered');

      // Its quick key, "repeat last" and in-vivo coding with its name apply nothing, and say why.
      assert.equal(await vscode.commands.executeCommand('grounded.coding.applyQuickCode' + String(key)), undefined);
      assert.ok(told(new RegExp(`^Quick key ${key} was for "Mattresses on the floor", which was gathered into "Crowded together"`)), grounded.notifications().at(-1)?.message);
      assert.equal(await vscode.commands.executeCommand('grounded.coding.repeatLastCode'), undefined);
      assert.ok(told(/"Sharing what little there is" \(gathered into "Crowded together"\), so they are not repeated/), grounded.notifications().at(-1)?.message);
      select(editor, 'Mattresses on the floor');
      assert.equal(await vscode.commands.executeCommand('grounded.coding.inVivoCode'), undefined);
      assert.ok(told(/^"Mattresses on the floor" was gathered into "Crowded together", so it is not applied again/), grounded.notifications().at(-1)?.message);
      assert.equal(await segments(), before, 'nothing was coded');

      // Un-gathered, the code has its key back: the keys did not shift meanwhile.
      await vscode.commands.executeCommand('grounded.codebook.ungatherCode', { kind: 'code', id: category });
      select(editor, 'Three bedrooms.');
      const again = await vscode.commands.executeCommand<string>('grounded.coding.applyQuickCode' + String(key));
      const coded = (await store.getCoding(TRANSCRIPT)).coders.flatMap((c) => c.segments).find((s) => s.id === again);
      assert.deepEqual(coded?.codes, [mattresses]);
    } finally {
      await vscode.commands.executeCommand('grounded.coding.pinCodes', { codes: [mattresses, sharing] });
    }
  });
});
