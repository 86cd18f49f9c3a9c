import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CodeId, QuoteSelector, TextRange } from '../../src/core/model';
import type { GatherResult, UngatherResult } from '../../src/core/storage/code-gathering';
import type { CodebookNode } from '../../src/vscode/codebook/codebook-tree';
import { groundedApi, readWorkspaceFile, SETTLE_MS, TEST_MS, waitFor, workspaceFileExists, writeWorkspaceFile } from './harness';

const T1 = 'interviews/p03-lucia.md';
const T2 = 'interviews/p05-mei.md';
const SAM = { id: 'sam-okafor-rounds', name: 'Sam Okafor' };
const HOSTILE = 'Talked over ](command:workbench.action.terminal.new) $(zap) <b>';

function target(path: string, nth: number): { range: TextRange; quote: QuoteSelector } {
  const text = readWorkspaceFile(path).replace(/\r\n/g, '\n');
  const line = text.split('\n').filter((l) => l.length > 60 && !l.startsWith('---'))[nth];
  const phrase = line.slice(line.length - 40);
  const start = text.indexOf(phrase);
  const end = start + phrase.length;
  return { range: { start, end }, quote: { exact: phrase, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) } };
}

function snapshotOf(paths: string[]): Record<string, string | undefined> {
  return Object.fromEntries(paths.map((p) => [p, workspaceFileExists(p) ? readWorkspaceFile(p) : undefined]));
}

function tooltipOf(item: vscode.TreeItem): string {
  return item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '');
}

