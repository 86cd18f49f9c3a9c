/**
 * A memo's `date:` read as a day. Only `YYYY-MM-DD` (optionally followed by a time) is read:
 * `06/05/2024` is the 6th of May to some researchers and the 5th of June to others, so guessing
 * would put memos in the wrong order without anyone noticing. A date that cannot be read leaves the
 * memo undated — never dated by its file, whose time is when it was last copied or saved, not when
 * the memo was written — and the memo says why (validate, the Memos view, the memo report).
 */
import { isIsoDate } from '../participants/attribute-types';

export type MemoDate = { ok: true; day: string } | { ok: false; reason: string };

const DAY_FIRST = /^(\d{4}-\d{2}-\d{2})(?:[T ]\S.*)?$/;
/** `2024-5-7`: the right order with a digit left out, which has exactly one reading. */
const SHORT_PARTS = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** The day a memo's `date:` names, or a short reason it names none. */
export function readMemoDate(written: string): MemoDate {
  const text = written.trim();
  const day = DAY_FIRST.exec(text)?.[1];
  if (day !== undefined) {
    return isIsoDate(day) ? { ok: true, day } : { ok: false, reason: `"${text}" is not a day on the calendar (month 01–12, and a day that month has)` };
  }
  return { ok: false, reason: `"${text}" is not a date written YYYY-MM-DD` };
}

/** The day of a memo's `date:`, or undefined when it cannot be read. */
export function memoDateDay(written: string): string | undefined {
  const read = readMemoDate(written);
  return read.ok ? read.day : undefined;
}

/**
 * Why a memo's `date:` cannot be read and what to write instead, or undefined when it can: the
 * message validate and the Memos view give.
 */
export function memoDateProblem(written: string): string | undefined {
  const read = readMemoDate(written);
  if (read.ok) return undefined;
  return `the memo's date ${read.reason}, so the memo is shown as undated (after the dated ones, not by its file's time); write ${suggestion(written)}`;
}

function suggestion(written: string): string {
  const parts = SHORT_PARTS.exec(written.trim());
  if (parts) {
    const padded = `${parts[1]}-${parts[2].padStart(2, '0')}-${parts[3].padStart(2, '0')}`;
    if (isIsoDate(padded)) return `date: ${padded}`;
  }
  return 'the day it was written as YYYY-MM-DD, e.g. date: 2024-03-12';
}
