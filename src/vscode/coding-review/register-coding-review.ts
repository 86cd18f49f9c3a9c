import * as vscode from 'vscode';
import type { IndexHost } from '../project/index-host';
import type { ProjectHost } from '../project/project-host';
import { notice, showInformation } from '../ui/notifications';
import { CoderComparison, type UncodedSource } from './coder-comparison';
import { CONSENSUS_CODER } from '../../core/disagreements';
import type { UncodedPassage } from '../../core/model';
import { registerCoderCommands } from './coder-commands';
import { CodingChangesTree, type CodingChangeNode } from './coding-changes-tree';
import { DisagreementsTree, type DisagreementNode } from './disagreements-tree';
import { ReviewPainter } from './review-painter';
import { RevisionComparison } from './revision-comparison';
import { revealPassage } from './reveal';

/** What integration tests read of coding review. */
export interface CodingReviewApi {
  codingChanges: CodingChangesTree;
  disagreements: DisagreementsTree;
  coderComparison: CoderComparison;
  revisionComparison: RevisionComparison;
  reviewPainter: ReviewPainter;
}

/** Compare Coding with a revision, and compare coders: views, marks in the editor, commands. */
export function registerCodingReview(context: vscode.ExtensionContext, host: ProjectHost, index: IndexHost): CodingReviewApi {
  const revision = new RevisionComparison(host, index);
  const coders = new CoderComparison(index, consensusUncoded(host));
  const changesTree = new CodingChangesTree(host, revision);
  const disagreements = new DisagreementsTree(host, coders);
  const changesView = vscode.window.createTreeView<CodingChangeNode>('grounded.codingChanges', { treeDataProvider: changesTree, showCollapseAll: true });
  const disagreementsView = vscode.window.createTreeView<DisagreementNode>('grounded.disagreements', { treeDataProvider: disagreements, showCollapseAll: true });
  const painter = new ReviewPainter(host, [revision, coders]);
  const describe = (): void => {
    changesView.message = revision.state ? `Compared with ${revision.state.label}` : undefined;
    disagreementsView.message = coders.coders ? `${coders.disagreements().length} open${coders.settled > 0 ? ` · ${coders.settled} reconciled` : ''} · comparing ${coders.coders.length} coders` : undefined;
  };
  context.subscriptions.push(
    revision,
    coders,
    changesTree,
    disagreements,
    changesView,
    disagreementsView,
    painter,
    { dispose: revision.onDidChange(describe).dispose },
    { dispose: coders.onDidChange(describe).dispose },
    vscode.commands.registerCommand('grounded.review.compareWith', async (ref?: string, mergeBase?: boolean) => {
      const started = await revision.start(ref, mergeBase);
      if (started) await vscode.commands.executeCommand('grounded.codingChanges.focus');
      return started;
    }),
    vscode.commands.registerCommand('grounded.review.stopComparing', () => revision.stop()),
    vscode.commands.registerCommand('grounded.review.revealChange', async (node?: CodingChangeNode) => {
      if (node?.kind !== 'row') return;
      if (node.row.range) await revealPassage(host, node.transcript, node.row.range);
      else void showInformation(notice`“${node.row.quote.slice(0, 160)}” is no longer in the text of ${node.transcript}.`);
    }),
    ...registerCoderCommands(host, coders, disagreements, disagreementsView),
  );
  return { codingChanges: changesTree, disagreements, coderComparison: coders, revisionComparison: revision, reviewPainter: painter };
}

/** The consensus coder's passages left uncoded, as the store has read them. */
function consensusUncoded(host: ProjectHost): UncodedSource {
  return {
    load: async () => host.project?.store.loadAllCoding(),
    passages: () => {
      const out = new Map<string, readonly UncodedPassage[]>();
      for (const t of host.project?.store.loadedCoding() ?? []) {
        const uncoded = t.coders.find((c) => c.coder.id === CONSENSUS_CODER.id)?.uncoded;
        if (uncoded?.length) out.set(t.transcript, uncoded);
      }
      return out;
    },
  };
}
