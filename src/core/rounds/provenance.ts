/**
 * Readable sentences about what a focused code gathered, shared by tooltips, reports and the
 * coding diff. Plain text: every caller escapes it for its own sink (names are untrusted).
 */
import type { Code, GatherRecord } from '../model';

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
  return withWho ? `${what}, by ${record.by.name} on ${record.at.slice(0, 10)}` : what;
}
