import * as vscode from 'vscode';
import type { CodeId } from '../../core/model';
import { trimRange } from '../../core/text-ranges';
import type { ProjectHost } from '../project/project-host';
import { pickCode, recentCodes, rememberCodes } from './code-picker';
import type { TranscriptTracker } from './transcript-tracker';

/** Arguments a keybinding or a test may pass instead of picking in the UI. */
export interface ApplyCodeArgs {
  /** Code ids or names; a name no code has creates that code. */
  codes?: string[];
}

export interface RemoveCodeArgs {
  /** Remove only these codes (ids or names); all codes at the cursor when omitted. */
  codes?: string[];
}

export function registerCodingCommands(host: ProjectHost, tracker: TranscriptTracker, state: vscode.Memento): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('grounded.coding.applyCode', (args?: ApplyCodeArgs) => applyCode(host, tracker, state, args)),
    vscode.commands.registerCommand('grounded.coding.removeCode', (args?: RemoveCodeArgs) => removeCode(host, tracker, args)),
  ];
}

async function activeTranscript(tracker: TranscriptTracker): Promise<{ editor: vscode.TextEditor; tracked: NonNullable<Awaited<ReturnType<TranscriptTracker['open']>>> }> {
  const editor = vscode.window.activeTextEditor;
  const tracked = editor && (await tracker.open(editor.document));
  if (!editor || !tracked) throw new Error('Open a transcript of the project first (a Markdown file matched by its "transcripts" setting).');
  return { editor, tracked };
}

async function applyCode(host: ProjectHost, tracker: TranscriptTracker, state: vscode.Memento, args?: ApplyCodeArgs): Promise<string | undefined> {
  const { store } = host.require();
  const { editor, tracked } = await activeTranscript(tracker);
  const range = trimRange(tracked.session.currentText, tracked.text.textRange(editor.selection));
  if (range.end <= range.start) throw new Error('Select the text to code first.');
  const codeIds = args?.codes ? args.codes.map((c) => resolveOrCreate(host, c)) : await pickInteractively(host, state);
  if (!codeIds) return undefined;
  const segment = await store.applyCodes(
    tracked.transcript,
    { range, quote: tracked.session.quoteFor(range) },
    codeIds,
    tracked.session.rangesOf(store.coder.id),
  );
  await rememberCodes(state, codeIds);
  return segment.id;
}

async function pickInteractively(host: ProjectHost, state: vscode.Memento): Promise<CodeId[] | undefined> {
  const { store } = host.require();
  const picked = await pickCode(store.codebook(), recentCodes(state), 'Apply code to the selection');
  if (!picked) return undefined;
  return ['id' in picked ? picked.id : resolveOrCreate(host, picked.create)];
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

async function removeCode(host: ProjectHost, tracker: TranscriptTracker, args?: RemoveCodeArgs): Promise<number> {
  const { store } = host.require();
  const { editor, tracked } = await activeTranscript(tracker);
  const offset = tracked.text.offsetAt(editor.selection.active);
  const mine = tracked.session.at(offset).filter((p) => p.coder.id === store.coder.id);
  if (mine.length === 0) {
    void vscode.window.showInformationMessage('None of your coded segments is at the cursor.');
    return 0;
  }
  const only = args?.codes ? new Set(args.codes.map((c) => store.codebook().get(c)?.id ?? store.codebook().all().find((x) => x.name === c)?.id ?? c)) : undefined;
  let choices = mine.flatMap((p) => p.segment.codes.filter((c) => !only || only.has(c)).map((code) => ({ segmentId: p.segment.id, code })));
  if (choices.length > 1 && !args?.codes) {
    const picked = await vscode.window.showQuickPick(
      choices.map((c) => ({ label: store.codebook().path(c.code).join(' / ') || c.code, description: excerptOf(tracked.session.currentText, mine.find((p) => p.segment.id === c.segmentId)!.range), choice: c })),
      { canPickMany: true, title: 'Remove which codes at the cursor?' },
    );
    if (!picked || picked.length === 0) return 0;
    choices = picked.map((p) => p.choice);
  }
  let removed = 0;
  for (const { segmentId, code } of choices) removed += await store.removeCodes(tracked.transcript, [segmentId], [code]);
  return removed;
}

function excerptOf(text: string, range: { start: number; end: number } | undefined): string {
  if (!range) return '';
  const s = text.slice(range.start, range.end).replace(/\s+/g, ' ');
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}
