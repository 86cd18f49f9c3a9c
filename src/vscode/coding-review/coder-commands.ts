import * as vscode from 'vscode';
import { makeQuote } from '../../core/anchoring';
import { CONSENSUS_CODER, atCursor, neighbour, planAgreedCopy, planReconcile, type Disagreement, type ReconcileChoice } from '../../core/disagreements';
import type { ProjectHost } from '../project/project-host';
import { notice, showInformation, showWarning } from '../ui/notifications';
import { quickPickText } from '../ui/untrusted';
import type { CoderComparison } from './coder-comparison';
import type { DisagreementNode, DisagreementsTree } from './disagreements-tree';
import { cursorPlace, revealPassage } from './reveal';

/** Compare coders, move between disagreements, reconcile one into the consensus coder. */
export function registerCoderCommands(host: ProjectHost, comparison: CoderComparison, tree: DisagreementsTree, view: vscode.TreeView<DisagreementNode>): vscode.Disposable[] {
  const reveal = async (d: Disagreement): Promise<void> => {
    await revealPassage(host, d.transcript, d.range);
    if (view.visible) await Promise.resolve(view.reveal({ kind: 'disagreement', disagreement: d }, { select: true, focus: false })).catch(() => undefined);
  };
  const step = async (direction: 1 | -1): Promise<Disagreement | undefined> => {
    const all = comparison.disagreements();
    if (!comparison.coders) return void showInformation(notice`Run "Compare Coders" first to choose whose coding to compare.`);
    if (all.length === 0) return void showInformation(notice`No disagreements left between the compared coders.`);
    const d = neighbour(all, cursorPlace(host), direction);
    await reveal(d);
    return d;
  };
  return [
    vscode.commands.registerCommand('grounded.review.compareCoders', async (coders?: string[]) => {
      const chosen = coders ?? (await pickCoders(comparison));
      if (!chosen) return false;
      if (chosen.length < 2) {
        void showWarning(notice`Choose at least two coders to compare.`);
        return false;
      }
      await comparison.start(chosen);
      await vscode.commands.executeCommand('grounded.disagreements.focus');
      return true;
    }),
    vscode.commands.registerCommand('grounded.review.stopComparingCoders', () => comparison.stop()),
    vscode.commands.registerCommand('grounded.review.copyAgreedToConsensus', () => copyAgreed(host, comparison)),
    vscode.commands.registerCommand('grounded.review.nextDisagreement', () => step(1)),
    vscode.commands.registerCommand('grounded.review.previousDisagreement', () => step(-1)),
    vscode.commands.registerCommand('grounded.review.revealDisagreement', async (node?: DisagreementNode) => {
      if (node?.kind === 'disagreement') await reveal(node.disagreement);
    }),
    vscode.commands.registerCommand('grounded.review.reconcile', async (node?: DisagreementNode, choice?: ReconcileChoice) => {
      const d = node?.kind === 'disagreement' ? node.disagreement : atCursor(comparison.disagreements(), cursorPlace(host));
      if (!d) {
        void showInformation(notice`Put the cursor in a disagreement (or pick one in the Disagreements view), then reconcile it.`);
        return 0;
      }
      const how = choice ?? (await pickChoice(d, tree));
      if (!how) return 0;
      return reconcile(host, comparison, d, how);
    }),
  ];
}

async function reconcile(host: ProjectHost, comparison: CoderComparison, d: Disagreement, choice: ReconcileChoice): Promise<number> {
  const plan = planReconcile(d, choice);
  const text = comparison.project?.transcripts.find((t) => t.path === d.transcript)?.text ?? '';
  if (plan.length === 0 && choice.kind !== 'coder') {
    // Every coder applied a code here: keeping nothing would record "left uncoded" for them all.
    void showInformation(notice`The coders of these codes share no text here, so their intersection is empty. Accept one coder's version or the union instead.`);
    return 0;
  }
  if (plan.length === 0) {
    // The version of a coder who coded nothing here: recorded, so the decision is kept and shown.
    await host.require().store.leaveUncodedAsCoder(d.transcript, CONSENSUS_CODER, { range: d.range, quote: makeQuote(text, d.range), codes: d.codes }, 'Reconcile disagreement');
    return 0;
  }
  const targets = plan.map((t) => ({ range: t.range, quote: makeQuote(text, t.range), codes: t.codes }));
  const written = await host.require().store.applyAsCoder(d.transcript, CONSENSUS_CODER, targets, 'Reconcile disagreement');
  return written;
}

