import { speakerNameProblem, writtenLabels } from './speaker-labels';
import { wordCount } from './text-cleanup';
import type { ImportedTranscript } from './types';

export type SpeakerRole = 'interviewer' | 'participant' | 'other';

export const SPEAKER_ROLES: readonly SpeakerRole[] = ['interviewer', 'participant', 'other'];

/** Who a speaker label stands for: the name to write (often a pseudonym) and their role. */
export interface SpeakerAssignment {
  name: string;
  role: SpeakerRole;
}

/**
 * Speaker label as the source writes it → who they are. Plain JSON, so a project can keep the
 * mapping it used and offer it for the next import:
 * `{ "Dana Reyes": { "name": "Interviewer", "role": "interviewer" } }`.
 */
export type SpeakerMapping = Record<string, SpeakerAssignment>;

/**
 * Renames speakers and records who is who in the front matter: `participant` and `interviewer`
 * (one name, or a list when there are several). Who else speaks is in the turns themselves, so
 * it is not repeated as an attribute. Labels the mapping does not mention stay as they are; labels match whatever their
 * Unicode normalisation. Returns a new transcript.
 */
export function applySpeakerMapping(imported: ImportedTranscript, mapping: SpeakerMapping): ImportedTranscript {
  // Compared in NFC: a caption file may spell `Lucía` decomposed while the researcher types it composed.
  const byLabel = new Map(Object.entries(mapping).map(([label, assignment]) => [label.normalize('NFC'), assignment]));
  const assignmentOf = (label: string): SpeakerAssignment | undefined => byLabel.get(label.normalize('NFC'));
  const used = speakersInOrder(imported).filter((label) => assignmentOf(label) !== undefined);
  if (used.length === 0) return imported;

  const turns = imported.turns.map((turn) => {
    const assignment = turn.speaker === undefined ? undefined : assignmentOf(turn.speaker);
    return assignment === undefined ? turn : { ...turn, speaker: assignment.name, paragraphs: [...turn.paragraphs] };
  });
  const renamed = { ...imported, turns };
  const namesWithRole = (role: SpeakerRole): string[] =>
    unique(used.flatMap((label) => (assignmentOf(label)?.role === role ? [assignmentOf(label)?.name ?? label] : [])));
  const attributes: Record<string, string | string[]> = { ...imported.attributes };
  for (const role of ['participant', 'interviewer'] as const) {
    const names = namesWithRole(role);
    if (names.length > 0) attributes[role] = names.length === 1 ? names[0] : names;
  }
  return { ...renamed, attributes };
}

/** Every mapping problem a researcher must fix before importing, as sentences. */
export function speakerMappingProblems(mapping: SpeakerMapping): string[] {
  const problems: string[] = [];
  for (const [label, assignment] of Object.entries(mapping)) {
    if (!SPEAKER_ROLES.includes(assignment.role)) {
      problems.push(`"${label}": the role must be one of ${SPEAKER_ROLES.join(', ')}, not "${String(assignment.role)}".`);
    }
    const problem = speakerNameProblem(assignment.name);
    if (problem !== undefined) problems.push(`"${label}": ${problem}`);
  }
  return problems;
}

/**
 * Reads a mapping from parsed JSON (a speakers file, a stored setting), or explains what is
 * wrong with it. Each value is `{ "name": …, "role": … }`; a bare string is taken as the name
 * with the role `other`.
 */
/** On error, `label` is the entry at fault (so a reader of a file can name its line). */
export function readSpeakerMapping(value: unknown): { mapping: SpeakerMapping } | { error: string; label?: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { error: 'a speaker mapping must be a JSON object of "label": { "name": "…", "role": "interviewer|participant|other" }.' };
  }
  const mapping: SpeakerMapping = {};
  for (const [label, entry] of Object.entries(value)) {
    if (typeof entry === 'string') {
      mapping[label] = { name: entry, role: 'other' };
      continue;
    }
    const name: unknown = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>).name : undefined;
    const role: unknown = typeof entry === 'object' && entry !== null ? ((entry as Record<string, unknown>).role ?? 'other') : undefined;
    if (typeof name !== 'string' || typeof role !== 'string' || !(SPEAKER_ROLES as readonly string[]).includes(role)) {
      return { error: `"${label}" must map to { "name": "…", "role": "${SPEAKER_ROLES.join('|')}" }.`, label };
    }
    mapping[label] = { name, role: role as SpeakerRole };
  }
  return { mapping };
}

/** Speakers of a transcript, with counts that help tell the interviewer from the participant. */
export interface SpeakerSummary {
  /** The label as the transcript has it. */
  label: string;
  turns: number;
  words: number;
  /** Turns with a question mark in them. */
  questions: number;
}

export interface DetectedSpeakers {
  /** In order of first appearance. */
  speakers: SpeakerSummary[];
  /**
   * The label that is probably the interviewer: the one asking questions in the largest share of
   * their turns, or, when that ties, the one with the shortest turns. Undefined with fewer than
   * two speakers or when nothing tells them apart.
   */
  interviewer: string | undefined;
}

export function detectSpeakers(imported: ImportedTranscript): DetectedSpeakers {
  const byLabel = new Map<string, SpeakerSummary>();
  for (const turn of imported.turns) {
    if (turn.speaker === undefined) continue;
    const summary = byLabel.get(turn.speaker) ?? { label: turn.speaker, turns: 0, words: 0, questions: 0 };
    summary.turns++;
    summary.words += turn.paragraphs.reduce((sum, p) => sum + wordCount(p), 0);
    if (turn.paragraphs.some((p) => /[?？¿]/u.test(p))) summary.questions++;
    byLabel.set(turn.speaker, summary);
  }
  const speakers = [...byLabel.values()];
  return { speakers, interviewer: guessInterviewer(speakers) };
}

function guessInterviewer(speakers: SpeakerSummary[]): string | undefined {
  if (speakers.length < 2) return undefined;
  const questionShare = (s: SpeakerSummary): number => s.questions / s.turns;
  const meanWords = (s: SpeakerSummary): number => s.words / s.turns;
  const byQuestions = [...speakers].sort((a, b) => questionShare(b) - questionShare(a));
  if (questionShare(byQuestions[0]) > questionShare(byQuestions[1])) return byQuestions[0].label;
  const tied = byQuestions.filter((s) => questionShare(s) === questionShare(byQuestions[0]));
  const byLength = tied.sort((a, b) => meanWords(a) - meanWords(b));
  return meanWords(byLength[0]) < meanWords(byLength[1]) ? byLength[0].label : undefined;
}

/**
 * A mapping to offer the researcher: the likely interviewer as `Interviewer`, everyone else as
 * a participant under their own label (tidied into one a transcript can hold), ready to be
 * given pseudonyms.
 */
export function proposeSpeakerMapping(detected: DetectedSpeakers): SpeakerMapping {
  const names = writtenLabels(detected.speakers.map((s) => s.label));
  const mapping: SpeakerMapping = {};
  for (const { label } of detected.speakers) {
    mapping[label] =
      label === detected.interviewer ? { name: 'Interviewer', role: 'interviewer' } : { name: names.get(label) ?? label, role: 'participant' };
  }
  return mapping;
}

function speakersInOrder(imported: ImportedTranscript): string[] {
  return unique(imported.turns.flatMap((t) => (t.speaker !== undefined ? [t.speaker] : [])));
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
