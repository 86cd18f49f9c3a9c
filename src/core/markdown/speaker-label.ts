import type { TextRange } from '../model';

/** A speaker label found at the start of a line, with the timestamp that may sit either side. */
export interface LabelMatch {
  /** The first character of the label, or of the timestamp when one comes before it. */
  start: number;
  label: TextRange;
  speaker: string;
  /** Inside the brackets, e.g. `00:12:03`. */
  timestamp?: string;
  /** Where the spoken text begins: after the label, the timestamp and the spaces that follow. */
  textStart: number;
  /** `emphasised` labels are deliberate Markdown; `plain` ones need more evidence (see below). */
  form: 'emphasised' | 'plain';
  /** Found only by the importer's looser reading: a lower-case name or a space before the colon. */
  loose?: true;
}

const TIME = String.raw`(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?`;
const TIMESTAMP = String.raw`(?:\[(${TIME})\]|\((${TIME})\))`;
const CAPITALISED = String.raw`[\p{Lu}\p{Lt}\p{Lo}][\p{L}\p{M}\p{N}'’.\-]{0,19}`;
const PARTICLE = String.raw`(?:de|da|del|della|di|du|la|le|van|von|der|den|ten|bin|al|y)`;
/** Every word capitalised, a particle (`Maria de la Cruz`) or a number (`Speaker 2`). */
const STRICT_NAME = String.raw`${CAPITALISED}(?: (?:${CAPITALISED}|${PARTICLE}|\d{1,3})){0,3}`;
/**
 * Inside `**…**` the writer chose to mark a label, so any word may be lowercase (`Support worker`,
 * `**zoe:**`, typed in a hurry): the bold says it is a name, and words that introduce a note are
 * still refused (NOT_SPEAKERS).
 */
const LOOSE_NAME = String.raw`[\p{L}][\p{L}\p{M}\p{N}'’.\-]{0,19}(?: [\p{L}\p{M}\p{N}'’.\-]{1,20}){0,3}`;
/** A space before the colon, as French typography has it, also a (narrow) no-break space. */
const SPACE_BEFORE_COLON = String.raw`[ \u00a0\u202f]`;

const TIMESTAMP_PATTERN = new RegExp(String.raw`${TIMESTAMP}[ \t]*`, 'uy');
/** `**Name:**` or `**Name**:`, with a space before the colon allowed either way (`**Zoe :**`). */
const EMPHASISED_PATTERN = new RegExp(String.raw`(\*\*|__)(${LOOSE_NAME})(?:${SPACE_BEFORE_COLON}?:\1|\1${SPACE_BEFORE_COLON}?:)(?=[ \t\n]|$)[ \t]*`, 'uy');
const PLAIN_PATTERN = new RegExp(String.raw`(${STRICT_NAME}):(?=[ \t\n]|$)[ \t]*`, 'uy');
/**
 * What people type in text transcripts that a Markdown transcript does not accept (the importer
 * writes it back as `**Name:**`): a space before the colon, as French typography has it
 * (`Intervieweuse1 : …`, also a no-break space), and lower-case labels (`interviewee:`), kept to
 * one word and a number (`speaker 2`) so a phrase that happens to end in a colon (`the manager:`)
 * is not taken for a name.
 */
const LOWER_WORD = String.raw`\p{Ll}[\p{L}\p{M}\p{N}'’.\-]{0,19}`;
const LOOSE_PATTERN = new RegExp(
  String.raw`(${STRICT_NAME})${SPACE_BEFORE_COLON}:(?=[ \t\n]|$)[ \t]*|(${LOWER_WORD}(?: \d{1,3})?)${SPACE_BEFORE_COLON}?:(?=[ \t\n]|$)[ \t]*`,
  'uy',
);
const TRAILING_TIMESTAMP_PATTERN = new RegExp(String.raw`${TIMESTAMP}(?=[ \t\n]|$)[ \t]*`, 'uy');

/**
 * Words that introduce a note, not a speaker: `Note: the recorder was paused` must not become a
 * turn by someone called Note. Compared with the whole name and with its first word.
 */
const NOT_SPEAKERS = new Set([
  'note', 'notes', 'nb', 'n.b.', 'ps', 'p.s.', 'date', 'time', 'place', 'location', 'setting',
  'duration', 'length', 'context', 'summary', 'transcript', 'transcription', 'transcriber',
  'recording', 'audio', 'source', 'tags', 'keywords', 'topic', 'topics', 'theme', 'themes', 'subject',
  'title', 'warning', 'caution', 'important', 'update', 'edit', 'edited', 'example', 'translation',
  'consent', 'present', 'attendees', 'participants', 'language', 'content', 'trigger', 're',
  // Common in other Markdown (READMEs, notes); kept in step with the highlighting grammar.
  'tip', 'default', 'usage', 'return', 'returns', 'type', 'see', 'status', 'version', 'author', 'license',
]);

/**
 * The label starting exactly at `offset`, if the line there opens with one. `loose` also accepts
 * the importer's looser forms (see LOOSE_PATTERN); transcripts themselves are read strictly.
 */
export function matchLabelAt(text: string, offset: number, loose = false): LabelMatch | undefined {
  const before = matchSticky(TIMESTAMP_PATTERN, text, offset);
  const labelStart = before ? before.end : offset;
  const emphasised = matchSticky(EMPHASISED_PATTERN, text, labelStart);
  const strict = emphasised ?? matchSticky(PLAIN_PATTERN, text, labelStart);
  const found = strict ?? (loose ? matchSticky(LOOSE_PATTERN, text, labelStart) : undefined);
  if (found === undefined) return undefined;
  const speaker = emphasised ? emphasised.groups[1] : strict ? found.groups[0] : (found.groups[0] ?? found.groups[1]);
  if (!isPlausibleSpeaker(speaker)) return undefined;

  const after = before ? undefined : matchSticky(TRAILING_TIMESTAMP_PATTERN, text, found.end);
  const timestamp = timestampOf(before ?? after);
  return {
    start: offset,
    label: { start: labelStart, end: labelStart + found.matched.trimEnd().length },
    speaker,
    ...(timestamp !== undefined ? { timestamp } : {}),
    textStart: after ? after.end : found.end,
    form: emphasised ? 'emphasised' : 'plain',
    ...(strict ? {} : { loose: true as const }),
  };
}

interface StickyMatch {
  matched: string;
  groups: string[];
  end: number;
}

function matchSticky(pattern: RegExp, text: string, offset: number): StickyMatch | undefined {
  pattern.lastIndex = offset;
  const m = pattern.exec(text);
  if (m === null) return undefined;
  return { matched: m[0], groups: m.slice(1), end: offset + m[0].length };
}

/** TIMESTAMP has one group for `[…]` and one for `(…)`; one of them is set. */
function timestampOf(match: StickyMatch | undefined): string | undefined {
  return match?.groups.find((g) => g !== undefined);
}

function isPlausibleSpeaker(name: string): boolean {
  const lower = name.toLowerCase();
  const firstWord = lower.split(' ', 1)[0];
  if (NOT_SPEAKERS.has(lower) || NOT_SPEAKERS.has(firstWord)) return false;
  // A particle may join names but not end one: `Maria de:` is a sentence fragment.
  const lastWord = lower.slice(lower.lastIndexOf(' ') + 1);
  return lower === lastWord || !PARTICLE_WORD.test(lastWord);
}

/** Compiled once: every label of every transcript is checked against it. */
const PARTICLE_WORD = new RegExp(`^${PARTICLE}$`, 'u');
