/**
 * A filter checked before it is run, wherever it comes from: a saved query, `--coder`, the panel
 * (and every saved query again in `grounded validate`). A filter is typed by hand or kept while the
 * project changes, and a mistake in it would otherwise narrow the answer to nothing (a coder, a
 * round or an attribute the project does not have), or not at all (a date range compared as text),
 * without a word. Each mistake is a FilterError saying what is wrong and what to
 * write instead; one read from a saved query also names its file and line.
 */
import { isJsonObject } from '../storage/format/json-text';
import { isIsoDate, isMissing } from '../participants/attribute-types';
import { findRound, noSuchRound } from '../rounds/rounds';
import type { AnalysisContext } from './analysis-context';
import { attributeFacts, equalsMatches, recordedAttributes, type AttributeFacts, type Sample } from './attribute-kinds';
import { didYouMean } from './closest-word';
import { CodeLookupError } from './code-lookup';
import type { AttributeFilter, SegmentFilter } from './filters';

/** Where a mistake read from a saved query is: the file, the line, and the problem without them. */
export interface FilterErrorPlace {
  path: string;
  line?: number;
  problem: string;
}

/**
 * A filter that asks for what the project does not have, or cannot mean what it says. A kind of
 * CodeLookupError: it is the same mistake as naming a code that does not exist, and whoever shows
 * that one (the CLI's commands, the panel) shows this one too. One read from a saved query also
 * carries its place apart, so `grounded validate` can list it at its file and line.
 */
export class FilterError extends CodeLookupError {
  constructor(
    message: string,
    readonly place?: FilterErrorPlace,
  ) {
    super(message);
  }
}

export const CONDITIONS = ['equals', 'min', 'max', 'from', 'to'] as const;

export type ConditionRead = { ok: true; filter: AttributeFilter } | { ok: false; problem: string };

