/**
 * The desktop platform: a Node extension host with a local disk, git and child processes. The only
 * file under src/vscode (with extension-node.ts) that may reach Node built-ins and src/node.
 */
import * as vscode from 'vscode';
import { accountName, gitUserName } from '../../node/coder-name';
import { contentFingerprint } from '../../node/content-fingerprint';
import { NodeFileSystem } from '../../node/node-file-system';
import { relativeIn, uriIn, WorkspaceFileSystem, type ProjectFileSystem } from '../project/workspace-file-system';
import { docxToHtml } from './docx';
import type { GitAccess, Platform } from './platform';

/**
 * Local folders (`file:`) are read with Node's fs: measured at activation, `workspace.fs` took
 * ~0.9 s to read a 16-code codebook while the workbench was starting, Node's fs a few
 * milliseconds. Any other scheme (remote, virtual) goes through `workspace.fs`.
 */
class LocalProjectFileSystem extends NodeFileSystem implements ProjectFileSystem {
  constructor(readonly root: vscode.Uri) {
    super(root.fsPath);
  }

  uri(path: string): vscode.Uri {
    return uriIn(this.root, path);
  }

  relative(uri: vscode.Uri): string | undefined {
    return relativeIn(this.root, uri);
  }
}

const git: GitAccess = {
  async openRevision(root, revision) {
    if (root.scheme !== 'file') throw new Error(`git can read only a folder on this computer, not ${root.toString()}`);
    // git's plumbing stays out of activation: loaded when a revision is first asked for.
    const { GitFileSource, repositoryPrefix, resolveCommit } = await import('../../node/git-file-source');
    const commit = await resolveCommit(root.fsPath, revision);
    return GitFileSource.open(root.fsPath, commit, await repositoryPrefix(root.fsPath));
  },
  async conflictAncestor(root, path) {
    if (root.scheme !== 'file') return undefined;
    const { conflictAncestor } = await import('../../node/conflict-ancestor');
    return conflictAncestor(root.fsPath, path);
  },
};

export const nodePlatform: Platform = {
  kind: 'desktop',
  projectFileSystem: (root) => (root.scheme === 'file' ? new LocalProjectFileSystem(root) : new WorkspaceFileSystem(root)),
  gitUserName: (root) => (root.scheme === 'file' ? gitUserName(root.fsPath) : Promise.resolve(undefined)),
  accountName,
  docxToHtml,
  git,
  fingerprint: contentFingerprint,
};
