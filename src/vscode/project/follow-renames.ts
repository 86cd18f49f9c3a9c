import * as vscode from 'vscode';
import { isTranscriptPath } from '../../core/transcript-paths';
import { findRenamedTranscripts } from '../../core/validation/renamed-transcripts';
import type { OpenProject, ProjectHost } from './project-host';
import { notice, showError, showWarning } from '../ui/notifications';

/**
 * A transcript (or a folder of transcripts) renamed or moved in VS Code takes its coding along.
 * Renames outside VS Code (`git mv`, a file manager), and a move cut short by a crash, are found when
 * the project opens: coding whose transcript is gone, with exactly one transcript of that file name
 * elsewhere, is offered to move there. `grounded validate` reports any other coding whose
 * transcript is missing.
 */
export function followTranscriptRenames(host: ProjectHost, log: vscode.LogOutputChannel): vscode.Disposable {
  const opened = host.onDidOpenProject((project) => void offerLeftBehindMoves(project, log));
  return vscode.Disposable.from({ dispose: opened.dispose }, followRenameEvents(host, log));
}

function followRenameEvents(host: ProjectHost, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.workspace.onDidRenameFiles(async (event) => {
    const project = host.project;
    if (!project) return;
    for (const { oldUri, newUri } of event.files) {
      const from = project.fs.relative(oldUri);
      const to = project.fs.relative(newUri);
      if (from === undefined || to === undefined || from.startsWith('.grounded/')) continue;
      try {
        for (const transcript of await project.store.transcriptsUnder(from)) {
          const target = to + transcript.slice(from.length);
          const moved = await project.store.renameTranscript(transcript, target);
          log.info(`Moved ${moved} coding file(s) of ${transcript} to follow it to ${target}.`);
        }
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log.error(message);
        void showError(notice`Grounded: ${message}`);
      }
    }
  });
}

/** Coding left at a transcript's old path: say so and move it on request. */
async function offerLeftBehindMoves(project: OpenProject, log: vscode.LogOutputChannel): Promise<void> {
  try {
    const { store, fs } = project;
    await store.loadAllCoding();
    const coding = store.loadedCoding().map((c) => ({ transcript: c.transcript, coderIds: c.coders.map((x) => x.coder.id) }));
    const files = await vscode.workspace.findFiles(new vscode.RelativePattern(fs.root, '**/*.md'), '**/node_modules/**');
    const transcripts = files.map((uri) => fs.relative(uri)).filter((p): p is string => p !== undefined && isTranscriptPath(store.config, p));
    for (const { from, to } of findRenamedTranscripts(coding, transcripts)) {
      log.warn(`The coding of ${from} was left behind: that file is gone and ${to} has the same name and no coding of those coders.`);
      const answer = await showWarning(notice`Coding was left at ${from}, which no longer exists. Move it to ${to}?`, 'Move Coding');
      if (answer !== 'Move Coding') continue;
      const moved = await store.renameTranscript(from, to);
      log.info(`Moved ${moved} coding file(s) of ${from} to ${to}.`);
    }
  } catch (error) {
    log.error(`Looking for coding left behind by a rename failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