/**
 * Copies to the consensus coder, as one undoable step, every passage the compared coders coded
 * alike that it lacks: with the disagreements reconciled, it then holds the team's whole coding.
 * Resolves to the number of passages copied.
 */
async function copyAgreed(host: ProjectHost, comparison: CoderComparison): Promise<number> {
  // What the consensus coder has now, a reconcile or copy made a moment ago included.
  await comparison.settle();
  const chosen = comparison.coders;
  const project = comparison.project;
  if (!chosen || !project) {
    void showInformation(notice`Run "Compare Coders" first to choose whose agreed coding to copy.`);
    return 0;
  }
  if (chosen.includes(CONSENSUS_CODER.id)) {
    void showInformation(notice`The consensus coder is among the coders compared. Compare the coders whose agreement it should receive, without it, then copy.`);
    return 0;
  }
  const { transcripts, copied, already } = planAgreedCopy(project.transcripts, chosen);
  if (copied === 0) {
    void showInformation(already > 0 ? notice`The consensus coder has every passage the compared coders agree on already (${already}).` : notice`The compared coders coded no passage alike, so there is nothing to copy.`);
    return 0;
  }
  await host.require().store.applyAsCoderAcross(CONSENSUS_CODER, transcripts, 'Copy agreed coding');
  const open = comparison.disagreements().length;
  void showInformation(notice`Copied ${copied} agreed passage(s) in ${transcripts.length} transcript(s) to the consensus coder${already > 0 ? `; ${already} it had already` : ''}. ${open > 0 ? `${open} disagreement(s) are still to reconcile.` : 'No disagreement is left to reconcile.'} "Grounded: Undo Coding Action" takes the copy back.`);
  return copied;
}

async function pickCoders(comparison: CoderComparison): Promise<string[] | undefined> {
  const coders = comparison.project?.coders ?? [];
  if (coders.length < 2) {
    void showInformation(notice`Comparing needs coding by at least two coders; this project has ${coders.length}.`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    coders.map((c) => ({ label: quickPickText(c.name), description: quickPickText(c.id), id: c.id, picked: c.id !== CONSENSUS_CODER.id })),
    { canPickMany: true, title: 'Compare coders', placeHolder: 'Whose coding to compare (two or more)' },
  );
  return picked?.map((p) => p.id);
}

async function pickChoice(d: Disagreement, tree: DisagreementsTree): Promise<ReconcileChoice | undefined> {
  const row = tree.row(d);
  const items: (vscode.QuickPickItem & { choice: ReconcileChoice })[] = row.versions.map((version) => ({
    label: quickPickText(`Accept ${version.coder}'s version`),
    detail: quickPickText(version.text),
    choice: { kind: 'coder', coder: version.id },
  }));
  if (d.kind !== 'only') {
    items.push({ label: d.kind === 'codes' ? 'Keep both codes (union of boundaries)' : 'Union of boundaries', detail: 'Everything any coder coded with each code', choice: { kind: 'union' } });
    if (planReconcile(d, { kind: 'intersection' }).length > 0) {
      items.push({ label: 'Intersection of boundaries', detail: 'Only the text the coders of each code agree on', choice: { kind: 'intersection' } });
    }
  }
  const chosen = await vscode.window.showQuickPick(items, { title: quickPickText(`Reconcile: ${row.label}`), placeHolder: 'What the consensus coder keeps here' });
  return chosen?.choice;
}
