/**
 * Which revisions to offer for "Compare Coding with…": the pull request's base when the branch is
 * one the GitHub Pull Requests extension checked out, then the branch's recorded merge base, the
 * default branch, other branches and tags. Pure: the adapter reads git config and refs.
 */

export interface RefSummary {
  /** Short name: `main`, `origin/main`, `v1.0`. */
  name: string;
  kind: 'branch' | 'remote' | 'tag';
  commit?: string;
}

export interface BaseCandidate {
  /** What is compared against: the merge base of HEAD with `ref`, or `ref` itself. */
  ref: string;
  mergeBase: boolean;
  /** Why it is offered, in the researcher's words. */
  reason: string;
}

/**
 * The base a pull request would be reviewed against, or undefined when nothing says it. The GitHub
 * Pull Requests extension records `branch.<name>.github-pr-base-branch` as `owner#repo#base`; VS
 * Code's Git records `branch.<name>.vscode-merge-base` as `<remote>/<branch>`. A pull request shows
 * its changes from the merge base of its head and the base branch, so that is what is compared.
 */
export function pullRequestBase(config: { githubPrBase?: string; vscodeMergeBase?: string }, refs: readonly RefSummary[]): BaseCandidate | undefined {
  const remotes = new Set(refs.filter((r) => r.kind === 'remote').map((r) => r.name));
  const pr = config.githubPrBase?.trim().replace(/^"|"$/g, '');
  if (pr) {
    const base = pr.split('#').pop()!;
    const recorded = config.vscodeMergeBase?.trim();
    const candidates = [recorded, `origin/${base}`, `upstream/${base}`, ...[...remotes].filter((r) => r.endsWith(`/${base}`))].filter((r): r is string => !!r);
    const ref = candidates.find((r) => remotes.has(r));
    if (ref) return { ref, mergeBase: true, reason: `pull request base (${base}), from where this branch left it` };
  }
  const recorded = config.vscodeMergeBase?.trim();
  if (recorded && (remotes.has(recorded) || refs.some((r) => r.name === recorded))) return { ref: recorded, mergeBase: true, reason: 'where this branch left its base branch' };
  return undefined;
}

/** Offers in order: the pull request's base, the default branch's merge base, then every ref. */
export function baseCandidates(current: string | undefined, pr: BaseCandidate | undefined, refs: readonly RefSummary[]): BaseCandidate[] {
  const out: BaseCandidate[] = [];
  if (pr) out.push(pr);
  const names = new Set(refs.map((r) => r.name));
  const fallback = ['origin/HEAD', 'origin/main', 'origin/master', 'main', 'master'].find((n) => names.has(n) && n !== current);
  if (fallback && !out.some((c) => c.ref === fallback)) out.push({ ref: fallback, mergeBase: true, reason: 'where this branch left the default branch' });
  for (const r of refs) {
    if (r.name === current || r.name.endsWith('/HEAD')) continue;
    out.push({ ref: r.name, mergeBase: false, reason: r.kind === 'tag' ? 'tag' : r.kind === 'remote' ? 'remote branch' : 'branch' });
  }
  return out;
}
