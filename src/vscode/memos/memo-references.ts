import * as vscode from 'vscode';
import { formatReference, isCodeId, isMemoPath, isSegmentId, parseReferences, resolveReference, segmentsById, type FoundSegment } from '../../core/memos';
import type { Code } from '../../core/model';
import { excerpt } from '../../core/views/markdown-text';
import type { CodebookNode } from '../codebook/codebook-tree';
import type { SegmentRef } from '../codebook/codebook-commands';
import type { IndexHost } from '../project/index-host';
import type { ProjectHost } from '../project/project-host';
import { notice, showWarning } from '../ui/notifications';
import { escapeMarkdown, untrustedMarkdown } from '../ui/untrusted';

export const OPEN_REFERENCE = 'grounded.memos.openReference';

/**
 * `[[…]]` references in memos: completion after `[[` (codes; `[[code name#` lists that code's
 * segments), and links that reveal the code in the Codebook or the segment in its transcript. A
 * link runs only the registered command {@link OPEN_REFERENCE} with an id that matched the id
 * pattern and exists in the project; the command checks the id again before using it.
 */
export function registerMemoReferences(host: ProjectHost, index: IndexHost, codebookView: vscode.TreeView<CodebookNode>): vscode.Disposable[] {
  const memoDocument = (document: vscode.TextDocument): boolean => {
    const project = host.project;
    const path = project?.fs.relative(document.uri);
    return project !== undefined && path !== undefined && isMemoPath(project.store.config, path);
  };
  const selector: vscode.DocumentSelector = { language: 'markdown' };
  return [
    vscode.languages.registerCompletionItemProvider(selector, { provideCompletionItems: (document, position) => (memoDocument(document) ? completions(host, index, document, position) : undefined) }, '[', '#'),
    vscode.languages.registerDocumentLinkProvider(selector, { provideDocumentLinks: (document) => (memoDocument(document) ? links(host, index, document) : []) }),
    vscode.commands.registerCommand(OPEN_REFERENCE, (id: unknown) => openReference(host, index, codebookView, id)),
  ];
}

function completions(host: ProjectHost, index: IndexHost, document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
  const line = document.lineAt(position.line).text;
  const before = line.slice(0, position.character);
  const open = before.lastIndexOf('[[');
  if (open === -1 || before.indexOf(']]', open) !== -1) return undefined;
  // Replace from `[[` to the cursor, and the `]]` an auto-closing editor may have typed after it.
  const closing = line.slice(position.character).startsWith(']]') ? 2 : 0;
  const range = new vscode.Range(position.line, open, position.line, position.character + closing);
  const typed = before.slice(open + 2);
  const codebook = host.require().store.codebook();
  const hash = typed.lastIndexOf('#');
  if (hash !== -1) {
    const name = typed.slice(0, hash).trim().toLowerCase();
    const code = codebook.all().find((c) => c.name.toLowerCase() === name);
    return code ? segmentItems(index, code, typed.slice(0, hash + 1), range) : [];
  }
  return codebook.all().map((code) => {
    const item = new vscode.CompletionItem({ label: code.name, description: codebook.path(code.id).slice(0, -1).join(' / ') }, vscode.CompletionItemKind.Reference);
    item.range = range;
    item.filterText = `[[${code.name}`;
    item.insertText = formatReference(code.id, code.name);
    item.detail = 'code';
    if (code.description) item.documentation = untrustedMarkdown(escapeMarkdown(code.description));
    return item;
  });
}

function segmentItems(index: IndexHost, code: Code, typedPrefix: string, range: vscode.Range): vscode.CompletionItem[] {
  const snapshot = index.snapshot();
  if (!snapshot) return [];
  return [...segmentsById(snapshot).values()]
    .filter((found) => found.placed.segment.codes.includes(code.id))
    .map((found, i) => {
      const short = excerpt(found.text, 60);
      const item = new vscode.CompletionItem({ label: short, description: found.transcript }, vscode.CompletionItemKind.Text);
      item.range = range;
      item.filterText = `[[${typedPrefix}${short}`;
      item.sortText = String(i).padStart(6, '0');
      item.insertText = formatReference(found.placed.segment.id, excerpt(found.text, 40));
      item.detail = `segment of ${found.placed.coder.name}`;
      item.documentation = untrustedMarkdown(escapeMarkdown(found.text));
      return item;
    });
}

function links(host: ProjectHost, index: IndexHost, document: vscode.TextDocument): vscode.DocumentLink[] {
  const codes = host.require().store.codebook().all();
  const segments = segmentsOf(index);
  const text = document.getText();
  const out: vscode.DocumentLink[] = [];
  for (const reference of parseReferences(text)) {
    const resolved = resolveReference(reference.target, codes, (id) => segments.has(id));
    if (resolved.kind === 'broken') continue;
    const id = resolved.kind === 'code' ? resolved.code : resolved.segment;
    // Only an id of the project's own form ever reaches the link.
    if (!isCodeId(id) && !isSegmentId(id)) continue;
    const range = new vscode.Range(document.positionAt(reference.start), document.positionAt(reference.end));
    const link = new vscode.DocumentLink(range, vscode.Uri.parse(`command:${OPEN_REFERENCE}?${encodeURIComponent(JSON.stringify([id]))}`));
    link.tooltip = resolved.kind === 'code' ? `Show the code "${codes.find((c) => c.id === id)?.name ?? id}" in the Codebook` : `Show this segment in ${segments.get(id)?.transcript ?? 'its transcript'}`;
    out.push(link);
  }
  return out;
}

function segmentsOf(index: IndexHost): Map<string, FoundSegment> {
  const snapshot = index.snapshot();
  return snapshot ? segmentsById(snapshot) : new Map();
}

/** Reveal what a reference points at; returns what was shown, or undefined. */
async function openReference(host: ProjectHost, index: IndexHost, view: vscode.TreeView<CodebookNode>, id: unknown): Promise<'code' | 'segment' | undefined> {
  if (typeof id !== 'string') return undefined;
  if (isCodeId(id)) {
    if (!host.require().store.codebook().get(id)) {
      void showWarning(notice`The code ${id} is not in the codebook (deleted or merged?).`);
      return undefined;
    }
    await view.reveal({ kind: 'code', id }, { select: true, focus: true, expand: true });
    return 'code';
  }
  if (!isSegmentId(id)) return undefined;
  await index.settled();
  const found = segmentsOf(index).get(id);
  if (!found) {
    void showWarning(notice`The segment ${id} no longer exists.`);
    return undefined;
  }
  const ref: SegmentRef = { transcript: found.transcript, coderId: found.placed.coder.id, segmentId: id };
  return (await vscode.commands.executeCommand<boolean>('grounded.codebook.revealSegment', ref)) ? 'segment' : undefined;
}
