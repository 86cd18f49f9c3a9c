import * as vscode from 'vscode';
import type { Code, RoundId } from '../../core/model';
import { describeGather, projectRounds, roundLabel } from '../../core/rounds';
import type { ProjectStore } from '../../core/storage/project-store';
import { type RoundView, roundGroups, rootsOfRound } from '../../core/views/round-groups';
import type { CodebookNode } from '../codebook/codebook-tree';
import { escapeMarkdown, treeItemText } from '../ui/untrusted';

/**
 * What the Codebook shows for coding rounds: round groups, and the round and gathering lines of a
 * code's tooltip. Every name (codes, rounds, coders) is untrusted and escaped for its sink.
 */
export function roundChildren(store: ProjectStore, view: RoundView, round?: RoundId | null): CodebookNode[] {
  const codebook = store.codebook();
  if (round === undefined) {
    const groups = roundGroups(codebook, projectRounds(store.config));
    return groups.filter((g) => view.only === undefined || g === view.only).map((g) => ({ kind: 'round', round: g }));
  }
  return rootsOfRound(codebook, round).map((c) => ({ kind: 'code', id: c.id }));
}

export function roundGroupItem(store: ProjectStore, round: RoundId | null): vscode.TreeItem {
  const label = roundLabel(projectRounds(store.config), round ?? undefined);
  const item = new vscode.TreeItem(treeItemText(label), vscode.TreeItemCollapsibleState.Expanded);
  item.id = `round:${round ?? ''}`;
  item.contextValue = 'round';
  const count = store.codebook().all().filter((c) => (c.round ?? null) === round).length;
  item.description = `${count} code${count === 1 ? '' : 's'}${round === store.round.id ? ' · current round' : ''}`;
  item.iconPath = new vscode.ThemeIcon(round === store.round.id ? 'target' : 'milestone');
  return item;
}

/** Markdown (escaped) appended to a code's tooltip: its round, what it gathered, where it went. */
export function roundTooltip(store: ProjectStore, code: Code): string {
  const rounds = projectRounds(store.config);
  const lines = [`Round: ${escapeMarkdown(roundLabel(rounds, code.round))}`];
  for (const record of code.gathered ?? []) lines.push(`⤵ ${escapeMarkdown(describeGather(code, record))}`);
  const into = code.gatheredInto === undefined ? undefined : store.codebook().get(code.gatheredInto);
  if (into) lines.push(`Gathered into ${escapeMarkdown(into.name)}: its segments carry that code now (un-gather it to restore).`);
  return lines.map((l) => `\n\n${l}`).join('');
}
