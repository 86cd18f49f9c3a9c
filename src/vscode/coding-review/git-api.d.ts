/**
 * The part of VS Code's built-in Git extension API (`vscode.git`, `getAPI(1)`) that comparing
 * coding uses, declared here from its documented shape (extensions/git/src/api/git.d.ts in VS
 * Code). Methods added in later versions are optional, so an older Git extension still works.
 */
import type { Event, Uri } from 'vscode';

export interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

export type GitApiState = 'uninitialized' | 'initialized';

export interface GitApi {
  readonly state: GitApiState;
  readonly onDidChangeState: Event<GitApiState>;
  readonly repositories: readonly GitRepository[];
  getRepository(uri: Uri): GitRepository | null;
  openRepository?(root: Uri): Promise<GitRepository | null>;
}

/** RefType: 0 a local branch, 1 a remote branch, 2 a tag. */
export interface GitRef {
  readonly type: 0 | 1 | 2;
  readonly name?: string;
  readonly commit?: string;
  readonly remote?: string;
}

export interface GitRepository {
  readonly rootUri: Uri;
  readonly state: { readonly HEAD: GitRef | undefined; readonly refs?: readonly GitRef[] };
  /** The bytes `git show <ref>:<path>` prints (a file's content, or a folder's listing). */
  buffer(ref: string, path: string): Promise<Uint8Array>;
  getRefs?(query: { pattern?: string | string[]; count?: number; sort?: 'alphabetically' | 'committerdate' }): Promise<GitRef[]>;
  getMergeBase(ref1: string, ref2: string): Promise<string | undefined>;
  getConfig(key: string): Promise<string>;
  getCommit(ref: string): Promise<{ hash: string; message: string }>;
}
