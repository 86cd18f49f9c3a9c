/**
 * Which folder holds the transcripts, for a new project: the folder with the most Markdown files,
 * leaving out files that are a repository's own documentation (README, CHANGELOG, LICENSE…, and
 * anything under docs/), so a README does not become a participant.
 */
import { listFiles } from '../interchange/refi/project-files';
import type { FileSystem } from '../ports';

const NOT_TRANSCRIPTS = /^(?:readme|changelog|changes|history|license|licence|contributing|code_of_conduct|security|authors|notice|todo)(?:\.[^/]*)?\.md$/i;
const DOC_FOLDERS = new Set(['docs', 'doc', 'documentation', '.github', '.vscode']);

export interface FolderCandidate {
  /** Project-relative folder, '' for the project folder itself. */
  folder: string;
  /** Markdown files directly in it that may be transcripts. */
  files: number;
  /** The `transcripts` glob for this folder. */
  glob: string;
}

/** May this Markdown file be a transcript (not a README, changelog, licence, or under docs/)? */
export function mayBeTranscript(path: string): boolean {
  const parts = path.split('/');
  return path.toLowerCase().endsWith('.md') && !NOT_TRANSCRIPTS.test(parts[parts.length - 1]) && !parts.slice(0, -1).some((p) => DOC_FOLDERS.has(p.toLowerCase()));
}

/** Folders holding candidate transcripts, most files first (ties by path); `memos` is left out. */
export async function transcriptFolderCandidates(fs: FileSystem, memos = 'memos'): Promise<FolderCandidate[]> {
  const files = await listFiles(fs, '', (path) => mayBeTranscript(path) && !path.startsWith(`${memos}/`));
  const counts = new Map<string, number>();
  for (const path of files) {
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  return [...counts]
    .map(([folder, n]) => ({ folder, files: n, glob: folder === '' ? '*.md' : `${folder}/**/*.md` }))
    .sort((a, b) => b.files - a.files || a.folder.localeCompare(b.folder));
}
