/**
 * The browser platform (vscode.dev, github.dev): a web-worker extension host. Every file goes
 * through `workspace.fs`; there is no git binary, no child process and no operating-system
 * account, so the coder's name comes from the `grounded.coder` setting.
 */
import { WorkspaceFileSystem } from '../project/workspace-file-system';
import { docxToHtml } from './docx';
import type { Platform } from './platform';

export const webPlatform: Platform = {
  kind: 'web',
  projectFileSystem: (root) => new WorkspaceFileSystem(root),
  gitUserName: () => Promise.resolve(undefined),
  accountName: () => undefined,
  docxToHtml,
  git: undefined,
  fingerprint: undefined,
};
