/** Writing an imported project: only into a place where none of its files exists yet. */
import type { FileSystem } from '../../ports';
import { RefiImportError } from './errors';
import type { RefiImport } from './import';

/**
 * Writes every file of the import, after checking that none exists: an import never overwrites a
 * project (or anything else). Throws RefiImportError naming the clashes, having written nothing.
 */
export async function writeImportedProject(fs: FileSystem, result: RefiImport): Promise<void> {
  const clashes: string[] = [];
  for (const { path } of result.files) if ((await fs.readFile(path)) !== undefined) clashes.push(path);
  if (clashes.length > 0) {
    const shown = clashes.slice(0, 3).join(', ') + (clashes.length > 3 ? ` and ${clashes.length - 3} more` : '');
    throw new RefiImportError(`The folder already holds ${shown}; import into a new or empty folder. Nothing was written.`);
  }
  for (const { path, content } of result.files) await fs.writeFileAtomic(path, content);
}
