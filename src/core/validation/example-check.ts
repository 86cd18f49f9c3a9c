/**
 * A code's example names the segment it was taken from. When that segment is deleted (or recoded
 * on another branch), the codebook still shows the example's saved text, but it no longer points at
 * a passage anyone coded: the researcher is told, at the example's line, so the codebook they hand
 * in does not quote a passage the coding has dropped.
 */
import type { Codebook } from '../codebook';
import { normaliseText } from '../anchoring';
import type { FileProblem } from '../model';
import type { FileSource } from '../ports';
import { readFileText } from '../storage/file-text';
import { codeFilePath } from '../storage/format';
import { lineOfMember, memberLines } from '../storage/format/json-scanner';

/** `segments`: every segment's codes by segment id, as the coding holds them now. */
export async function exampleProblems(source: FileSource, codebook: Codebook, segments: ReadonlyMap<string, readonly string[]>): Promise<FileProblem[]> {
  const problems: FileProblem[] = [];
  for (const code of codebook.all()) {
    const example = code.example;
    if (example === undefined) continue;
    const codes = segments.get(example.segment);
    const message =
      codes === undefined
        ? `the example of "${code.name}" comes from segment ${example.segment}, which is no longer in the coding (deleted?); the codebook shows its saved text: choose another example, or keep it knowingly`
        : codes.includes(code.id)
          ? undefined
          : `the example of "${code.name}" comes from segment ${example.segment}, which is no longer coded "${code.name}"; choose another example`;
    if (message === undefined) continue;
    const path = codeFilePath(code.id);
    const text = await readFileText(source, path);
    const lines = memberLines(typeof text === 'string' ? normaliseText(text) : '', ['/example']);
    problems.push({ path, line: lineOfMember(lines, '/example'), message, severity: 'warning' });
  }
  return problems;
}
