/**
 * A name replaced inside YAML front matter must leave a value YAML reads back as the same text:
 * `participant: José` becoming `participant: [P1]` would turn the participant into a list, and
 * `title: José: first talk` into a broken block. Where the pseudonym written in place would not
 * read back, the whole value is written again, quoted as YAML requires.
 */
import { Document, isCollection, isScalar, parseDocument, Scalar, visit } from 'yaml';
import { findFrontMatterDocument } from '../markdown';
import { applyOccurrences, type NameMatcher, type Occurrence } from './name-matcher';

/** The occurrences, with those in a front-matter value that would not read back merged into one rewriting the value. */
export function safeInFrontMatter(text: string, occurrences: readonly Occurrence[], matcher: NameMatcher): Occurrence[] {
  const found = findFrontMatterDocument(text);
  // A block YAML cannot read is left to the researcher: it reads as nothing either way.
  if (!found?.document || found.block.error !== undefined || occurrences.length === 0) return [...occurrences];
  const { document, yamlStart } = found;
  const rewrites: Occurrence[] = [];
  visit(document, {
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'string' || !node.range) return;
      const start = yamlStart + node.range[0];
      const end = yamlStart + node.range[1];
      const inside = occurrences.filter((o) => o.start >= start && o.end <= end).map((o) => ({ ...o, start: o.start - start, end: o.end - start }));
      if (inside.length === 0) return;
      const source = text.slice(start, end);
      const intended = matcher.replaceAll(node.value);
      const inFlow = path.some((p) => isCollection(p) && p.flow === true);
      if (readsAs(applyOccurrences(source, inside), intended, inFlow)) return;
      rewrites.push({ start, end, found: source, replacement: quoted(intended) });
    },
  });
  if (rewrites.length === 0) return [...occurrences];
  const kept = occurrences.filter((o) => !rewrites.some((r) => o.start >= r.start && o.end <= r.end));
  return [...kept, ...rewrites].sort((a, b) => a.start - b.start);
}

/** Whether `source`, written where a value was, reads as `value`. In a flow list or map a comma or bracket would end it. */
function readsAs(source: string, value: string, inFlow: boolean): boolean {
  if (inFlow && /[,[\]{}]/.test(source)) return false;
  const doc = parseDocument(source);
  return doc.errors.length === 0 && isScalar(doc.contents) && doc.contents.value === value;
}

/** Double-quoted: one line whatever the text, where a block scalar would need the key's indentation. */
function quoted(value: string): string {
  const node = new Scalar(value);
  node.type = Scalar.QUOTE_DOUBLE;
  return new Document(node).toString({ lineWidth: 0 }).replace(/\n$/, '');
}
