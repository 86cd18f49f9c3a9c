import { matchLabelAt } from '../../markdown/speaker-label';

const MAX_WORDS = 4;
const MAX_WORD_LENGTH = 20;

/**
 * True when `**name:**` at the start of a line reads back as a turn by exactly `name`, and the name
 * starts with a capital letter: a transcript reads `**zoe:**` too, but what Grounded writes is the
 * form every reader of the file takes for a name.
 */
export function isWritableSpeakerName(name: string): boolean {
  if (!/^[\p{Lu}\p{Lt}\p{Lo}]/u.test(name)) return false;
  const match = matchLabelAt(`**${name}:** x`, 0);
  return match?.speaker === name && match.form === 'emphasised';
}

/**
 * Why `name` cannot label a turn, or undefined when it can. For checking names a researcher
 * types (pseudonyms in a speaker mapping) before anything is written.
 */
export function speakerNameProblem(name: string): string | undefined {
  if (isWritableSpeakerName(name)) return undefined;
  const words = name.split(' ');
  const reason =
    name.trim() === '' ? 'it is empty'
    : name !== name.trim() || /\s{2,}|[^\S ]/u.test(name) ? 'it has leading, trailing or repeated spaces'
    : !/^[\p{Lu}\p{Lt}\p{Lo}]/u.test(name) ? 'it must start with a capital letter'
    : words.length > MAX_WORDS ? `it has more than ${MAX_WORDS} words`
    : words.some((w) => w.length > MAX_WORD_LENGTH) ? `a word is longer than ${MAX_WORD_LENGTH} characters`
    : /[^\p{L}\p{M}\p{N}'’. -]/u.test(name) ? "it may only hold letters, digits, spaces, apostrophes, full stops and hyphens"
    : 'it reads as a note rather than a speaker (e.g. "Note", "Date", "Summary"), or ends in a name particle';
  return `"${name}" cannot be a speaker label: ${reason}.`;
}

/**
 * The label to write for each speaker, in the order given. A name the transcript parser would
 * not read back as a speaker (`john.smith@example.org`, `+44 7700 900123`, `dana (she/her)`,
 * `Note`) is turned into one it does read, and every speaker keeps a label of their own.
 */
export function writtenLabels(speakers: string[]): Map<string, string> {
  const labels = new Map<string, string>();
  const taken = new Set<string>();
  const claim = (speaker: string, label: string): void => {
    labels.set(speaker, label);
    taken.add(label);
  };
  // Names that are fine as they are keep them, whatever order the others come in.
  for (const speaker of speakers) if (isWritableSpeakerName(speaker) && !taken.has(speaker)) claim(speaker, speaker);
  let unnamed = 0;
  for (const speaker of speakers) {
    if (labels.has(speaker)) continue;
    let label = tidyName(speaker);
    if (label === undefined || !isWritableSpeakerName(label)) label = nextFree(`Speaker ${++unnamed}`, taken);
    else if (taken.has(label)) label = numbered(label, taken);
    claim(speaker, label);
  }
  return labels;
}

/** The name with what a label cannot hold taken out, or undefined when nothing usable is left. */
function tidyName(raw: string): string | undefined {
  let name = raw.replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ');
  const email = /^([^@\s]+)@\S+$/.exec(name.trim());
  if (email !== null) name = email[1].replace(/[._]+/g, ' ');
  name = name
    .replace(/[^\p{L}\p{M}\p{N}'’.\- ]+/gu, ' ')
    .split(/\s+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w))
    .map((w) => w.slice(0, MAX_WORD_LENGTH))
    .slice(0, MAX_WORDS)
    .join(' ');
  if (name === '') return undefined;
  // `dana reyes` (or `dana.reyes@…`) is a name typed in lowercase: capitalise every word.
  if (name === name.toLowerCase()) name = name.replace(/(^|\s)(\p{Ll})/gu, (_all, space: string, letter: string) => space + letter.toUpperCase());
  return /^[\p{Lu}\p{Lt}\p{Lo}]/u.test(name) ? name : undefined;
}

/** `Dana 2`, `Dana 3`…: a second speaker whose name tidies to one already used. */
function numbered(label: string, taken: Set<string>): string {
  const words = label.split(' ').slice(0, MAX_WORDS - 1).join(' ');
  for (let n = 2; ; n++) {
    const candidate = `${words} ${n}`;
    if (!taken.has(candidate) && isWritableSpeakerName(candidate)) return candidate;
    if (n > 999) return nextFree('Speaker 1', taken);
  }
}

function nextFree(label: string, taken: Set<string>): string {
  if (!taken.has(label)) return label;
  for (let n = 1; ; n++) if (!taken.has(`Speaker ${n}`)) return `Speaker ${n}`;
}
