import { compareCodeUnits } from '../storage/format/json-text';
import { isIsoDate, isMissing, type AttributeDeclaration, type AttributeSchema } from './attribute-types';

/** A text attribute with at most this many distinct values, some repeated, reads as a category. */
export const MAX_INFERRED_CATEGORY_VALUES = 12;
/** Longer values are prose (a note, a description), not category labels. */
const MAX_CATEGORY_LABEL_LENGTH = 40;

/**
 * With at least this many values, a type most of them share (more than {@link MAJORITY}) is taken
 * even if a few values do not fit: `age: unknown` among thirty ages is a slip worth flagging,
 * not a reason to call ages text.
 */
const MIN_VALUES_FOR_MAJORITY = 3;
const MAJORITY = 2 / 3;

/**
 * Attribute types guessed from the front matter of every transcript (in path order): numbers →
 * number; `YYYY-MM-DD` dates → date; short texts that repeat (`gender`, `role`) → category with
 * the values found; anything else → text. Attributes are listed in the order they first appear.
 */
export function inferSchema(records: readonly Record<string, unknown>[]): AttributeSchema {
  const names: string[] = [];
  const valuesByName = new Map<string, unknown[]>();
  for (const record of records) {
    for (const [name, value] of Object.entries(record)) {
      if (!valuesByName.has(name)) {
        names.push(name);
        valuesByName.set(name, []);
      }
      if (!isMissing(value)) valuesByName.get(name)!.push(value);
    }
  }
  return { attributes: names.map((name) => inferDeclaration(name, valuesByName.get(name)!)) };
}

function inferDeclaration(name: string, values: readonly unknown[]): AttributeDeclaration {
  if (values.length === 0) return { name, type: 'text' };
  if (mostly(values, (v) => typeof v === 'number' && Number.isFinite(v))) return { name, type: 'number' };
  if (mostly(values, isIsoDate)) return { name, type: 'date' };
  if (values.every((v) => typeof v === 'string')) {
    const labels = values as string[];
    const distinct = [...new Set(labels)];
    const repeats = distinct.length < labels.length;
    const short = labels.every((v) => v.length <= MAX_CATEGORY_LABEL_LENGTH && !v.includes('\n'));
    if (repeats && short && distinct.length <= MAX_INFERRED_CATEGORY_VALUES) {
      return { name, type: 'category', values: distinct.sort(compareCodeUnits) };
    }
  }
  return { name, type: 'text' };
}

function mostly(values: readonly unknown[], fits: (value: unknown) => boolean): boolean {
  const fitting = values.filter(fits).length;
  if (fitting === values.length) return true;
  return values.length >= MIN_VALUES_FOR_MAJORITY && fitting / values.length > MAJORITY;
}
