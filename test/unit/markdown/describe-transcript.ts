import type { TextRange } from '../../../src/core/model';
import type { Transcript } from '../../../src/core/markdown';

/** A range with the text it covers, so an expected.json can be checked by reading it. */
export interface ShownRange extends TextRange {
  text: string;
}

export function show(text: string, range: TextRange): ShownRange {
  return { start: range.start, end: range.end, text: text.slice(range.start, range.end) };
}

/** The parse result as stored in fixtures: every range paired with its text. */
export function describeTranscript(text: string, transcript: Transcript): unknown {
  const fm = transcript.frontMatter;
  return {
    frontMatter: fm === undefined ? null : { ...fm, range: show(text, fm.range) },
    headings: transcript.headings.map((h) => ({ ...h, range: show(text, h.range) })),
    paragraphs: transcript.paragraphs.map((p) => show(text, p)),
    turns: transcript.turns.map((t) => ({
      speaker: t.speaker,
      ...(t.timestamp !== undefined ? { timestamp: t.timestamp } : {}),
      label: show(text, t.label),
      textRange: show(text, t.textRange),
      range: show(text, t.range),
    })),
  };
}
