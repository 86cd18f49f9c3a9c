/** Import and export: REFI-QDA projects and codebooks, and transcripts from other tools. */
import * as vscode from 'vscode';
import type { OpenProject, ProjectHost } from '../project/project-host';
import { InterchangeError, reportingFailures } from './interchange-error';
import { exportRefi, type RefiExportArgs } from './refi-export';
import { importRefiProject, type RefiImportArgs } from './refi-import';
import { importTranscripts, type TranscriptImportArgs } from './transcript-import';

export function registerInterchangeCommands(host: ProjectHost, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const project = (): OpenProject => {
    if (host.project === undefined) {
      throw new InterchangeError('No Grounded project is open. Open the folder that holds one, or import a REFI-QDA project into a new folder first.');
    }
    return host.project;
  };
  // From the palette or a menu the argument is absent or something else (a URI): ask instead.
  return [
    vscode.commands.registerCommand('grounded.interchange.exportCodebook', (args?: unknown) =>
      reportingFailures(log, () => exportRefi('qdc', project(), log, withString<RefiExportArgs>(args, 'out'))),
    ),
    vscode.commands.registerCommand('grounded.interchange.exportProject', (args?: unknown) =>
      reportingFailures(log, () => exportRefi('qdpx', project(), log, withString<RefiExportArgs>(args, 'out'))),
    ),
    vscode.commands.registerCommand('grounded.interchange.importTranscripts', (args?: unknown) =>
      reportingFailures(log, () => importTranscripts(project(), log, transcriptArgs(args), host.platform)),
    ),
    vscode.commands.registerCommand('grounded.interchange.importRefi', (args?: unknown) =>
      reportingFailures(log, () => importRefiProject(withString<RefiImportArgs>(args, 'file', 'target'), host.platform)),
    ),
  ];
}

function withString<T>(args: unknown, ...keys: string[]): T | undefined {
  if (typeof args !== 'object' || args === null) return undefined;
  const record = args as Record<string, unknown>;
  return keys.every((key) => typeof record[key] === 'string') ? (args as T) : undefined;
}

function transcriptArgs(args: unknown): TranscriptImportArgs | undefined {
  if (typeof args !== 'object' || args === null) return undefined;
  const files = (args as Record<string, unknown>).files;
  return Array.isArray(files) && files.every((f) => typeof f === 'string') ? (args as TranscriptImportArgs) : undefined;
}
