import * as vscode from 'vscode';
import type { DirectoryEntry, FileSystem } from '../../core/ports';
import { checkFileSize, decodeFileText } from '../../core/storage/file-text';
import { NodeFileSystem } from '../../node/node-file-system';

const encoder = new TextEncoder();

/**
 * The core's FileSystem for a project folder. Local folders (`file:`) are read with Node's fs in
 * the extension host: measured at activation, `workspace.fs` took ~0.9 s to read a 16-code
 * codebook while the workbench was starting, Node's fs a few milliseconds. Any other scheme
 * (remote, virtual) goes through `workspace.fs`.
 */
export function projectFileSystem(root: vscode.Uri): ProjectFileSystem {
  return root.scheme === 'file' ? new LocalProjectFileSystem(root) : new WorkspaceFileSystem(root);
}

/** A FileSystem that also maps between project paths and URIs. */
export interface ProjectFileSystem extends FileSystem {
  readonly root: vscode.Uri;
  uri(path: string): vscode.Uri;
  relative(uri: vscode.Uri): string | undefined;
}

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

function uriIn(root: vscode.Uri, path: string): vscode.Uri {
  return vscode.Uri.joinPath(root, ...path.split('/'));
}

function relativeIn(root: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== root.scheme || uri.authority !== root.authority) return undefined;
  const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}

/** The core's FileSystem over `workspace.fs`: works for remote and virtual workspaces too. */
export class WorkspaceFileSystem implements ProjectFileSystem {
  constructor(readonly root: vscode.Uri) {}

  uri(path: string): vscode.Uri {
    return uriIn(this.root, path);
  }

  /** The project-relative POSIX path of a URI inside the project, or undefined. */
  relative(uri: vscode.Uri): string | undefined {
    return relativeIn(this.root, uri);
  }

  /** Refuses (UnreadableFileError) a file too large to read, or one that is not UTF-8. */
  async readFile(path: string): Promise<string | undefined> {
    let bytes: Uint8Array;
    try {
      const uri = this.uri(path);
      checkFileSize(path, (await vscode.workspace.fs.stat(uri)).size);
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
    return decodeFileText(path, bytes);
  }

  async writeFileAtomic(path: string, content: string): Promise<void> {
    const target = this.uri(path);
    // Write beside the target, then rename over it: a crash or a full disk leaves the old file intact.
    const temp = this.uri(`${path}.${randomSuffix()}.tmp`);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    await vscode.workspace.fs.writeFile(temp, encoder.encode(content));
    try {
      await vscode.workspace.fs.rename(temp, target, { overwrite: true });
    } catch (error) {
      await vscode.workspace.fs.delete(temp).then(undefined, () => undefined);
      throw error;
    }
  }

  async deleteFile(path: string): Promise<void> {
    try {
      await vscode.workspace.fs.delete(this.uri(path), { useTrash: false });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  async rename(from: string, to: string): Promise<void> {
    const target = this.uri(to);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    await vscode.workspace.fs.rename(this.uri(from), target, { overwrite: false });
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    try {
      const entries = await vscode.workspace.fs.readDirectory(this.uri(path));
      return entries
        .filter(([, type]) => type === vscode.FileType.File || type === vscode.FileType.Directory)
        .map(([name, type]) => ({ name, kind: type === vscode.FileType.Directory ? 'directory' : 'file' }));
    } catch (error) {
      if (isNotFound(error)) return [];
      throw error;
    }
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof vscode.FileSystemError && error.code === 'FileNotFound';
}

function randomSuffix(): string {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
