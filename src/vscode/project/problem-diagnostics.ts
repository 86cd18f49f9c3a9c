import * as vscode from 'vscode';
import type { FileProblem } from '../../core/model';
import type { ProjectHost } from './project-host';

/**
 * Problems the store found in project files (a malformed coding file, a write that failed, a file
 * changed on disk mid-save) appear in the Problems panel at the file and line they name, so a
 * researcher sees them where they would look, and clicking one opens the file there.
 */
export class ProblemDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('grounded');
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(private readonly host: ProjectHost) {
    const attach = (): void => {
      const { store } = host.require();
      this.disposables.push({ dispose: store.onDidChangeProblems(() => this.update()).dispose });
      void store.loadAllCoding().then(() => this.update());
    };
    if (host.project) attach();
    else this.disposables.push({ dispose: host.onDidOpenProject(attach).dispose });
  }

  update(): void {
    const project = this.host.project;
    if (!project) return;
    const byFile = new Map<string, FileProblem[]>();
    for (const problem of project.store.problems()) byFile.set(problem.path, [...(byFile.get(problem.path) ?? []), problem]);
    this.collection.clear();
    for (const [path, problems] of byFile) {
      this.collection.set(project.fs.uri(path), problems.map(toDiagnostic));
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
  return diagnostic;
}
