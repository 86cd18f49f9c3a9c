import * as vscode from 'vscode';
import { normaliseText } from '../../core/anchoring';
import { buildCodebookDocument, codebookAsDocx, codebookAsHtml, codebookAsMarkdown } from '../../core/codebook-export';
import { isoDate, memoDay, segmentsById } from '../../core/memos';
import { buildMemoReport } from '../../core/memos/memo-report';
import { memoReportAsHtml, memoReportAsMarkdown } from '../../core/memos/memo-report-render';
import type { Code, CodeId } from '../../core/model';
import type { ProjectSnapshot } from '../../core/project-index';
import { excerpt } from '../../core/views/markdown-text';
import type { IndexHost } from '../project/index-host';
import type { ProjectHost } from '../project/project-host';
import { notice, showInformation } from '../ui/notifications';
import { quickPickText } from '../ui/untrusted';
import { type CodebookNode, codeOfNode } from './codebook-tree';

type CodeArg = CodebookNode | CodeId | { id: CodeId } | undefined;
type Format = 'md' | 'html' | 'docx';

/**
 * The codebook as a deliverable: inclusion and exclusion criteria and an example quote per code
 * (from the Codebook's context menu; each change one undoable step of the store), and exports of
 * the codebook (Markdown, HTML, Word) and of the memo report (Markdown, HTML).
 */
export function registerCodebookDefinition(host: ProjectHost, index: IndexHost, view: vscode.TreeView<CodebookNode>): vscode.Disposable[] {
  const codeOf = (arg: CodeArg): Code | undefined => {
    const selected = view.selection[0];
    const id = typeof arg === 'string' ? arg : arg && 'kind' in arg ? codeOfNode(arg) : (arg?.id ?? (selected && codeOfNode(selected)));
    return id === undefined ? undefined : host.require().store.codebook().get(id);
  };
  const criterion = (key: 'inclusion' | 'exclusion', title: string, prompt: string) => async (arg?: CodeArg, value?: string) => {
    const code = codeOf(arg);
    if (!code) return;
    const text = value ?? (await vscode.window.showInputBox({ title: `${title} "${quickPickText(code.name)}"`, value: code[key] ?? '', prompt }));
    if (text !== undefined) host.require().store.updateCode(code.id, { [key]: text });
  };
  return [
    vscode.commands.registerCommand('grounded.codebook.editInclusion', criterion('inclusion', 'Include when coding', 'When to apply this code (empty: no criteria)')),
    vscode.commands.registerCommand('grounded.codebook.editExclusion', criterion('exclusion', 'Exclude when coding', 'When not to apply it, and what to use instead (empty: no criteria)')),
    vscode.commands.registerCommand('grounded.codebook.pickExample', async (arg?: CodeArg, segmentId?: string) => {
      const code = codeOf(arg);
      const snapshot = (await index.settled())?.snapshot();
      if (!code || !snapshot) return undefined;
      const chosen = segmentId ?? (await pickSegment(code, snapshot));
      if (chosen === undefined) return undefined;
      if (chosen === '') return host.require().store.updateCode(code.id, { example: undefined });
      const found = segmentsById(snapshot).get(chosen);
      if (!found || !found.placed.segment.codes.includes(code.id)) throw new Error(`Segment ${chosen} is not a segment of "${code.name}".`);
      host.require().store.updateCode(code.id, { example: { segment: chosen, text: found.text } });
      return chosen;
    }),
    vscode.commands.registerCommand('grounded.codebook.export', async (format?: Format, target?: vscode.Uri) => {
      const snapshot = (await index.settled())?.snapshot();
      const chosen = format ?? (await pickFormat(['md', 'html', 'docx']));
      if (!snapshot || !chosen) return undefined;
      const out = target ?? (await saveTarget(host, `${snapshot.config.name} codebook`, chosen));
      if (!out) return undefined;
      const document = buildCodebookDocument(snapshot);
      // The Word library is loaded on the first Word export, not with the extension.
      const bytes = chosen === 'docx' ? await codebookAsDocx(document, await import('docx')) : encode(chosen === 'html' ? codebookAsHtml(document) : codebookAsMarkdown(document));
      return written(out, bytes, `the codebook (${document.entries.length} codes)`);
    }),
    vscode.commands.registerCommand('grounded.memos.exportReport', async (format?: Exclude<Format, 'docx'>, target?: vscode.Uri) => {
      const snapshot = (await index.settled())?.snapshot();
      const chosen = format ?? (await pickFormat(['md', 'html']));
      if (!snapshot || !chosen) return undefined;
      const out = target ?? (await saveTarget(host, `${snapshot.config.name} memos`, chosen));
      if (!out) return undefined;
      const { texts, fileDates } = await memoTexts(host, snapshot);
      const report = buildMemoReport(snapshot, texts, fileDates);
      return written(out, encode(chosen === 'html' ? memoReportAsHtml(report) : memoReportAsMarkdown(report)), `the memo report (${snapshot.memos.length} memos)`);
    }),
  ];
}

