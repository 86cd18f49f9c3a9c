import { countCodes } from '../views/code-counts';
import type { ProjectCheck } from './project-check';

export interface ProjectStats {
  project: string;
  codes: { id: string; path: string; segments: number; segmentsWithSubCodes: number; transcripts: number }[];
  transcripts: {
    transcript: string;
    /** False when the transcript has no text (renamed, deleted or unreadable) though its coding remains: none of its segments is placed. */
    exists: boolean;
    coders: { coder: string; name: string; segments: number; exact: number; moved: number; fuzzy: number; orphan: number }[];
  }[];
  /**
   * Segments that could not be placed in their transcript's text, or only approximately: they need a
   * researcher's review. Segments of a transcript with no text are not listed one by one (moving its
   * coding folder, or fixing the file, places them all): they are counted as orphans of a transcript
   * whose `exists` is false.
   */
  needsReview: { transcript: string; coder: string; segment: string; status: 'fuzzy' | 'orphan'; exact: string }[];
  /**
   * `transcripts`: those with text, coded or not — the count `matrix`, `query` and `export csv`
   * give. `missingTranscripts`: coding whose transcript has no text, listed above with `exists: false`.
   */
  totals: { codes: number; transcripts: number; missingTranscripts: number; segments: number; coders: number };
}

/** The numbers `grounded stats` prints: deterministic order, so the JSON can be diffed in CI. */
export function projectStats(check: ProjectCheck): ProjectStats {
  const codebook = check.codebook;
  const counts = countCodes(codebook, check.codings);
  const codes = codebook
    .all()
    .map((c) => {
      const n = counts.get(c.id)!;
      return { id: c.id, path: codebook.path(c.id).join(' / '), segments: n.segments, segmentsWithSubCodes: n.segmentsWithChildren, transcripts: n.transcripts };
    })
    .sort((a, b) => a.path.localeCompare(b.path) || a.id.localeCompare(b.id));
  const statusOf = new Map(check.placements.map((p) => [`${p.transcript}\u0000${p.coderId}\u0000${p.segment.id}`, p.status]));
  const gone = new Set(check.snapshot.transcripts.filter((t) => !t.exists).map((t) => t.path));
  // Every transcript of the project, uncoded ones too (with no coders): a transcript nobody has
  // coded yet is part of the study, and the other commands count it.
  const transcripts = check.codings
    .map((coding) => ({
      transcript: coding.transcript,
      exists: !gone.has(coding.transcript),
      coders: coding.coders.map(({ coder, segments }) => {
        const tally = { exact: 0, moved: 0, fuzzy: 0, orphan: 0 };
        for (const s of segments) {
          // With no text to place on, every segment of a missing or unreadable transcript is an orphan.
          const status = gone.has(coding.transcript) ? 'orphan' : statusOf.get(`${coding.transcript}\u0000${coder.id}\u0000${s.id}`);
          if (status) tally[status]++;
        }
        return { coder: coder.id, name: coder.name, segments: segments.length, ...tally };
      }),
    }))
    .sort((a, b) => a.transcript.localeCompare(b.transcript));
  const needsReview = check.placements
    .filter((p): p is typeof p & { status: 'fuzzy' | 'orphan' } => p.status === 'fuzzy' || p.status === 'orphan')
    .map((p) => ({ transcript: p.transcript, coder: p.coderId, segment: p.segment.id, status: p.status, exact: p.segment.quote.exact }))
    .sort((a, b) => a.transcript.localeCompare(b.transcript) || a.coder.localeCompare(b.coder) || a.segment.localeCompare(b.segment));
  const coders = new Set(transcripts.flatMap((t) => t.coders.map((c) => c.coder)));
  return {
    project: check.snapshot.config.name,
    codes,
    transcripts,
    needsReview,
    totals: {
      codes: codes.length,
      transcripts: transcripts.filter((t) => t.exists).length,
      missingTranscripts: transcripts.filter((t) => !t.exists).length,
      segments: transcripts.reduce((n, t) => n + t.coders.reduce((m, c) => m + c.segments, 0), 0),
      coders: coders.size,
    },
  };
}
