import { sequentialIds } from '../../../src/core/ids';
import type { DirectoryEntry, FileSystem } from '../../../src/core/ports';
import { runPseudonymisation, type PseudonymiseRun } from '../../../src/core/pseudonymise';
import { ProjectStore } from '../../../src/core/storage/project-store';

/** A process killed after `limit` writes: every write from then on fails, as none would happen. */
export class KilledAfter implements FileSystem {
  writes = 0;
  constructor(
    private readonly inner: FileSystem,
    private readonly limit: number,
  ) {}

  readFile(path: string): Promise<string | undefined> {
    return this.inner.readFile(path);
  }
  readDirectory(path: string): Promise<DirectoryEntry[]> {
    return this.inner.readDirectory(path);
  }
  writeFileAtomic(path: string, content: string): Promise<void> {
    return this.write(() => this.inner.writeFileAtomic(path, content));
  }
  deleteFile(path: string): Promise<void> {
    return this.write(() => this.inner.deleteFile(path));
  }
  rename(from: string, to: string): Promise<void> {
    return this.write(() => this.inner.rename(from, to));
  }
  private async write(act: () => Promise<void>): Promise<void> {
    if (this.writes >= this.limit) throw new Error('killed');
    this.writes++;
    await act();
  }
}

const CLI_CODER = { id: 'grounded-cli', name: 'grounded' };

/** One run as the command-line tool makes it: a fresh store, all coding loaded. */
export async function run(fs: FileSystem, name: string, pseudonym: string): Promise<PseudonymiseRun> {
  const store = await ProjectStore.open(fs, { coder: CLI_CODER, ids: sequentialIds() });
  await store.loadAllCoding();
  return runPseudonymisation(fs, store, { name, pseudonym });
}

