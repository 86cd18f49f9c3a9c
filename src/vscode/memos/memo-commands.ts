import * as vscode from 'vscode';
import { normaliseText } from '../../core/anchoring';
import { parseTranscript } from '../../core/markdown';
import { defaultMemoTitle, isoDate, MEMO_KIND_LABELS, MEMO_KINDS, memoPath, memosFolder, newMemoText, type MemoKind, type MemoLink } from '../../core/memos';
import type { CodeId } from '../../core/model';
import type { PlacedSegment } from '../../core/transcript-session';
import type { TranscriptTracker } from '../coding/transcript-tracker';
import type { ProjectHost } from '../project/project-host';
import type { MemoIndex } from './memo-index';
import { quickPickText } from '../ui/untrusted';

/** A code as the commands receive it: a Codebook node, an id, or `{ id }`. */
type CodeArg = { kind: 'code'; id: CodeId } | { kind: 'segment'; code: CodeId } | CodeId | { id: CodeId } | undefined;

/** Options a keybinding or a test may pass. */
export interface NewMemoOptions {
  /** The memo's title; a title from what it is about otherwise. */
  title?: string;
  /**
   * Its kind (null: none). Asked for when the command runs with no options at all (from a menu or
   * the palette); a keybinding or test that passes options is not interrupted by a question.
   */
  kind?: MemoKind | null;
}

/** What a new memo is made of besides its title. */
interface MemoSpec {
  link: MemoLink;
  title: string;
  kind: MemoKind | undefined;
  moreCodes?: string[];
}

/**
 * New memos: about a code (Codebook context menu, palette), about the active transcript, or about
 * the segment at the cursor (one keystroke from the transcript; the whole transcript when the
 * cursor is in no segment). The memo opens beside the transcript with the cursor under its title.
 */
export function registerMemoCommands(host: ProjectHost, tracker: TranscriptTracker, index: MemoIndex, log: vscode.LogOutputChannel): vscode.Disposable[] {
  const create = async (spec: Omit<MemoSpec, 'kind'>, options: NewMemoOptions | undefined): Promise<string | undefined> => {
    const kind = options === undefined ? await pickKind() : (options.kind ?? undefined);
    if (kind === null) return undefined;
    return createMemo(host, index, log, { ...spec, kind });
  };
  return [
    // From the Codebook's context menu with several codes selected, the memo is about all of them.
    vscode.commands.registerCommand('grounded.memos.newForCode', async (arg?: CodeArg, second?: NewMemoOptions | readonly CodeArg[]) => {
      const options = Array.isArray(second) ? undefined : (second as NewMemoOptions | undefined);
      const code = codeOf(arg) ?? (await pickCode(host));
      if (!code) return undefined;
      const codebook = host.require().store.codebook();
      const name = codebook.get(code)?.name;
      if (!name) throw new Error(`The code ${code} is not in the codebook.`);
      const selected = Array.isArray(second) ? (second as readonly CodeArg[]).map(codeOf).filter((c): c is CodeId => c !== undefined && codebook.get(c) !== undefined) : [];
      const moreCodes = selected.filter((c) => c !== code);
      const title = options?.title ?? defaultMemoTitle({ kind: 'code', code }, { code: [name, ...moreCodes.map((c) => codebook.get(c)!.name)].join(', ') });
      return create({ link: { kind: 'code', code }, title, moreCodes }, options);
    }),
    vscode.commands.registerCommand('grounded.memos.newForTranscript', async (arg?: vscode.Uri, options?: NewMemoOptions) => {
      const { transcript, text } = await transcriptOf(tracker, arg);
      const link: MemoLink = { kind: 'transcript', transcript };
      return create({ link, title: options?.title ?? defaultMemoTitle(link, { transcript: transcriptTitle(transcript, text) }) }, options);
    }),
    vscode.commands.registerCommand('grounded.memos.newAtCursor', async (options?: NewMemoOptions) => {
      const { transcript, text, segment } = await cursorTarget(host, tracker);
      const link: MemoLink = segment ? { kind: 'segment', segment: segment.segment.id, transcript, coder: segment.coder.id } : { kind: 'transcript', transcript };
      const names = { transcript: transcriptTitle(transcript, text), quote: segment?.segment.quote.exact };
      return create({ link, title: options?.title ?? defaultMemoTitle(link, names) }, options);
    }),
    vscode.commands.registerCommand('grounded.memos.refresh', () => index.reload()),
  ];
}

