import * as vscode from 'vscode';

export { escapeMarkdown, quickPickText, treeItemText } from '../../core/views/untrusted-text';

/**
 * A tooltip (or other Markdown) built from escaped untrusted text: untrusted, so no command link
 * runs; no HTML; no `$(icon)` expansion.
 */
export function untrustedMarkdown(markdown = ''): vscode.MarkdownString {
  const result = new vscode.MarkdownString(markdown, false);
  result.isTrusted = false;
  result.supportHtml = false;
  return result;
}
