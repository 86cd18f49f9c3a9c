/** Finding a project's files through the FileSystem port (which only lists one folder at a time). */
import type { FileSource } from '../../ports';

/** Folders never searched: version control, dependencies, Grounded's own data. */
const SKIPPED_FOLDERS = new Set(['.git', '.grounded', 'node_modules']);

/** Project-relative paths of the files under `folder` ('' for the root) that `accept` keeps, sorted. */
export async function listFiles(fs: FileSource, folder: string, accept: (path: string) => boolean): Promise<string[]> {
  const found: string[] = [];
  const visit = async (dir: string): Promise<void> => {
    for (const entry of await fs.readDirectory(dir)) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.kind === 'directory') {
        if (!SKIPPED_FOLDERS.has(entry.name)) await visit(path);
      } else if (accept(path)) found.push(path);
    }
  };
  await visit(folder.replace(/\/+$/, ''));
  return found.sort();
}

/** `interviews/p01-amara.md` → `p01-amara`. */
export function fileStem(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/**
 * A file-name-safe, readable name: `Mabêl 2ième.txt` → `mabel-2ieme-txt`. Letters lose their
 * accents, anything else becomes a hyphen; `fallback` when nothing is left.
 */
export function slugify(text: string, fallback: string, maxLength = 60): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
  return slug === '' ? fallback : slug;
}

/** `folder/<name>.md`, with `-2`, `-3`… added until the path is not in `used`; the path is added to `used`. */
export function uniquePath(folder: string, name: string, used: Set<string>): string {
  let path = `${folder}/${name}.md`;
  for (let n = 2; used.has(path.toLowerCase()); n++) path = `${folder}/${name}-${n}.md`;
  used.add(path.toLowerCase());
  return path;
}
