import * as vscode from 'vscode';
import type { CodeId, SegmentId, TextRange } from '../../core/model';
import { trimRange } from '../../core/text-ranges';
import type { PlacedSegment } from '../../core/transcript-session';
import { plainQuote } from '../../core/markdown';
import { excerpt } from '../../core/views/markdown-text';
import type { ProjectHost } from '../project/project-host';
import type { TranscriptTracker } from './transcript-tracker';
import { notice, showInformation } from '../ui/notifications';
import { quickPickText } from '../ui/untrusted';

export interface RemoveCodeArgs {
  /** Remove only these codes (ids or names); all codes at the cursor when omitted. */
  codes?: string[];
}

/** Which of your segments at the cursor a command acts on, when there are several. */
export interface SegmentArgs {
  segment?: SegmentId;
}

export interface CommentArgs extends SegmentArgs {
  /** The comment; an empty text removes it. Asked for when omitted. */
  comment?: string;
}

/**
 * Commands that change the coded segments under the cursor: remove one code or all of them, move a
 * segment's boundaries to the selection, comment on a segment. Applying codes lives with the
 * keyboard coding commands.
 */
export function registerCodingCommands(host: ProjectHost, tracker: TranscriptTracker, _state?: vscode.Memento): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('grounded.coding.removeCode', (args?: RemoveCodeArgs) => removeCode(host, tracker, args)),
    vscode.commands.registerCommand('grounded.coding.removeAllCodes', () => removeAllCodes(host, tracker)),
    vscode.commands.registerCommand('grounded.coding.resizeSegment', (args?: SegmentArgs) => resizeSegment(host, tracker, args)),
    vscode.commands.registerCommand('grounded.coding.commentSegment', (args?: CommentArgs) => commentSegment(host, tracker, args)),
  ];
}

type Tracked = NonNullable<Awaited<ReturnType<TranscriptTracker['open']>>>;

export async function activeTranscript(tracker: TranscriptTracker): Promise<{ editor: vscode.TextEditor; tracked: Tracked }> {
  const editor = vscode.window.activeTextEditor;
  const tracked = editor && (await tracker.open(editor.document));
  if (!editor || !tracked) throw new Error('Open a transcript of the project first (a Markdown file matched by its "transcripts" setting).');
  return { editor, tracked };
}

/** A code by id or (case-insensitive) name or `Parent/Child` path; an unknown name is created. */
export function resolveOrCreate(host: ProjectHost, nameOrId: string): CodeId {
  const { store } = host.require();
  const codebook = store.codebook();
  if (codebook.get(nameOrId)) return nameOrId;
  const parts = nameOrId.split('/').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) throw new Error('A code needs a name.');
  let parent: CodeId | null = null;
  for (const part of parts) {
    const existing = store.codebook().findByName(part, parent);
    parent = existing ? existing.id : store.addCode({ name: part, parent });
  }
  return parent!;
}

/** A code by id, or by name anywhere in the hierarchy, without creating one. */
export function findCode(host: ProjectHost, nameOrId: string): CodeId | undefined {
  const codebook = host.require().store.codebook();
  const wanted = nameOrId.trim().toLocaleLowerCase();
  return codebook.get(nameOrId)?.id ?? codebook.all().find((c) => c.name.toLocaleLowerCase() === wanted || codebook.path(c.id).join('/').toLocaleLowerCase() === wanted.replace(/\s*\/\s*/g, '/'))?.id;
}

/** The current coder's segments under the cursor (or overlapping the selection), innermost first. */
function mySegmentsAt(host: ProjectHost, editor: vscode.TextEditor, tracked: Tracked): PlacedSegment[] {
  const coder = host.require().store.coder.id;
  const { start, end } = tracked.text.textRange(editor.selection);
  const here = start === end ? tracked.session.at(start) : tracked.session.placed().filter((p) => p.range && p.range.start < end && start < p.range.end);
  return here
    .filter((p) => p.coder.id === coder && p.range && p.range.end > p.range.start)
    .sort((a, b) => length(a.range!) - length(b.range!));
}

function length(range: TextRange): number {
  return range.end - range.start;
}

function describe(host: ProjectHost, tracked: Tracked, p: PlacedSegment): vscode.QuickPickItem {
  const codebook = host.require().store.codebook();
  return {
    label: quickPickText(p.segment.codes.map((c) => codebook.get(c)?.name ?? c).join(', ')),
    description: quickPickText(excerpt(tracked.session.currentText.slice(p.range!.start, p.range!.end), 60)),
    detail: p.segment.comment === undefined ? undefined : quickPickText(p.segment.comment),
  };
}

