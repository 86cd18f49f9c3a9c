/** The report of a REFI-QDA import, as a Markdown document the researcher can keep. */
import type { RefiImportReport } from '../../core/interchange/refi';
import { escapeMarkdown } from '../../core/views/markdown-text';

/** Everything named here comes from the imported file, so all of it is escaped. */
export function importReportMarkdown(report: RefiImportReport, file: string, target: string): string {
  const { counts } = report;
  const lines = [
    `# Imported "${escapeMarkdown(report.projectName)}"`,
    '',
    `From \`${code(file)}\` (a ${report.kind === 'qdc' ? 'codebook' : 'project'}${report.origin ? ` written by ${escapeMarkdown(report.origin)}` : ''}) into \`${code(target)}\`.`,
    '',
    '| | |',
    '| --- | ---: |',
    `| Codes | ${counts.codes} |`,
    `| Transcripts | ${counts.transcripts} |`,
    `| Transcripts with attributes | ${counts.transcriptsWithAttributes} |`,
    `| Coded segments | ${counts.segments} |`,
    `| Coders | ${counts.coders} |`,
    `| Memos | ${counts.memos} |`,
    '',
    ...sourceLines(report),
    ...warningLines(report),
  ];
  return `${lines.join('\n')}\n`;
}

/** How each source's positions were read: the part worth checking after an import from another program. */
function sourceLines(report: RefiImportReport): string[] {
  if (report.sources.length === 0) return [];
  const rows = report.sources.map((s) => {
    const transcript = s.transcript !== undefined ? `\`${code(s.transcript)}\`` : 'not imported';
    return `| ${escapeMarkdown(s.name)} | ${transcript} | ${s.selections} | ${s.fitting} | ${s.skipped} | ${escapeMarkdown(s.reading)} | ${s.basis} |`;
  });
  return [
    '## Sources',
    '',
    'Positions are read the way that places the selections best: on their quoted text where the file gives it, otherwise on word boundaries.',
    '',
    '| Source | Transcript | Selections | Fit | Skipped | Positions read as | Decided by |',
    '| --- | --- | ---: | ---: | ---: | --- | --- |',
    ...rows,
    '',
  ];
}

function warningLines(report: RefiImportReport): string[] {
  if (report.warnings.length === 0) return ['No warnings.'];
  return ['## Warnings', '', ...report.warnings.map((w) => `- ${escapeMarkdown(w)}`)];
}

/** Text inside a code span: backticks and line breaks would end it. */
function code(text: string): string {
  return text.replace(/`/g, "'").replace(/\r?\n/g, ' ');
}
