/**
 * Reading and changing one attribute in a transcript's front matter. A change is a single small
 * text edit (the value, one new line, or one removed line), so comments, quoting, key order and
 * everything else in the block stay as the researcher wrote them, and an editor applying it can
 * undo it and shift coded segments below by the right amount.
 */
import { Document, isMap, isScalar, parseDocument, Scalar, type Pair } from 'yaml';
import type { TextChange } from '../anchoring';
import { LineIndex } from '../line-index';
import { findFrontMatter, findFrontMatterDocument } from '../markdown';
import type { AttributeValue } from './attribute-types';
import { readSimpleFrontMatter } from './simple-front-matter';

const OPENING_FENCE = '---\n';
const CLOSING_FENCE = '---';

export interface FrontMatterAttributes {
  /** The attributes as YAML reads them; empty when there is no front matter or it is broken. */
  data: Record<string, unknown>;
  /** Why the front matter could not be read. */
  error?: string;
  /** 1-based line of each attribute's key in the transcript. */
  lines: Map<string, number>;
  /** Whether the transcript has a front-matter block at all. */
  present: boolean;
}

export class AttributeEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AttributeEditError';
  }
}

/** The front matter of a transcript (LF text) with the line of each key. */
export function readFrontMatterAttributes(text: string): FrontMatterAttributes {
  return readSimpleFrontMatter(text) ?? readFrontMatterAttributesAsYaml(text);
}

/** {@link readFrontMatterAttributes} by the YAML parser, whatever the front matter's shape. */
export function readFrontMatterAttributesAsYaml(text: string): FrontMatterAttributes {
  const found = findFrontMatterDocument(text);
  if (!found) {
    const late = misplacedFenceLine(text);
    if (late === undefined) return { data: {}, lines: new Map(), present: false };
    const error = `Front matter must start on the first line, but blank lines come before its "---" (line ${late}): its attributes are not read.`;
    return { data: {}, lines: new Map(), present: true, error };
  }
  const { block, document, yamlStart } = found;
  const lines = new Map<string, number>();
  if (block.error === undefined && document) {
    // Keys lie inside the block: its lines are all that needs counting.
    const index = new LineIndex(text.slice(0, block.range.end));
    for (const pair of topLevelPairs(document)) {
      if (isScalar(pair.key) && pair.key.range) lines.set(String(pair.key.value), index.lineOf(yamlStart + pair.key.range[0]) + 1);
    }
  }
  const result: FrontMatterAttributes = { data: block.data, lines, present: true };
  if (block.error !== undefined) result.error = block.error;
  return result;
}

/**
 * The line of a `---` that opens front matter below blank lines (then Markdown reads it as a rule
 * and the attributes as prose, and the participant would silently lose them all); undefined when
 * the text does not start so. As for an unclosed block, the line after it must read `name: value`.
 */
function misplacedFenceLine(text: string): number | undefined {
  const match = /^(?:[ \t]*\n)+---[ \t]*\n[\w-]+:(?:\s|$)/.exec(text);
  return match ? match[0].split('\n').length - 1 : undefined;
}

/**
 * The edit that sets (or, with `undefined`, removes) one top-level attribute; undefined when the
 * front matter already says so. Throws AttributeEditError when the front matter cannot be read.
 */
export function attributeEdit(text: string, name: string, value: AttributeValue | undefined): TextChange | undefined {
  const block = findFrontMatter(text);
  if (!block) {
    // A second block above the one written a line too low would leave two, the old one still unread.
    const late = misplacedFenceLine(text);
    if (late !== undefined) throw new AttributeEditError(`Fix the front matter first: remove the blank lines above its "---" (line ${late}).`);
    if (value === undefined) return undefined;
    const gap = text === '' || text.startsWith('\n') ? '' : '\n';
    return { start: 0, end: 0, text: `${OPENING_FENCE}${entryLine(name, value)}${CLOSING_FENCE}\n${gap}` };
  }
  if (block.error !== undefined) throw new AttributeEditError(`Fix the front matter first: ${block.error}`);
  const yamlStart = block.range.start + OPENING_FENCE.length;
  const yamlEnd = block.range.end - CLOSING_FENCE.length;
  const doc = parseDocument(text.slice(yamlStart, yamlEnd));
  if (doc.contents !== null && !(isMap(doc.contents) && !doc.contents.flow)) {
    // A flow mapping (`{age: 34}`) has no line to change: rewrite the block.
    if (value === undefined) doc.delete(name);
    else doc.set(name, value);
    return { start: yamlStart, end: yamlEnd, text: doc.toString({ lineWidth: 0 }) };
  }
  const pair = topLevelPairs(doc).find((p) => isScalar(p.key) && String(p.key.value) === name);
  if (!pair) return value === undefined ? undefined : { start: yamlEnd, end: yamlEnd, text: entryLine(name, value) };
  const shift = (change: TextChange): TextChange => ({ start: change.start + yamlStart, end: change.end + yamlStart, text: change.text });
  const yaml = text.slice(yamlStart, yamlEnd);
  if (value === undefined) return shift(removalOf(yaml, pair));
  const change = replacementOf(yaml, pair, value);
  return change && shift(change);
}

function topLevelPairs(doc: Document): Pair[] {
  return isMap(doc.contents) ? (doc.contents.items as Pair[]) : [];
}

/** `name: value` and a line break, the key quoted only when YAML needs it. */
function entryLine(name: string, value: AttributeValue): string {
  return `${scalarText(name)}: ${scalarText(value)}\n`;
}

/**
 * One scalar as YAML text on a single line. A string keeps the quotes its old value had, so
 * `gender: "woman"` becomes `gender: "man"`; strings that would read as something else
 * (`"34"`, `"yes: no"`) are quoted as YAML requires.
 */
function scalarText(value: AttributeValue, previousStyle?: Scalar.Type): string {
  const node = new Scalar(value);
  if (typeof value === 'string') {
    if (value.includes('\n')) node.type = Scalar.QUOTE_DOUBLE;
    else if (previousStyle === Scalar.QUOTE_DOUBLE || previousStyle === Scalar.QUOTE_SINGLE) node.type = previousStyle;
  }
  return new Document(node).toString({ lineWidth: 0 }).replace(/\n$/, '');
}

function replacementOf(yaml: string, pair: Pair, value: AttributeValue): TextChange | undefined {
  const node = pair.value;
  const key = pair.key as Scalar;
  if (isScalar(node) && node.value === value) return undefined;
  const style = isScalar(node) ? node.type : undefined;
  const range = (node as { range?: [number, number, number] } | null)?.range;
  const [start, end] = range ? [range[0], range[1]] : [key.range![1], key.range![1]];
  let replacement = scalarText(value, style);
  if (start === end) {
    // `age:` with no value: keep a space after the colon and before a comment that follows.
    if (yaml[start - 1] !== ' ' && yaml[start - 1] !== '\t') replacement = ` ${replacement}`;
    if (start < yaml.length && !/\s/.test(yaml[start])) replacement = `${replacement} `;
  }
  return { start, end, text: replacement };
}

/** Remove the lines the pair is written on (its comment above, if any, stays). */
function removalOf(yaml: string, pair: Pair): TextChange {
  const key = pair.key as Scalar;
  const keyStart = key.range![0];
  const valueEnd = (pair.value as { range?: [number, number, number] } | null)?.range?.[1] ?? key.range![1];
  const start = yaml.lastIndexOf('\n', keyStart - 1) + 1;
  const lineEnd = yaml.indexOf('\n', Math.max(valueEnd - 1, keyStart));
  return { start, end: lineEnd === -1 ? yaml.length : lineEnd + 1, text: '' };
}