/** Your segments at the cursor; when there are none, says so and gives undefined. */
function mySegmentsOrNotice(...args: Parameters<typeof mySegmentsAt>): ReturnType<typeof mySegmentsAt> | undefined {
  const mine = mySegmentsAt(...args);
  if (mine.length > 0) return mine;
  void showInformation(notice`None of your coded segments is at the cursor.`);
  return undefined;
}

async function removeCode(host: ProjectHost, tracker: TranscriptTracker, args?: RemoveCodeArgs): Promise<number> {
  const { store } = host.require();
  const { editor, tracked } = await activeTranscript(tracker);
  const mine = mySegmentsOrNotice(host, editor, tracked);
  if (!mine) return 0;
  const only = args?.codes ? new Set(args.codes.map((c) => findCode(host, c) ?? c)) : undefined;
  let choices = mine.flatMap((p) => p.segment.codes.filter((c) => !only || only.has(c)).map((code) => ({ segment: p, code })));
  if (choices.length > 1 && !args?.codes) {
    const codebook = store.codebook();
    const picked = await vscode.window.showQuickPick(
      choices.map((c) => ({ label: quickPickText(codebook.path(c.code).join(' / ') || c.code), description: describe(host, tracked, c.segment).description, choice: c })),
      { canPickMany: true, title: 'Remove which codes at the cursor? (Space ticks, Enter removes)' },
    );
    if (!picked || picked.length === 0) return 0;
    choices = picked.map((p) => p.choice);
  }
  let removed = 0;
  for (const { segment, code } of choices) removed += await store.removeCodes(tracked.transcript, [segment.segment.id], [code]);
  return removed;
}

/** Every code of every one of your segments at the cursor; undo brings them back. */
async function removeAllCodes(host: ProjectHost, tracker: TranscriptTracker): Promise<number> {
  const { store } = host.require();
  const { editor, tracked } = await activeTranscript(tracker);
  const mine = mySegmentsOrNotice(host, editor, tracked);
  if (!mine) return 0;
  return store.removeCodes(tracked.transcript, mine.map((p) => p.segment.id));
}

/** One of your segments at the cursor: the only one, the one named, or the one picked. */
async function chooseSegment(host: ProjectHost, editor: vscode.TextEditor, tracked: Tracked, title: string, args?: SegmentArgs): Promise<PlacedSegment | undefined> {
  const coder = host.require().store.coder.id;
  if (args?.segment) return tracked.session.placed().find((p) => p.coder.id === coder && p.segment.id === args.segment && p.range);
  const mine = mySegmentsAt(host, editor, tracked);
  if (mine.length === 0) {
    void showInformation(notice`None of your coded segments is at the cursor.`);
    return undefined;
  }
  if (mine.length === 1) return mine[0];
  const picked = await vscode.window.showQuickPick(mine.map((p) => ({ ...describe(host, tracked, p), segment: p })), { title });
  return picked?.segment;
}

/** Extend or shrink a segment to exactly the selected text. */
async function resizeSegment(host: ProjectHost, tracker: TranscriptTracker, args?: SegmentArgs): Promise<boolean> {
  const { store } = host.require();
  const { editor, tracked } = await activeTranscript(tracker);
  const range = trimRange(tracked.session.currentText, tracked.text.textRange(editor.selection));
  if (range.end <= range.start) {
    void showInformation(notice`Select the text the segment should cover, then run this again.`);
    return false;
  }
  // Asking which segment takes a while; the selected words are followed through edits meanwhile.
  const held = tracked.session.hold(range);
  try {
    const segment = await chooseSegment(host, editor, tracked, 'Which segment should cover the selection?', args);
    if (!segment) return false;
    const now = held.range;
    if (!now) {
      void showInformation(notice`The selected text was changed or deleted meanwhile, so the segment was left as it was. Select the text again.`);
      return false;
    }
    await store.resizeSegment(tracked.transcript, segment.segment.id, { range: now, quote: tracked.session.quoteFor(now) });
    return true;
  } finally {
    held.release();
  }
}

async function commentSegment(host: ProjectHost, tracker: TranscriptTracker, args?: CommentArgs): Promise<boolean> {
  const { store } = host.require();
  const { editor, tracked } = await activeTranscript(tracker);
  const segment = await chooseSegment(host, editor, tracked, 'Comment on which segment?', args);
  if (!segment) return false;
  const comment =
    args?.comment ??
    (await vscode.window.showInputBox({
      title: `Comment on "${quickPickText(excerpt(plainQuote(segment.segment.quote.exact), 40))}"`,
      value: segment.segment.comment ?? '',
      prompt: 'A short note for this segment; leave empty to remove the comment',
    }));
  if (comment === undefined) return false;
  await store.setComment(tracked.transcript, segment.segment.id, comment);
  return true;
}
