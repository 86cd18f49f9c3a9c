import { parseDocument, type Document, type YAMLError } from 'yaml';
import type { TextRange } from '../model';
import type { FrontMatter } from './types';

const OPENING_FENCE = '---\n';

/**
 * Reads the YAML in a front-matter block. `range` is the whole block as the Markdown parser found
 * it; `yamlText` is what lies between the fences. Never throws: a researcher's typo in the
 * attributes must not stop the transcript from opening, so problems become `error`.
 */
export function readFrontMatter(text: string, range: TextRange, yamlText: string, doc: Document = parseDocument(yamlText)): FrontMatter {
  const yamlStart = range.start + OPENING_FENCE.length;
  if (doc.errors.length > 0) {
    return { range, data: {}, error: describeYamlError(text, yamlStart, doc.errors[0]) };
  }
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { range, data: {}, error: `Front matter could not be read: ${reason}` };
  }
  if (value === null || value === undefined) return { range, data: {} };
  if (!isPlainRecord(value)) {
    const found = Array.isArray(value) ? 'a list' : `a single ${typeof value}`;
    return {
      range,
      data: {},
      error: `Front matter must be a mapping of attribute names to values (e.g. "age: 34"), not ${found}.`,
    };
  }
  return { range, data: value };
}

/**
 * A block that opens with `---` and an attribute line but never closes is not recognised as front
 * matter by Markdown (it reads as a rule and a paragraph). Reporting it beats silently losing the
 * participant's attributes. A lone `---` followed by prose stays an ordinary thematic break.
 */
export function detectUnclosedFrontMatter(text: string): FrontMatter | undefined {
  if (!text.startsWith(OPENING_FENCE)) return undefined;
  const secondLine = text.slice(OPENING_FENCE.length).split('\n', 1)[0];
  if (!/^[\w-]+:(\s|$)/.test(secondLine)) return undefined;
  return {
    range: { start: 0, end: OPENING_FENCE.length - 1 },
    data: {},
    error: 'Front matter starts with "---" but has no closing "---" line.',
  };
}

function describeYamlError(text: string, yamlStart: number, error: YAMLError): string {
  // yaml reports positions within the block; researchers need the line in the file.
  const offset = yamlStart + error.pos[0];
  const line = countLines(text, offset);
  const column = offset - (text.lastIndexOf('\n', offset - 1) + 1) + 1;
  const reason = error.message.split('\n', 1)[0].replace(/ at line \d+, column \d+:?$/, '');
  return `Front matter is not valid YAML: ${reason} (line ${line}, column ${column}).`;
}

function countLines(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map);
}

/** A fence line: `---` at the start of a line, then only spaces or tabs. */
const FENCE = /^---[ \t]*$/;

/**
 * The front matter without parsing the Markdown around it: reading participants' attributes of a
 * thousand transcripts must not cost a thousand full parses. Finds the block exactly where the
 * Markdown parser does (a `---` line opening the text, the next `---` line closing it; spaces or
 * tabs may follow either fence), so both agree on every transcript (test/unit/markdown).
 */
export function findFrontMatter(text: string): FrontMatter | undefined {
  return findFrontMatterDocument(text)?.block;
}

/**
 * The front matter and, when it has a closing fence, the YAML document it was read from (offsets
 * in it count from `yamlStart`): for readers that also want where each key is, without parsing
 * the YAML a second time.
 */
export function findFrontMatterDocument(text: string): { block: FrontMatter; document?: Document; yamlStart: number } | undefined {
  const firstEnd = lineEnd(text, 0);
  const unclosed = (): { block: FrontMatter; yamlStart: number } | undefined => {
    const block = detectUnclosedFrontMatter(text);
    return block && { block, yamlStart: OPENING_FENCE.length };
  };
  if (!FENCE.test(text.slice(0, firstEnd)) || firstEnd === text.length) return unclosed();
  const yamlStart = firstEnd + 1;
  for (let start = yamlStart; start <= text.length; ) {
    const end = lineEnd(text, start);
    if (text.startsWith('---', start) && FENCE.test(text.slice(start, end))) {
      const yaml = start === yamlStart ? '' : text.slice(yamlStart, start - 1);
      const document = parseDocument(yaml);
      return { block: readFrontMatter(text, { start: 0, end }, yaml, document), document, yamlStart };
    }
    if (end === text.length) break;
    start = end + 1;
  }
  return unclosed();
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl === -1 ? text.length : nl;
}
