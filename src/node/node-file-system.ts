import { randomBytes } from 'node:crypto';
import { close, constants, fstat as fstatCallback, open, promises as fs } from 'node:fs';
import { promisify } from 'node:util';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { DirectoryEntry, FileSystem } from '../core/ports';
import { ConcurrencyLimit } from '../core/concurrency-limit';
import { UnreadableFileError, checkFileSize } from '../core/storage/file-text';
import { notRegular, readInto, readToEnd, textOf } from './descriptor-reads';
import { TEMPORARY_FOLDER, TEMPORARY_GITIGNORE, TEMPORARY_GITIGNORE_TEXT, temporaryFileName } from '../core/storage/temporary-files';

const READS_AT_ONCE = 32;
/** What a first read asks for: more than most coding files, transcripts and memos hold. */
const FIRST_READ_BYTES = 64 * 1024;

// Descriptors, not FileHandles: a FileHandle's bookkeeping (its close above all) cost a fifth of
// the time to read a project of a few thousand small files.
const openFile = promisify(open);
const fstat = promisify(fstatCallback);
const closeFile = promisify(close);
/** Undefined where the platform has no such flag (Windows): every read then resolves its path whole. */
const O_NOFOLLOW: number | undefined = constants.O_NOFOLLOW;

/**
 * The core's FileSystem over Node's fs, rooted at a project folder. Paths come from project files,
 * imported archives and collaborators' commits, so every path is kept inside the project: no `..`
 * out of it, no symbolic link followed out of it when reading, no link written through at all,
 * and only regular files read (a link to `/dev/zero` or a FIFO would never end).
 */
export class NodeFileSystem implements FileSystem {
  readonly rootPath: string;
  private realRoot: string | undefined;
  private readonly realFolders = new Map<string, Promise<string>>();
  /** Reads and listings in flight at most (see ConcurrencyLimit: the host stays responsive while a project loads). */
  private readonly reads = new ConcurrencyLimit(READS_AT_ONCE);
  /** One per read in flight at most (READS_AT_ONCE), kept for the next reads. */
  private readonly firstReadBuffers: Buffer[] = [];

  constructor(root: string) {
    this.rootPath = resolve(root);
  }

  private abs(path: string): string {
    // join normalises (it resolves `..` and doubled separators) and rootPath is absolute, so only a
    // trailing separator is left for resolve to take off; most paths have none.
    const joined = join(this.rootPath, path);
    const full = joined.length > 1 && joined.endsWith(sep) ? resolve(joined) : joined;
    if (!isInside(this.rootPath, full)) throw new Error(`${path}: outside the project folder`);
    return full;
  }

  /** Refuses (UnreadableFileError) a file too large to read, or one that is not UTF-8. */
  readFile(path: string): Promise<string | undefined> {
    // The folders' real paths are remembered while reads follow one another without a pause (a
    // project being loaded): a moment later a folder may have been replaced by a link.
    if (this.reads.active === 0) this.realFolders.clear();
    return this.reads.run(() => this.readNow(path));
  }

  /**
   * Where the file really is, checked to be inside the project: its folder's real path (shared by
   * the reads of one load) and a last part opened without following a link. A last part that is a
   * link is resolved whole, the slower way.
   */
  private async readNow(path: string): Promise<string | undefined> {
    const full = this.abs(path);
    const folder = await orNotFound(this.realFolder(dirname(full)));
    if (folder === undefined) return undefined;
    const fd = O_NOFOLLOW === undefined ? 'link' : await this.openInside(path, join(folder, basename(full)), O_NOFOLLOW);
    if (fd === 'not found') return undefined;
    if (fd !== 'link') return this.readOpened(path, fd);
    const real = await orNotFound(fs.realpath(full));
    const opened = real === undefined ? 'not found' : await this.openInside(path, real, 0);
    return opened === 'not found' || opened === 'link' ? undefined : this.readOpened(path, opened);
  }

  private realFolder(folder: string): Promise<string> {
    let real = this.realFolders.get(folder);
    if (!real) {
      real = fs.realpath(folder);
      this.realFolders.set(folder, real);
      // A folder that is not there now may be there at the next read.
      real.catch(() => this.realFolders.delete(folder));
    }
    return real;
  }

  /**
   * Opens `real` (a path with no link in its folders) once it is known to be inside the project,
   * without blocking: a FIFO would otherwise wait for a writer forever. 'link' when `flags` has
   * O_NOFOLLOW and the last part is a link.
   */
  private async openInside(path: string, real: string, flags: number): Promise<number | 'link' | 'not found'> {
    // Refusals are unreadable files: reported with their path like any other, not a crash.
    if (!isInside(await this.realRootPath(), real)) throw new UnreadableFileError(path, undefined, `a symbolic link to ${real}, outside the project folder; Grounded reads only files inside the project`);
    try {
      return await openFile(real, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | flags);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ELOOP on Linux and macOS, EMLINK on FreeBSD.
      if (flags !== 0 && (code === 'ELOOP' || code === 'EMLINK')) return 'link';
      if (code === 'ENOENT' || code === 'ENOTDIR') return 'not found';
      throw error;
    }
  }

  /**
   * The file's text, checked through the descriptor: what is read is what was checked. Most files
   * are read whole by a first read (see firstRead); the rest are looked at through fstat first.
   */
  private async readOpened(path: string, fd: number): Promise<string> {
    try {
      const whole = await this.firstRead(path, fd);
      if (whole !== undefined) return whole;
      const opened = await fstat(fd);
      if (!opened.isFile()) throw notRegular(path, opened);
      checkFileSize(path, opened.size);
      return textOf(path, await readToEnd(fd, opened.size));
    } finally {
      await closeFile(fd);
    }
  }

