/**
 * What a memo's new parts can get wrong: a `kind:` that is none of the kinds, `segments:` entries
 * that are not segments of the project, and `[[…]]` references in its text that lead nowhere (a
 * code renamed when referred to by name, a code or segment deleted). Warnings, each at its line:
 * the memo is kept and still readable.
 */
import type { Codebook } from '../codebook';
import { isSegmentId, lineAndColumn, MEMO_KINDS, memoKindOf, parseReferences, resolveReference } from '../memos';
import type { FileProblem } from '../model';
import type { TranscriptCoding } from '../storage/coding-repository';

export function memoReferenceProblems(
  path: string,
  text: string,
  header: { data: Record<string, unknown>; end: number },
  codebook: Codebook,
  codings: readonly TranscriptCoding[],
): FileProblem[] {
  const segmentIds = segmentIdsOf(codings);
  const headerLines = text.slice(0, header.end).split('\n');
  const lineOf = (key: string): number | undefined => {
    const i = headerLines.findIndex((l) => new RegExp(`^${key}\\s*:`).test(l));
    return i === -1 ? undefined : i + 1;
  };
  const problems: FileProblem[] = [];
  const warn = (line: number | undefined, message: string): void => void problems.push({ path, line, message, severity: 'warning' });
  if (header.data.kind !== undefined && header.data.kind !== null && memoKindOf(header.data.kind) === undefined) {
    warn(lineOf('kind'), `"kind" is ${JSON.stringify(header.data.kind)}; a memo's kind is one of ${MEMO_KINDS.join(', ')}`);
  }
  const listed = header.data.segments;
  for (const entry of Array.isArray(listed) ? listed : listed === undefined || listed === null ? [] : [listed]) {
    const id = typeof entry === 'string' ? entry.trim() : '';
    if (!isSegmentId(id)) warn(lineOf('segments'), `"segments" lists ${JSON.stringify(entry)}, which is not a segment id (s- and 12 characters)`);
    else if (!segmentIds.has(id)) warn(lineOf('segments'), `"segments" lists segment ${id}, which no longer exists`);
  }
  const codes = codebook.all();
  const body = text.slice(header.end);
  for (const reference of parseReferences(body)) {
    const resolved = resolveReference(reference.target, codes, (id) => segmentIds.has(id));
    if (resolved.kind !== 'broken') continue;
    const { line, column } = lineAndColumn(text, header.end + reference.start);
    warn(line, `the reference ${body.slice(reference.start, reference.end)} at column ${column} leads nowhere: ${resolved.reason}`);
  }
  return problems;
}

/** Every segment id of the project, gathered once per check rather than once per memo. */
const gathered = new WeakMap<readonly TranscriptCoding[], Set<string>>();
function segmentIdsOf(codings: readonly TranscriptCoding[]): Set<string> {
  let ids = gathered.get(codings);
  if (!ids) gathered.set(codings, (ids = new Set(codings.flatMap((t) => t.coders.flatMap((c) => c.segments.map((s) => s.id))))));
  return ids;
}
