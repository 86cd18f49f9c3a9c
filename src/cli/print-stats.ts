import type { ProjectStats } from '../core/validation/project-stats';

/** Human-readable `grounded stats`: aligned columns, the same order as the JSON. */
export function printStats(stats: ProjectStats): string {
  const out: string[] = [];
  const t = stats.totals;
  out.push(`${stats.project}: ${t.codes} codes, ${t.segments} segments by ${t.coders} coder(s) in ${t.transcripts} transcript(s)`, '');
  out.push('Codes                                              segments  with sub-codes  transcripts');
  for (const c of stats.codes) {
    out.push(`  ${c.path.padEnd(48).slice(0, 48)} ${String(c.segments).padStart(8)}  ${String(c.segmentsWithSubCodes).padStart(14)}  ${String(c.transcripts).padStart(11)}`);
  }
  out.push('', 'Transcripts');
  for (const tr of stats.transcripts) {
    out.push(`  ${tr.transcript}`);
    for (const c of tr.coders) {
      const review = c.fuzzy + c.orphan > 0 ? `  (${c.fuzzy} approximate, ${c.orphan} not placed)` : '';
      out.push(`    ${c.name.padEnd(30)} ${String(c.segments).padStart(5)} segments${review}`);
    }
  }
  out.push('', stats.needsReview.length === 0 ? 'Every segment is placed on its text.' : `${stats.needsReview.length} segment(s) need review:`);
  for (const r of stats.needsReview) out.push(`  ${r.transcript} · ${r.coder} · ${r.segment} [${r.status}] ${JSON.stringify(r.exact.slice(0, 60))}`);
  return `${out.join('\n')}\n`;
}
