/**
 * The common ancestor of a path git left conflicted, as git keeps it in the index: stage 1 is the
 * merge base's version, stages 2 and 3 the two sides. Resolving a coding or code file against it
 * tells a change made on one side from one made on the other (see core/storage/conflict-resolution.ts).
 */
import type { AncestorFile } from '../core/storage/conflict-resolution';
import { git } from './git-file-source';

/**
 * `path` is relative to `folder` (the project folder, anywhere inside a repository). Undefined when
 * git does not know the path as conflicted: no git, not a repository, or markers committed as they are.
 */
export async function conflictAncestor(folder: string, path: string): Promise<AncestorFile | undefined> {
  let listed: string;
  try {
    listed = await git(folder, ['ls-files', '-u', '-z', '--', `:(literal)${path}`]);
  } catch {
    return undefined;
  }
  // Each entry: "<mode> <object> <stage>\t<path>", NUL-terminated.
  const stages = new Map<string, string>();
  for (const entry of listed.split('\0')) {
    const match = /^\d+ ([0-9a-f]+) ([123])\t/.exec(entry);
    if (match) stages.set(match[2], match[1]);
  }
  if (stages.size === 0) return undefined;
  const base = stages.get('1');
  if (base === undefined) return { absent: true };
  try {
    return { text: await git(folder, ['cat-file', 'blob', base]) };
  } catch {
    return undefined;
  }
}
