import { minimatch } from 'minimatch';
import type { ProjectConfig } from './model';

/** Is this project-relative path a transcript of the project (per its `transcripts` globs)? */
export function isTranscriptPath(config: ProjectConfig, path: string): boolean {
  if (!path.endsWith('.md') || path.startsWith('.grounded/')) return false;
  if (path === config.memos || path.startsWith(`${config.memos.replace(/\/$/, '')}/`)) return false;
  return config.transcripts.some((glob) => minimatch(path, glob, { dot: false }));
}
