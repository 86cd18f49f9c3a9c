import * as vscode from 'vscode';
import { notice, showWarning } from '../ui/notifications';
import type { FileProblem } from '../../core/model';
import { codebookProblems } from '../../core/validation/codebook-check';
import { memoSummaryProblems } from '../../core/validation/study-files';
import { TranscriptTextChecks } from '../../core/validation/transcript-text-check';
import { MERGE_CONFLICT_CODE, RESOLVE_CONFLICT_COMMAND } from './conflict-commands';
import type { IndexHost } from './index-host';
import type { ProjectHost } from './project-host';

/**
 * Problems the store found in project files (a malformed coding file, a write that failed, a file
 * changed on disk mid-save), and what a merge can leave in the codebook (a relation to a code that
 * is gone, a record of gathering with one side lost), appear in the Problems panel at the file and
 * line they name, so a researcher sees them where they would look, and clicking one opens the file
 * there. So do what a transcript's text says is wrong (conflict markers a merge left in it, a line
 * meant as a speaker label that is not read as one), checked again as texts change, and what is
 * wrong with a memo as a file (conflict markers, front matter or a date that cannot be read).
 */
export class ProblemDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('grounded');
  private readonly disposables: vscode.Disposable[] = [this.collection];
  /** Conflicted files already announced, so each is announced once while it stays conflicted. */
  private readonly announced = new Set<string>();
  /** What the latest check of relations and gatherings found. */
  private codebookProblems: FileProblem[] = [];
  private codebookChecks = 0;
  private readonly transcriptChecks: TranscriptTextChecks;
  private studyProblems: FileProblem[] = [];
  private studyRuns = 0;

  constructor(
    private readonly host: ProjectHost,
    private readonly index: IndexHost,
  ) {
    this.transcriptChecks = new TranscriptTextChecks(host.slices);
    this.disposables.push({ dispose: index.onDidChange(() => void this.checkStudyFiles()).dispose });
    const attach = (): void => {
      const { store } = host.require();
      this.disposables.push(
        { dispose: store.onDidChangeProblems(() => this.update()).dispose },
        { dispose: store.onDidChangeCodebook(() => void this.checkCodebook()).dispose },
      );
      void this.checkCodebook();
      void store.loadAllCoding().then(() => this.update());
    };
    if (host.project) attach();
    else this.disposables.push({ dispose: host.onDidOpenProject(attach).dispose });
  }

  /** Relations and gatherings as the codebook holds them now; the latest check is the one shown. */
  private async checkCodebook(): Promise<void> {
    const project = this.host.project;
    if (!project) return;
    const { store, fs } = project;
    const asked = ++this.codebookChecks;
    let found: FileProblem[];
    try {
      found = await codebookProblems(fs, store.codebook(), store.config);
    } catch {
      return; // a code file that cannot be read now is the store's problem to report
    }
    if (asked !== this.codebookChecks) return;
    this.codebookProblems = found;
    this.update();
  }

  /** Transcripts and memos as the index holds them now (open editors' unsaved text included). */
  private async checkStudyFiles(): Promise<void> {
    const snapshot = this.index.snapshot();
    if (!snapshot) return;
    const run = ++this.studyRuns;
    const found = await this.transcriptChecks.problemsOf(snapshot.transcripts);
    if (run !== this.studyRuns) return;
    this.studyProblems = [...found, ...memoSummaryProblems(snapshot.memos)];
    this.update();
  }

  update(): void {
    const project = this.host.project;
    if (!project) return;
    const byFile = new Map<string, FileProblem[]>();
    for (const problem of [...project.store.problems(), ...this.codebookProblems, ...this.studyProblems]) byFile.set(problem.path, [...(byFile.get(problem.path) ?? []), problem]);
    this.collection.clear();
    for (const [path, problems] of byFile) {
      this.collection.set(project.fs.uri(path), problems.map(toDiagnostic));
    }
    this.announceConflicts(project.store.problems(), (path) => project.fs.uri(path));
  }

  /** A merge conflict blocks every edit of its file: say so at once, with the way out. */
  private announceConflicts(problems: readonly FileProblem[], uri: (path: string) => vscode.Uri): void {
    const conflicted = new Set(problems.filter((p) => p.kind === 'merge-conflict').map((p) => p.path));
    for (const path of this.announced) if (!conflicted.has(path)) this.announced.delete(path);
    for (const path of conflicted) {
      if (this.announced.has(path)) continue;
      this.announced.add(path);
      void showWarning(notice`${path} has an unresolved git merge conflict; Grounded will not change it until it is resolved.`, 'Resolve Coding Conflict')
        .then((choice) => (choice ? vscode.commands.executeCommand(RESOLVE_CONFLICT_COMMAND, uri(path)) : undefined));
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function toDiagnostic(problem: FileProblem): vscode.Diagnostic {
  const line = Math.max(0, (problem.line ?? 1) - 1);
  const diagnostic = new vscode.Diagnostic(
    new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER),
    problem.message,
    problem.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning,
  );
  diagnostic.source = 'Grounded';
  if (problem.kind === 'merge-conflict') diagnostic.code = MERGE_CONFLICT_CODE;
  return diagnostic;
}
