/** The codebook as Markdown and as one HTML file that loads and runs nothing (every value escaped). */
import { escapeHtml } from '../views/untrusted-text';
import { reportHead } from '../analysis/render/report';
import { escapeMarkdown, escapeMarkdownLine } from '../analysis/render/table-text';
import { usageText, type CodebookDocument, type CodebookEntry } from './codebook-document';

/** The labelled parts of one code, in the order every format writes them. */
export function codebookFields(entry: CodebookEntry): { label: string; text: string }[] {
  const fields = [
    { label: 'Definition', text: entry.definition },
    { label: 'Include when', text: entry.inclusion ?? '' },
    { label: 'Exclude when', text: entry.exclusion ?? '' },
    { label: 'Gathered', text: (entry.gathered ?? []).join('\n') },
    { label: 'Gathered into', text: entry.gatheredInto ?? '' },
    { label: 'Relations', text: (entry.relations ?? []).join('\n') },
  ];
  return fields.filter((f) => f.text.trim() !== '');
}

export function codebookAsMarkdown(document: CodebookDocument): string {
  const out: string[] = [`# ${escapeMarkdownLine(document.project)}: codebook\n`];
  for (const entry of document.entries) {
    out.push(`${'#'.repeat(Math.min(entry.depth + 2, 6))} ${escapeMarkdownLine(entry.path.join(' / '))}\n`);
    out.push(`*${escapeMarkdown(usageText(entry))}*\n`);
    for (const field of codebookFields(entry)) out.push(`**${field.label}:** ${oneBlock(field.text)}\n`);
    if (entry.example) {
      const quote = entry.example.text.split('\n').map((l) => `> ${escapeMarkdown(l)}`).join('\n');
      out.push(`**Example:**\n\n${quote}${entry.example.where ? `\n>\n> — ${escapeMarkdown(entry.example.where)}` : ''}\n`);
    }
  }
  return out.join('\n');
}

/** Multi-line text as one Markdown block: line breaks kept as hard breaks. */
function oneBlock(text: string): string {
  return text.trim().split('\n').map(escapeMarkdown).join('  \n');
}

export function codebookAsHtml(document: CodebookDocument): string {
  const title = `${document.project}: codebook`;
  const out = reportHead(title);
  for (const entry of document.entries) {
    const level = Math.min(entry.depth + 2, 6);
    out.push(`<section><h${level}>${escapeHtml(entry.path.join(' / '))}</h${level}>`);
    out.push(`<p class="where">${escapeHtml(usageText(entry))}</p>`);
    for (const field of codebookFields(entry)) out.push(`<p><strong>${field.label}:</strong> ${htmlLines(field.text.trim())}</p>`);
    if (entry.example) {
      const where = entry.example.where ? `<p class="where">— ${escapeHtml(entry.example.where)}</p>` : '';
      out.push(`<p><strong>Example:</strong></p><blockquote><p>${htmlLines(entry.example.text)}</p>${where}</blockquote>`);
    }
    out.push('</section>');
  }
  out.push('</body></html>\n');
  return out.join('\n');
}

function htmlLines(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>');
}
