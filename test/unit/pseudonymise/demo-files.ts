import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';

const DEMO = fileURLToPath(new URL('../../../demo/', import.meta.url));

/** Every file of the demo study, by project-relative path. */
export function demoFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (dir: string, rel: string): void => {
    for (const entry of readdirSync(join(DEMO, dir), { withFileTypes: true })) {
      const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) visit(join(dir, entry.name), path);
      else files[path] = readFileSync(join(DEMO, dir, entry.name), 'utf8');
    }
  };
  visit('', '');
  return files;
}

/** The demo study in memory: tests may change it freely. */
export function demoFileSystem(): MemoryFileSystem {
  return new MemoryFileSystem(demoFiles());
}
