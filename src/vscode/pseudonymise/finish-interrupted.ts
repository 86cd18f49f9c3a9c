import * as vscode from 'vscode';
import { describeFinish, finishPseudonymisation, readJournal, type FinishReport } from '../../core/pseudonymise';
import type { OpenProject, ProjectHost } from '../project/project-host';
import { notice, showInformation, showWarning } from '../ui/notifications';

export const FINISH_COMMAND = 'grounded.pseudonymise.finish';

/**
 * An interrupted pseudonymisation leaves its journal: when the project opens, offer to finish it
 * (some files may still hold the real name); the command finishes it exactly as planned.
 */
export function registerFinishInterrupted(host: ProjectHost, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const offer = (project: OpenProject): void => {
    void offerToFinish(project, log).catch((error: unknown) => log.error(`Could not check for an interrupted pseudonymisation: ${error instanceof Error ? error.message : String(error)}`));
  };
  if (host.project) offer(host.project);
  const opened = host.onDidOpenProject(offer);
  const command = vscode.commands.registerCommand(FINISH_COMMAND, async () => {
    const report = await finishInterrupted(host.require(), log);
    if (report === undefined) void showInformation(notice`No interrupted pseudonymisation to finish.`);
    return report;
  });
  return [{ dispose: opened.dispose }, command];
}

async function offerToFinish(project: OpenProject, log: vscode.LogOutputChannel): Promise<void> {
  const journal = await readJournal(project.fs);
  if (!journal) return;
  log.warn(`A pseudonymisation (to "${journal.pseudonym}") was interrupted; ${journal.files.length} file(s) and the quotes of their coded segments were to change.`);
  const answer = await showWarning(
    notice`A pseudonymisation (to "${journal.pseudonym}") was interrupted: some transcripts, memos or coded quotes may still hold the real name. Finish it now, exactly as planned?`,
    'Finish It',
    'Later',
  );
  if (answer === 'Finish It') await vscode.commands.executeCommand(FINISH_COMMAND);
}

/** Finish the journal left in the project, if any: its report, or undefined when there was none. */
export async function finishInterrupted(project: OpenProject, log: vscode.LogOutputChannel): Promise<FinishReport | undefined> {
  const journal = await readJournal(project.fs);
  if (!journal) return undefined;
  await project.store.loadAllCoding();
  // Only the coding and code files the plan reads through the store matter: a memo or the
  // attribute types kept after a write conflict are no reason to stop.
  const broken = project.store.problems().filter((p) => p.severity === 'error' && (p.path.startsWith('.grounded/coding/') || p.path.startsWith('.grounded/codes/')));
  if (broken.length > 0) throw new Error(`The interrupted pseudonymisation was not finished: ${broken[0].path} cannot be read (${broken[0].message}). Fix it first.`);
  const report = await finishPseudonymisation(project.fs, project.store, journal);
  const lines = describeFinish(report);
  for (const line of lines) log.info(line);
  // Closed transcripts are checked from disk: check them again now that the new texts are there.
  await vscode.commands.executeCommand('grounded.needsReview.refresh').then(undefined, () => undefined);
  const left = report.changedSince.length > 0 ? ` ${report.changedSince.length} file(s) changed since were left as they are: pseudonymise the name again (details in the Grounded log).` : '';
  void (left ? showWarning(notice`${lines[0]}${left}`) : showInformation(notice`${lines[0]}`));
  return report;
}
