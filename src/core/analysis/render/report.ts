/**
 * Reports a researcher pastes into a paper draft: per code (or per saved query) its definition, the
 * memos written about it, and its passages grouped by participant — as Markdown, or as one HTML file
 * with no script and every value escaped.
 */
import type { AnalysisContext } from '../analysis-context';
import { countsOf } from '../frequencies';
import type { Hit } from '../retrieval';
import { retrieveSegments } from '../retrieval';
import { escapeHtml } from '../../views/untrusted-text';
import { reportMemo, type Citation, type ReportMemo } from './memo-citations';
import { memoAsHtml, memoAsMarkdown } from './memo-text';
import { escapeMarkdown, escapeMarkdownLine } from './table-text';
import { describeGather } from '../../rounds/provenance';

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface ReportSection {
  title: string;
  definition?: string;
  /** Counts in words, e.g. "12 segments · 1,840 words · 7 participants". */
  summary: string;
  /** Memos about the code, their references written out (memo-citations.ts). */
  memos: ReportMemo[];
  /** Sentences saying what the code gathered, by whom and when (docs/grounded-theory.md). */
  provenance?: string[];
  /** Participant → passages, in interview order. */
  groups: { participant: string; hits: Hit[] }[];
}

export function codeSection(context: AnalysisContext, codeId: string): ReportSection {
  const code = context.lookup.get(codeId);
  const hits = retrieveSegments(context, { code: codeId, subcodes: true });
  const segments = context.segmentsOf(context.lookup.withDescendants(codeId, true));
  const counts = countsOf(context, segments);
  return {
    title: context.lookup.path(codeId),
    ...(code?.description ? { definition: code.description } : {}),
    ...(code?.gathered ? { provenance: code.gathered.map((record) => `${capitalised(describeGather(code, record))}.`) } : {}),
    summary: `${count(counts.segments, 'segment')} · ${count(counts.words, 'word')} · ${count(counts.participants, 'participant')} (with sub-codes)`,
    memos: (context.project.memos ?? []).filter((m) => m.codes.includes(codeId)).map((m) => reportMemo(context, m)),
    groups: groupByParticipant(hits),
  };
}

export function querySection(title: string, description: string | undefined, expressionText: string | undefined, hits: Hit[]): ReportSection {
  const participants = new Set(hits.map((h) => h.participant));
  return {
    title,
    ...(description ? { definition: description } : {}),
    summary: `${expressionText ? `${expressionText} — ` : ''}${count(hits.length, 'passage')} · ${count(hits.reduce((n, h) => n + h.words, 0), 'word')} · ${count(participants.size, 'participant')}`,
    memos: [],
    groups: groupByParticipant(hits),
  };
}

function groupByParticipant(hits: Hit[]): { participant: string; hits: Hit[] }[] {
  const groups = new Map<string, Hit[]>();
  for (const hit of hits) groups.set(hit.participant, [...(groups.get(hit.participant) ?? []), hit]);
  return [...groups].map(([participant, list]) => ({ participant, hits: list }));
}

export function reportAsMarkdown(projectName: string, sections: ReportSection[]): string {
  const out: string[] = [`# ${escapeMarkdownLine(projectName)}\n`];
  for (const section of sections) {
    out.push(`## ${escapeMarkdownLine(section.title)}\n`);
    // Emphasis cannot run across paragraphs: each paragraph of a definition is set in italics alone.
    if (section.definition) out.push(`${paragraphsOf(section.definition).map((p) => `*${escapeMarkdown(p)}*`).join('\n\n')}\n`);
    out.push(`${escapeMarkdown(section.summary)}\n`);
    for (const line of section.provenance ?? []) out.push(`${escapeMarkdown(line)}\n`);
    for (const memo of section.memos) {
      out.push(`### Memo: ${escapeMarkdownLine(memo.title)}\n\n${memoAsMarkdown(memo.body, 3)}\n`);
      for (const citation of memo.cited) out.push(markdownCitation(citation));
    }
    for (const group of section.groups) {
      out.push(`### ${escapeMarkdownLine(group.participant)}\n`);
      for (const hit of group.hits) out.push(markdownQuote(hit.text, [hit.speaker, hit.transcript].filter(Boolean).join(', ')));
    }
  }
  return out.join('\n');
}

