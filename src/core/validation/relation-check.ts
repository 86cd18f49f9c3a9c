/**
 * Problems with the relations between codes, each on the line of the relation in the source code's
 * file: a relation to a code that is not in the codebook (deleted on another branch?), to the code
 * itself, or of a type the project does not declare.
 */
import type { Codebook } from '../codebook';
import type { FileProblem, ProjectConfig } from '../model';
import type { FileSource } from '../ports';
import { relationTypesOf } from '../relations/relation-types';
import { codeFilePath } from '../storage/format';
import { lineOfMember, memberLines } from '../storage/format/json-scanner';
import { normaliseText } from '../storage/format/json-text';
import { readFileText } from '../storage/file-text';

type Found = { index: number; field: 'target' | 'type'; message: string; severity: FileProblem['severity'] };

export async function relationProblems(source: FileSource, codebook: Codebook, config: ProjectConfig): Promise<FileProblem[]> {
  const types = relationTypesOf(config);
  const known = new Set(types.map((t) => t.id));
  const problems: FileProblem[] = [];
  for (const code of codebook.all()) {
    const found: Found[] = [];
    (code.relations ?? []).forEach((r, index) => {
      if (r.target === code.id) found.push({ index, field: 'target', severity: 'error', message: `"${code.name}" is related to itself ("${r.type}"); a relation joins two different codes` });
      else if (!codebook.get(r.target)) found.push({ index, field: 'target', severity: 'error', message: `the relation "${r.type}" of "${code.name}" points at code ${r.target}, which is not in the codebook (deleted on another branch?); remove the relation or restore the code` });
      if (!known.has(r.type)) found.push({ index, field: 'type', severity: 'warning', message: `the relation type "${r.type}" of "${code.name}" is not declared in .grounded/project.json "relationTypes" (known: ${[...known].join(', ')})` });
    });
    if (found.length > 0) problems.push(...(await placed(source, codeFilePath(code.id), code.relations ?? [], found)));
  }
  return problems;
}

/** The file is read again only for codes with a problem, to name the line of each relation. */
async function placed(source: FileSource, path: string, relations: readonly { target: string; type: string }[], found: Found[]): Promise<FileProblem[]> {
  const text = await readFileText(source, path);
  const normalised = typeof text === 'string' ? normaliseText(text) : '';
  // The file's own order may differ from the sorted one in memory: find each relation's entry by content.
  const onDisk = entriesOnDisk(normalised);
  const pointers = found.map((f) => {
    const at = onDisk.findIndex((e) => e.target === relations[f.index].target && e.type === relations[f.index].type);
    return at < 0 ? '/relations' : `/relations/${at}/${f.field}`;
  });
  const lines = memberLines(normalised, pointers);
  return found.map((f, i) => ({ path, line: lineOfMember(lines, pointers[i]), message: f.message, severity: f.severity }));
}

function entriesOnDisk(text: string): { target: unknown; type: unknown }[] {
  try {
    const value = JSON.parse(text) as { relations?: unknown };
    return Array.isArray(value.relations) ? (value.relations as { target: unknown; type: unknown }[]).map((r) => ({ target: r?.target, type: r?.type })) : [];
  } catch {
    return [];
  }
}
