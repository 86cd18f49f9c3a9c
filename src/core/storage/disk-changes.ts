/**
 * What the store does when its files change on disk from outside (git pull, a branch switch,
 * another editor, a merge with conflicts): the echo of its own write is ignored, anything else is
 * reloaded and announced, and a conflicted file can be resolved. Kept apart from ProjectStore, which
 * owns the writes, so each reads on its own; the store passes in what a reload must tell it.
 */
import type { ProjectConfig } from '../model';
import type { FileSystem, Logger } from '../ports';
import type { CodebookRepository } from './codebook-repository';
import type { CodingRepository } from './coding-repository';
import { type AncestorFile, type ConflictSide, resolveConflictedFile } from './conflict-resolution';
import { StoreError, formatProblem } from './errors';
import { UnreadableFileError, readFileText } from './file-text';
import type { FileWriter } from './file-writer';
import { CODES_DIR, CODING_DIR, PROJECT_FILE, parseCodeFilePath, parseCodingFilePath, parseProjectFile } from './format';

/** What a reload tells the store. */
export interface DiskChangeEffects {
  /** What arrived from outside must not be overwritten by replaying older states. */
  forgetHistory(): void;
  codebookChanged(): void;
  codingChanged(transcript: string): void;
  problemsChanged(): void;
  configChanged(config: ProjectConfig): void;
}

export class DiskChanges {
  constructor(
    private readonly fs: FileSystem,
    private readonly writer: FileWriter,
    private readonly codes: CodebookRepository,
    private readonly coding: CodingRepository,
    private readonly effects: DiskChangeEffects,
    private readonly logger: Logger | undefined,
  ) {}

  /**
   * A project file was created, changed or deleted on disk. The echo of our own write is ignored;
   * anything else is reloaded and announced.
   */
  async handle(path: string): Promise<void> {
    // Watchers also report folders (`.grounded/coding/interviews/p01.md/` is one) and files of
    // other tools: reading a folder as a file fails (EISDIR), and only the store's own files matter.
    if (path !== PROJECT_FILE && parseCodeFilePath(path) === undefined && parseCodingFilePath(path) === undefined) return;
    // Let our own writes of this file land first: what is on disk afterwards is what counts.
    await this.writer.settled(path);
    const content = await readFileText(this.fs, path);
    if (content instanceof UnreadableFileError) {
      this.writer.forget(path);
      if (path === PROJECT_FILE) this.logger?.warn(content.message);
      else this.reload(path, content);
      return;
    }
    if (this.writer.isKnown(path, content)) {
      // Nothing new to the store, but a load read this change before its event came: the
      // change was never announced, and the index and views still hold the old coding.
      const coding = parseCodingFilePath(path);
      if (coding && this.writer.readBeforeItsEvent(path)) this.effects.codingChanged(coding.transcript);
      return;
    }
    if (path === PROJECT_FILE) {
      if (content !== undefined) await this.reloadConfig();
      this.effects.problemsChanged();
      return;
    }
    this.reload(path, content);
  }

  /**
   * Resolve an unresolved git merge conflict in a coding or code file (see conflict-resolution.ts):
   * writes the merged file and reloads it. Returns what was decided; throws StoreError when the
   * file cannot be resolved, leaving it untouched.
   */
  async resolveMergeConflict(path: string, prefer: ConflictSide, ancestor?: AncestorFile): Promise<string[]> {
    await this.writer.settled(path);
    const text = await this.fs.readFile(path);
    if (text === undefined) throw new StoreError(`${path} does not exist.`);
    const resolution = resolveConflictedFile(path, text, prefer, ancestor);
    if (!resolution.ok) throw new StoreError(resolution.message);
    this.writer.remember(path, text);
    this.writer.schedule(path, () => resolution.text);
    await this.writer.settled(path);
    if ((await this.fs.readFile(path)) !== resolution.text) {
      throw new StoreError(`${path} changed on disk while its conflict was being resolved; it was left as it is now. Try again.`);
    }
    this.reload(path, resolution.text);
    return resolution.notes;
  }

  /** Take a code or coding file as the disk holds it (undefined: deleted). */
  reload(path: string, content: string | undefined | UnreadableFileError): void {
    if (path.startsWith(`${CODES_DIR}/`)) {
      this.effects.forgetHistory();
      if (this.codes.reload(path, content)) this.effects.codebookChanged();
    } else if (path.startsWith(`${CODING_DIR}/`)) {
      this.effects.forgetHistory();
      const transcript = this.coding.reload(path, content);
      if (transcript !== undefined) this.effects.codingChanged(transcript);
    } else return;
    this.effects.problemsChanged();
  }

  private async reloadConfig(): Promise<void> {
    try {
      this.effects.configChanged(await readConfig(this.fs));
    } catch (error) {
      this.logger?.warn(error instanceof Error ? error.message : String(error));
    }
  }
}

/** The project file; throws StoreError when it is missing, unreadable or invalid. */
export async function readConfig(fs: FileSystem): Promise<ProjectConfig> {
  const text = await readFileText(fs, PROJECT_FILE);
  if (text instanceof UnreadableFileError) throw new StoreError(text.message, [text.problem]);
  if (text === undefined) throw new StoreError(`No Grounded project here: ${PROJECT_FILE} is missing.`);
  const parsed = parseProjectFile(PROJECT_FILE, text);
  if (!parsed.ok) throw new StoreError(parsed.problems.map(formatProblem).join('\n'), parsed.problems);
  return parsed.value;
}
