/**
 * "Import Transcripts…": WebVTT, SRT, text and Word files become Markdown transcripts of the open
 * project, after the researcher has said who each speaker is. Every file is read and checked
 * before anything is written, and nothing is ever overwritten.
 */
import * as vscode from 'vscode';
import {
  applySpeakerMapping,
  detectSpeakers,
  speakerMappingProblems,
  writeTranscriptMarkdown,
  type SpeakerMapping,
} from '../../core/interchange/transcripts';
import { isTranscriptPath } from '../../core/transcript-paths';
import type { OpenProject } from '../project/project-host';
import { InterchangeError } from './interchange-error';
import { askSpeakerMapping, proposeMapping } from './speaker-mapping-flow';
import { readRememberedSpeakers, rememberSpeakers } from './speakers-file';
import type { Platform } from '../platform/platform';
import { uriOfArgument } from './uri-names';
import { anyTimestamps, readTranscriptSources, TRANSCRIPT_EXTENSIONS, type TranscriptSource } from './transcript-sources';
import { defaultTranscriptFolder, planTranscripts, refuseOverwriting, type PlannedTranscript } from './transcript-targets';
import { notice, showInformation, showWarning } from '../ui/notifications';

/** Arguments that replace every question (for tests and other extensions). */
export interface TranscriptImportArgs {
  /** Paths of the files to import. */
  files: string[];
  /** Applied to every file; labels it does not mention are kept. */
  mapping?: SpeakerMapping;
  timestamps?: boolean;
  /** Project-relative folder to write to; the project's transcripts folder by default. */
  folder?: string;
}

export interface TranscriptImportResult {
  /** Project-relative paths of the new transcripts. */
  written: string[];
  /** What the importers changed or guessed, one line each, prefixed with the file name. */
  notes: string[];
  /** The notes that are warnings (shown, not only logged): e.g. a dialogue whose speakers were not recognised. */
  warnings: string[];
}

interface Choices {
  planned: PlannedTranscript[];
  mappings: SpeakerMapping[];
  timestamps: boolean;
}

export async function importTranscripts(project: OpenProject, log: vscode.LogOutputChannel, args: TranscriptImportArgs | undefined, platform: Platform): Promise<TranscriptImportResult | undefined> {
  const choices = args !== undefined ? await choicesFromArgs(project, args, platform) : await askChoices(project, platform);
  if (choices === undefined) return undefined;
  const written = choices.planned.map((plan, i) => {
    const imported = applySpeakerMapping(plan.source.transcript, choices.mappings[i]);
    const output = writeTranscriptMarkdown(imported, { timestamps: choices.timestamps });
    const all = [...imported.notes, ...output.notes];
    const notes = all.map((n) => `${plan.source.name}${n.line !== undefined ? `:${n.line}` : ''}: ${n.message}`);
    const warnings = all.flatMap((n, j) => (n.warning ? [notes[j]] : []));
    return { path: plan.path, markdown: output.markdown, notes, warnings };
  });
  // Asking about speakers can take a while: look again just before writing.
  await refuseOverwriting(project.fs, choices.planned);
  for (const file of written) await project.fs.writeFileAtomic(file.path, file.markdown);
  const notes = written.flatMap((f) => f.notes);
  for (const note of notes) log.info(`Import: ${note}`);
  const warnings = written.flatMap((f) => f.warnings);
  for (const warning of warnings) log.warn(`Import: ${warning}`);
  // A transcript that came in without speakers should be fixed before anyone codes it: say so, not only in the log.
  for (const warning of warnings) void showWarning(notice`Import: ${warning}`);
  const problem = await rememberSpeakers(project.fs, project.store, mappingUsed(choices));
  if (problem !== undefined) void showWarning(notice`The speaker names were not remembered: ${problem}`);
  for (const file of written) await vscode.window.showTextDocument(project.fs.uri(file.path), { preview: false });
  announce(written.map((f) => f.path), notes.length, log);
  return { written: written.map((f) => f.path), notes, warnings };
}

async function choicesFromArgs(project: OpenProject, args: TranscriptImportArgs, platform: Platform): Promise<Choices> {
  const mapping = args.mapping ?? {};
  const problems = speakerMappingProblems(mapping);
  if (problems.length > 0) throw new InterchangeError(`The speaker mapping cannot be used: ${problems.join(' ')} Nothing was written.`);
  const sources = await readTranscriptSources(args.files.map((file) => uriOfArgument(file, vscode.Uri)), platform.docxToHtml);
  const planned = planTranscripts(sources, args.folder ?? defaultTranscriptFolder(project.store.config));
  await refuseOverwriting(project.fs, planned);
  return { planned, mappings: sources.map(() => mapping), timestamps: args.timestamps === true };
}

