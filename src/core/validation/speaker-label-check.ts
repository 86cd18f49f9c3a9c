/**
 * Lines that a researcher meant as a speaker label but that a transcript does not read as one:
 * `zoe: …` (lower case), `Zoe : …` (a space before the colon). Transcripts read plain labels
 * strictly, so that `the manager: …` in someone's speech does not become a speaker (a label in
 * bold, `**zoe:**` or `**Zoe :**`, is read as one: the bold says it is a name); the importer
 * accepts the looser plain forms and rewrites them as `**Zoe:**`. Typed by hand into a
 * Markdown transcript they are silently read as more of the turn above, so the participant's words
 * are attributed to the interviewer in every query and export. Only lines the strict reading leaves
 * unlabelled and the importer's reading (`matchLabelAt(…, true)`) would label are reported.
 */
import { LineIndex } from '../line-index';
import { parseTranscript } from '../markdown';
import { matchLabelAt } from '../markdown/speaker-label';
import type { FileProblem, TextRange } from '../model';

interface Candidate {
  offset: number;
  /** The label as written, for the message. */
  written: string;
  speaker: string;
}

/**
 * Emphasis around a label the reading refused, after an optional bracketed timestamp that
 * matchLabelAt itself checks. Removing the marks lets the importer's reading judge the name; this
 * pattern does not decide what a label is.
 */
const EMPHASISED = /^((?:\[[^\]\n]{1,15}\]|\([^)\n]{1,15}\))?[ \t]*)(\*\*|__)([^*_:\n]{1,40})(?::\2|\2:)/;

/**
 * Lines reported one by one per transcript. A text transcript pasted in whole has a loose label on
 * every line: past this many, one more warning counts the rest, so other problems stay visible.
 */
export const MAX_LABEL_WARNINGS = 20;

/** Warnings for `path`'s lines that look like speaker labels but are not read as labels. */
export function speakerLabelProblems(path: string, text: string): FileProblem[] {
  const candidates = lineStarts(text).flatMap((offset) => candidateAt(text, offset) ?? []);
  if (candidates.length === 0) return [];
  // Parsed only when a line looks suspicious: most transcripts have none, and a parse is costly.
  const parsed = parseTranscript(text);
  const speakers = new Set(parsed.turns.map((t) => t.speaker));
  const lines = new LineIndex(text);
  const found = candidates.filter((c) => parsed.paragraphs.some((p) => within(p, c.offset)));
  const problems = found.slice(0, MAX_LABEL_WARNINGS).map((c): FileProblem => {
    const turn = parsed.turns.find((t) => within(t.range, c.offset));
    const name = spelling(c.speaker, speakers);
    const read = turn ? `so its words are read as part of ${turn.speaker}'s turn` : 'so its words are not attributed to anyone';
    return {
      path,
      line: lines.lineOf(c.offset) + 1,
      message: `this line looks like a speaker label (\`${c.written}\`) but is not read as one, ${read}; write \`**${name}:**\` (the name capitalised, the colon straight after it) to start ${name}'s turn`,
      severity: 'warning',
    };
  });
  const rest = found.slice(MAX_LABEL_WARNINGS);
  if (rest.length > 0) {
    const message = `${rest.length} more line(s) below look like speaker labels but are not read as labels; write each as \`**Name:**\` (saved as .txt, the file can be converted whole by \`grounded import\`, which reads these forms)`;
    problems.push({ path, line: lines.lineOf(rest[0].offset) + 1, message, severity: 'warning' });
  }
  return problems;
}

function candidateAt(text: string, offset: number): Candidate | undefined {
  if (matchLabelAt(text, offset) !== undefined) return undefined;
  const direct = matchLabelAt(text, offset, true);
  if (direct?.loose) return { offset, written: text.slice(direct.label.start, direct.label.end), speaker: direct.speaker };
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(offset, lineEnd === -1 ? text.length : lineEnd);
  const emphasised = EMPHASISED.exec(line);
  if (!emphasised) return undefined;
  const [whole, before, , inside] = emphasised;
  const unmarked = matchLabelAt(`${before}${inside}:${line.slice(whole.length)}`, 0, true);
  if (!unmarked?.loose) return undefined;
  return { offset, written: whole.slice(before.length), speaker: unmarked.speaker };
}

/** Where each line's content starts, past indentation and block-quote markers (as turns are read). */
function lineStarts(text: string): number[] {
  const starts: number[] = [];
  const marker = /[ \t]*(?:>[ \t]?)*[ \t]*/y;
  for (let at = 0; at < text.length; ) {
    marker.lastIndex = at;
    marker.exec(text);
    starts.push(marker.lastIndex);
    const newline = text.indexOf('\n', at);
    if (newline === -1) break;
    at = newline + 1;
  }
  return starts;
}

/** The name as the transcript already spells it (`Zoe` for `zoe`), else with capital initials. */
function spelling(speaker: string, speakers: ReadonlySet<string>): string {
  const trimmed = speaker.trim();
  const known = [...speakers].find((s) => s.toLocaleLowerCase() === trimmed.toLocaleLowerCase());
  return known ?? trimmed.replace(/(^|\s)(\p{Ll})/gu, (_all, space: string, letter: string) => space + letter.toLocaleUpperCase());
}

function within(range: TextRange, offset: number): boolean {
  return range.start <= offset && offset < range.end;
}
