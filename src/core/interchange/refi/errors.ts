/**
 * A REFI-QDA file that cannot be imported: not a REFI-QDA file, damaged, or built to attack the
 * reader. The message says what is wrong in terms a researcher can act on; nothing has been written.
 */
export class RefiImportError extends Error {
  override readonly name = 'RefiImportError';
}

/** A project that cannot be exported as asked (for instance an empty codebook as a .qdc). */
export class RefiExportError extends Error {
  override readonly name = 'RefiExportError';
}
