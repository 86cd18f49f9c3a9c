import type { ImportedTranscript } from '../../../../src/core/interchange/transcripts';
import type { Transcript } from '../../../../src/core/markdown';

/** What a reader of a turn sees: who, when, and the words, Markdown escapes resolved. */
export interface TurnView {
  speaker: string | null;
  timestamp: string | null;
  text: string;
}

/** CommonMark backslash escapes: a backslash before ASCII punctuation shows the punctuation. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

export function parsedTurns(markdown: string, parsed: Transcript): TurnView[] {
  return parsed.turns.map((t) => ({
    speaker: t.speaker,
    timestamp: t.timestamp ?? null,
    text: unescapeMarkdown(markdown.slice(t.textRange.start, t.textRange.end)),
  }));
}

/** Paragraphs before the first turn: the text nobody is credited with. */
export function unlabelledParagraphs(markdown: string, parsed: Transcript): TurnView[] {
  const firstTurn = parsed.turns[0]?.range.start ?? markdown.length;
  return parsed.paragraphs
    .filter((p) => p.end <= firstTurn)
    .map((p) => {
      const text = markdown.slice(p.start, p.end);
      const stamp = /^\[(\d{2}:\d{2}:\d{2})\] /.exec(text);
      return { speaker: null, timestamp: stamp?.[1] ?? null, text: unescapeMarkdown(stamp ? text.slice(stamp[0].length) : text) };
    });
}

/** The turns an import should read back as, computed from the import itself. */
export function expectedTurns(
  imported: ImportedTranscript,
  labels: Map<string, string>,
  timestamps: boolean,
  which: 'labelled' | 'unlabelled' = 'labelled',
): TurnView[] {
  const views: TurnView[] = [];
  for (const turn of imported.turns) {
    const timestamp = timestamps && turn.start !== undefined ? clock(turn.start) : null;
    if (which === 'labelled' && turn.speaker !== undefined) {
      views.push({ speaker: labels.get(turn.speaker) ?? turn.speaker, timestamp, text: turn.paragraphs.join('\n\n') });
    } else if (which === 'unlabelled' && turn.speaker === undefined) {
      turn.paragraphs.forEach((text, i) => views.push({ speaker: null, timestamp: i === 0 ? timestamp : null, text }));
    }
  }
  return views;
}

/** `hh:mm:ss`; null past 99 hours, which the parser's two-digit hours cannot show. */
function clock(seconds: number): string | null {
  const s = Math.floor(seconds);
  if (s >= 100 * 3600) return null;
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
}
