/**
 * A FileSource over one git revision read through `git show <rev>:<path>` (which is what the
 * editor's Git extension offers: `Repository.buffer(ref, path)`). For a folder that prints
 * `tree <rev>:<path>`, a blank line and one entry per line, folders ending in `/`; for a file, its
 * bytes. Files are only read when their folder's listing names them, so a path that does not exist
 * is `undefined` without asking git, and any error reading a listed file is a real one and is
 * passed on (never mistaken for "not there").
 */
import type { DirectoryEntry, FileSource } from '../ports';
import { decodeFileText } from '../storage/file-text';

/** `git show <revision>:<path>` for a path inside the repository ('' for its top). */
export interface RevisionReader {
  show(repositoryPath: string): Promise<Uint8Array>;
}

export class RevisionFileSource implements FileSource {
  private readonly listings = new Map<string, Promise<Map<string, DirectoryEntry['kind']> | undefined>>();

  /** `prefix`: the project folder inside the repository, '' at its top, else ending in '/'. */
  constructor(
    private readonly reader: RevisionReader,
    private readonly prefix: string,
  ) {}

  async readFile(path: string): Promise<string | undefined> {
    const slash = path.lastIndexOf('/');
    const entries = await this.listing(slash < 0 ? '' : path.slice(0, slash));
    if (entries?.get(path.slice(slash + 1)) !== 'file') return undefined;
    return decodeFileText(path, await this.reader.show(this.prefix + path));
  }

  async readDirectory(path: string): Promise<DirectoryEntry[]> {
    const entries = await this.listing(path.replace(/\/$/, ''));
    return entries ? [...entries].map(([name, kind]) => ({ name, kind })) : [];
  }

  /** A folder's entries; undefined when the revision has no such folder. Each folder is asked once. */
  private listing(path: string): Promise<Map<string, DirectoryEntry['kind']> | undefined> {
    let pending = this.listings.get(path);
    if (!pending) {
      pending = this.read(path);
      this.listings.set(path, pending);
    }
    return pending;
  }

  private async read(path: string): Promise<Map<string, DirectoryEntry['kind']> | undefined> {
    if (path !== '') {
      // Ask the parent first: a folder that is not there must not be asked of git at all.
      const slash = path.lastIndexOf('/');
      const parent = await this.listing(slash < 0 ? '' : path.slice(0, slash));
      if (parent?.get(path.slice(slash + 1)) !== 'directory') return undefined;
    }
    const target = (this.prefix + path).replace(/\/$/, '');
    if (path === '' && this.prefix !== '' && !(await this.prefixExists())) return undefined;
    return parseTreeListing(new TextDecoder('utf-8').decode(await this.reader.show(target)));
  }

  /** A revision from before the project folder existed reads as an empty project. */
  private async prefixExists(): Promise<boolean> {
    const parts = this.prefix.replace(/\/$/, '').split('/');
    let at = '';
    for (const part of parts) {
      const entries = parseTreeListing(new TextDecoder('utf-8').decode(await this.reader.show(at.replace(/\/$/, ''))));
      if (entries?.get(part) !== 'directory') return false;
      at += `${part}/`;
    }
    return true;
  }
}

/** The entries of `git show <rev>:<folder>`; undefined when the output is not a tree listing. */
export function parseTreeListing(output: string): Map<string, DirectoryEntry['kind']> | undefined {
  if (!output.startsWith('tree ')) return undefined;
  const entries = new Map<string, DirectoryEntry['kind']>();
  const lines = output.split('\n');
  // Line 0 is "tree <rev>:<path>", line 1 is blank.
  for (const line of lines.slice(2)) {
    if (line === '') continue;
    if (line.endsWith('/')) entries.set(line.slice(0, -1), 'directory');
    else entries.set(line, 'file');
  }
  return entries;
}
