import { matchLabelAt } from '../../markdown/speaker-label';
import { decodeEntities, stripTags } from './text-cleanup';
import { parseSpokenTime } from './timestamps';
import { TurnList } from './turn-list';
import { TranscriptImportError, type ImportedTranscript, type ImportNote } from './types';

/** A speaker label found at the start of a line of a text transcript. */
interface LineLabel {
  speaker: string;
  timestamp?: string;
  /** Where the spoken text starts in the (indentation-trimmed) line. */
  textStart: number;
  /** A bold label is deliberate and counts on its own; a plain one needs a second use. */
  deliberate: boolean;
  /** A lower-case label or one with a space before its colon: it counts only when its name labels two lines or more. */
  loose: boolean;
}

/** `Name (00:01:02): text` and `Name [00:01:02]: text`, as some transcription services write. */
const NAME_THEN_TIME = /^([^\s:()[\]][^:()[\]]{0,80}?) [([]((?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)[)\]]:(?:[ \t]+|$)/u;

/**
 * Reads a text transcript with `Name:` turns (also `[00:01:02] Name:`, `Name: [00:01:02]`,
 * `Name (00:01:02):` and bold `**Name:**`). What can be a name follows the transcript parser
 * (docs/transcripts.md); which names count is decided by {@link acceptLabels}. Lines without a
 * label continue the turn, as in Markdown; a blank line starts a new paragraph in it. `format` is
 * `docx` for text from Word.
 */
export function importPlainText(text: string, source: string, format: 'text' | 'docx' = 'text'): ImportedTranscript {
  const lines = text.split('\n');
  if (lines.every((l) => l.trim() === '')) throw new TranscriptImportError(source, 'the file is empty.');
  const found = lines.map((line) => findLabel(line.trimStart()));
  const accepted = acceptLabels(found);
  const turns = new TurnList();
  const notes: ImportNote[] = [];
  lines.forEach((line, index) => {
    const label = accepted[index];
    if (label === undefined) {
      turns.addLine(line);
      return;
    }
    if (label.once) notes.push({ line: index + 1, message: `"${label.speaker}" labels only this turn; check that it is a speaker.` });
    const start = label.timestamp === undefined ? undefined : parseSpokenTime(label.timestamp);
    if (label.timestamp !== undefined && start === undefined) {
      notes.push({ line: index + 1, message: `"${label.timestamp}" is not a valid time; the turn was imported without it.` });
    }
    turns.openTurn(label.speaker, start);
    turns.addLine(line.trimStart().slice(label.textStart));
  });
  const imported = turns.finish();
  if (!imported.some((t) => t.speaker !== undefined)) notes.push(noSpeakerNote(lines));
  return { source, format, turns: imported, attributes: {}, notes };
}

/**
 * Which labels start turns. A bold label always does, and a plain one whose name labels at least
 * two lines (the transcript parser's rule). Once a repeated speaker has spoken, the transcript is
 * plainly labelled, so a name used only once there counts too (an interpreter's one remark);
 * before that, one-off `Location: Leeds` lines are a header, not speech.
 */
function acceptLabels(found: (LineLabel | undefined)[]): (LineLabel & { once: boolean } | undefined)[] {
  const uses = new Map<string, number>();
  for (const label of found) if (label !== undefined) uses.set(label.speaker, (uses.get(label.speaker) ?? 0) + 1);
  let labelled = false;
  return found.map((label) => {
    if (label === undefined) return undefined;
    const repeated = (uses.get(label.speaker) ?? 0) >= 2;
    if (!(label.deliberate || repeated || (labelled && !label.loose))) return undefined;
    labelled ||= repeated || label.deliberate;
    return { ...label, once: !label.deliberate && !repeated };
  });
}

function findLabel(line: string): LineLabel | undefined {
  const match = matchLabelAt(line, 0, true);
  if (match !== undefined) {
    return {
      // `interviewer:` and `Interviewer:` are one speaker, written `**Interviewer:**`.
      speaker: match.loose ? capitalised(match.speaker) : match.speaker,
      ...(match.timestamp !== undefined ? { timestamp: match.timestamp } : {}),
      textStart: match.textStart,
      deliberate: match.form === 'emphasised',
      loose: match.loose === true,
    };
  }
  const timed = NAME_THEN_TIME.exec(line);
  if (timed === null) return undefined;
  // Let the parser's rules decide whether the words before the time are a name.
  const probe = matchLabelAt(`${timed[1]}: `, 0);
  if (probe?.speaker !== timed[1]) return undefined;
  return { speaker: timed[1], timestamp: timed[2], textStart: timed[0].length, deliberate: false, loose: false };
}

function capitalised(name: string): string {
  return name.replace(/(^|\s)(\p{Ll})/gu, (_all, space: string, letter: string) => space + letter.toLocaleUpperCase());
}

/** `Name: …`, `Name : …`, `[00:01] Name: …`: a line opening with a few words and a colon. */
const LABEL_LIKE = /^[ \t]*(?:[[(][\d:.,]+[\])][ \t]*)?([^\s:][^:\n]{0,40}?)[ \t\u00a0\u202f]?:(?:[ \t]|$)/u;
/** Before the colon: a time (`10:30`), a URL scheme (`https:`) or a number is not a label. */
const NOT_LABEL_LIKE = /^(?:\d[\d.,]*|[a-z][a-z0-9+.-]*)$/;
const SHOWN_LINES = 3;

/**
 * Why the text came in without speakers. When at least two lines open like labels, the file looks
 * like a dialogue whose labels were not recognised: a warning that shows those lines, so the
 * researcher can fix them instead of coding a transcript with no speakers.
 */
function noSpeakerNote(lines: readonly string[]): ImportNote {
  const labelLike = lines.flatMap((line, i) => {
    const m = LABEL_LIKE.exec(line);
    return m !== null && !NOT_LABEL_LIKE.test(m[1].trim()) && !/^(?:https?|ftp|mailto)$/i.test(m[1]) ? [{ line: i + 1, text: line.trim() }] : [];
  });
  if (labelLike.length < 2) {
    return { message: 'no speaker labels ("Name: …" at the start of a line, one name on at least two lines) were found; the text was imported as paragraphs.' };
  }
  const shown = labelLike.slice(0, SHOWN_LINES).map((l) => `line ${l.line}: ${JSON.stringify(l.text.length > 60 ? `${l.text.slice(0, 57)}…` : l.text)}`);
  return {
    line: labelLike[0].line,
    warning: true,
    message: `no speaker was recognised, although ${labelLike.length} lines look like labels (${shown.join('; ')}); the text was imported as paragraphs without speakers. A label is a name of up to four words followed by a colon, used on at least two lines (see docs/transcripts.md).`,
  };
}

/**
 * The text of a Word document from the HTML mammoth makes of it: one paragraph per Word
 * paragraph, and a line break where the author pressed Shift+Enter (the raw-text extraction
 * would run the two lines together, gluing `…thanks.Amara:` into one turn).
 */
export function docxHtmlToText(html: string): string {
  const withBreaks = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(?:p|h[1-6]|li|ul|ol|table|tr|td|th|blockquote)(?:\s[^<>]*)?>/gi, '\n\n');
  return decodeEntities(stripTags(withBreaks))
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A Word transcript, given the HTML mammoth converted it to. */
export function importDocxHtml(html: string, source: string): ImportedTranscript {
  const text = docxHtmlToText(html);
  if (text === '') throw new TranscriptImportError(source, 'the document has no text.');
  return importPlainText(text, source, 'docx');
}
