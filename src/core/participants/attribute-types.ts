/**
 * Participant attributes: typed values in a transcript's front matter (`age: 34`,
 * `gender: woman`). The types are declared in `.grounded/attributes.json`, or inferred from the
 * transcripts when that file does not exist.
 */
import type { UnknownFields } from '../model';

export type AttributeType = 'text' | 'number' | 'date' | 'category';

export const ATTRIBUTE_TYPES: readonly AttributeType[] = ['text', 'number', 'date', 'category'];

export interface AttributeDeclaration {
  name: string;
  type: AttributeType;
  /** The allowed values of a category, in the order researchers chose; absent for other types. */
  values?: string[];
  extra?: UnknownFields;
}

export interface AttributeSchema {
  attributes: AttributeDeclaration[];
  extra?: UnknownFields;
}

/** A value as it may be written into front matter. */
export type AttributeValue = string | number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written `YYYY-MM-DD` (what YAML 1.2 reads as a plain string). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * An attribute's name with case, spaces, hyphens and underscores set aside: `Sector`, `sector` and
 * `SECTOR`, or `interview date` and `interview_date`, are one attribute written two ways — to
 * filters and groups, which take names as written, two attributes.
 */
export function attributeNameKey(name: string): string {
  return name.normalize('NFC').trim().toLocaleLowerCase().replace(/[\s_-]+/g, '_');
}

const PLAIN_NUMBER = /^\s*-?\d+(\.\d+)?\s*$/;

/**
 * The number a text written as one stands for (`"29"`, `"55 "`), else undefined. Analysis reads
 * such a value as the number (a researcher who quoted one age among thirty means 29).
 */
export function numberInText(value: unknown): number | undefined {
  return typeof value === 'string' && PLAIN_NUMBER.test(value) ? Number(value) : undefined;
}

/** Null and absent values both mean "not recorded". */
export function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** Why `value` does not fit the declaration, or undefined when it does (or is missing). */
export function typeProblem(declaration: AttributeDeclaration, value: unknown): string | undefined {
  if (isMissing(value)) return undefined;
  const shown = describeValue(value);
  switch (declaration.type) {
    // Several values (`race_ethnicity: [Black, Latina]`) are fine where text is: analysis reads them as `Black, Latina`.
    case 'text':
      return isScalar(value) || isScalarList(value) ? undefined : `is ${shown}, not a single text value`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : `is ${shown}, not a number`;
    case 'date':
      if (isIsoDate(value)) return undefined;
      // `2024-13-45` has the right shape: saying only "write YYYY-MM-DD" would not show what is wrong.
      if (typeof value === 'string' && ISO_DATE.test(value.trim())) return `is ${shown}, which is not a day on the calendar (month 01–12, and a day that month has): write the real date, YYYY-MM-DD`;
      return `is ${shown}, not a date written YYYY-MM-DD (e.g. 2024-03-12)`;
    case 'category': {
      const allowed = declaration.values ?? [];
      if (isScalar(value) && allowed.includes(String(value))) return undefined;
      if (isScalarList(value)) {
        const others = value.map(String).filter((v) => !allowed.includes(v));
        if (others.length === 0) return undefined;
        return `is a list holding ${others.map((v) => JSON.stringify(v)).join(', ')}, not one of ${allowed.map((v) => JSON.stringify(v)).join(', ') || '(no values declared)'}`;
      }
      return `is ${shown}, not one of ${allowed.map((v) => JSON.stringify(v)).join(', ') || '(no values declared)'}`;
    }
  }
}

/**
 * What a researcher typed, as the value to write: a number for a number attribute, the text
 * otherwise; an empty input removes the attribute. Returns a message when it does not fit.
 */
export function parseInput(declaration: AttributeDeclaration, input: string): { ok: true; value: AttributeValue | undefined } | { ok: false; message: string } {
  const text = input.trim();
  if (text === '') return { ok: true, value: undefined };
  if (declaration.type === 'number') {
    const n = Number(text.replace(',', '.'));
    return Number.isFinite(n) && /\d/.test(text) ? { ok: true, value: n } : { ok: false, message: `"${declaration.name}" is a number, e.g. 34 or 2.5.` };
  }
  if (declaration.type === 'date') {
    return isIsoDate(text) ? { ok: true, value: text } : { ok: false, message: `"${declaration.name}" is a date written YYYY-MM-DD, e.g. 2024-03-12.` };
  }
  if (declaration.type === 'category' && !(declaration.values ?? []).includes(text)) {
    return { ok: false, message: `"${declaration.name}" is one of: ${(declaration.values ?? []).join(', ')}.` };
  }
  return { ok: true, value: text };
}

/** A value for display in a view: scalars as written, lists joined, anything else as JSON. */
export function displayValue(value: unknown): string {
  if (isMissing(value)) return '';
  if (isScalar(value)) return String(value);
  if (Array.isArray(value) && value.every(isScalar)) return value.map(String).join(', ');
  return JSON.stringify(value);
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isScalarList(value: unknown): value is (string | number | boolean)[] {
  return Array.isArray(value) && value.length > 0 && value.every(isScalar);
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 39)}…` : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}
