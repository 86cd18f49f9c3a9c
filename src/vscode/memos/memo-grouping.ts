import * as vscode from 'vscode';
import type { MemoGrouping, MemosTreeProvider } from './memos-tree';

const GROUPINGS: { grouping: MemoGrouping; label: string; detail: string }[] = [
  { grouping: 'about', label: 'What they are about', detail: 'each code and transcript' },
  { grouping: 'kind', label: 'Kind', detail: 'code, theoretical, methodological, reflexive memos' },
  { grouping: 'timeline', label: 'Date (timeline)', detail: 'by month written, newest first' },
];

/** Group the Memos view by what memos are about, by kind, or by date. */
export function registerMemoGrouping(memos: MemosTreeProvider): vscode.Disposable {
  return vscode.commands.registerCommand('grounded.memos.groupBy', async (grouping?: MemoGrouping) => {
    const chosen =
      grouping ??
      (await vscode.window.showQuickPick(
        GROUPINGS.map((g) => ({ label: g.label, detail: g.detail, description: g.grouping === memos.groupedBy ? 'now' : undefined, grouping: g.grouping })),
        { title: 'Group memos by' },
      ))?.grouping;
    if (!chosen || !GROUPINGS.some((g) => g.grouping === chosen)) return undefined;
    memos.groupBy(chosen);
    return chosen;
  });
}
