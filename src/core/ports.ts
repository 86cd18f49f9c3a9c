/**
 * What the core needs from the world. Adapters implement these for VS Code (workspace.fs),
 * for Node (the CLI) and in memory (tests).
 */

/**
 * Reading a project: all that loading a snapshot needs. A folder on disk, an in-memory project and
 * a git revision can each be one. Paths are project-relative POSIX paths (`interviews/p01.md`);
 * the root is the project folder.
 */
export interface FileSource {
  /**
   * The file's text, or undefined when it does not exist. Decodes UTF-8 strictly and refuses files
   * over `maxBytesFor(path)` without reading them: both throw `UnreadableFileError`
   * (storage/file-text.ts, whose `decodeFileText` does both), never a lenient guess.
   */
  readFile(path: string): Promise<string | undefined>;
  /** Entries directly inside a folder; empty when the folder does not exist. */
  readDirectory(path: string): Promise<DirectoryEntry[]>;
}

/** A FileSource that can also be changed: only the ProjectStore's writer writes through it. */
export interface FileSystem extends FileSource {
  /**
   * Replace the file's content atomically: a reader sees the old content or the new one, never a
   * half-written file (write a temporary file beside it, then rename over). Creates parent folders.
   */
  writeFileAtomic(path: string, content: string): Promise<void>;
  /** Delete a file; no error when it is already gone. */
  deleteFile(path: string): Promise<void>;
  /** Move a file, creating the target's parent folders. */
  rename(from: string, to: string): Promise<void>;
}

export interface DirectoryEntry {
  name: string;
  kind: 'file' | 'directory';
}

/** Random ids; injected so tests can be deterministic. */
export interface IdSource {
  next(prefix: string): string;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
