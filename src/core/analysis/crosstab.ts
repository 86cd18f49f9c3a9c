/**
 * Codes against groups of participants (an attribute's values): how many segments and how many
 * participants of each group a code holds, with row and column percentages and, per code, a χ² test
 * (or, for too few observations, Fisher's exact test) of whether having the code depends on the
 * group. The test counts participants, not segments: segments of one interview are not independent
 * observations, participants are.
 */
import type { AnalysisContext } from './analysis-context';
import type { AnalysisTranscript } from './analysis-model';
import { chiSquareTest, type ChiSquareResult } from './chi-square';
import { exactTest, type ExactTestResult } from './exact-test';
import { isMissing } from '../participants/attribute-types';
import { attributeFacts, NOT_RECORDED, numberValue } from './attribute-kinds';
import { CodeLookupError } from './code-lookup';
import { notNumbers } from './filter-checks';
import { segmentPredicate, transcriptsKept } from './filters';
import { countByColumn } from './crosstab-counts';
import { codeRows, type MatrixOptions, type MatrixRow } from './matrices';
import { numberGroupLabel } from './number-groups';

export { NOT_RECORDED };

/** Groups that cannot be made as asked; shown where an unknown code is (it is a CodeLookupError). */
export class GroupingError extends CodeLookupError {}

export interface CrosstabColumn {
  /** The group's label: a category, a number range (`22–30`), a year, or {@link NOT_RECORDED}. */
  value: string;
  /**
   * Participants in the group (whatever their coding) whose transcripts the filter's transcript and
   * attribute conditions keep: the denominator of the participant percentages and of the tests.
   */
  participants: number;
  /**
   * Distinct segments in the group's transcripts that the filter keeps, whatever their codes: the
   * denominator of the column percentages. Rows overlap (a parent's row holds its sub-codes'
   * segments, a segment may have several codes), so they add up to more than this.
   */
  segments: number;
}

export interface CrosstabRow extends MatrixRow {
  segments: number[];
  participants: number[];
  /** Share of the row's segments in each column (0–100). */
  segmentsRowPercent: number[];
  /** Share of each group's segments (its column's `segments`) that have this code (0–100). */
  segmentsColumnPercent: number[];
  /** Share of each group's participants with the code (0–100): the figure groups are compared by. */
  participantsColumnPercent: number[];
  /** Participants with/without the code × groups (not-recorded left out). */
  test: ChiSquareResult;
  /**
   * Fisher's exact test of the same table, where χ² was not computed for too few observations (a
   * study of a few dozen participants, nearly always): what a small study can still say.
   */
  exact?: ExactTestResult;
}

export interface Crosstab {
  attribute: string;
  columns: CrosstabColumn[];
  rows: CrosstabRow[];
}

export interface CrosstabOptions extends MatrixOptions {
  /** For number attributes: upper bounds of the groups, e.g. [30, 45] → ≤30, 31–45, >45. */
  edges?: number[];
}

/**
 * A code × group table. Throws a {@link GroupingError} for `edges` that do not increase, or on an
 * attribute whose values are not all numbers.
 */
export function crosstab(context: AnalysisContext, attribute: string, options: CrosstabOptions = {}): Crosstab {
  const transcripts = context.project.transcripts;
  const groupOf = grouping(context, attribute, options.edges);
  const values = orderedGroups(transcripts.map(groupOf));
  const columnIndex = new Map(values.map((v, i) => [v, i]));
  // A participant belongs to a group when one of their transcripts the filter keeps is in it.
  const kept = transcriptsKept(context, options.filter);
  const participantsPerGroup = values.map(() => new Set<string>());
  const columnOf = new Map<string, number>();
  for (const t of transcripts) {
    const column = columnIndex.get(groupOf(t))!;
    columnOf.set(t.path, column);
    if (kept.has(t.path)) participantsPerGroup[column].add(t.participant);
  }

  const keep = segmentPredicate(context, options.filter);
  const codeRowList = codeRows(context, options);
  const rowsOfCode = new Map<string, number[]>();
  codeRowList.forEach((row, r) => {
    for (const code of context.lookup.withDescendants(row.code, !options.ownOnly)) {
      const list = rowsOfCode.get(code);
      if (list) list.push(r);
      else rowsOfCode.set(code, [r]);
    }
  });
  const counts = countByColumn(context, codeRowList.length, values.length, (code) => rowsOfCode.get(code), (path) => columnOf.get(path)!, keep);
  const rows = codeRowList.map((row, r) => ({ row, segments: counts.segments[r], participants: counts.participants[r] }));

  const columns = values.map((value, c) => ({ value, participants: participantsPerGroup[c].size, segments: counts.columnSegments[c] }));
  const recorded = values.map((v, c) => (v === NOT_RECORDED ? -1 : c)).filter((c) => c >= 0);
  const inSeveral = participantsInSeveralGroups(transcripts.filter((t) => kept.has(t.path) && values[columnOf.get(t.path)!] !== NOT_RECORDED), (t) => values[columnOf.get(t.path)!]);
  return {
    attribute,
    columns,
    rows: rows.map(({ row, segments, participants }) => {
      const rowTotal = segments.reduce((a, b) => a + b, 0);
      return {
        ...row,
        segments,
        participants,
        segmentsRowPercent: segments.map((n) => percent(n, rowTotal)),
        segmentsColumnPercent: segments.map((n, c) => percent(n, columns[c].segments)),
        participantsColumnPercent: participants.map((n, c) => percent(n, columns[c].participants)),
        ...participantTests(recorded.map((c) => participants[c]), recorded.map((c) => columns[c].participants), inSeveral),
      };
    }),
  };
}

