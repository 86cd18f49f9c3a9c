import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { DirectoryEntry, FileSystem } from '../core/ports';
import { checkFileSize, decodeFileText } from '../core/storage/file-text';

/** The core's FileSystem over Node's fs, rooted at a project folder. */
export class NodeFileSystem implements FileSystem {
  readonly rootPath: string;

  constructor(root: string) {
    this.rootPath = resolve(root);
  }

  private abs(path: string): string {
    const full = resolve(join(this.rootPath, ...path.split('/')));
    // Paths come from project files: never let one reach outside the project.
    if (full !== this.rootPath && !full.startsWith(this.rootPath + sep)) throw new Error(`${path}: outside the project folder`);
    return full;
  }

  /** Refuses (UnreadableFileError) a file too large to read, or one that is not UTF-8. */
  async readFile(path: string): Promise<string | undefined> {
    let bytes: Uint8Array;
    try {
      const full = this.abs(path);
      checkFileSize(path, (await fs.stat(full)).size);
      bytes = await fs.readFile(full);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
    return decodeFileText(path, bytes);
  }

  async writeFileAtomic(path: string, content: string): Promise<void> {
    const target = this.abs(path);
    await fs.mkdir(dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await fs.writeFile(temp, content, 'utf8');
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
  }

  async deleteFile(path: string): Promise<void> {
    await fs.rm(this.abs(path), { force: true });
  }

  async rename(from: string, to: string): Promise<void> {
    const target = this.abs(to);
    await fs.mkdir(dirname(target), { recursive: true });
    await fs.rename(this.abs(from), target);
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    try {
      const entries = await fs.readdir(this.abs(path), { withFileTypes: true });
      return entries
        .filter((e) => e.isFile() || e.isDirectory())
        .map((e) => ({ name: e.name, kind: e.isDirectory() ? ('directory' as const) : ('file' as const) }));
    } catch (error) {
      if (isNotFound(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
      throw error;
    }
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}
