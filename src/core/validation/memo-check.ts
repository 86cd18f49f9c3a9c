import { normaliseText } from '../anchoring';
import type { Codebook } from '../codebook';
import { parseTranscript } from '../markdown';
import { linksOf, memosFolder, type MemoLink } from '../memos';
import { memoDateProblem } from '../memos/memo-date';
import { codeIdForName } from '../memos/memo-report';
import { listFiles } from '../interchange/refi/project-files';
import type { FileProblem, ProjectConfig } from '../model';
import type { FileSource } from '../ports';
import { UnreadableFileError, readFileText } from '../storage/file-text';
import type { TranscriptCoding } from '../storage/coding-repository';
import { memoReferenceProblems } from './memo-reference-check';
import { memoConflicts } from './study-files';

/** The keys a memo's header uses; a line starting with one of them belongs to a header. */
const HEADER_KEY = /^(code|transcript|segment|segments|coder|author|date|kind)\s*:/;

/**
 * Memos whose header (front matter) no longer says what they are about: a header that does not
 * start on the first line (text typed above it) is not read at all, so the memo silently loses its
 * link; a header that is not valid YAML likewise; conflict markers a merge left in the memo. Links
 * to codes, transcripts or segments that no longer exist are warnings: the memo is kept and still
 * readable. So is a `date:` that cannot be read as a day: the memo is shown undated.
 */
export async function memoProblems(fs: FileSource, config: ProjectConfig, codebook: Codebook, codings: readonly TranscriptCoding[]): Promise<FileProblem[]> {
  const problems: FileProblem[] = [];
  const paths = await listFiles(fs, memosFolder(config), (path) => path.toLowerCase().endsWith('.md'));
  for (const path of paths) {
    const raw = await readFileText(fs, path);
    if (raw instanceof UnreadableFileError) {
      problems.push(raw.problem);
      continue;
    }
    if (raw === undefined) continue;
    // A conflicted memo's header and links are both sides' at once: the conflict is what to report.
    const conflicts = memoConflicts(path, raw);
    if (conflicts) {
      problems.push(...conflicts);
      continue;
    }
    const text = normaliseText(raw);
    const frontMatter = parseTranscript(text).frontMatter;
    if (frontMatter === undefined) {
      const line = misplacedHeaderLine(text);
      if (line !== undefined) problems.push({ path, line, message: MISPLACED, severity: 'error' });
      problems.push(...memoReferenceProblems(path, text, { data: {}, end: 0 }, codebook, codings));
    } else if (frontMatter.error !== undefined) {
      problems.push({ path, line: lineIn(frontMatter.error) ?? 1, message: `the memo's header cannot be read, so what the memo is about is lost: ${frontMatter.error}`, severity: 'error' });
    } else {
      const lines = text.slice(0, frontMatter.range.end).split('\n');
      problems.push(...linkProblems(path, lines, frontMatter.data, codebook, codings, await existing(fs, frontMatter.data)));
      problems.push(...memoReferenceProblems(path, text, { data: frontMatter.data, end: frontMatter.range.end }, codebook, codings));
    }
  }
  return problems;
}

const MISPLACED =
  'the memo\'s header (the "---" block saying what it is about) does not start on the first line, so its link is not read; was text typed above it? Move that text below the header';

/** The 1-based line of a `---` fence followed by header keys, below the first line. */
function misplacedHeaderLine(text: string): number | undefined {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length - 1; i++) {
    if (/---\s*$/.test(lines[i]) && HEADER_KEY.test(lines[i + 1])) return i + 1;
  }
  return undefined;
}

function lineIn(message: string): number | undefined {
  const match = /\(line (\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}

/** Which transcripts the header names exist (read once per memo). */
async function existing(fs: FileSource, data: Record<string, unknown>): Promise<Set<string>> {
  const found = new Set<string>();
  for (const link of linksOf(data)) {
    if (link.kind !== 'code' && typeof (await readFileText(fs, link.transcript)) === 'string') found.add(link.transcript);
  }
  return found;
}

function linkProblems(
  path: string,
  lines: string[],
  data: Record<string, unknown>,
  codebook: Codebook,
  codings: readonly TranscriptCoding[],
  transcripts: ReadonlySet<string>,
): FileProblem[] {
  const lineOf = (key: string): number | undefined => {
    const i = lines.findIndex((l) => l.startsWith(`${key}:`) || l.startsWith(`${key} :`));
    return i === -1 ? undefined : i + 1;
  };
  const problems: FileProblem[] = [];
  const date = dateProblem(data.date);
  if (date !== undefined) problems.push({ path, line: lineOf('date'), message: date, severity: 'warning' });
  if (data.segment !== undefined && !linksOf(data).some((l) => l.kind === 'segment')) {
    problems.push({ path, line: lineOf('segment'), message: 'names a segment but not both its "transcript:" and "coder:", so the link cannot be followed', severity: 'error' });
  }
  for (const link of linksOf(data)) {
    const message = brokenLink(link, codebook, codings, transcripts);
    if (message !== undefined) problems.push({ path, line: lineOf(link.kind), message, severity: 'warning' });
  }
  return problems;
}

/** As parseMemo reads `date:` (text, or a number such as 20240507), so the two never disagree. */
function dateProblem(value: unknown): string | undefined {
  if (typeof value === 'number') return memoDateProblem(String(value));
  return typeof value === 'string' && value.trim() !== '' ? memoDateProblem(value) : undefined;
}

function brokenLink(link: MemoLink, codebook: Codebook, codings: readonly TranscriptCoding[], transcripts: ReadonlySet<string>): string | undefined {
  if (link.kind === 'code') {
    if (codebook.get(link.code)) return undefined;
    const byName = codeIdForName(codebook.all(), link.code);
    return byName ? `is about code ${link.code}: ${byName}` : `is about code ${link.code}, which is not in the codebook (deleted or merged?)`;
  }
  if (!transcripts.has(link.transcript)) return `is about ${link.transcript}, which does not exist (renamed or deleted?)`;
  if (link.kind === 'transcript') return undefined;
  const coder = codings.find((c) => c.transcript === link.transcript)?.coders.find((c) => c.coder.id === link.coder);
  return coder?.segments.some((s) => s.id === link.segment) ? undefined : `is about segment ${link.segment} of ${link.coder} in ${link.transcript}, which no longer exists`;
}
