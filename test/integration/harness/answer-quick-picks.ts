import assert from 'node:assert/strict';
import * as vscode from 'vscode';

type Window = typeof vscode.window & Record<string, unknown>;

/**
 * Runs `action` while quick picks are answered in place of the researcher: each answer picks the
 * item whose label starts with it. Every quick pick shown is checked to have been expected.
 */
export async function answeringQuickPicks<T>(answers: string[], action: () => Thenable<T> | Promise<T>): Promise<{ result: T; shown: string[][] }> {
  const window = vscode.window as Window;
  const original = window.showQuickPick;
  const shown: string[][] = [];
  window.showQuickPick = (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>) => {
    const list = [...(await items)];
    shown.push(list.map((i) => i.label));
    const answer = answers.shift();
    assert.ok(answer !== undefined, `an unexpected quick pick: ${list.map((i) => i.label).join(', ')}`);
    const item = list.find((i) => i.label.startsWith(answer));
    assert.ok(item, `no item "${answer}" among ${list.map((i) => i.label).join(', ')}`);
    return item;
  }) as unknown as Window['showQuickPick'];
  try {
    return { result: await action(), shown };
  } finally {
    window.showQuickPick = original;
  }
}
