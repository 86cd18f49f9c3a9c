import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { diffSnapshots, renderMarkdown } from '../../core/coding-review';
import type { FileSource } from '../../core/ports';
import { loadSnapshot, type ProjectSnapshot } from '../../core/project-index';
import { PROJECT_FILE } from '../../core/storage/format';
import { defaultBranch, GitFileSource, isDirty, mergeBase, repositoryPrefix, resolveCommit } from '../../node/git-file-source';
import { NodeFileSystem } from '../../node/node-file-system';
import type { CliCommand, CliIo } from '../cli-command';
import { projectRootOrExplain } from '../project-root';

const HELP = `Usage: grounded diff [dir] [base] [head] [options]

What changed in the coding between two versions of a project, read straight from git: segments
added, removed, recoded, re-bounded (the words gained or lost at each edge), moved only because the
transcript text changed, and needing review; codes added, renamed, recoloured, moved, merged, split
or deleted; memos and participants' attributes. See docs/review.md.

Which versions:
  (none)        the working tree against HEAD when the project has uncommitted changes; otherwise
                HEAD against where it left the default branch (origin/HEAD, else main or master)
  base          that revision against the working tree
  base head     two revisions
  base...head   head against the common ancestor of the two (what a pull request shows)

A first argument naming an existing folder is the project folder (default: the current folder).

Options:
  --format F     md (default): Markdown made for a pull-request comment; json: the changes as data
  --no-quotes    Privacy mode: no interview text, comments, memo titles or attribute values; only
                 counts, codes, coders, transcript names and line numbers
  -h, --help     Show this help

Exit code: 0 when the diff was made; 1 when it was made but a code, coding or attributes file could
not be read on either side (a merge conflict, invalid JSON or records): such a file is listed first,
and its records are left out rather than shown as added or removed; 2 when no diff could be made.
`;

/** Which two versions to compare; undefined stands for the working tree. */
interface Versions {
  base: string;
  head: string | undefined;
}