async function askChoices(project: OpenProject, platform: Platform): Promise<Choices | undefined> {
  const uris = await vscode.window.showOpenDialog({
    title: 'Import transcripts',
    canSelectMany: true,
    defaultUri: project.fs.root,
    openLabel: 'Import',
    filters: { 'Transcripts (WebVTT, SubRip, text, Word)': TRANSCRIPT_EXTENSIONS },
  });
  if (uris === undefined || uris.length === 0) return undefined;
  const sources = await readTranscriptSources(uris, platform.docxToHtml);
  const folder = await askFolder(project);
  if (folder === undefined) return undefined;
  const planned = planTranscripts(sources, folder);
  await refuseOverwriting(project.fs, planned);
  if (!(await confirmOutsideTranscripts(project, planned))) return undefined;
  const mappings = await askMappings(project, sources);
  if (mappings === undefined) return undefined;
  const timestamps = await askTimestamps(sources);
  return timestamps === undefined ? undefined : { planned, mappings, timestamps };
}

async function askFolder(project: OpenProject): Promise<string | undefined> {
  const standard = defaultTranscriptFolder(project.store.config);
  const choice = await vscode.window.showQuickPick(
    [
      { label: `$(folder) ${standard === '' ? 'The project folder' : `${standard}/`}`, detail: 'Where the project keeps its transcripts', folder: standard },
      { label: '$(folder-opened) Another folder in the project…', folder: undefined },
    ],
    { title: 'Import transcripts into', ignoreFocusOut: true },
  );
  if (choice === undefined || choice.folder !== undefined) return choice?.folder;
  const picked = await vscode.window.showOpenDialog({ title: 'Import transcripts into', canSelectFiles: false, canSelectFolders: true, defaultUri: project.fs.root, openLabel: 'Import Here' });
  if (picked === undefined || picked.length === 0) return undefined;
  const folder = picked[0].path.replace(/\/+$/, '') === project.fs.root.path.replace(/\/+$/, '') ? '' : project.fs.relative(picked[0]);
  if (folder === undefined) throw new InterchangeError(`${picked[0].fsPath} is outside the project folder; choose a folder inside it.`);
  return folder;
}

/** Transcripts outside the project's `transcripts` globs would not be coded: say so first. */
async function confirmOutsideTranscripts(project: OpenProject, planned: readonly PlannedTranscript[]): Promise<boolean> {
  const config = project.store.config;
  if (planned.every((p) => isTranscriptPath(config, p.path))) return true;
  const message = `${planned[0].path} is not among the project's transcripts (${config.transcripts.join(', ')}), so it could not be coded until the project's settings include it. Import there anyway?`;
  return (await showWarning(notice`${message}`, { modal: true }, 'Import')) === 'Import';
}

/** One mapping per file; files without speakers get an empty one without asking. */
async function askMappings(project: OpenProject, sources: readonly TranscriptSource[]): Promise<SpeakerMapping[] | undefined> {
  const remembered = await readRememberedSpeakers(project.fs);
  if ('error' in remembered) void showWarning(notice`${remembered.error}. Names are proposed without it.`);
  const known = 'error' in remembered ? {} : remembered.mapping;
  const thisImport: SpeakerMapping = {};
  const detected = sources.map((s) => detectSpeakers(s.transcript));
  const asked = detected.filter((d) => d.speakers.length > 0).length;
  const mappings: SpeakerMapping[] = [];
  let step = 0;
  for (const [i, source] of sources.entries()) {
    if (detected[i].speakers.length === 0) {
      mappings.push({});
      continue;
    }
    const counter = asked > 1 ? ` (${++step} of ${asked})` : '';
    const mapping = await askSpeakerMapping(detected[i], proposeMapping(detected[i], known, thisImport), `Speakers in ${source.name}${counter}`);
    if (mapping === undefined) return undefined;
    Object.assign(thisImport, mapping);
    mappings.push(mapping);
  }
  return mappings;
}

async function askTimestamps(sources: readonly TranscriptSource[]): Promise<boolean | undefined> {
  if (!anyTimestamps(sources)) return false;
  const choice = await vscode.window.showQuickPick(
    [
      { label: 'Without timestamps', detail: 'Each turn starts with the speaker: **Amara:** …', timestamps: false },
      { label: 'With timestamps', detail: 'Each turn starts with its time in the recording: [00:01:02] **Amara:** …', timestamps: true },
    ],
    { title: 'Timestamps', ignoreFocusOut: true },
  );
  return choice?.timestamps;
}

/** The entries of each file's mapping for speakers that file has: what is worth remembering. */
function mappingUsed({ planned, mappings }: Choices): SpeakerMapping {
  const used: SpeakerMapping = {};
  planned.forEach(({ source }, i) => {
    for (const { label } of detectSpeakers(source.transcript).speakers) {
      if (Object.prototype.hasOwnProperty.call(mappings[i], label)) used[label] = mappings[i][label];
    }
  });
  return used;
}

function announce(paths: readonly string[], notes: number, log: vscode.LogOutputChannel): void {
  const what = paths.length === 1 ? paths[0] : `${paths.length} transcripts`;
  const message = `Imported ${what}.${notes > 0 ? ` ${notes} note${notes === 1 ? '' : 's'} about the conversion are in the log.` : ''}`;
  if (notes === 0) return void showInformation(notice`${message}`);
  void showInformation(notice`${message}`, 'Show Log').then((choice) => (choice === 'Show Log' ? log.show() : undefined));
}
