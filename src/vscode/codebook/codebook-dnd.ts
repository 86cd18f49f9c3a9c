import * as vscode from 'vscode';
import type { CodeId } from '../../core/model';
import type { ProjectHost } from '../project/project-host';
import { type CodebookNode, codeOfNode } from './codebook-tree';
import { notice, showError } from '../ui/notifications';

const MIME = 'application/vnd.code.tree.grounded.codebook';

/** Drag codes onto another code to nest them there, or onto empty space to make them top-level. */
export class CodebookDragAndDrop implements vscode.TreeDragAndDropController<CodebookNode> {
  readonly dragMimeTypes = [MIME];
  readonly dropMimeTypes = [MIME];

  constructor(private readonly host: ProjectHost) {}

  handleDrag(source: readonly CodebookNode[], data: vscode.DataTransfer): void {
    const codes = source.filter((n) => n.kind === 'code').map((n) => n.id);
    if (codes.length > 0) data.set(MIME, new vscode.DataTransferItem(codes));
  }

  async handleDrop(target: CodebookNode | undefined, data: vscode.DataTransfer): Promise<void> {
    const item = data.get(MIME);
    if (!item) return;
    const codes = (typeof item.value === 'string' ? JSON.parse(item.value) : item.value) as CodeId[];
    // A round's group is the top level: moving a code there keeps the round it was created in.
    const parent = target === undefined ? null : (codeOfNode(target) ?? null);
    moveCodes(this.host, codes, parent);
  }
}

/** Re-parent codes; a move that would nest a code inside itself is refused with a message. */
export function moveCodes(host: ProjectHost, codes: CodeId[], parent: CodeId | null): number {
  const { store } = host.require();
  let moved = 0;
  for (const id of codes) {
    if (id === parent || store.codebook().get(id)?.parent === parent) continue;
    try {
      store.updateCode(id, { parent });
      moved++;
    } catch (error) {
      void showError(notice`${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return moved;
}
