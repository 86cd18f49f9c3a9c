/**
 * What kind of values an attribute holds across the project, as analysis reads them: numbers (for
 * `min`/`max` and `--edges`), dates (for `from`/`to`) or text (for `equals`). Worked out from the
 * values themselves, since most projects declare no types (see participants/infer.ts).
 *
 * A value written as a plain number is a number even when YAML read it as text (`age: "29"`): a
 * researcher who quoted one age among thirty means 29, and reading it so in filters and groups alike
 * keeps one transcript from falling out of a range or into a column of its own. Anything else that
 * is not a number (`age: unknown`) makes the attribute text, and a range on it says which values are
 * in the way rather than leaving those transcripts out unseen.
 */
import type { AnalysisContext } from './analysis-context';
import { isIsoDate, isMissing, numberInText } from '../participants/attribute-types';
import { inNumberGroup } from './number-groups';

export type AttributeKind = 'number' | 'date' | 'text';

export interface AttributeFacts {
  kind: AttributeKind;
  /** How many transcripts record it, and how many of those values read as numbers, and as dates. */
  recorded: number;
  numbers: number;
  dates: number;
  /** Up to a few transcripts (path and value) whose value is not a number, and not a date: what keeps it from being one. */
  notNumbers: Sample[];
  notDates: Sample[];
  /** A value as an example, for messages. */
  example: string;
}

export interface Sample {
  transcript: string;
  value: string;
}

const SHOWN = 3;

/** The number a value stands for: a number, or text written as one; else undefined. */
export function numberValue(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  return numberInText(value);
}

const known = new WeakMap<AnalysisContext, Map<string, AttributeFacts | undefined>>();

/** Undefined when no transcript records the attribute. Kept per context: the project does not change under it. */
export function attributeFacts(context: AnalysisContext, name: string): AttributeFacts | undefined {
  let facts = known.get(context);
  if (!facts) known.set(context, (facts = new Map()));
  if (!facts.has(name)) facts.set(name, factsOf(context, name));
  return facts.get(name);
}

/** Every attribute some transcript records, sorted. */
export function recordedAttributes(context: AnalysisContext): string[] {
  const names = new Set<string>();
  for (const t of context.project.transcripts) for (const [name, value] of Object.entries(t.attributes)) if (!isMissing(value)) names.add(name);
  return [...names].sort();
}

function factsOf(context: AnalysisContext, name: string): AttributeFacts | undefined {
  const facts: AttributeFacts = { kind: 'text', recorded: 0, numbers: 0, dates: 0, notNumbers: [], notDates: [], example: '' };
  for (const t of context.ordered) {
    const value = t.attributes[name];
    if (isMissing(value)) continue;
    facts.recorded++;
    if (facts.example === '') facts.example = String(value);
    const sample = { transcript: t.path, value: String(value) };
    if (numberValue(value) !== undefined) facts.numbers++;
    else if (facts.notNumbers.length < SHOWN) facts.notNumbers.push(sample);
    if (isIsoDate(value)) facts.dates++;
    else if (facts.notDates.length < SHOWN) facts.notDates.push(sample);
  }
  if (facts.recorded === 0) return undefined;
  facts.kind = facts.numbers === facts.recorded ? 'number' : facts.dates === facts.recorded ? 'date' : 'text';
  return facts;
}

/** The group of transcripts that do not record the attribute, in a crosstab. */
export const NOT_RECORDED = '(not recorded)';

/**
 * Whether a value is what an `equals` condition asks for: the same text but for case and spaces
 * around it; one of several values (`Black, Latina`, or a YAML list read so); or, standing for a
 * crosstab column, its label (`31–45`, `(not recorded)`).
 */
export function equalsMatches(value: unknown, wanted: string | number): boolean {
  if (isMissing(value)) return wanted === NOT_RECORDED;
  const whole = foldValue(String(value));
  const asked = foldValue(String(wanted));
  if (asked === whole || (whole.includes(',') && whole.split(',').some((part) => part.trim() === asked))) return true;
  const n = numberValue(value);
  return n !== undefined && typeof wanted === 'string' && inNumberGroup(wanted, n) === true;
}

/** Text compared without regard to case, Unicode form or spaces around it. */
export function foldValue(text: string): string {
  return text.normalize('NFC').trim().toLocaleLowerCase();
}
