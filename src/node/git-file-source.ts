/**
 * A FileSource over one git revision, read with git's own plumbing: `git ls-tree -r -z` lists the
 * revision's files once, and a single long-lived `git cat-file --batch` process serves every file's
 * content by object id. No git library is needed, any repository git itself can read works
 * (packed, shallow, partial clones, worktrees), and a project of thousands of files costs two
 * processes rather than one per file.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { DirectoryEntry, FileSource } from '../core/ports';

const run = promisify(execFile);

/** Run git in `cwd` and return its stdout; a failure names the command and git's message. */
export async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run('git', args, { cwd, maxBuffer: 1 << 30, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`git ${args.join(' ')}: ${stderr || (error instanceof Error ? error.message : String(error))}`, { cause: error });
  }
}

interface Pending {
  resolve(content: Buffer | undefined): void;
  reject(error: Error): void;
}

export class GitFileSource implements FileSource {
  private readonly blobs = new Map<string, string>();
  private readonly dirs = new Map<string, Map<string, DirectoryEntry['kind']>>();
  private batch: ChildProcessWithoutNullStreams | undefined;
  private readonly pending: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);

  private constructor(
    private readonly repo: string,
    readonly revision: string,
  ) {}

  /**
   * The files of `revision` under `prefix` (the project folder's path inside the repository, with
   * a trailing slash, or '' at the top), as project-relative paths. `repo` is any folder of the
   * repository's working tree.
   */
  static async open(repo: string, revision: string, prefix: string): Promise<GitFileSource> {
    const source = new GitFileSource(repo, revision);
    const listing = await git(repo, ['ls-tree', '-r', '-z', '--full-tree', revision, '--', prefix === '' ? '.' : prefix]);
    for (const entry of listing.split('\0')) {
      if (entry === '') continue;
      // "<mode> <type> <oid>\t<path>": only regular files (no symlinks, no submodules).
      const tab = entry.indexOf('\t');
      const [mode, type, oid] = entry.slice(0, tab).split(' ');
      const path = entry.slice(tab + 1);
      if (type !== 'blob' || mode === '120000' || !path.startsWith(prefix)) continue;
      source.add(path.slice(prefix.length), oid);
    }
    return source;
  }

  async readFile(path: string): Promise<string | undefined> {
    const oid = this.blobs.get(path);
    if (oid === undefined) return undefined;
    const content = await this.request(oid);
    return content?.toString('utf8');
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    const entries = this.dirs.get(path.replace(/\/$/, ''));
    return entries ? [...entries].map(([name, kind]) => ({ name, kind })) : [];
  }

  /** Ends the cat-file process; reads after this start a new one. */
  dispose(): void {
    this.batch?.stdin.end();
    this.batch = undefined;
  }

  private add(path: string, oid: string): void {
    this.blobs.set(path, oid);
    const parts = path.split('/');
    for (let i = 0; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      let entries = this.dirs.get(dir);
      if (!entries) this.dirs.set(dir, (entries = new Map()));
      entries.set(parts[i], i === parts.length - 1 ? 'file' : 'directory');
    }
  }

  /** Answers come back in the order asked, so a queue pairs them with their requests. */
  private request(oid: string): Promise<Buffer | undefined> {
    const batch = this.process();
    return new Promise((resolve, reject) => {
      this.pending.push({ resolve, reject });
      batch.stdin.write(`${oid}\n`);
    });
  }

  private process(): ChildProcessWithoutNullStreams {
    if (this.batch) return this.batch;
    const batch = spawn('git', ['cat-file', '--batch'], { cwd: this.repo });
    batch.stdout.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
      this.drain();
    });
    let stderr = '';
    batch.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const fail = (error: Error): void => {
      for (const p of this.pending.splice(0)) p.reject(error);
    };
    batch.on('error', fail);
    batch.on('close', (code) => {
      if (this.pending.length > 0) fail(new Error(`git cat-file --batch ended (${code}) before answering: ${stderr.trim()}`));
      if (this.batch === batch) this.batch = undefined;
    });
    this.batch = batch;
    return batch;
  }

  /** Parse every complete answer in the buffer: "<oid> <type> <size>\n<content>\n" or "<oid> missing\n". */
  private drain(): void {
    for (;;) {
      const newline = this.buffer.indexOf(10);
      if (newline < 0 || this.pending.length === 0) return;
      const header = this.buffer.subarray(0, newline).toString('utf8');
      if (header.endsWith(' missing')) {
        this.buffer = this.buffer.subarray(newline + 1);
        this.pending.shift()!.resolve(undefined);
        continue;
      }
      const size = Number(header.slice(header.lastIndexOf(' ') + 1));
      if (this.buffer.length < newline + 1 + size + 1) return;
      const content = Buffer.from(this.buffer.subarray(newline + 1, newline + 1 + size));
      this.buffer = this.buffer.subarray(newline + 1 + size + 1);
      this.pending.shift()!.resolve(content);
    }
  }
}

/** The project folder's path inside its repository ('' at the top, else ending in '/'). */
export async function repositoryPrefix(projectRoot: string): Promise<string> {
  return (await git(projectRoot, ['rev-parse', '--show-prefix'])).trim();
}

/** The commit a revision names, or an error that says it names none. */
export async function resolveCommit(repo: string, revision: string): Promise<string> {
  try {
    return (await git(repo, ['rev-parse', '--verify', '--end-of-options', `${revision}^{commit}`])).trim();
  } catch (error) {
    throw new Error(`"${revision}" is not a commit in this repository (a branch, tag or commit id; fetch it first if it is remote)`, { cause: error });
  }
}

/** True when the working tree under `path` differs from HEAD (untracked files included). */
export async function isDirty(repo: string, path = '.'): Promise<boolean> {
  return (await git(repo, ['status', '--porcelain', '--untracked-files=all', '--', path])).trim() !== '';
}

/** origin's default branch (origin/HEAD), else a local main or master; undefined when none is found. */
export async function defaultBranch(repo: string): Promise<string | undefined> {
  try {
    const ref = (await git(repo, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'])).trim();
    if (ref !== '') return ref.replace(/^refs\/remotes\//, '');
  } catch {
    // no remote default branch recorded: try the usual local names
  }
  for (const name of ['main', 'master']) {
    try {
      await git(repo, ['rev-parse', '--verify', '--quiet', `refs/heads/${name}`]);
      return name;
    } catch {
      // not this one
    }
  }
  return undefined;
}

export async function mergeBase(repo: string, a: string, b: string): Promise<string> {
  return (await git(repo, ['merge-base', a, b])).trim();
}