/** One condition of `attributes`, as written (JSON or the panel's state): the filter, or what is wrong with it. */
export function readAttributeCondition(item: unknown): ConditionRead {
  const fail = (problem: string): ConditionRead => ({ ok: false, problem });
  if (!isJsonObject(item) || typeof item.attribute !== 'string' || item.attribute.trim() === '') return fail('needs an "attribute" name');
  const attribute = item.attribute;
  for (const key of Object.keys(item)) {
    if (key !== 'attribute' && !(CONDITIONS as readonly string[]).includes(key)) return fail(`"${key}" is not a condition Grounded knows (equals, min, max, from, to).${didYouMean(key, CONDITIONS)}`);
  }
  const has = (key: string) => item[key] !== undefined;
  const kinds = [has('equals') && '"equals"', (has('min') || has('max')) && '"min"/"max"', (has('from') || has('to')) && '"from"/"to"'].filter((k): k is string => typeof k === 'string');
  if (kinds.length === 0) return fail('needs "equals" (a list of values), "min"/"max" (numbers) or "from"/"to" (dates written YYYY-MM-DD)');
  // Several kinds in one condition used to run as the first and drop the rest: say how to ask for both.
  if (kinds.length > 1) return fail(`has both ${kinds.join(' and ')}; a condition is one of them: to ask for both, write two conditions on "${attribute}" (every condition must hold)`);
  if (has('equals')) {
    const equals = item.equals;
    if (!Array.isArray(equals) || !equals.every((v) => typeof v === 'string' || typeof v === 'number')) return fail('"equals" must be a list of values, e.g. "equals": ["youth housing"]');
    if (equals.length === 0) return fail('"equals" lists no value, so it would keep nobody: list at least one');
    return { ok: true, filter: { attribute, equals: equals as (string | number)[] } };
  }
  if (kinds[0] === '"min"/"max"') {
    const [min, max] = [item.min, item.max];
    if ((min !== undefined && !isFiniteNumber(min)) || (max !== undefined && !isFiniteNumber(max))) return fail('"min" and "max" must be numbers');
    if (isFiniteNumber(min) && isFiniteNumber(max) && min > max) return fail(`"min" ${min} is above "max" ${max}, so no value is in the range: swap them`);
    return { ok: true, filter: { attribute, ...(isFiniteNumber(min) ? { min } : {}), ...(isFiniteNumber(max) ? { max } : {}) } };
  }
  const [from, to] = [item.from, item.to];
  for (const [key, value] of [['from', from], ['to', to]] as const) {
    if (value === undefined) continue;
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return fail('"from" and "to" must be dates written YYYY-MM-DD');
    if (!isIsoDate(value)) return fail(`"${key}" ${value} is not a date on the calendar (month 01–12, and a day that month has)`);
  }
  if (typeof from === 'string' && typeof to === 'string' && from > to) return fail(`"from" ${from} is after "to" ${to}, so no date is in the range: swap them`);
  return { ok: true, filter: { attribute, ...(typeof from === 'string' ? { from } : {}), ...(typeof to === 'string' ? { to } : {}) } };
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Where a part of a filter (its coders, its conditions) was read from: the file, and each entry's line. */
interface Origin {
  path: string;
  field: string;
  lines: readonly number[];
}

/**
 * Filters are handed on by spreading (`{ ...query.filter, coders }`): the lists inside keep their
 * identity, so a list remembers the file it was read from without a key that would be saved or sent.
 */
const origins = new WeakMap<object, Origin>();

export function noteOrigin(list: readonly unknown[], path: string, field: string, lines: readonly number[]): void {
  origins.set(list, { path, field, lines });
}

/** `subject` says what the problem is about where no file does (empty: the problem says it). */
function error(list: readonly unknown[], index: number, subject: string, problem: string): FilterError {
  const origin = origins.get(list);
  if (!origin) return new FilterError(subject ? `${subject}: ${problem}` : problem.charAt(0).toUpperCase() + problem.slice(1));
  const line = origin.lines[index] ?? origin.lines[0];
  const place = { path: origin.path, ...(line === undefined ? {} : { line }), problem: `"${origin.field}[${index}]": ${problem}` };
  return new FilterError(`${origin.path}${line === undefined ? '' : `:${line}`}: ${place.problem}`, place);
}

/** Throws a FilterError for the first mistake in `filter` (see filterProblems). */
export function checkFilter(context: AnalysisContext, filter: SegmentFilter): void {
  const [first] = filterProblems(context, filter);
  if (first) throw first;
}

/**
 * Every mistake in `filter`, in the order of its parts (each condition's structure before what the
 * project has): a query runs on the first, and `grounded validate` lists them all.
 */
export function filterProblems(context: AnalysisContext, filter: SegmentFilter): FilterError[] {
  const found: FilterError[] = [];
  const coders = filter.coders ?? [];
  coders.forEach((id, i) => {
    const problem = coderProblem(context, id);
    if (problem) found.push(error(coders, i, '', problem));
  });
  const rounds = filter.rounds ?? [];
  const declared = context.project.rounds;
  rounds.forEach((named, i) => {
    if (declared && !findRound(declared, named)) found.push(error(rounds, i, '', noSuchRound(declared, named)));
  });
  const conditions = filter.attributes ?? [];
  conditions.forEach((item, i) => {
    const subject = `Filter on ${typeof item?.attribute === 'string' ? `"${item.attribute}"` : 'an attribute'}`;
    const read = readAttributeCondition(item);
    const problem = read.ok ? attributeProblem(context, read.filter) : read.problem;
    if (problem) found.push(error(conditions, i, subject, problem));
  });
  return found;
}

/**
 * The ids of the rounds a filter names, each by id or by name as `--round` takes them: segments
 * record ids. A name the project does not have is kept as written (checkFilter refuses it first).
 */
export function roundIds(context: AnalysisContext, named: readonly string[]): string[] {
  const declared = context.project.rounds ?? [];
  return named.map((value) => findRound(declared, value)?.id ?? value);
}

function attributeProblem(context: AnalysisContext, filter: AttributeFilter): string | undefined {
  const facts = attributeFacts(context, filter.attribute);
  if (!facts) {
    const recorded = recordedAttributes(context);
    return `no transcript records the attribute "${filter.attribute}" (recorded: ${recorded.join(', ') || 'none'}).${didYouMean(filter.attribute, recorded)}`;
  }
  if ('equals' in filter) return unrecordedValue(context, filter.attribute, filter.equals);
  if (('min' in filter || 'max' in filter) && facts.kind !== 'number') return notNumbers(filter.attribute, facts, '"min"/"max"');
  if (('from' in filter || 'to' in filter) && facts.kind !== 'date') return notDates(filter.attribute, facts);
  return undefined;
}

/** A value `equals` asks for that no transcript records: a typo there kept nobody, without a word. */
function unrecordedValue(context: AnalysisContext, attribute: string, equals: readonly (string | number)[]): string | undefined {
  const values = context.project.transcripts.map((t) => t.attributes[attribute]);
  const missing = equals.find((wanted) => !values.some((value) => equalsMatches(value, wanted)));
  if (missing === undefined) return undefined;
  const recorded = [...new Set(values.filter((v) => !isMissing(v)).map((v) => String(v).trim()))].sort((a, b) => a.localeCompare(b));
  const parts = [...new Set(recorded.flatMap((v) => v.split(',').map((p) => p.trim())))];
  const shown = recorded.length > 12 ? `${recorded.slice(0, 12).join(', ')}, …` : recorded.join(', ');
  return `no transcript records "${attribute}" as "${String(missing)}" (recorded: ${shown}).${didYouMean(String(missing), [...recorded, ...parts])}`;
}

/**
 * Numbers (or dates) with some values that are not: a slip in those transcripts, which a range would
 * otherwise leave out unseen, so they are named. None at all: the attribute is of another kind.
 */
function mend(kind: string): string {
  return `write the value as ${kind}, or leave it out of the front matter (the transcript is then "not recorded")`;
}

/**
 * Why a number range (or grouping by edges: `what`) cannot apply to this attribute, and what to
 * write instead (`instead`: for an attribute of another kind; by default, the filter that fits it).
 */
export function notNumbers(attribute: string, facts: AttributeFacts, what: string, instead?: string): string {
  if (facts.numbers === 0) {
    instead ??= facts.kind === 'date' ? 'for dates write "from"/"to"' : `for text write "equals": [${JSON.stringify(facts.example)}]`;
    return `"${attribute}" holds ${held(facts)}, not numbers, so ${what} cannot apply: ${instead}`;
  }
  return `${what} needs numbers, but "${attribute}" is not a number in every transcript (${samples(facts.notNumbers, facts.recorded - facts.numbers)}): ${mend('a number')}`;
}

function notDates(attribute: string, facts: AttributeFacts): string {
  if (facts.dates === 0) {
    const instead = facts.kind === 'number' ? 'for numbers write "min"/"max"' : `for text write "equals": [${JSON.stringify(facts.example)}]`;
    return `"${attribute}" holds ${held(facts)}, not dates written YYYY-MM-DD, so a date range ("from"/"to") cannot apply: ${instead}`;
  }
  return `a date range ("from"/"to") needs dates, but "${attribute}" is not a date written YYYY-MM-DD in every transcript (${samples(facts.notDates, facts.recorded - facts.dates)}): ${mend('a date')}`;
}

function held(facts: AttributeFacts): string {
  return facts.kind === 'number' ? 'numbers' : facts.kind === 'date' ? 'dates' : `text (e.g. ${JSON.stringify(facts.example)})`;
}

function samples(shown: readonly Sample[], count: number): string {
  const more = count > shown.length ? ` and ${count - shown.length} more` : '';
  return `${shown.map((v) => `${JSON.stringify(v.value)} in ${v.transcript}`).join(', ')}${more}`;
}

// ---- coders

interface ProjectCoder {
  id: string;
  name: string;
}

const codersOf = new WeakMap<AnalysisContext, ProjectCoder[]>();

/** The project's coders: those with a coding file, and any other that has segments (named by id). */
export function projectCoders(context: AnalysisContext): ProjectCoder[] {
  let coders = codersOf.get(context);
  if (!coders) {
    const byId = new Map((context.project.coders ?? []).map((c) => [c.id, { id: c.id, name: c.name }]));
    for (const segment of context.project.segments) if (!byId.has(segment.coder)) byId.set(segment.coder, { id: segment.coder, name: segment.coder });
    coders = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    codersOf.set(context, coders);
  }
  return coders;
}

function coderProblem(context: AnalysisContext, id: string): string | undefined {
  const coders = projectCoders(context);
  if (coders.some((c) => c.id === id)) return undefined;
  const listed = coders.map(described).join(', ') || 'none yet';
  const meant = meantCoders(coders, id);
  const hint = meant.length === 1 ? ` Did you mean "${meant[0].id}"?` : meant.length > 1 ? ` Did you mean one of ${meant.map((c) => `"${c.id}"`).join(', ')}?` : '';
  return `no coder has the id "${id}"; coders are named by id.${hint} The project's coders: ${listed}.`;
}

function described(coder: ProjectCoder): string {
  return coder.name === coder.id ? coder.id : `${coder.id} (${coder.name})`;
}

/** A coder's display name ("Dana Reyes"), an id in other case or spacing, or the start of an id or name ("dana"). */
function meantCoders(coders: readonly ProjectCoder[], typed: string): ProjectCoder[] {
  const key = slug(typed);
  if (key === '') return [];
  const exact = coders.filter((c) => slug(c.id) === key || slug(c.name) === key);
  if (exact.length > 0) return exact;
  return coders.filter((c) => slug(c.id).startsWith(key) || slug(c.name).split('-').some((_, i, words) => words.slice(i).join('-').startsWith(key)));
}

function slug(text: string): string {
  return text.normalize('NFC').trim().toLocaleLowerCase().replace(/[\s_]+/g, '-');
}
