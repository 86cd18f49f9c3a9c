/**
 * What a merge (or a hand edit) can leave in the codebook that no single code file shows wrong:
 * a parent that is gone, a cycle of parents, two codes of one name under one parent, relations to
 * codes that are gone or of undeclared types, and records of gathering with one side lost.
 * `grounded validate` and the editor's Problems panel both report these.
 */
import type { Codebook } from '../codebook';
import type { FileProblem, ProjectConfig } from '../model';
import type { FileSource } from '../ports';
import { gatheringProblems } from './gathering-check';
import { relationProblems } from './relation-check';

export async function codebookProblems(source: FileSource, codebook: Codebook, config: ProjectConfig): Promise<FileProblem[]> {
  const [relations, gatherings] = await Promise.all([relationProblems(source, codebook, config), gatheringProblems(source, codebook)]);
  return [...codeTreeProblems(codebook), ...relations, ...gatherings];
}

function codeTreeProblems(codebook: Codebook): FileProblem[] {
  const problems: FileProblem[] = [];
  for (const code of codebook.all()) {
    const path = `.grounded/codes/${code.id}.json`;
    if (code.parent !== null && !codebook.get(code.parent)) {
      problems.push({ path, message: `the parent code ${code.parent} of "${code.name}" does not exist; it is shown at the top level`, severity: 'warning' });
    } else if (code.parent !== null && codebook.effectiveParent(code) === null) {
      problems.push({ path, message: `"${code.name}" is inside its own sub-codes (a cycle of parents); it is shown at the top level`, severity: 'error' });
    }
  }
  for (const parent of [null, ...codebook.all().map((c) => c.id)]) {
    const seen = new Map<string, string>();
    for (const child of codebook.children(parent)) {
      const key = child.name.toLocaleLowerCase();
      const other = seen.get(key);
      if (other) problems.push({ path: `.grounded/codes/${child.id}.json`, message: `has the same name as ${other} under the same parent ("${child.name}")`, severity: 'warning' });
      seen.set(key, child.id);
    }
  }
  return problems;
}

