import type { ProjectStats } from '../core/validation/project-stats';

/** Human-readable `grounded stats`: aligned columns, the same order as the JSON. */
export function printStats(stats: ProjectStats): string {
  const out: string[] = [];
  const t = stats.totals;
  const uncoded = stats.transcripts.filter((tr) => tr.exists && tr.coders.length === 0).length;
  const notCoded = uncoded > 0 ? ` (${uncoded} with no segments yet)` : '';
  const missing = t.missingTranscripts > 0 ? `, and coding of ${t.missingTranscripts} transcript(s) that are missing or unreadable` : '';
  out.push(`${stats.project}: ${t.codes} codes, ${t.segments} segments by ${t.coders} coder(s) in ${t.transcripts} transcript(s)${notCoded}${missing}`, '');
  out.push('Codes                                              segments  with sub-codes  transcripts');
  for (const c of stats.codes) {
    out.push(`  ${c.path.padEnd(48).slice(0, 48)} ${String(c.segments).padStart(8)}  ${String(c.segmentsWithSubCodes).padStart(14)}  ${String(c.transcripts).padStart(11)}`);
  }
  out.push('', 'Transcripts');
  for (const tr of stats.transcripts) {
    out.push(`  ${tr.transcript}${tr.exists ? '' : '  (no text: missing or unreadable)'}`);
    // Said, not left blank: an empty list under a transcript reads like output cut short.
    if (tr.coders.length === 0) out.push(`    ${'(no coder)'.padEnd(30)} ${'0'.padStart(5)} segments`);
    for (const c of tr.coders) {
      const review = c.fuzzy + c.orphan > 0 ? `  (${c.fuzzy} approximate, ${c.orphan} not placed)` : '';
      out.push(`    ${c.name.padEnd(30)} ${String(c.segments).padStart(5)} segments${review}`);
    }
  }
  out.push('', ...closing(stats));
  for (const r of stats.needsReview) out.push(`  ${r.transcript} · ${r.coder} · ${r.segment} [${r.status}] ${JSON.stringify(r.exact.slice(0, 60))}`);
  return `${out.join('\n')}\n`;
}

/** Whether every segment is placed and, when not, which ones and why. */
function closing(stats: ProjectStats): string[] {
  const gone = stats.transcripts.filter((t) => !t.exists);
  const lost = gone.reduce((n, t) => n + t.coders.reduce((m, c) => m + c.segments, 0), 0);
  if (lost === 0 && stats.needsReview.length === 0) return ['Every segment is placed on its text.'];
  const lines: string[] = [];
  if (lost > 0) {
    const paths = gone.map((t) => t.transcript).join(', ');
    lines.push(`${lost} segment(s) are not placed: their transcript is missing or could not be read (${paths}; grounded validate says which and why).`);
  }
  if (stats.needsReview.length > 0) lines.push(`${stats.needsReview.length} segment(s) need review:`);
  return lines;
}
