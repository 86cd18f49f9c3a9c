import { normaliseText } from '../anchoring';
import { listFiles } from '../interchange/refi/project-files';
import type { CodeId, ProjectConfig } from '../model';
import type { FileSource } from '../ports';
import { readFileText } from '../storage/file-text';
import { NO_SLICES, type Slices } from '../time-slices';
import { parseMemo, type MemoSummary } from './memo-file';
import { memoDay } from './memo-timeline';

/**
 * Every `.md` file under the project's memos folder, sorted by path. Each memo is parsed through
 * `slices` as it comes (a Markdown parse is about a millisecond even for a short memo).
 */
export async function listMemos(fs: FileSource, config: ProjectConfig, slices: Slices = NO_SLICES): Promise<MemoSummary[]> {
  const folder = memosFolder(config);
  const paths = await listFiles(fs, folder, (path) => path.toLowerCase().endsWith('.md'));
  // Asked for all at once: read one after another, the memos of a project that is loading waited
  // behind every transcript read, and the index waited for the last memo.
  const memos = await Promise.all(
    paths.map(async (path) => {
      const raw = await readFileText(fs, path);
      return typeof raw === 'string' ? slices.run(() => parseMemo(path, normaliseText(raw))) : undefined;
    }),
  );
  return memos.filter((memo) => memo !== undefined);
}

export function memosFolder(config: ProjectConfig): string {
  return config.memos.replace(/^\.\/+/, '').replace(/\/+$/, '') || 'memos';
}

/** Is this project-relative path a memo of the project? */
export function isMemoPath(config: ProjectConfig, path: string): boolean {
  return path.toLowerCase().endsWith('.md') && path.startsWith(`${memosFolder(config)}/`);
}

/** Memos about a code, newest first (by date, then path; undated last), for tooltips and the code's view. */
export function memosForCode(memos: readonly MemoSummary[], code: CodeId): MemoSummary[] {
  return memos
    .filter((m) => m.links.some((l) => l.kind === 'code' && l.code === code))
    .sort((a, b) => (memoDay(b) ?? '').localeCompare(memoDay(a) ?? '') || a.path.localeCompare(b.path));
}
