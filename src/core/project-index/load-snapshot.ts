import type { FileSource } from '../ports';
import { ProjectIndex } from './project-index';
import type { ProjectSnapshot } from './snapshot';

/**
 * A whole project read from a FileSource — a folder, an in-memory project, a git revision — with
 * every segment placed on its transcript's current text. Needs no coder, no writer, no history.
 */
export async function loadSnapshot(source: FileSource): Promise<ProjectSnapshot> {
  const index = await ProjectIndex.load(source);
  const snapshot = index.snapshot();
  index.dispose();
  return snapshot;
}
