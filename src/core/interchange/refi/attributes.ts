/**
 * Participant attributes (a transcript's front matter) as REFI-QDA variables and back. A variable
 * gets the narrowest type all its values share (Boolean, Integer, Float, Date, DateTime), else Text.
 */

export type VariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

/** The XML element that carries a value of each type. */
export const VALUE_ELEMENTS: Record<VariableType, string> = {
  Text: 'TextValue',
  Boolean: 'BooleanValue',
  Integer: 'IntegerValue',
  Float: 'FloatValue',
  Date: 'DateValue',
  DateTime: 'DateTimeValue',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/** The type of one value, or undefined for an empty one (null), which is left out. */
export function typeOfValue(value: unknown): VariableType | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : Number.isFinite(value) ? 'Float' : 'Text';
  if (value instanceof Date) return isMidnightUtc(value) ? 'Date' : 'DateTime';
  if (typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value))) return 'Date';
  if (typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) return 'DateTime';
  return 'Text';
}

/** The narrowest type that holds all of a variable's values. */
export function commonType(types: readonly VariableType[]): VariableType {
  const distinct = new Set(types);
  if (distinct.size === 0) return 'Text';
  if (distinct.size === 1) return types[0];
  if (distinct.size === 2 && distinct.has('Integer') && distinct.has('Float')) return 'Float';
  return 'Text';
}

/** The value as written in the XML element for `type`; lists and mappings become text. */
export function formatValue(value: unknown, type: VariableType): string {
  if (value instanceof Date) return type === 'Date' ? value.toISOString().slice(0, 10) : value.toISOString();
  if (typeof value === 'number') return type === 'Text' ? String(value) : plainDecimal(value);
  if (typeof value === 'boolean' || typeof value === 'string') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.map(String).join(', ');
  return JSON.stringify(value);
}

/** xsd:decimal allows no exponent: 1e-7 must be written 0.0000001. */
function plainDecimal(value: number): string {
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, '');
}

function isMidnightUtc(date: Date): boolean {
  return date.getUTCHours() === 0 && date.getUTCMinutes() === 0 && date.getUTCSeconds() === 0 && date.getUTCMilliseconds() === 0;
}

/** A value read from a VariableValue child element, typed for the front matter. */
export function parseValue(element: string, text: string): unknown {
  const value = text.trim();
  switch (element) {
    case 'BooleanValue':
      return value === 'true' || value === '1';
    case 'IntegerValue': {
      const n = Number(value);
      return Number.isSafeInteger(n) ? n : value;
    }
    case 'FloatValue': {
      const n = Number(value);
      return value !== '' && Number.isFinite(n) ? n : value;
    }
    case 'DateValue':
      return value.slice(0, 10);
    case 'DateTimeValue':
      return value;
    default:
      return text;
  }
}
