import * as vscode from 'vscode';
import { ConcurrencyLimit } from '../../core/concurrency-limit';
import type { DirectoryEntry, FileSystem } from '../../core/ports';
import { UnreadableFileError, checkFileSize, decodeFileText } from '../../core/storage/file-text';
import { TEMPORARY_FOLDER, TEMPORARY_GITIGNORE, TEMPORARY_GITIGNORE_TEXT, temporaryFileName } from '../../core/storage/temporary-files';

const encoder = new TextEncoder();

/** A FileSystem that also maps between project paths and URIs. */
export interface ProjectFileSystem extends FileSystem {
  readonly root: vscode.Uri;
  uri(path: string): vscode.Uri;
  relative(uri: vscode.Uri): string | undefined;
}

export function uriIn(root: vscode.Uri, path: string): vscode.Uri {
  return vscode.Uri.joinPath(root, ...path.split('/'));
}

export function relativeIn(root: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== root.scheme || uri.authority !== root.authority) return undefined;
  const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}

/** The core's FileSystem over `workspace.fs`: works for remote and virtual workspaces too. */
export class WorkspaceFileSystem implements ProjectFileSystem {
  /** Reads and listings in flight at most: their answers would otherwise land in one long batch. */
  private readonly reads = new ConcurrencyLimit(32);

  constructor(readonly root: vscode.Uri) {}

  uri(path: string): vscode.Uri {
    return uriIn(this.root, path);
  }

  /** The project-relative POSIX path of a URI inside the project, or undefined. */
  relative(uri: vscode.Uri): string | undefined {
    return relativeIn(this.root, uri);
  }

  /** Refuses (UnreadableFileError) a file too large to read, or one that is not UTF-8. */
  readFile(path: string): Promise<string | undefined> {
    return this.reads.run(() => this.readNow(path));
  }

  private async readNow(path: string): Promise<string | undefined> {
    const uri = this.uri(path);
    let stat: vscode.FileStat;
    try {
      stat = await vscode.workspace.fs.stat(uri);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
    // `workspace.fs` cannot say where a link leads, so no link is followed; devices and FIFOs are
    // not files (FileType.Unknown) and would never end. Refusals are reported like unreadable files.
    if (stat.type & vscode.FileType.SymbolicLink) throw new UnreadableFileError(path, undefined, 'a symbolic link; Grounded reads only files inside the project, not links');
    if (stat.type !== vscode.FileType.File) throw new UnreadableFileError(path, undefined, 'not a regular file; Grounded reads only regular files');
    checkFileSize(path, stat.size);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
    return decodeFileText(path, bytes);
  }

  async writeFileAtomic(path: string, content: string): Promise<void> {
    const target = await this.writable(path);
    // Write in the project's temporary folder (which git ignores), then rename over the target: a
    // crash or a full disk leaves the old file intact. `workspace.fs` offers no fsync.
    const temp = await this.writable(`${TEMPORARY_FOLDER}/${temporaryFileName(Date.now(), randomSuffix())}`);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(temp, '..'));
    const ignore = this.uri(TEMPORARY_GITIGNORE);
    await vscode.workspace.fs.stat(ignore).then(undefined, () => vscode.workspace.fs.writeFile(ignore, encoder.encode(TEMPORARY_GITIGNORE_TEXT)));
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
      await vscode.workspace.fs.delete(await this.writable(path), { useTrash: false });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  async rename(from: string, to: string): Promise<void> {
    const source = await this.writable(from);
    const target = await this.writable(to);
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
    await vscode.workspace.fs.rename(source, target, { overwrite: false });
  }

  /**
   * The URI to write, once no part of the path (below the project folder) is a symbolic link: a
   * linked folder would carry the write outside the project. Missing parts are created as folders.
   */
  private async writable(path: string): Promise<vscode.Uri> {
    const parts = path.split('/').filter((p) => p !== '' && p !== '.');
    if (parts.includes('..')) throw new Error(`${path}: outside the project folder`);
    for (let i = 1; i <= parts.length; i++) {
      let stat: vscode.FileStat;
      try {
        stat = await vscode.workspace.fs.stat(this.uri(parts.slice(0, i).join('/')));
      } catch (error) {
        if (isNotFound(error)) break;
        throw error;
      }
      if (stat.type & vscode.FileType.SymbolicLink) throw new Error(`${path}: ${parts.slice(0, i).join('/')} is a symbolic link; Grounded does not write through links`);
    }
    return this.uri(path);
  }

  readDirectory(path: string): Promise<DirectoryEntry[]> {
    return this.reads.run(() => this.listNow(path));
  }

  private async listNow(path: string): Promise<DirectoryEntry[]> {
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