export const diffCommand: CliCommand = {
  name: 'diff',
  usage: 'diff [dir] [base] [head] [--format md|json] [--no-quotes]   Coding changes between two revisions, for review',
  options: { format: { type: 'string' }, 'no-quotes': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  async run(positionals, values, io) {
    if (values.help) {
      io.out(HELP);
      return 0;
    }
    const format = values.format ?? 'md';
    if (format !== 'md' && format !== 'json') return usageError(io, `--format must be md or json (got "${String(format)}")`);
    const [dir, revisions] = splitArguments(positionals, io.cwd);
    if (revisions.length > 2) return usageError(io, 'give at most two revisions: base and head');
    const root = projectRootOrExplain(dir, io);
    if (!root) return 2;
    const sources: GitFileSource[] = [];
    try {
      const prefix = await repositoryPrefix(root);
      const versions = await chooseVersions(root, revisions);
      const open = async (rev: string | undefined): Promise<FileSource> => {
        if (rev === undefined) return new NodeFileSystem(root);
        const source = await GitFileSource.open(root, await resolveCommit(root, rev), prefix);
        sources.push(source);
        return source;
      };
      const [baseSource, headSource] = await Promise.all([open(versions.base), open(versions.head)]);
      const head = await readSide(headSource, undefined);
      const base = await readSide(baseSource, head.snapshot);
      const diff = diffSnapshots(base.snapshot, head.snapshot, { memoTexts: { base: base.memoTexts, head: head.memoTexts } });
      const labels = { base: shortId(versions.base), head: versions.head === undefined ? 'working tree' : shortId(versions.head) };
      const quotes = values['no-quotes'] !== true;
      if (format === 'json') io.out(`${JSON.stringify({ ...labels, ...(quotes ? diff : withoutText(diff)) }, null, 2)}\n`);
      else io.out(`${renderMarkdown(diff, { quotes, ...labels })}\n`);
      if (diff.problems.length === 0) return 0;
      // Said on stderr too: a script that keeps only stdout on success still learns why it failed.
      io.err(unreadableMessage(diff.problems, quotes));
      return 1;
    } catch (error) {
      io.err(`grounded diff: ${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    } finally {
      for (const s of sources) s.dispose();
    }
  },
};

/** A first positional that names an existing folder is the project folder; the rest are revisions. */
function splitArguments(positionals: string[], cwd: string): [string | undefined, string[]] {
  const [first, ...rest] = positionals;
  if (first !== undefined && isFolder(resolve(cwd, first))) return [first, rest];
  return [undefined, positionals];
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

async function chooseVersions(root: string, revisions: string[]): Promise<Versions> {
  if (revisions.length === 2) return { base: revisions[0], head: revisions[1] };
  if (revisions.length === 1) {
    const range = /^(.+?)(\.\.\.?)(.+)$/.exec(revisions[0]);
    if (!range) return { base: revisions[0], head: undefined };
    const [, a, dots, b] = range;
    return { base: dots === '...' ? await mergeBase(root, a, b) : a, head: b };
  }
  if (await isDirty(root)) return { base: 'HEAD', head: undefined };
  const branch = await defaultBranch(root);
  if (branch === undefined) return { base: 'HEAD', head: undefined };
  return { base: await mergeBase(root, 'HEAD', branch), head: 'HEAD' };
}

/** A side's snapshot and its memos' texts; a revision without the project reads as an empty one. */
async function readSide(source: FileSource, like: ProjectSnapshot | undefined): Promise<{ snapshot: ProjectSnapshot; memoTexts: Record<string, string> }> {
  if (like && (await source.readFile(PROJECT_FILE)) === undefined) {
    const attributes = { ...like.attributes, problems: [] };
    return { snapshot: { ...like, codes: [], coders: [], transcripts: [], memos: [], problems: [], attributes }, memoTexts: {} };
  }
  const snapshot = await loadSnapshot(source);
  const texts = await Promise.all(snapshot.memos.map((m) => source.readFile(m.path)));
  return { snapshot, memoTexts: Object.fromEntries(snapshot.memos.map((m, i) => [m.path, texts[i] ?? ''])) };
}

/** The JSON of privacy mode: the same shape without interview text, comments, memo titles or values. */
function withoutText(diff: ReturnType<typeof diffSnapshots>): Record<string, unknown> {
  return {
    ...diff,
    transcripts: diff.transcripts.map((t) => ({
      ...t,
      changes: t.changes.map(({ quote: _q, quoteBefore: _qb, edges: _e, comment: _c, commentBefore: _cb, ...rest }) => rest),
    })),
    memos: diff.memos.map(({ title: _t, titleBefore: _tb, ...rest }) => rest),
    attributes: diff.attributes.map(({ before: _b, after: _a, participant: _p, ...rest }) => rest),
    // A problem's message can quote a value from the file (a segment's text, say).
    problems: diff.problems.map(({ message: _m, ...rest }) => rest),
  };
}

/** One line per unreadable file and side, as `side: path:line: message`. */
function unreadableMessage(problems: ReturnType<typeof diffSnapshots>['problems'], quotes: boolean): string {
  const seen = new Map<string, string>();
  for (const p of problems) {
    const key = `${p.side}\u0000${p.path}`;
    if (seen.has(key)) continue;
    const reason = quotes ? p.message : p.kind === 'merge-conflict' ? 'unresolved git merge conflict' : 'not a valid Grounded file';
    seen.set(key, `  ${p.side}: ${p.path}${p.line === undefined ? '' : `:${p.line}`}: ${reason}\n`);
  }
  return `grounded diff: ${seen.size} file(s) could not be read; their records are left out of the comparison:\n${[...seen.values()].join('')}`;
}

/** A full commit id (what CI passes) shortened for the heading; names stay as they are. */
function shortId(revision: string): string {
  return /^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 12) : revision;
}

function usageError(io: CliIo, message: string): number {
  io.err(`grounded diff: ${message}\n`);
  return 2;
}
