import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RelationsHostToWebview } from '../../src/relations-protocol';
import { groundedApi, readWorkspaceFile, TEST_MS, waitFor } from './harness';

type Window = typeof vscode.window;
type Shown = Extract<RelationsHostToWebview, { type: 'show' }>;

/** Answers quick picks and input boxes in place of the researcher, keeping what they were offered. */
class Answers {
  readonly offered: string[][] = [];
  private readonly window = vscode.window as Window;
  private readonly originals = { showQuickPick: this.window.showQuickPick, showInputBox: this.window.showInputBox };

  constructor(picks: ((items: vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined)[], inputs: (string | undefined)[]) {
    this.window.showQuickPick = (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => {
      const list = [...(await items)];
      this.offered.push(list.map((i) => i.label));
      const pick = picks.shift();
      assert.ok(pick, `an unexpected quick pick: ${list.map((i) => i.label).join(', ')}`);
      return pick(list);
    }) as unknown as Window['showQuickPick'];
    this.window.showInputBox = (async () => inputs.shift()) as Window['showInputBox'];
  }

  restore(): void {
    Object.assign(this.window, this.originals);
  }
}

const byLabel = (label: string) => (items: vscode.QuickPickItem[]) => items.find((i) => i.label === label);

describe('relations between codes', function () {
  this.timeout(TEST_MS);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('relates two codes with Relate Code… (type, target, note), shows it in the Codebook tooltip and removes it with Remove Relation…', async () => {
    const grounded = await groundedApi();
    const store = grounded.store()!;
    const source = store.addCode({ name: 'Waiting rooms' });
    const target = store.addCode({ name: 'Losing time' });
    const answers = new Answers([byLabel('leads to'), byLabel('Losing time')], ['every office, the same queue']);
    try {
      const outcome = await vscode.commands.executeCommand('grounded.relations.relateCode', { kind: 'code', id: source });
      assert.equal(outcome, 'added');
    } finally {
      answers.restore();
    }
    assert.ok(answers.offered[0].includes('is a condition of'), 'the default relation types are offered');
    assert.equal(answers.offered[1].includes('Waiting rooms'), false, 'a code is not offered as its own target');
    assert.deepEqual(store.codebook().get(source)?.relations, [{ type: 'leads-to', target, note: 'every office, the same queue' }]);
    await store.flush();
    const file = JSON.parse(readWorkspaceFile(`.grounded/codes/${source}.json`)) as { relations: unknown };
    assert.deepEqual(file.relations, [{ target, type: 'leads-to', note: 'every office, the same queue' }]);

    const item = await grounded.codebookTree.getTreeItem({ kind: 'code', id: target });
    const tooltip = item.tooltip as vscode.MarkdownString;
    assert.match(tooltip.value, /← \*\*Waiting rooms\*\* leads to — every office, the same queue/);

    const removing = new Answers([(items) => items[0]], []);
    try {
      assert.equal(await vscode.commands.executeCommand('grounded.relations.removeRelation', { kind: 'code', id: target }), true);
    } finally {
      removing.restore();
    }
    assert.deepEqual(removing.offered, [['Waiting rooms leads to Losing time']]);
    assert.equal(store.codebook().get(source)?.relations, undefined);
    assert.equal(store.undo(), 'Remove relation');
    assert.equal(store.codebook().get(source)?.relations?.length, 1);
  });

  it('opens the Relations panel with the demo study’s network drawn, and follows a new relation', async () => {
    const grounded = await groundedApi();
    const { relations } = grounded;
    const before = relations.posted.length;
    await vscode.commands.executeCommand('grounded.relations.open');
    const first = await waitFor(() => relations.posted.slice(before).find((m): m is Shown => m.type === 'show'), 20000, 'the network in the panel');
    assert.ok(first.relations >= 11, `${first.relations} relations`);
    const svg = JSON.stringify(first.svg);
    const mistrust = grounded.store()!.codebook().all().find((c) => c.name === 'Mistrust')!.id;
    assert.ok(svg.includes(`"data-code":"${mistrust}"`), 'Mistrust is a node the keyboard can reach');
    assert.ok(svg.includes('"leads to"'));

    const store = grounded.store()!;
    const hope = store.codebook().all().find((c) => c.name === 'Hope')!.id;
    const count = relations.posted.length;
    store.relateCodes(mistrust, { type: 'contradicts', target: hope });
    const next = await waitFor(() => relations.posted.slice(count).find((m): m is Shown => m.type === 'show' && m.relations === first.relations + 1), 20000, 'the new relation drawn');
    assert.ok(next.codes >= first.codes);
    store.undo();

    await relations.receive({ type: 'setDirection', direction: 'LR' });
    assert.equal(relations.viewState.direction, 'LR');
    const lr = relations.posted.at(-1);
    assert.ok(lr?.type === 'show' && lr.state.direction === 'LR');
  });
});
