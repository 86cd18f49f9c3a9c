/**
 * Which text of a transcript counts: an open editor's (unsaved changes included) over the file's.
 * The editor adapter implements {@link OpenDocuments}; the CLI and tests have none open.
 */
import { UnreadableFileError, readFileText } from '../storage/file-text';
import { normaliseText } from '../anchoring';
import type { FileSource } from '../ports';

/** Texts of documents open in an editor, by project-relative path. */
export interface OpenDocuments {
  /** The open document's text (any line endings), or undefined when it is not open. */
  textOf(path: string): string | undefined;
}

export const NO_OPEN_DOCUMENTS: OpenDocuments = { textOf: () => undefined };

/** A transcript's current text (LF, no BOM): the open document's, else the file's; undefined when neither exists. */
export async function currentText(path: string, files: FileSource, open: OpenDocuments = NO_OPEN_DOCUMENTS): Promise<string | undefined> {
  // A transcript that cannot be read (invalid UTF-8, too large, a link out of the project) has no
  // text to place on; `grounded validate` reports why.
  const raw = open.textOf(path) ?? (await readFileText(files, path));
  return raw === undefined || raw instanceof UnreadableFileError ? undefined : normaliseText(raw);
}