describe('coding rounds and focused codes', function () {
  this.timeout(TEST_MS);

  after(async () => {
    await groundedApi();
    await vscode.commands.executeCommand('grounded.rounds.switch', 'initial');
    await vscode.commands.executeCommand('grounded.codebook.ungroupByRound');
  });

  it('shows the current round in the status bar and switches it; new codes are recorded in it', async () => {
    const grounded = await groundedApi();
    await waitFor(() => grounded.roundStatusText() !== '', SETTLE_MS, 'the round in the status bar');
    assert.equal(grounded.roundStatusText(), '$(milestone) Initial coding');
    assert.equal(await vscode.commands.executeCommand('grounded.rounds.switch', 'focused'), 'focused');
    assert.equal(grounded.roundStatusText(), '$(milestone) Focused coding');
    assert.equal(grounded.store()!.round.id, 'focused');
    const id = await vscode.commands.executeCommand<CodeId>('grounded.codebook.addCode', null, 'Rounds: made while focusing');
    await grounded.store()!.flush();
    assert.equal(JSON.parse(readWorkspaceFile(`.grounded/codes/${id}.json`)).round, 'focused');
    // A round the project does not declare is refused; the current one stays.
    assert.equal(await vscode.commands.executeCommand('grounded.rounds.switch', 'axial'), undefined);
    assert.equal(grounded.roundStatusText(), '$(milestone) Focused coding');
  });

  it('follows a round renamed in project.json on disk (a git pull): the status bar shows the new name', async () => {
    const grounded = await groundedApi();
    await vscode.commands.executeCommand('grounded.rounds.switch', 'initial');
    const original = readWorkspaceFile('.grounded/project.json');
    const config = JSON.parse(original) as Record<string, unknown>;
    const rounds = [
      { id: 'initial', name: 'Line-by-line $(zap) coding' },
      { id: 'focused', name: 'Focused coding' },
    ];
    try {
      writeWorkspaceFile('.grounded/project.json', `${JSON.stringify({ ...config, rounds }, null, 2)}\n`);
      await waitFor(() => grounded.roundStatusText() === '$(milestone) Line-by-line \\$(zap) coding', SETTLE_MS, 'the renamed round in the status bar, its icon syntax shown literally');
    } finally {
      writeWorkspaceFile('.grounded/project.json', original);
    }
    await waitFor(() => grounded.roundStatusText() === '$(milestone) Initial coding', SETTLE_MS, 'the default rounds again');
  });

  it('gathers a multi-selection of codes into a focused code as one undo step, and un-gathers it exactly', async () => {
    const grounded = await groundedApi();
    const store = grounded.store()!;
    await store.loadAllCoding();
    await vscode.commands.executeCommand('grounded.rounds.switch', 'initial');
    const unheard = store.addCode({ name: 'Rounds: feeling unheard' });
    const talkedOver = store.addCode({ name: HOSTILE });
    const other = store.addCode({ name: 'Rounds: kept apart' });
    const me = store.coder;
    await store.applyCodes(T1, target(T1, 2), [unheard, other]);
    await store.applyCodes(T2, target(T2, 3), [talkedOver]);
    store.setCoder(SAM);
    await store.applyCodes(T1, target(T1, 4), [talkedOver]);
    store.setCoder(me);
    await store.flush();
    const files = [
      `.grounded/coding/${T1}/${me.id}.jsonl`,
      `.grounded/coding/${T2}/${me.id}.jsonl`,
      `.grounded/coding/${T1}/${SAM.id}.jsonl`,
      `.grounded/codes/${unheard}.json`,
      `.grounded/codes/${talkedOver}.json`,
    ];
    const before = snapshotOf(files);

    await vscode.commands.executeCommand('grounded.rounds.switch', 'focused');
    // What the Codebook view passes for a right-click on a multi-selection: the node, then all selected.
    const nodes: CodebookNode[] = [{ kind: 'code', id: unheard }, { kind: 'code', id: talkedOver }];
    const result = await vscode.commands.executeCommand<GatherResult>('grounded.codebook.gatherCodes', nodes[0], nodes, 'Rounds: silencing');
    await store.flush();
    assert.equal(result.segments, 3);
    const category = store.codebook().get(result.category)!;
    assert.equal(category.round, 'focused');
    const tooltip = tooltipOf(grounded.codebookTree.getTreeItem({ kind: 'code', id: result.category }) as vscode.TreeItem);
    assert.match(tooltip, /Round: Focused coding/);
    assert.ok(tooltip.includes('gathered Rounds: feeling unheard and Talked over \\]\\(command:workbench\\.action'), tooltip);
    assert.ok(tooltip.includes('\\<b\\> \\(3 segments\\) into Rounds: silencing, by '), tooltip);
    assert.ok(!/[^\\]\]\(command:/.test(tooltip) && !tooltip.includes('<b>'), 'no live link, no HTML');
    const gatheredItem = grounded.codebookTree.getTreeItem({ kind: 'code', id: unheard }) as vscode.TreeItem;
    assert.match(String(gatheredItem.description), /gathered into Rounds: silencing/);
    assert.ok(readWorkspaceFile(files[2]).includes(`"gathered":{"${result.category}":["${talkedOver}"]}`), 'the second coder\'s segment records what it gave up');
    const mixed = readWorkspaceFile(files[0]);
    assert.ok(mixed.includes(`"codes":${JSON.stringify([result.category, other].sort())}`), 'the non-gathered code stays on the segment');

    assert.equal(await vscode.commands.executeCommand('grounded.coding.undo'), 'Gather codes', 'the whole gathering is one step');
    await store.flush();
    await waitFor(() => JSON.stringify(snapshotOf(files)) === JSON.stringify(before), SETTLE_MS, 'every file as before the gathering');
    assert.equal(workspaceFileExists(`.grounded/codes/${result.category}.json`), false);
    assert.notEqual(store.undoable().undo, 'Gather codes');

    await vscode.commands.executeCommand('grounded.coding.redo');
    await store.flush();
    assert.equal(store.codebook().get(result.category)?.gathered?.[0].segments, 3);
    const ungathered = await vscode.commands.executeCommand<UngatherResult>('grounded.codebook.ungatherCode', { kind: 'code', id: result.category });
    assert.deepEqual(ungathered, { restored: 3, codes: 2, removedCategory: true });
    await store.flush();
    await waitFor(() => JSON.stringify(snapshotOf(files)) === JSON.stringify(before), SETTLE_MS, 'every file as before, after un-gathering');
  });

  it('groups the Codebook by round', async () => {
    const grounded = await groundedApi();
    const store = grounded.store()!;
    await vscode.commands.executeCommand('grounded.rounds.switch', 'theoretical');
    const id = await vscode.commands.executeCommand<CodeId>('grounded.codebook.addCode', null, 'Rounds: a theoretical code');
    await vscode.commands.executeCommand('grounded.codebook.groupByRound');
    const groups = (await grounded.codebookTree.getChildren()) as CodebookNode[];
    assert.deepEqual(groups.slice(0, 3), [{ kind: 'round', round: 'initial' }, { kind: 'round', round: 'focused' }, { kind: 'round', round: 'theoretical' }]);
    assert.deepEqual(groups.at(-1), { kind: 'round', round: null }, 'the demo\'s codes predate rounds');
    const theoretical = (await grounded.codebookTree.getChildren({ kind: 'round', round: 'theoretical' })) as CodebookNode[];
    assert.ok(theoretical.some((n) => n.kind === 'code' && n.id === id));
    assert.deepEqual(grounded.codebookTree.getParent({ kind: 'code', id }), { kind: 'round', round: 'theoretical' });
    const group = grounded.codebookTree.getTreeItem({ kind: 'round', round: 'theoretical' }) as vscode.TreeItem;
    assert.equal(group.label, 'Theoretical coding');
    assert.match(String(group.description), /current round/);
    await vscode.commands.executeCommand('grounded.codebook.filterByRound', 'theoretical');
    assert.deepEqual(await grounded.codebookTree.getChildren(), [{ kind: 'round', round: 'theoretical' }]);
    await vscode.commands.executeCommand('grounded.codebook.filterByRound', 'all');
    await vscode.commands.executeCommand('grounded.codebook.ungroupByRound');
    const top = (await grounded.codebookTree.getChildren()) as CodebookNode[];
    assert.ok(top.every((n) => n.kind === 'code'));
    await store.flush();
  });
});