/**
 * χ² on participants with and without the code per group, or why it says nothing here; and where
 * it does not hold for too few observations, Fisher's exact test of the same table.
 */
function participantTests(withCode: number[], groupSizes: number[], inSeveral: string | undefined): Pick<CrosstabRow, 'test' | 'exact'> {
  const n = groupSizes.reduce((a, b) => a + b, 0);
  if (groupSizes.filter((size) => size > 0).length < 2) return { test: { computed: false, reason: 'fewer than two groups have participants', n } };
  if (inSeveral !== undefined) return { test: { computed: false, reason: inSeveral, n } };
  const holders = withCode.reduce((a, b) => a + b, 0);
  if (holders === 0) return { test: { computed: false, reason: 'no participant has this code', n } };
  if (holders === n) return { test: { computed: false, reason: 'every participant has this code: nothing to compare', n } };
  const table = [withCode, withCode.map((k, i) => groupSizes[i] - k)];
  const test = chiSquareTest(table);
  return test.computed ? { test } : { test, exact: exactTest(table) };
}

/**
 * A participant interviewed twice whose transcripts fall in two groups (a new sector, an age past an
 * edge) is in both columns: fine for the percentages, but a test would count one person as two
 * independent observations. Says who, or undefined when everyone is in one group.
 */
function participantsInSeveralGroups(transcripts: readonly AnalysisTranscript[], groupOf: (t: AnalysisTranscript) => string): string | undefined {
  const groups = new Map<string, Set<string>>();
  for (const t of transcripts) {
    const set = groups.get(t.participant) ?? new Set<string>();
    set.add(groupOf(t));
    groups.set(t.participant, set);
  }
  const several = [...groups].filter(([, set]) => set.size > 1);
  if (several.length === 0) return undefined;
  const shown = several.slice(0, 3).map(([name, set]) => `${name} is in more than one group (${[...set].sort((a, b) => a.localeCompare(b)).join(', ')})`);
  const more = several.length > 3 ? `; ${several.length - 3} more participant(s) too` : '';
  return `${shown.join('; ')}${more}: a test counts each participant once, in one group`;
}

function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : (100 * part) / whole;
}

function grouping(context: AnalysisContext, attribute: string, edges?: number[]): (t: AnalysisTranscript) => string {
  const facts = edges && edges.length > 0 ? attributeFacts(context, attribute) : undefined;
  if (edges && edges.length > 0 && facts) {
    checkEdges(edges);
    // A number attribute only: grouping "unknown" or a quoted "29" apart, or under "not recorded", would hide it.
    if (facts.kind !== 'number') throw new GroupingError(capitalised(notNumbers(attribute, facts, 'grouping by edges', 'group it by its values, without edges')));
    const numbers = context.project.transcripts.map((t) => numberValue(t.attributes[attribute])).filter((v): v is number => v !== undefined);
    const integers = [...numbers, ...edges].every((v) => Number.isInteger(v));
    return (t) => {
      const v = numberValue(t.attributes[attribute]);
      return v === undefined ? NOT_RECORDED : numberGroupLabel(v, edges, integers);
    };
  }
  // As written but for spaces around it: `"youth housing "` is no group of its own, nor is a blank value.
  return (t) => {
    const v = t.attributes[attribute];
    return isMissing(v) ? NOT_RECORDED : String(v).trim();
  };
}

/** Edges are upper bounds in order: unsorted or repeated ones are a slip, not a grouping to guess at. */
function checkEdges(edges: readonly number[]): void {
  const written = edges.join(',');
  if (edges.some((e) => !Number.isFinite(e))) throw new GroupingError(`Edges are numbers (e.g. 30,45), but ${written} holds something else.`);
  for (let i = 1; i < edges.length; i++) {
    if (edges[i] <= edges[i - 1]) throw new GroupingError(`Edges go up strictly, each an upper bound of a group (e.g. 30,45 for ≤ 30, 31–45, > 45): in ${written}, ${edges[i]} comes after ${edges[i - 1]}.`);
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Groups in a stable order: numbers numerically, text alphabetically, "not recorded" last. */
function orderedGroups(groups: string[]): string[] {
  const unique = [...new Set(groups)];
  const rank = (g: string) => (g === NOT_RECORDED ? 1 : 0);
  return unique.sort((a, b) => rank(a) - rank(b) || numericKey(a) - numericKey(b) || a.localeCompare(b));
}

function numericKey(group: string): number {
  const match = /-?\d+(?:\.\d+)?/.exec(group);
  const base = match ? Number(match[0]) : 0;
  return group.startsWith('≤') ? base - 0.5 : group.startsWith('>') ? base + 0.5 : base;
}