  /**
   * One read at offset 0 into a reused buffer: a read that does not fill it has reached the end of
   * a regular file, which is then read without asking for its size (a project's files are mostly
   * smaller than the buffer, and a project is read thousands of files at a time: one request fewer
   * per file is a sixth of the time to read them). What is not a regular file fails this read (a
   * pipe cannot be read at an offset, a folder not at all) or fills the buffer (a device such as
   * /dev/zero), and undefined sends it to fstat, which refuses it. The one exception is a device
   * node made inside the project that reads as empty, as /dev/null does: it reads as an empty file.
   */
  private async firstRead(path: string, fd: number): Promise<string | undefined> {
    const buffer = this.firstReadBuffers.pop() ?? Buffer.allocUnsafe(FIRST_READ_BYTES);
    try {
      let bytesRead: number;
      try {
        ({ bytesRead } = await readInto(fd, buffer, 0, buffer.length, 0));
      } catch {
        return undefined;
      }
      // Decoded before the buffer is given back: the text is a copy.
      return bytesRead < buffer.length ? textOf(path, buffer.subarray(0, bytesRead)) : undefined;
    } finally {
      this.firstReadBuffers.push(buffer);
    }
  }

  async writeFileAtomic(path: string, content: string): Promise<void> {
    const target = await this.writable(path);
    const temporaryFolder = await this.writable(TEMPORARY_FOLDER);
    await fs.mkdir(temporaryFolder, { recursive: true });
    await fs.writeFile(await this.writable(TEMPORARY_GITIGNORE), TEMPORARY_GITIGNORE_TEXT, { flag: 'wx' }).catch(ignoreCode('EEXIST'));
    await fs.mkdir(dirname(target), { recursive: true });
    const temp = join(temporaryFolder, temporaryFileName(Date.now(), randomBytes(6).toString('hex')));
    try {
      // On disk before the rename: a power cut then leaves the old file or the new one, never an empty one.
      const handle = await fs.open(temp, 'wx');
      try {
        await handle.writeFile(content, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, target);
    } catch (error) {
      await fs.rm(temp, { force: true });
      throw error;
    }
    await syncFolder(dirname(target));
  }

  async deleteFile(path: string): Promise<void> {
    await fs.rm(await this.writable(path), { force: true });
  }

  async rename(from: string, to: string): Promise<void> {
    const source = await this.writable(from);
    const target = await this.writable(to);
    await fs.mkdir(dirname(target), { recursive: true });
    await fs.rename(source, target);
  }

  readDirectory(path: string): Promise<DirectoryEntry[]> {
    return this.reads.run(() => this.listNow(path));
  }

  private async listNow(path: string): Promise<DirectoryEntry[]> {
    try {
      // Entries that are links are left out (Dirent does not follow them): nothing outside is listed.
      const full = this.abs(path);
      const entries = await fs.readdir(full, { withFileTypes: true });
      // One real path for the listing (none when a listing above it knew it already), and its
      // subfolders' follow from it.
      if (!this.realFolders.has(full)) void this.realFolder(full);
      this.rememberSubfolders(full, entries);
      return entries
        .filter((e) => e.isFile() || e.isDirectory())
        .map((e) => ({ name: e.name, kind: e.isDirectory() ? ('directory' as const) : ('file' as const) }));
    } catch (error) {
      if (isNotFound(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
      throw error;
    }
  }

  /**
   * A listing shows which entries are folders and not links: where the listed folder's real path
   * is remembered, its subfolders' are known too, and the files in them (a project's coding, one
   * folder per transcript) are read without resolving each folder again.
   */
  private rememberSubfolders(full: string, entries: readonly { name: string; isDirectory(): boolean }[]): void {
    const real = this.realFolders.get(full);
    if (real === undefined) return;
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      const folder = join(full, entry.name);
      if (this.realFolders.has(folder)) continue;
      const known = real.then((r) => join(r, entry.name));
      this.realFolders.set(folder, known);
      known.catch(() => this.realFolders.delete(folder));
    }
  }

  /** The project folder with every link in its own path resolved (a home folder may be a link). */
  private async realRootPath(): Promise<string> {
    this.realRoot ??= await fs.realpath(this.rootPath);
    return this.realRoot;
  }

  /**
   * The absolute path to write, delete or rename at, once no part of it below the project folder
   * is a symbolic link: a linked folder would carry the write outside the project, and a linked
   * file would be replaced by a copy. Parts that do not exist yet are created as real folders.
   */
  private async writable(path: string): Promise<string> {
    const full = this.abs(path);
    let at = this.rootPath;
    for (const part of relative(this.rootPath, full).split(sep).filter(Boolean)) {
      at = join(at, part);
      let stat;
      try {
        stat = await fs.lstat(at);
      } catch (error) {
        if (isNotFound(error)) break;
        throw error;
      }
      if (stat.isSymbolicLink()) throw new Error(`${path}: ${relative(this.rootPath, at).split(sep).join('/')} is a symbolic link; Grounded does not write through links`);
    }
    return full;
  }
}

function isInside(root: string, full: string): boolean {
  return full === root || full.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** Make a rename durable: sync the folder that holds the entry. Not every platform can (Windows). */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch {
    // Folders cannot be opened or synced on every platform; the file itself is synced.
  } finally {
    await handle?.close();
  }
}

function ignoreCode(code: string): (error: unknown) => void {
  return (error) => {
    if ((error as NodeJS.ErrnoException)?.code !== code) throw error;
  };
}

/** The path, or undefined where it (or a folder on the way to it) does not exist. */
async function orNotFound(path: Promise<string>): Promise<string | undefined> {
  try {
    return await path;
  } catch (error) {
    if (isNotFound(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException)?.code === 'ENOENT';
}
