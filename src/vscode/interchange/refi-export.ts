/**
 * "Export Codebook (REFI-QDA .qdc)…" and "Export Project (REFI-QDA .qdpx)…": the file other
 * qualitative analysis programs read. It is written where the researcher says, with
 * `workspace.fs`, outside the project's own files.
 */
import * as vscode from 'vscode';
import { exportCodebook, exportProject, RefiExportError, type PositionUnit, type RefiExport, type RefiExportOptions } from '../../core/interchange/refi';
import { StoreError } from '../../core/storage/errors';
import type { OpenProject } from '../project/project-host';
import { InterchangeError } from './interchange-error';
import { nameOf, uriOfArgument } from './uri-names';
import { notice, showInformation, showWarning } from '../ui/notifications';

export type RefiExportKind = 'qdc' | 'qdpx';

/** Arguments that replace the dialogs (for tests and other extensions). */
export interface RefiExportArgs {
  /** Path of the file to write. */
  out: string;
  positions?: PositionUnit;
  lineEndings?: 'lf' | 'crlf';
}

export interface RefiExportResult {
  /** Where the file was written. */
  file: string;
  warnings: string[];
  counts: RefiExport['counts'];
}

type LayoutOptions = Pick<RefiExportOptions, 'positions' | 'lineEndings'>;

const FILTERS: Record<RefiExportKind, Record<string, string[]>> = {
  qdc: { 'REFI-QDA codebook': ['qdc'] },
  qdpx: { 'REFI-QDA project': ['qdpx'] },
};

export async function exportRefi(kind: RefiExportKind, project: OpenProject, log: vscode.LogOutputChannel, args?: RefiExportArgs): Promise<RefiExportResult | undefined> {
  const options = args !== undefined ? { positions: args.positions, lineEndings: args.lineEndings } : kind === 'qdpx' ? await askLayout() : {};
  if (options === undefined) return undefined;
  const out = args !== undefined ? uriOfArgument(args.out, vscode.Uri) : await askDestination(kind, project);
  if (out === undefined) return undefined;
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: notice`Exporting to ${nameOf(out)}…` }, async () => {
    // What is still waiting to be saved belongs in the export.
    await project.store.flush();
    const built = await build(kind, project, options);
    await vscode.workspace.fs.writeFile(out, built.bytes);
    return built;
  });
  report(kind, out, result, log);
  return { file: out.scheme === 'file' ? out.fsPath : out.toString(), warnings: result.warnings, counts: result.counts };
}

async function build(kind: RefiExportKind, project: OpenProject, options: LayoutOptions): Promise<RefiExport> {
  try {
    const full = { ...options, now: new Date() };
    return kind === 'qdc' ? await exportCodebook(project.fs, full) : await exportProject(project.fs, full);
  } catch (error) {
    if (error instanceof RefiExportError || error instanceof StoreError) throw new InterchangeError(`The ${kind === 'qdc' ? 'codebook' : 'project'} cannot be exported: ${error.message}`);
    throw error;
  }
}

/** Both default to the standard; each alternative names the program that needs it. */
async function askLayout(): Promise<LayoutOptions | undefined> {
  const items = [
    { label: 'Positions in UTF-16 units', detail: 'For NVivo for Windows. The standard (and QualCoder’s coded text) counts code points.', id: 'utf-16' },
    { label: 'CR LF line breaks in the sources', detail: 'For MAXQDA. The standard is LF.', id: 'crlf' },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Export project (REFI-QDA .qdpx)',
    placeHolder: 'Tick what the receiving program needs, or nothing for the standard (ATLAS.ti); then press Enter',
    canPickMany: true,
    ignoreFocusOut: true,
  });
  if (picked === undefined) return undefined;
  const ticked = new Set(picked.map((p) => p.id));
  return { positions: ticked.has('utf-16') ? 'utf-16' : 'code-points', lineEndings: ticked.has('crlf') ? 'crlf' : 'lf' };
}

async function askDestination(kind: RefiExportKind, project: OpenProject): Promise<vscode.Uri | undefined> {
  // Beside the project folder rather than in it: the export is not one of the project's files.
  const folder = vscode.Uri.joinPath(project.fs.root, '..');
  return vscode.window.showSaveDialog({
    title: kind === 'qdc' ? 'Export codebook as REFI-QDA' : 'Export project as REFI-QDA',
    defaultUri: vscode.Uri.joinPath(folder, `${exportFileName(project.store.config.name, nameOf(project.fs.root))}.${kind}`),
    filters: FILTERS[kind],
    saveLabel: 'Export',
  });
}

/** The project's name as a file name every operating system accepts. */
export function exportFileName(projectName: string, fallback: string): string {
  const cleaned = projectName
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  const short = cleaned.length <= 80 ? cleaned : cleaned.slice(0, 80).replace(/\s+\S*$/, '');
  return short === '' ? fallback : short;
}

function report(kind: RefiExportKind, out: vscode.Uri, result: RefiExport, log: vscode.LogOutputChannel): void {
  const { counts } = result;
  const what = kind === 'qdc' ? `${counts.codes} codes` : `${counts.codes} codes, ${counts.sources} transcripts, ${counts.selections} coded segments, ${counts.notes} memos`;
  const where = nameOf(out);
  log.info(`Exported ${what} to ${out.toString()}.`);
  for (const warning of result.warnings) log.warn(`Export: ${warning}`);
  if (result.warnings.length === 0) return void showInformation(notice`Exported ${what} to ${where}.`);
  const first = result.warnings[0];
  const more = result.warnings.length > 1 ? ` (and ${result.warnings.length - 1} more warning${result.warnings.length === 2 ? '' : 's'})` : '';
  void showWarning(notice`Exported ${what} to ${where}, with a warning: ${first}${more}`, 'Show All in Log')
    .then((choice) => (choice === 'Show All in Log' ? log.show() : undefined));
}
