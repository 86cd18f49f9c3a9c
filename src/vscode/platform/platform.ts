/**
 * What differs between the desktop (Node extension host) and the browser (vscode.dev, github.dev:
 * a web-worker extension host with no Node, no child processes and every file behind
 * `workspace.fs`). Everything else is the same code: the two entry files (extension-node.ts,
 * extension-web.ts) each hand their Platform to the one `activate`, and feature modules ask the
 * platform instead of importing Node helpers, so none of them knows where it runs.
 */
import type * as vscode from 'vscode';
import type { FileSource } from '../../core/ports';
import type { AncestorFile } from '../../core/storage/conflict-resolution';
import type { ProjectFileSystem } from '../project/workspace-file-system';

export interface Platform {
  /** For logs and the few messages that must say where something works. */
  readonly kind: 'desktop' | 'web';
  /** The project's files in a workspace folder, read and written the fastest way this host can. */
  projectFileSystem(root: vscode.Uri): ProjectFileSystem;
  /** git's `user.name` for the project folder; undefined where git cannot be run. */
  gitUserName(root: vscode.Uri): Promise<string | undefined>;
  /** The operating-system account name; undefined where there is none to ask (a browser). */
  accountName(): string | undefined;
  /** The HTML of a Word document, for the core's transcript import; loaded only when used. */
  docxToHtml(bytes: Uint8Array, source: string): Promise<string>;
  /** Reading the project at a git revision; undefined where there is no git (a browser). */
  readonly git: GitAccess | undefined;
  /**
   * A file content's cryptographic fingerprint, by which the store remembers what each file held;
   * undefined where none can be made at once (a browser's digest is asynchronous), and the store
   * keeps the whole text.
   */
  readonly fingerprint: ((text: string) => string) | undefined;
}

/** A project's files as they were at one git revision. */
export interface RevisionSource extends FileSource {
  /** The full commit id the revision named. */
  readonly revision: string;
  dispose(): void;
}

export interface GitAccess {
  /** The project folder's files at `revision` (a branch, a tag or a commit). */
  openRevision(root: vscode.Uri, revision: string): Promise<RevisionSource>;
  /** The merge base's version of a path git left conflicted (stage 1); undefined when git does not list it as conflicted. */
  conflictAncestor(root: vscode.Uri, path: string): Promise<AncestorFile | undefined>;
}
