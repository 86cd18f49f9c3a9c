import * as vscode from 'vscode';
import { RevisionFileSource, baseCandidates, pullRequestBase, type BaseCandidate, type RefSummary } from '../../core/coding-review';
import type { NoticeText } from '../../core/views/untrusted-text';
import { notice } from '../ui/notifications';
import type { GitApi, GitExtension, GitRef, GitRepository } from './git-api';

/** How long to wait for the Git extension to find the workspace's repositories before giving up. */
const GIT_START_MS = 20_000;

export type GitAccess = { ok: true; repository: GitRepository; prefix: string } | { ok: false; why: NoticeText };

/**
 * The git repository holding the project folder, through VS Code's own Git extension (so it works
 * wherever that does, with its settings, and needs nothing of ours). Says plainly why not.
 */
export async function openGit(projectRoot: vscode.Uri): Promise<GitAccess> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension || projectRoot.scheme !== 'file') {
    return { ok: false, why: notice`Comparing coding with a git revision needs VS Code's Git extension and a project folder on this computer; neither is available here (for example in the browser). On a computer with git, run "grounded diff" or open the folder in VS Code.` };
  }
  let api: GitApi;
  try {
    const exports = extension.isActive ? extension.exports : await extension.activate();
    if (!exports.enabled) return { ok: false, why: notice`VS Code's Git extension is turned off (setting "git.enabled"), so coding cannot be compared with a git revision.` };
    api = exports.getAPI(1);
  } catch (error) {
    return { ok: false, why: notice`VS Code's Git extension could not be used: ${error instanceof Error ? error.message : String(error)}` };
  }
  await initialised(api);
  const repository = api.getRepository(projectRoot);
  if (!repository) {
    return { ok: false, why: notice`The project folder ${projectRoot.fsPath} is not in a git repository that VS Code's Git has open, so there is no revision to compare with. If it is one, run "Git: Open Repository"; in Restricted Mode, trust the folder first.` };
  }
  const prefix = prefixOf(repository.rootUri, projectRoot);
  if (prefix === undefined) return { ok: false, why: notice`The project folder ${projectRoot.fsPath} is not inside the repository at ${repository.rootUri.fsPath}.` };
  return { ok: true, repository, prefix };
}

/** The project folder inside the repository: '' at its top, else ending in '/'. */
export function prefixOf(root: vscode.Uri, folder: vscode.Uri): string | undefined {
  const r = root.path.replace(/\/$/, '');
  const f = folder.path.replace(/\/$/, '');
  if (f === r) return '';
  return f.startsWith(`${r}/`) ? `${f.slice(r.length + 1)}/` : undefined;
}

function initialised(api: GitApi): Promise<void> {
  if (api.state === 'initialized') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, GIT_START_MS);
    const listener = api.onDidChangeState((state) => (state === 'initialized' ? done() : undefined));
    function done(): void {
      clearTimeout(timer);
      listener.dispose();
      resolve();
    }
  });
}

/** The project as it is at `commit`, read through the Git extension. */
export function revisionSource(repository: GitRepository, commit: string, prefix: string): RevisionFileSource {
  return new RevisionFileSource({ show: (path) => repository.buffer(commit, path) }, prefix);
}

/** What to offer: the pull request's base (as the GitHub Pull Requests extension recorded it) first. */
export async function offeredBases(repository: GitRepository): Promise<BaseCandidate[]> {
  const raw: readonly GitRef[] = repository.getRefs ? await repository.getRefs({ sort: 'committerdate' }) : (repository.state.refs ?? []);
  const refs: RefSummary[] = raw.flatMap((r) => (r.name ? [{ name: r.name, kind: r.type === 0 ? 'branch' : r.type === 1 ? 'remote' : 'tag', commit: r.commit } satisfies RefSummary] : []));
  const head = repository.state.HEAD?.name;
  const config = async (key: string): Promise<string | undefined> => (head ? (await repository.getConfig(`branch.${head}.${key}`).catch(() => '')) || undefined : undefined);
  const pr = pullRequestBase({ githubPrBase: await config('github-pr-base-branch'), vscodeMergeBase: await config('vscode-merge-base') }, refs);
  return baseCandidates(head, pr, refs);
}

/** The commit to read: `ref` itself, or where HEAD and `ref` meet (what a pull request shows). */
export async function resolveBase(repository: GitRepository, candidate: BaseCandidate): Promise<{ commit: string; label: string }> {
  // A typed ref reaches git's command line: one that starts with "-" would be read as an option.
  if (candidate.ref.startsWith('-') || [...candidate.ref].some((c) => c.trim() === '' || c.charCodeAt(0) < 32)) throw new Error(`"${candidate.ref}" is not a branch, tag or commit id`);
  if (candidate.mergeBase) {
    const commit = await repository.getMergeBase('HEAD', candidate.ref);
    if (!commit) throw new Error(`HEAD and ${candidate.ref} have no commit in common`);
    return { commit, label: `merge base with ${candidate.ref} (${commit.slice(0, 8)})` };
  }
  const { hash } = await repository.getCommit(candidate.ref);
  return { commit: hash, label: `${candidate.ref} (${hash.slice(0, 8)})` };
}
