import { statSync } from 'node:fs';
import { resolve as resolvePath, relative, sep } from 'node:path';
import { hasConflictMarkers } from '../../core/storage/format/merge-conflict';
import { CODES_DIR, CODING_DIR } from '../../core/storage/format';
import { StoreError } from '../../core/storage/errors';
import { UnreadableFileError, readFileText } from '../../core/storage/file-text';
import { ProjectStore } from '../../core/storage/project-store';
import type { FileSystem } from '../../core/ports';
import { conflictAncestor } from '../../node/conflict-ancestor';
import { NodeFileSystem } from '../../node/node-file-system';
import type { CliCommand } from '../cli-command';
import { findProjectRoot } from '../project-root';

/** Writes only the files it resolves, in their own coders' names: this identity writes nothing itself. */
const CLI_CODER = { id: 'grounded-cli', name: 'grounded' };

export const resolveCommand: CliCommand = {
  name: 'resolve',
  usage: 'resolve [dir] [file…] [--prefer ours|theirs]   Resolve git merge conflicts in coding and code files, merging both sides\' records against their common version',
  options: { prefer: { type: 'string' } },
  async run(args, values, io) {
    const prefer = values.prefer ?? 'ours';
    if (prefer !== 'ours' && prefer !== 'theirs') {
      io.err(`grounded resolve: --prefer must be "ours" (the branch merged into) or "theirs" (the branch merged in), not "${String(prefer)}"\n`);
      return 2;
    }
    // `grounded resolve <file>` works too: a first argument that is a file is not the folder.
    const [dir, ...files] = args.length > 0 && isFile(resolvePath(io.cwd, args[0])) ? ['.', ...args] : args;
    const root = findProjectRoot(resolvePath(io.cwd, dir ?? '.'));
    if (!root) {
      io.err(`grounded: no Grounded project at ${resolvePath(io.cwd, dir ?? '.')} or above it (looked for .grounded/project.json)\n`);
      return 2;
    }
    const fs = new NodeFileSystem(root);
    const paths = files.length > 0 ? files.map((f) => projectPath(root, resolvePath(io.cwd, f))) : await conflictedFiles(fs);
    const outside = paths.find((p) => p === undefined);
    if (outside !== undefined || paths.some((p) => p?.startsWith('..'))) {
      io.err(`grounded resolve: name files inside the project ${root}\n`);
      return 2;
    }
    if (paths.length === 0) {
      io.out(`no unresolved merge conflicts in ${CODING_DIR}/ or ${CODES_DIR}/\n`);
      return 0;
    }
    const store = await ProjectStore.open(fs, { coder: CLI_CODER });
    let failed = 0;
    const staged: string[] = [];
    for (const path of paths as string[]) {
      try {
        // The merge base's version, from git's index, unless the markers carry it (diff3 style).
        const ancestor = await conflictAncestor(root, path);
        const notes = await store.resolveMergeConflict(path, prefer, ancestor);
        io.out(`resolved ${path}\n${notes.map((n) => `  ${n}\n`).join('')}`);
        if (ancestor !== undefined) staged.push(path);
      } catch (error) {
        if (!(error instanceof StoreError || error instanceof UnreadableFileError)) throw error;
        io.err(`${error.message}\n`);
        failed++;
      }
    }
    await store.flush();
    // git still lists the files as conflicted until they are added.
    if (staged.length > 0) io.out(`next: git add ${staged.map(shellWord).join(' ')} (then commit the merge)\n`);
    return failed > 0 ? 1 : 0;
  },
};

function isFile(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isFile() === true;
}

function projectPath(root: string, full: string): string | undefined {
  const rel = relative(root, full);
  return rel === '' ? undefined : rel.split(sep).join('/');
}

/** Every coding and code file holding conflict markers (files that cannot be read are skipped). */
async function conflictedFiles(fs: FileSystem): Promise<string[]> {
  const found: string[] = [];
  const visit = async (dir: string): Promise<void> => {
    for (const entry of await fs.readDirectory(dir)) {
      const path = `${dir}/${entry.name}`;
      if (entry.kind === 'directory') await visit(path);
      else if (path.endsWith('.jsonl') || path.endsWith('.json')) {
        const text = await readFileText(fs, path);
        if (typeof text === 'string' && hasConflictMarkers(text)) found.push(path);
      }
    }
  };
  await visit(CODING_DIR);
  await visit(CODES_DIR);
  return found.sort();
}

/** A path as a shell reads it back: quoted when it holds anything but plain characters. */
function shellWord(path: string): string {
  return /^[\w./@+-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}