/** "1 participant", "7 participants". */
function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** A definition's paragraphs (blank lines between them), each on one line. */
function paragraphsOf(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter((p) => p !== '');
}

function markdownQuote(text: string, where: string): string {
  return `${text.split('\n').map((l) => `> ${escapeMarkdown(l)}`).join('\n')}\n>\n> — ${escapeMarkdown(where)}\n`;
}

function markdownCitation(citation: Citation): string {
  return citation.kind === 'quote' ? markdownQuote(citation.text, citation.where) : `*(${escapeMarkdown(citation.text)})*\n`;
}

export const REPORT_STYLE = `body{font:16px/1.5 Georgia,serif;max-width:46em;margin:2em auto;padding:0 1em;color:#222}
h1,h2,h3{font-family:system-ui,sans-serif}h2{border-bottom:1px solid #ccc;margin-top:2em}
blockquote{margin:1em 0;padding:.2em 1em;border-left:4px solid #8a8;background:#f6f8f6}
.where{font-size:.85em;color:#555}.definition{font-style:italic}.memo{background:#fdf8e8;padding:.5em 1em}`;

/**
 * The SHA-256 of {@link REPORT_STYLE}, so the report's Content Security Policy allows exactly that
 * style sheet and no other inline style (a unit test recomputes it: change both together).
 */
export const REPORT_STYLE_HASH = 'sha256-rNyjaVtL1G7zD0knBH4O6Hy9pwSmBSrKoEFcyKGp970=';

/**
 * The start of a standalone HTML report, up to its heading. Nothing in a report may load or run
 * anything (it holds interview text): the policy allows only the report's own style sheet.
 */
export function reportHead(title: string): string[] {
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '${REPORT_STYLE_HASH}'">`,
    `<title>${escapeHtml(title)}</title><style>${REPORT_STYLE}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
  ];
}

export function reportAsHtml(projectName: string, sections: ReportSection[]): string {
  const out = reportHead(projectName);
  for (const section of sections) {
    out.push(`<section><h2>${escapeHtml(section.title)}</h2>`);
    if (section.definition) out.push(paragraphsOf(section.definition).map((p) => `<p class="definition">${escapeHtml(p)}</p>`).join(''));
    out.push(`<p>${escapeHtml(section.summary)}</p>`);
    for (const line of section.provenance ?? []) out.push(`<p class="provenance">${escapeHtml(line)}</p>`);
    for (const memo of section.memos) out.push(`<div class="memo"><h3>Memo: ${escapeHtml(memo.title)}</h3>${memoAsHtml(memo.body, 3)}${memo.cited.map(htmlCitation).join('')}</div>`);
    for (const group of section.groups) {
      out.push(`<h3>${escapeHtml(group.participant)}</h3>`);
      for (const hit of group.hits) {
        out.push(`<blockquote>${paragraphs(hit.text)}<p class="where">— ${escapeHtml([hit.speaker, hit.transcript].filter(Boolean).join(', '))}</p></blockquote>`);
      }
    }
    out.push('</section>');
  }
  out.push('</body></html>\n');
  return out.join('\n');
}

function htmlCitation(citation: Citation): string {
  if (citation.kind === 'missing') return `<p class="where">(${escapeHtml(citation.text)})</p>`;
  return `<blockquote>${paragraphs(citation.text)}<p class="where">— ${escapeHtml(citation.where)}</p></blockquote>`;
}

function paragraphs(text: string): string {
  return text.trim().split(/\n\s*\n/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('');
}
