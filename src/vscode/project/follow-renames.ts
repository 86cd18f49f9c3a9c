import * as vscode from 'vscode';
import type { ProjectHost } from './project-host';
import { notice, showError } from '../ui/notifications';

/**
 * A transcript (or a folder of transcripts) renamed or moved in VS Code takes its coding along.
 * Renames outside VS Code (`git mv`, a file manager) can't be seen as renames; `grounded validate`
 * reports coding whose transcript is missing so it can be moved by hand.
 */
export function followTranscriptRenames(host: ProjectHost, log: vscode.LogOutputChannel): vscode.Disposable {
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