/**
 * The memo is complete on disk (header and title, through the store's guarded write) before its
 * editor opens, and the editor opens with the cursor already under the title: a keystroke typed
 * the moment it appears lands in the memo's text, never above its header.
 */
async function createMemo(host: ProjectHost, index: MemoIndex, log: vscode.LogOutputChannel, { link, title, kind, moreCodes }: MemoSpec): Promise<string> {
  const { fs, store } = host.require();
  const folder = memosFolder(store.config);
  const existing = (await fs.readDirectory(folder)).map((e) => `${folder}/${e.name}`);
  const path = memoPath(folder, title, existing);
  const { text, cursor } = newMemoText({ title, link, kind, moreCodes, author: store.coder.name, date: isoDate(new Date()) });
  if ((await store.writeProjectFile(path, text, undefined)) === 'kept-on-disk') {
    throw new Error(`${path} appeared on disk while the memo was being created; it was left as it is. Run the command again for a new memo.`);
  }
  const document = await vscode.workspace.openTextDocument(fs.uri(path));
  const position = document.positionAt(cursor);
  const selection = new vscode.Range(position, position);
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false, selection });
  log.info(`New memo ${path} (${describeLink(link)}).`);
  await index.reload();
  return path;
}

/** The memo's kind; undefined for none, null when the researcher cancelled. */
async function pickKind(): Promise<MemoKind | undefined | null> {
  const items = [...MEMO_KINDS.map((kind) => ({ label: MEMO_KIND_LABELS[kind].label, detail: MEMO_KIND_LABELS[kind].detail, memoKind: kind })), { label: 'No particular kind', detail: 'decide later (add "kind:" to the memo\'s header)', memoKind: undefined }];
  const picked = await vscode.window.showQuickPick(items, { title: 'What kind of memo?' });
  return picked ? picked.memoKind : null;
}

function codeOf(arg: CodeArg): CodeId | undefined {
  if (typeof arg === 'string') return arg;
  if (arg && 'kind' in arg) return arg.kind === 'code' ? arg.id : arg.code;
  return arg?.id;
}

async function pickCode(host: ProjectHost): Promise<CodeId | undefined> {
  const codebook = host.require().store.codebook();
  const picked = await vscode.window.showQuickPick(
    codebook.all().map((c) => ({ label: quickPickText(c.name), description: quickPickText(codebook.path(c.id).slice(0, -1).join(' / ')), id: c.id })),
    { title: 'New memo about which code?', matchOnDescription: true },
  );
  return picked?.id;
}

async function transcriptOf(tracker: TranscriptTracker, uri: vscode.Uri | undefined): Promise<{ transcript: string; text: string }> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  const tracked = document && (await tracker.open(document));
  if (!tracked) throw new Error('Open a transcript of the project first (a Markdown file matched by its "transcripts" setting).');
  return { transcript: tracked.transcript, text: tracked.session.currentText };
}

/** The segment at the cursor: the current coder's own first, then the narrowest. */
async function cursorTarget(host: ProjectHost, tracker: TranscriptTracker): Promise<{ transcript: string; text: string; segment: PlacedSegment | undefined }> {
  const editor = vscode.window.activeTextEditor;
  const tracked = editor && (await tracker.open(editor.document));
  if (!editor || !tracked) throw new Error('Put the cursor in a transcript of the project first.');
  const me = host.require().store.coder.id;
  const width = (p: PlacedSegment): number => (p.range ? p.range.end - p.range.start : Infinity);
  const [segment] = tracked.session
    .at(tracked.text.offsetAt(editor.selection.active))
    .filter((p) => p.range && p.range.end > p.range.start)
    .sort((a, b) => Number(b.coder.id === me) - Number(a.coder.id === me) || width(a) - width(b));
  return { transcript: tracked.transcript, text: tracked.session.currentText, segment };
}

/** The transcript's first heading (e.g. "Interview P01 — Amara"), else its file name. */
function transcriptTitle(transcript: string, text: string): string {
  const heading = parseTranscript(normaliseText(text)).headings[0]?.text;
  return heading || transcript.slice(transcript.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}

function describeLink(link: MemoLink): string {
  if (link.kind === 'code') return `about code ${link.code}`;
  if (link.kind === 'transcript') return `about ${link.transcript}`;
  return `about segment ${link.segment} of ${link.coder} in ${link.transcript}`;
}
