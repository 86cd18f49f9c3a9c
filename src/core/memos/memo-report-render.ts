/** The memo report as Markdown and as a self-contained HTML file (no script, a strict CSP). */
import { escapeHtml } from '../views/untrusted-text';
import { reportHead } from '../analysis/render/report';
import { memoAsHtml, memoAsMarkdown } from '../analysis/render/memo-text';
import { escapeMarkdown, escapeMarkdownLine } from '../analysis/render/table-text';
import type { MemoBlock, MemoReport, MemoReportEntry } from './memo-report';

export function memoReportAsMarkdown(report: MemoReport): string {
  const out: string[] = [`# ${escapeMarkdownLine(report.project)}: memos\n`];
  for (const group of report.groups) {
    out.push(`## ${escapeMarkdown(group.heading)}\n`);
    for (const memo of group.memos) {
      out.push(`### ${escapeMarkdownLine(memo.title)}\n`);
      const meta = metaLine(memo);
      if (meta) out.push(`*${escapeMarkdown(meta)}*\n`);
      for (const block of memo.blocks) out.push(markdownBlock(block));
    }
  }
  return out.join('\n');
}

function markdownBlock(block: MemoBlock): string {
  if (block.kind === 'text') return `${memoAsMarkdown(block.text, 3)}\n`;
  if (block.kind === 'missing') return `*(${escapeMarkdown(block.text)})*\n`;
  return `${lines(block.text).map((l) => `> ${escapeMarkdown(l)}`).join('\n')}\n>\n> — ${escapeMarkdown(block.where)}\n`;
}

export function memoReportAsHtml(report: MemoReport): string {
  const title = `${report.project}: memos`;
  const out = reportHead(title);
  for (const group of report.groups) {
    out.push(`<section><h2>${escapeHtml(group.heading)}</h2>`);
    for (const memo of group.memos) {
      out.push(`<article><h3>${escapeHtml(memo.title)}</h3>`);
      const meta = metaLine(memo);
      if (meta) out.push(`<p class="where">${escapeHtml(meta)}</p>`);
      for (const block of memo.blocks) out.push(htmlBlock(block));
      out.push('</article>');
    }
    out.push('</section>');
  }
  out.push('</body></html>\n');
  return out.join('\n');
}

function htmlBlock(block: MemoBlock): string {
  if (block.kind === 'text') return memoAsHtml(block.text, 3);
  if (block.kind === 'missing') return `<p class="where">(${escapeHtml(block.text)})</p>`;
  return `<blockquote><p>${escapeHtml(block.text).replace(/\n/g, '<br>')}</p><p class="where">— ${escapeHtml(block.where)}</p></blockquote>`;
}

/** A memo whose date cannot be read says so where its day would be, rather than showing no date. */
function metaLine(memo: MemoReportEntry): string {
  const day = memo.dateProblem === undefined ? memo.day : `undated: ${memo.dateProblem}`;
  return [day, memo.author, memo.about.length > 0 ? `about ${memo.about.join(', ')}` : '', memo.path].filter(Boolean).join(' · ');
}

function lines(text: string): string[] {
  return text.split('\n');
}
