/**
 * The references inside a memo (`[[c-…|Fear of authorities]]`, `[[s-…|It is the same door]]`,
 * `[[Code name]]`) as a report shows them, the way the memo report (`grounded memos`) does: read and
 * resolved by the memo module's own parser and resolver (core/memos/memo-references.ts), a code
 * written as its name, a segment as its label with the passage quoted after the memo, and a
 * reference that leads nowhere as its label (or target) with the reason noted. Left as written, a
 * reference reached the report as escaped brackets: `\[\[c-eev1kyas3c52\|…\]\]`.
 */
import type { Code } from '../../model';
import { isSegmentId, titleWithReferences, writeOutReferences } from '../../memos/memo-references';
import type { AnalysisContext } from '../analysis-context';
import type { AnalysisMemo, AnalysisSegment } from '../analysis-model';
import { passageText } from '../passage-text';

export type Citation = { kind: 'quote'; text: string; where: string } | { kind: 'missing'; text: string };

export interface ReportMemo {
  title: string;
  path: string;
  /** The memo's Markdown with its references written out. */
  body: string;
  /** The passages it cites, in the order first cited, and the references that lead nowhere. */
  cited: Citation[];
}

export function reportMemo(context: AnalysisContext, memo: AnalysisMemo): ReportMemo {
  const { codes, segments } = lookups(context);
  const written = writeOutReferences(memo.body, codes, (id) => segments.has(id));
  const cited: Citation[] = [];
  const quoted = new Set<string>();
  for (const c of written.cited) {
    if (c.kind === 'segment') {
      if (!quoted.has(c.segment)) cited.push(quoteOf(context, segments.get(c.segment)!));
      quoted.add(c.segment);
    } else {
      // The analysis view holds placed segments only: one it lacks may exist but not be placed.
      const reason = isSegmentId(c.target) ? 'not in the current text of any transcript (deleted, or could not be placed: see grounded validate)' : c.reason;
      cited.push({ kind: 'missing', text: `${c.target}: ${reason}` });
    }
  }
  return { title: titleWithReferences(memo.title, codes, (id) => segments.has(id)), path: memo.path, body: written.text, cited };
}

function quoteOf(context: AnalysisContext, segment: AnalysisSegment): Citation {
  const transcript = context.transcripts.get(segment.transcript);
  const text = transcript ? passageText(transcript.text, segment.start, segment.end, transcript.turns) : '';
  return { kind: 'quote', text, where: [transcript?.participant, segment.transcript].filter(Boolean).join(', ') };
}

interface Lookups {
  codes: Code[];
  segments: Map<string, AnalysisSegment>;
}

/** Made once per context: a report of every code reads each code's memos. */
const made = new WeakMap<AnalysisContext, Lookups>();

function lookups(context: AnalysisContext): Lookups {
  let found = made.get(context);
  if (!found) {
    // The resolver reads a code's id and name only; the analysis view has no colour, and its
    // description is optional, so those are filled in plainly.
    const codes = context.project.codes.map((c) => ({ id: c.id, name: c.name, parent: c.parent, color: '', description: c.description ?? '' }));
    // Ids are unique in a project; the first wins, as in the memo report.
    const segments = new Map<string, AnalysisSegment>();
    for (const segment of context.project.segments) if (!segments.has(segment.id)) segments.set(segment.id, segment);
    made.set(context, (found = { codes, segments }));
  }
  return found;
}
