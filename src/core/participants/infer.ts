import { compareCodeUnits } from '../storage/format/json-text';
import { attributeNameKey, isIsoDate, isMissing, type AttributeDeclaration, type AttributeSchema } from './attribute-types';

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
  const uses = new Map<string, number>();
  for (const record of records) {
    for (const [name, value] of Object.entries(record)) {
      if (!valuesByName.has(name)) {
        names.push(name);
        valuesByName.set(name, []);
      }
      uses.set(name, (uses.get(name) ?? 0) + 1);
      if (!isMissing(value)) valuesByName.get(name)!.push(value);
    }
  }
  // A name written another way in a few transcripts (`Sector` beside `sector`) is a slip there, not
  // an attribute every other transcript lacks: only the way most transcripts write it is declared.
  const usual = new Map<string, string>();
  for (const name of names) {
    const key = attributeNameKey(name);
    const best = usual.get(key);
    if (best === undefined || uses.get(name)! > uses.get(best)!) usual.set(key, name);
  }
  return { attributes: names.filter((name) => usual.get(attributeNameKey(name)) === name).map((name) => inferDeclaration(name, valuesByName.get(name)!)) };
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
