import * as vscode from 'vscode';
import type { TranscriptTracker } from '../coding/transcript-tracker';
import type { ProjectHost } from '../project/project-host';
import type { NeedsReviewNode, NeedsReviewTreeProvider } from './needs-review-tree';
import type { ReviewItem } from '../../core/views/review-items';
import { notice, showInformation, showWarning } from '../ui/notifications';

/** Review actions: show, accept an approximate placement, re-attach to the selection, delete. */
export function registerNeedsReviewCommands(host: ProjectHost, tracker: TranscriptTracker, review: NeedsReviewTreeProvider): vscode.Disposable[] {
  const itemOf = (node?: NeedsReviewNode | ReviewItem): ReviewItem | undefined => {
    if (!node) return undefined;
    if ('kind' in node) return node.kind === 'item' ? node.item : undefined;
    return node;
  };
  const open = async (item: ReviewItem) => {
    const project = host.require();
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(project.fs.uri(item.transcript)), { preview: false });
    const tracked = await tracker.open(editor.document);
    return { editor, tracked };
  };
  return [
    vscode.commands.registerCommand('grounded.needsReview.reveal', async (node?: NeedsReviewNode) => {
      const item = itemOf(node);
      if (!item) return;
      const { editor, tracked } = await open(item);
      const live = tracked?.session.placed().find((p) => p.coder.id === item.coderId && p.segment.id === item.segmentId);
      if (live?.range && live.range.end > live.range.start && tracked) {
        const range = tracked.text.range(live.range);
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      } else {
        void showInformation(notice`Not placed: "${item.storedQuote.slice(0, 120)}". Select where it belongs and run "Re-attach to Selection", or delete it.`);
      }
    }),
    vscode.commands.registerCommand('grounded.needsReview.accept', async (node?: NeedsReviewNode) => {
      const item = itemOf(node);
      if (!item || item.status !== 'fuzzy') return false;
      const { tracked } = await open(item);
      const live = tracked?.session.placed().find((p) => p.coder.id === item.coderId && p.segment.id === item.segmentId);
      if (!tracked || !live?.range) return false;
      await host.require().store.requote(item.transcript, item.coderId, new Map([[item.segmentId, { quote: tracked.session.quoteFor(live.range), position: live.range }]]));
      return true;
    }),
    vscode.commands.registerCommand('grounded.needsReview.reattach', async (node?: NeedsReviewNode) => {
      const item = itemOf(node);
      const editor = vscode.window.activeTextEditor;
      const tracked = editor && (await tracker.open(editor.document));
      if (!item || !editor || !tracked || tracked.transcript !== item.transcript || editor.selection.isEmpty) {
        void showWarning(notice`Select the text in ${item?.transcript ?? 'the transcript'} where this segment belongs, then run "Re-attach to Selection" again.`);
        return false;
      }
      const range = tracked.text.textRange(editor.selection);
      await host.require().store.requote(item.transcript, item.coderId, new Map([[item.segmentId, { quote: tracked.session.quoteFor(range), position: range }]]));
      return true;
    }),
    vscode.commands.registerCommand('grounded.needsReview.delete', async (node?: NeedsReviewNode, confirmed?: boolean) => {
      const item = itemOf(node);
      if (!item) return 0;
      if (!confirmed) {
        const answer = await showWarning(notice`Delete this segment by ${item.coderName}? "${item.storedQuote.slice(0, 160)}"`, { modal: true }, 'Delete');
        if (answer !== 'Delete') return 0;
      }
      return host.require().store.deleteSegments(item.transcript, item.coderId, [item.segmentId]);
    }),
    vscode.commands.registerCommand('grounded.needsReview.refresh', () => review.scan()),
  ];
}
