/**
 * Readable sentences about what a focused code gathered, shared by tooltips, reports and the
 * coding diff. Plain text: every caller escapes it for its own sink (names are untrusted).
 */
import type { Code, GatherRecord } from '../model';
import { isIsoDate } from '../participants/attribute-types';

/**
 * An ISO 8601 date-time with its zone, as Grounded writes `at` (`2026-12-03T10:15:30.123Z`); a hand
 * edit may give an offset instead of Z, or leave out seconds.
 */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * The day of a gathering's `at`, or undefined when `at` is not an ISO 8601 date-time: then the
 * text is not cut to ten characters and shown as a date ("last tuesd"); validate says why.
 */
export function gatherDay(at: string): string | undefined {
  const match = DATE_TIME.exec(at);
  if (!match || !isIsoDate(match[1])) return undefined;
  const [hour, minute, second, offsetHour, offsetMinute] = match.slice(2).map((v) => (v === undefined ? 0 : Number(v)));
  return hour < 24 && minute < 60 && second < 60 && offsetHour < 24 && offsetMinute < 60 ? match[1] : undefined;
}

/** Said where the day of a gathering would be, when its `at` cannot be read as one. */
export const UNREADABLE_DAY = 'an unreadable date';

/** Names joined for a sentence: "A", "A and B", "A, B and C". */
export function gatheredCodeNames(record: GatherRecord): string {
  const names = record.codes.map((c) => c.name);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `gathered A and B (12 segments) into C, by Dana Reyes on 2026-12-03` */
export function describeGather(category: Pick<Code, 'name'>, record: GatherRecord, withWho = true): string {
  const what = `gathered ${gatheredCodeNames(record)} (${plural(record.segments, 'segment')}) into ${category.name}`;
  return withWho ? `${what}, by ${record.by.name} on ${gatherDay(record.at) ?? UNREADABLE_DAY}` : what;
}
