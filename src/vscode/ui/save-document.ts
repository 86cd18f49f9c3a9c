import * as vscode from 'vscode';

/** Enough for a save that another one overtook; a save that keeps failing has a reason the editor shows. */
const ATTEMPTS = 3;
/** VS Code gives the extension host this long to answer a save, plus time for the write itself. */
const OTHER_SAVE_MS = 2500;

/**
 * Saves a document and says whether it is saved. `TextDocument.save()` answers false not only
 * when the write failed: the editor also turns a save away while the save participants of another
 * save of the same file run, and cancels a running save that a newer one overtakes. Both happen
 * when the extension host is slow to answer the participants — on a busy machine — and the
 * document is then still dirty with no failure to report. So a refused save waits for the other
 * save to end (its `onDidSaveTextDocument`, or the time VS Code allows it) and asks again. A real
 * failure (the file changed on disk, no permission) fails every time and is reported.
 */
export async function saveDocument(document: vscode.TextDocument): Promise<boolean> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (!document.isDirty) return true;
    if (await document.save()) return true;
    if (document.isDirty && attempt < ATTEMPTS - 1) await otherSaveEnded(document);
  }
  return !document.isDirty;
}

function otherSaveEnded(document: vscode.TextDocument): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      saved.dispose();
      resolve();
    };
    const saved = vscode.workspace.onDidSaveTextDocument((d) => d === document && done());
    const timer = setTimeout(done, OTHER_SAVE_MS);
  });
}