async function pickSegment(code: Code, snapshot: ProjectSnapshot): Promise<string | undefined> {
  const items: (vscode.QuickPickItem & { id: string })[] = [...segmentsById(snapshot).values()]
    .filter((found) => found.placed.segment.codes.includes(code.id))
    .map((found) => ({ label: quickPickText(excerpt(found.text, 120)), description: quickPickText(found.transcript), detail: found.placed.segment.id === code.example?.segment ? 'the example now' : undefined, id: found.placed.segment.id }));
  if (code.example) items.push({ label: '$(close) No example', id: '' });
  const picked = await vscode.window.showQuickPick(items, { title: `Example quote for "${quickPickText(code.name)}"`, matchOnDescription: true });
  return picked?.id;
}

async function pickFormat(formats: Format[]): Promise<Format | undefined> {
  const names: Record<Format, string> = { md: 'Markdown', html: 'HTML (one file, no script)', docx: 'Word document' };
  return (await vscode.window.showQuickPick(formats.map((format) => ({ label: names[format], format })), { title: 'Export as' }))?.format;
}

function saveTarget(host: ProjectHost, name: string, format: Format): Thenable<vscode.Uri | undefined> {
  const filters: Record<Format, Record<string, string[]>> = { md: { Markdown: ['md'] }, html: { HTML: ['html'] }, docx: { 'Word document': ['docx'] } };
  const file = `${name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'export'}.${format}`;
  return vscode.window.showSaveDialog({ defaultUri: vscode.Uri.joinPath(host.require().fs.root, file), filters: filters[format], saveLabel: 'Export' });
}

/** Each memo's text (an open editor's, saved or not, else the file's) and file days for undated ones. */
async function memoTexts(host: ProjectHost, snapshot: ProjectSnapshot): Promise<{ texts: Record<string, string>; fileDates: Record<string, string> }> {
  const { fs } = host.require();
  const texts: Record<string, string> = {};
  const fileDates: Record<string, string> = {};
  for (const memo of snapshot.memos) {
    const uri = fs.uri(memo.path);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = open ? open.getText() : await fs.readFile(memo.path);
    if (text !== undefined) texts[memo.path] = normaliseText(text);
    if (memoDay(memo) === undefined) {
      const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
      if (stat) fileDates[memo.path] = isoDate(new Date(stat.mtime));
    }
  }
  return { texts, fileDates };
}

async function written(out: vscode.Uri, bytes: Uint8Array, what: string): Promise<string> {
  await vscode.workspace.fs.writeFile(out, bytes);
  void showInformation(notice`Exported ${what} to ${vscode.workspace.asRelativePath(out)}.`);
  return out.scheme === 'file' ? out.fsPath : out.toString();
}

function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
