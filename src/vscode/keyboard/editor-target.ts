import * as vscode from 'vscode';
import type { TextRange } from '../../core/model';
import { activeTranscript } from '../coding/coding-commands';
import { notice, showInformation } from '../ui/notifications';

export type ActiveTranscript = Awaited<ReturnType<typeof activeTranscript>>;

/** Selects a range of the transcript and scrolls it into view, so the researcher sees what is next. */
export function selectRange({ editor, tracked }: ActiveTranscript, range: TextRange): void {
  const selection = tracked.text.range(range);
  editor.selection = new vscode.Selection(selection.start, selection.end);
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

/** The primary selection in core offsets (a cursor is an empty range). */
export function selectedRange({ editor, tracked }: ActiveTranscript): TextRange {
  return tracked.text.textRange(editor.selection);
}

/** Every selection of the editor (several with multiple cursors) in core offsets, the primary first. */
export function selectedRanges({ editor, tracked }: ActiveTranscript): TextRange[] {
  return editor.selections.map((s) => tracked.text.textRange(s));
}

export function cursorOffset({ editor, tracked }: ActiveTranscript): number {
  return tracked.text.offsetAt(editor.selection.active);
}

/** Says there is nothing to do, without the error styling a thrown error would get. */
export function tell(message: string): void {
  void showInformation(notice`${message}`);
}
