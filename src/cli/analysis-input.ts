/**
 * What every analysis command starts from: the project found from a folder, read once through the
 * read model (segments placed on the current text), as the analysis view plus a context to query.
 */
import { resolve } from 'node:path';
import { AnalysisContext } from '../core/analysis';
import { analysisProjectOf } from '../core/analysis/from-snapshot';
import { normaliseText } from '../core/anchoring';
import { findFrontMatter } from '../core/markdown';
import { loadSnapshot, type ProjectSnapshot } from '../core/project-index';
import { NodeFileSystem } from '../node/node-file-system';
import type { CliIo } from './cli-command';
import { findProjectRoot } from './project-root';

export interface AnalysisInput {
  root: string;
  fs: NodeFileSystem;
  snapshot: ProjectSnapshot;
  context: AnalysisContext;
  unplaced: number;
}

/** Undefined (after saying why on stderr) when there is no project at or above `dir`. */
export async function loadAnalysisInput(dir: string | undefined, io: CliIo, options: { memoBodies?: boolean } = {}): Promise<AnalysisInput | undefined> {
  const start = resolve(io.cwd, dir ?? '.');
  const root = findProjectRoot(start);
  if (!root) {
    io.err(`grounded: no Grounded project at ${start} or above it (looked for .grounded/project.json)\n`);
    return undefined;
  }
  const fs = new NodeFileSystem(root);
  const snapshot = await loadSnapshot(fs);
  const bodies: Record<string, string> = {};
  if (options.memoBodies) {
    for (const memo of snapshot.memos) {
      const text = await fs.readFile(memo.path);
      if (text === undefined) continue;
      const normalised = normaliseText(text);
      bodies[memo.path] = normalised.slice(findFrontMatter(normalised)?.range.end ?? 0).replace(/^\s*#[^\n]*\n/, '').trim();
    }
  }
  const view = analysisProjectOf(snapshot, bodies);
  return { root, fs, snapshot, context: new AnalysisContext(view.project), unplaced: view.unplaced };
}

/** Said on stderr so output piped into a file stays clean. */
export function warnUnplaced(input: AnalysisInput, io: CliIo): void {
  if (input.unplaced > 0) io.err(`note: ${input.unplaced} segment(s) could not be placed in their transcript's current text and are left out (see grounded validate)\n`);
}

export function formatOption(value: unknown, allowed: readonly string[], fallback: string): string | undefined {
  const format = typeof value === 'string' ? value : fallback;
  return allowed.includes(format) ? format : undefined;
}
