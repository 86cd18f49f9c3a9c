/**
 * Saved queries (`.grounded/queries/*.json`), checked as `grounded query` reads and runs them: the
 * file by the same reader (query-file.ts), its code expression by the same code lookup, its filter
 * by the same checks (filter-checks.ts). A query that passes here runs; one that fails would fail
 * in a report or in CI, often long after the code, coder or round it names was renamed or merged,
 * so each problem is an error at its file and line.
 */
import { AnalysisContext } from '../analysis/analysis-context';
import { codeReferences, type CodeExpression } from '../analysis/code-expression';
import { CodeLookupError } from '../analysis/code-lookup';
import { filterProblems } from '../analysis/filter-checks';
import { analysisProjectOf } from '../analysis/from-snapshot';
import { lineOfKey, parseQueryFile, QUERIES_FOLDER, type SavedQuery } from '../analysis/query-file';
import type { FileProblem } from '../model';
import type { FileSource } from '../ports';
import type { ProjectSnapshot } from '../project-index';
import { readFileText, UnreadableFileError } from '../storage/file-text';
import { fileError } from '../storage/format/problems';

export async function queryProblems(source: FileSource, snapshot: ProjectSnapshot): Promise<FileProblem[]> {
  const names = (await source.readDirectory(QUERIES_FOLDER))
    .filter((e) => e.kind === 'file' && e.name.endsWith('.json'))
    .map((e) => e.name)
    .sort();
  const problems: FileProblem[] = [];
  // Built only when there is a query to check: a project without saved queries pays nothing.
  let context: AnalysisContext | undefined;
  for (const name of names) {
    const path = `${QUERIES_FOLDER}/${name}`;
    const text = await readFileText(source, path);
    if (text instanceof UnreadableFileError) {
      problems.push(text.problem);
      continue;
    }
    if (text === undefined) continue;
    const parsed = parseQueryFile(path, text);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    context ??= new AnalysisContext(analysisProjectOf(snapshot).project);
    problems.push(...projectProblems(context, path, text, parsed.query, parsed.expression));
  }
  return problems;
}

/** What the query names that the project does not have: codes, then the filter's coders, rounds and attributes. */
function projectProblems(context: AnalysisContext, path: string, text: string, query: SavedQuery, expression: CodeExpression | undefined): FileProblem[] {
  const problems: FileProblem[] = [];
  const codesLine = lineOfKey(text, 'codes');
  for (const reference of new Set(expression ? codeReferences(expression) : [])) {
    try {
      context.lookup.resolve(reference);
    } catch (error) {
      if (!(error instanceof CodeLookupError)) throw error;
      problems.push(fileError(path, codesLine, `"codes": ${error.message}`));
    }
  }
  for (const error of filterProblems(context, query.filter)) {
    problems.push(error.place ? fileError(error.place.path, error.place.line, error.place.problem) : fileError(path, lineOfKey(text, 'filter'), `"filter": ${error.message}`));
  }
  return problems;
}
