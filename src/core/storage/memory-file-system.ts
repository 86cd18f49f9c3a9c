import type { DirectoryEntry, FileSystem } from '../ports';

/** An in-memory FileSystem: the store's tests run on it, and so could a browser host. */
export class MemoryFileSystem implements FileSystem {
  readonly files = new Map<string, string>();
  /** Every write, in order: lets tests assert what was written and how often. */
  readonly writes: { path: string; content: string | null }[] = [];

  constructor(initial: Record<string, string> = {}) {
    for (const [path, content] of Object.entries(initial)) this.files.set(path, content);
  }

  async readFile(path: string): Promise<string | undefined> {
    return this.files.get(path);
  }

  async writeFileAtomic(path: string, content: string): Promise<void> {
    this.files.set(path, content);
    this.writes.push({ path, content });
  }

  async deleteFile(path: string): Promise<void> {
    if (this.files.delete(path)) this.writes.push({ path, content: null });
  }

  async rename(from: string, to: string): Promise<void> {
    const content = this.files.get(from);
    if (content === undefined) throw new Error(`${from}: no such file`);
    this.files.delete(from);
    this.files.set(to, content);
    this.writes.push({ path: from, content: null }, { path: to, content });
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    const prefix = path === '' ? '' : `${path.replace(/\/$/, '')}/`;
    const entries = new Map<string, DirectoryEntry['kind']>();
    for (const file of this.files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash === -1) entries.set(rest, 'file');
      else entries.set(rest.slice(0, slash), 'directory');
    }
    return [...entries].map(([name, kind]) => ({ name, kind })).sort((a, b) => a.name.localeCompare(b.name));
  }
}
