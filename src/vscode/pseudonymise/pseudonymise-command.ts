import * as vscode from 'vscode';
import { LineIndex } from '../../core/line-index';
import {
  describeReport,
  JOURNAL_PATH,
  planPseudonymisation,
  PseudonymError,
  readStudyFiles,
  startPseudonymisation,
  type PseudonymisePlan,
  type PseudonymiseReport,
  type StudyFile,
} from '../../core/pseudonymise';
import { finishInterrupted } from './finish-interrupted';
import type { OpenProject, ProjectHost } from '../project/project-host';
import { saveDocument } from '../ui/save-document';
import { notice, showError, showInformation, showWarning } from '../ui/notifications';
import { quickPickText } from '../ui/untrusted';

/** Arguments a keybinding or a test may pass instead of answering the prompts. */
export interface PseudonymiseArgs {
  name?: string;
  pseudonym?: string;
  variants?: string[];
  /** Skip the confirmation. */
  confirmed?: boolean;
}

/**
 * Replace a real name with a pseudonym in every transcript and memo at once. The texts change
 * through one WorkspaceEdit (open and closed files alike, so the editors' undo and the live
 * segment tracking see it), the quotes of the coded segments affected are rewritten through the
 * store, and the changed files are saved, so no copy of the name is left on disk.
 */
export function registerPseudonymiseCommand(host: ProjectHost, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand('grounded.pseudonymise.replaceName', async (args: PseudonymiseArgs = {}) => {
    const request = await askRequest(args);
    if (!request) return undefined;
    const project = host.require();
    // A run interrupted before is finished first: a plan made on its half-written files would lose what only its journal knows.
    await finishInterrupted(project, log);
    await project.store.loadAllCoding();
    // Only the coding and code files the plan reads through the store matter here: a memo or the
    // attribute types kept after a write conflict do not.
    const broken = project.store.problems().filter((p) => p.severity === 'error' && (p.path.startsWith('.grounded/coding/') || p.path.startsWith('.grounded/codes/')));
    if (broken.length > 0) throw new Error(`Nothing was changed: ${broken[0].path} cannot be read (${broken[0].message}). Fix it first.`);
    const open = openDocuments(project);
    const files = (await readStudyFiles(project.fs, project.store.config, (path) => open.get(path)?.getText())).map((f) => f.file);
    let plan: PseudonymisePlan;
    try {
      plan = planPseudonymisation({ ...request, files, coding: project.store.loadedCoding() });
    } catch (error) {
      if (!(error instanceof PseudonymError)) throw error;
      void showError(notice`${error.message}`);
      return undefined;
    }
    if (plan.report.occurrences === 0 && plan.requotes.length === 0) {
      void showInformation(notice`"${plan.report.name}" does not occur in any transcript or memo.`);
      return plan.report;
    }
    if (!args.confirmed && !(await confirm(plan.report))) return undefined;
    await apply(project, plan, files);
    for (const line of describeReport(plan.report, true)) log.info(line);
    void showInformation(notice`${summary(plan.report)}`);
    return plan.report;
  });
}

async function askRequest(args: PseudonymiseArgs): Promise<{ name: string; pseudonym: string; variants: string[] } | undefined> {
  const notEmpty = (value: string): string | undefined => (value.trim() === '' ? 'Type a name.' : undefined);
  const name = args.name ?? (await vscode.window.showInputBox({ title: 'Pseudonymise: the real name', prompt: 'Replaced as a whole word in every transcript and memo, in any case, with possessives (Name’s)', validateInput: notEmpty }));
  if (!name) return undefined;
  const pseudonym = args.pseudonym ?? (await vscode.window.showInputBox({ title: `Pseudonymise: what replaces "${quickPickText(name)}"`, prompt: 'The pseudonym', validateInput: notEmpty }));
  if (!pseudonym) return undefined;
  let variants = args.variants;
  if (variants === undefined) {
    const typed = await vscode.window.showInputBox({ title: `Pseudonymise: other ways "${quickPickText(name)}" is written`, prompt: 'Optional: nicknames or full names, separated by commas (e.g. Ama, Amara Okoye)' });
    if (typed === undefined) return undefined;
    variants = typed.split(',').map((v) => v.trim()).filter((v) => v !== '');
  }
  return { name, pseudonym, variants };
}

