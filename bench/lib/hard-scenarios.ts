/**
 * Scenarios harder than the realistic edit script, each on the same interview (one that names
 * people) with the same 2,000 coded segments: re-transcribed, pseudonymised, reworded, reordered,
 * saved with CRLF line endings, and all of these at once.
 */
import { makeQuote, type Anchor } from '../../src/core/anchoring';
import type { TextRange } from '../../src/core/model';
import { Random } from './random';
import { applyEditScript, chooseSegments, REALISTIC } from './scenario';
import { TrackedText } from './tracked-text';
import { generateTranscript, type Transcript } from './transcript';
import { moveParagraphs, NAMED_SUBJECTS, pseudonymise, retranscribe, reword } from './transcription-edits';

export interface HardScenario {
  name: string;
  transcript: Transcript;
  anchors: Anchor[];
  ranges: TextRange[];
  /** The edited text (LF), with the fate of every original character. */
  edited: TrackedText;
  /** The file as saved: `edited.text`, with CRLF line endings where the scenario says so. */
  raw: string;
}

type Edit = (random: Random, edited: TrackedText, transcript: Transcript, ranges: TextRange[]) => void;

const REWORDED_SHARE = 0.2;
const MOVED_PARAGRAPHS = 12;

const retranscription: Edit = (random, edited) => retranscribe(random, edited);
const anonymisation: Edit = (_random, edited) => pseudonymise(edited);
const rewording: Edit = (random, edited) => reword(random, edited, REWORDED_SHARE);
const moves: Edit = (random, edited) => moveParagraphs(random, edited, MOVED_PARAGRAPHS);
const realistic: Edit = (random, edited, transcript, ranges) => applyEditScript(random, edited, transcript, ranges, REALISTIC);

/** Scenario name → the edits applied in turn, and whether the file is saved with CRLF. */
export const HARD_SCENARIOS: Record<string, { edits: Edit[]; crlf: boolean }> = {
  retranscription: { edits: [retranscription], crlf: false },
  anonymisation: { edits: [anonymisation], crlf: false },
  reworded: { edits: [rewording], crlf: false },
  paragraphs_moved: { edits: [moves], crlf: false },
  crlf: { edits: [realistic], crlf: true },
  everything: { edits: [anonymisation, retranscription, rewording, moves], crlf: true },
};

export function buildHardScenario(name: string, seed: number): HardScenario {
  const definition = HARD_SCENARIOS[name];
  const random = new Random(seed);
  const transcript = generateTranscript(random, REALISTIC.words, 'P07', NAMED_SUBJECTS);
  const ranges = chooseSegments(random, transcript, REALISTIC.segments);
  const anchors = ranges.map((range, i) => ({ id: `s-${String(i).padStart(4, '0')}`, quote: makeQuote(transcript.text, range), position: range }));
  const edited = new TrackedText(transcript.text);
  for (const edit of definition.edits) edit(random, edited, transcript, ranges);
  const raw = definition.crlf ? edited.text.replace(/\n/g, '\r\n') : edited.text;
  return { name, transcript, anchors, ranges, edited, raw };
}
