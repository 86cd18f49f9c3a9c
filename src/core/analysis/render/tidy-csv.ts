/**
 * The tidy export for R and Python: one row per segment and code, with where it is, who coded it,
 * the speaker, the participant's attributes (one column each) and the quote. Rows are in interview
 * order, then position, so the file diffs well between runs.
 *
 * Every attribute keeps a column of its own. One named like a fixed column (`code`, `segment`,
 * `quote` in front matter) is written as `attr_code`, …: dropping it loses data, and with two
 * `quote` columns R and pandas rename one of them, so a script reads the wrong one. The
 * `participant` attribute is what the participant column shows, so it is not repeated.
 */
import type { AnalysisContext } from '../analysis-context';
import { passageText, turnAt } from '../passage-text';
import { csvTable, type Cell } from './table-text';

const FIXED = ['transcript', 'participant', 'coder', 'segment', 'code_id', 'code', 'start', 'end', 'words', 'speaker', 'approximate'];
const LAST = 'quote';
/** Put before an attribute's name that a fixed column has; repeated while the name is still taken. */
export const CLASH_PREFIX = 'attr_';

export function tidyCsv(context: AnalysisContext): string {
  const attributes = [...new Set(context.project.transcripts.flatMap((t) => Object.keys(t.attributes)))].filter((a) => a !== 'participant').sort();
  const columns = attributeColumns(attributes);
  const segments = [...context.project.segments].sort((a, b) => context.orderOf(a.transcript) - context.orderOf(b.transcript) || a.start - b.start || a.end - b.end || a.id.localeCompare(b.id));
  const rows: Cell[][] = [];
  for (const s of segments) {
    const transcript = context.transcripts.get(s.transcript);
    const turns = transcript?.turns ?? [];
    const speaker = turnAt(turns, s.start)?.speaker ?? '';
    const quote = transcript ? passageText(transcript.text, s.start, s.end, turns) : '';
    const words = context.words(s.transcript).wordsIn(s.start, s.end);
    for (const code of s.codes) {
      rows.push([
        s.transcript,
        transcript?.participant ?? s.transcript,
        s.coder,
        s.id,
        code,
        context.lookup.path(code) || code,
        s.start,
        s.end,
        words,
        speaker,
        s.approximate ? 'true' : 'false',
        ...attributes.map((a) => transcript?.attributes[a] ?? ''),
        quote,
      ]);
    }
  }
  return csvTable([...FIXED, ...columns, LAST], rows);
}

/** The column of each attribute (in the same order): its name, prefixed where a fixed column or another attribute has it. */
function attributeColumns(attributes: readonly string[]): string[] {
  const taken = new Set([...FIXED, LAST, ...attributes]);
  return attributes.map((name) => {
    if (!FIXED.includes(name) && name !== LAST) return name;
    let column = `${CLASH_PREFIX}${name}`;
    while (taken.has(column)) column = `${CLASH_PREFIX}${column}`;
    taken.add(column);
    return column;
  });
}