async function confirm(report: PseudonymiseReport): Promise<boolean> {
  const detail = [
    ...report.files.map((f) => `${f.path}: ${f.occurrences}`),
    `${report.segmentsUpdated + report.unplacedSegmentsUpdated} coded segment(s) get their quotes updated and stay attached.`,
    ...(report.pseudonymAlreadyIn.length > 0 ? [`"${report.pseudonym}" already appears in ${report.pseudonymAlreadyIn.join(', ')}.`] : []),
    ...(report.pathsContainingName.length > 0 ? [`File names are not changed: ${report.pathsContainingName.join(', ')}.`] : []),
    ...(report.commentsMentioningName.length > 0 ? [`${report.commentsMentioningName.length} segment comment(s) mention the name and are left for their coders to reword (listed in the log).`] : []),
  ].join('\n');
  const answer = await showWarning(
    notice`Replace "${report.name}" with "${report.pseudonym}"? ${report.occurrences} occurrence(s) in ${report.files.length} file(s); the files are saved.`,
    { modal: true, detail: notice`${detail}` },
    'Replace',
  );
  return answer === 'Replace';
}

/**
 * The journal, then texts, then quotes, then save, then the journal deleted: the coding never refers
 * to text that is not on disk for long, and if anything stops this part-way the journal lets the next
 * run (or the next opening of the project) finish exactly this plan.
 */
async function apply(project: OpenProject, plan: PseudonymisePlan, files: readonly StudyFile[]): Promise<void> {
  const disk = new Map<string, string>();
  for (const change of plan.changes) disk.set(change.path, (await project.fs.readFile(change.path)) ?? '');
  await startPseudonymisation(project.fs, project.store, plan, disk);
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const edit = new vscode.WorkspaceEdit();
  for (const change of plan.changes) {
    const index = new LineIndex(texts.get(change.path) ?? '');
    const position = (offset: number): vscode.Position => {
      const { line, character } = index.position(offset);
      return new vscode.Position(line, character);
    };
    for (const o of change.occurrences) edit.replace(project.fs.uri(change.path), new vscode.Range(position(o.start), position(o.end)), o.replacement);
  }
  if (!(await vscode.workspace.applyEdit(edit))) {
    await project.fs.deleteFile(JOURNAL_PATH);
    throw new Error('The files could not be edited; nothing was changed.');
  }
  for (const group of plan.requotes) await project.store.requote(group.transcript, group.coderId, group.updates);
  await project.store.flush();
  const open = openDocuments(project);
  const unsaved: string[] = [];
  // A file that was not open may have been saved by the edit itself (files.refactoring.autoSave): save() says false then.
  for (const change of plan.changes) {
    const document = open.get(change.path);
    if (document?.isDirty === true && !(await saveDocument(document))) unsaved.push(change.path);
  }
  if (unsaved.length > 0) throw new Error(`${unsaved.join(', ')} could not be saved, so the real name is still on disk there: run "Finish an Interrupted Pseudonymisation" to write them.`);
  await project.fs.deleteFile(JOURNAL_PATH);
  // Closed transcripts are checked from disk: check them again now that the new texts are there.
  await vscode.commands.executeCommand('grounded.needsReview.refresh').then(undefined, () => undefined);
}

function openDocuments(project: OpenProject): Map<string | undefined, vscode.TextDocument> {
  return new Map(vscode.workspace.textDocuments.map((d) => [project.fs.relative(d.uri), d]));
}

function summary(report: PseudonymiseReport): string {
  const segments = report.segmentsUpdated + report.unplacedSegmentsUpdated;
  const renamed = report.pathsContainingName.length > 0 ? ` File names still containing the name: ${report.pathsContainingName.join(', ')}.` : '';
  return `Replaced "${report.name}" with "${report.pseudonym}": ${report.occurrences} occurrence(s) in ${report.files.length} file(s); ${segments} coded segment(s) updated and still attached. Details in the Grounded log.${renamed}`;
}
