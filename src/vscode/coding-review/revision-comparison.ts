import * as vscode from 'vscode';
import { codingChanges, diffSnapshots, type TranscriptChanges } from '../../core/coding-review';
import { Emitter } from '../../core/event';
import { loadSnapshot, type ProjectSnapshot } from '../../core/project-index';
import type { IndexHost } from '../project/index-host';
import type { ProjectHost } from '../project/project-host';
import { notice, showError, showWarning } from '../ui/notifications';
import { quickPickText } from '../ui/untrusted';
import { offeredBases, openGit, resolveBase, revisionSource } from './git-revisions';
import type { BaseCandidate } from '../../core/coding-review';
import type { MarkSource, ReviewMarks } from './review-painter';

export const COMPARING_REVISION_CONTEXT = 'grounded.comparingRevision';

interface Comparing {
  label: string;
  base: ProjectSnapshot;
  changes: TranscriptChanges[];
  /** The head snapshot the changes were computed on: ranges are on its texts. */
  head: ProjectSnapshot;
}

/**
 * "Compare Coding with…": the project as it is now (the live index, open editors' unsaved text
 * included) against a git revision read through VS Code's Git extension. Kept current as the
 * coding or the text changes, until stopped.
 */
export class RevisionComparison implements MarkSource, vscode.Disposable {
  private current: Comparing | undefined;
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly host: ProjectHost,
    private readonly index: IndexHost,
  ) {
    this.disposables.push(index.onDidChange(() => this.recompute()));
  }

  get state(): Comparing | undefined {
    return this.current;
  }

  /** Ask for a revision (or take `ref`) and compare; false when nothing was compared. */
  async start(ref?: string, mergeBase = false): Promise<boolean> {
    const project = this.host.project;
    if (!project) {
      void showWarning(notice`Open a Grounded project first.`);
      return false;
    }
    const git = await openGit(project.fs.root);
    if (!git.ok) {
      void showWarning(git.why);
      return false;
    }
    const candidate = ref !== undefined ? { ref, mergeBase, reason: '' } : await pick(await offeredBases(git.repository));
    if (!candidate) return false;
    try {
      const { commit, label } = await resolveBase(git.repository, candidate);
      const base = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Reading coding at the revision' }, () => loadSnapshot(revisionSource(git.repository, commit, git.prefix)));
      const head = (await this.index.settled())?.snapshot();
      if (!head) throw new Error('the project could not be read');
      this.current = { label, base, head, changes: codingChanges(diffSnapshots(base, head), base, head) };
    } catch (error) {
      void showError(notice`Could not compare coding with ${candidate.ref}: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
    void vscode.commands.executeCommand('setContext', COMPARING_REVISION_CONTEXT, true);
    this.changed.fire();
    return true;
  }

  /** Added, removed (where the words still are) and re-bounded passages, on the current text. */
  marks(transcript: string): ReviewMarks | undefined {
    const changes = this.current?.changes.find((t) => t.path === transcript);
    const text = this.current?.head.transcripts.find((t) => t.path === transcript)?.text;
    if (!changes || text === undefined) return undefined;
    const rows = changes.codes.flatMap((c) => c.rows);
    const of = (sign: string) => rows.filter((r) => r.sign === sign && r.range).map((r) => r.range!);
    return { text, layers: [{ style: 'added', ranges: of('+') }, { style: 'removed', ranges: of('-') }, { style: 'rebounded', ranges: of('~') }] };
  }

  stop(): void {
    this.current = undefined;
    void vscode.commands.executeCommand('setContext', COMPARING_REVISION_CONTEXT, false);
    this.changed.fire();
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.changed.dispose();
  }

  private recompute(): void {
    const head = this.index.snapshot();
    if (!this.current || !head) return;
    const { base } = this.current;
    this.current = { ...this.current, head, changes: codingChanges(diffSnapshots(base, head), base, head) };
    this.changed.fire();
  }
}

async function pick(candidates: readonly BaseCandidate[]): Promise<BaseCandidate | undefined> {
  const typed = 'Another commit or ref…';
  const items = [
    ...candidates.map((c) => ({ label: quickPickText(c.mergeBase ? `Merge base with ${c.ref}` : c.ref), description: quickPickText(c.reason), candidate: c })),
    { label: typed, description: 'a commit id, tag or branch', candidate: undefined },
  ];
  const chosen = await vscode.window.showQuickPick(items, { title: 'Compare coding with…', placeHolder: 'What your coding is compared with: a branch, a commit or where this branch left its base' });
  if (!chosen) return undefined;
  if (chosen.candidate) return chosen.candidate;
  const ref = await vscode.window.showInputBox({ title: 'Compare coding with a commit or ref', prompt: 'A commit id, a tag or a branch name' });
  return ref?.trim() ? { ref: ref.trim(), mergeBase: false, reason: '' } : undefined;
}
