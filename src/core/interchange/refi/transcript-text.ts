/**
 * A transcript's front matter and body, the two halves that REFI-QDA keeps apart: the attributes
 * in the front matter become case variables, and only the body is the source text that selections
 * count positions in. Export and import split and join the same way, so positions agree both ways.
 */
import { Document } from 'yaml';
import { parseTranscript } from '../../markdown';

export interface TranscriptParts {
  /** Front-matter attributes in the order written; empty when there is none. */
  attributes: [string, unknown][];
  /** The text after the front matter and the blank line that follows it. */
  body: string;
  /** Where `body` starts in the transcript (UTF-16 code units). */
  bodyStart: number;
  /** Why the front matter could not be read; it then stays part of the body. */
  frontMatterError?: string;
}

/** `text` must be normalised (LF, no BOM), as every core offset is. */
export function splitTranscript(text: string): TranscriptParts {
  const frontMatter = parseTranscript(text).frontMatter;
  if (frontMatter === undefined) return { attributes: [], body: text, bodyStart: 0 };
  if (frontMatter.error !== undefined) {
    return { attributes: [], body: text, bodyStart: 0, frontMatterError: frontMatter.error };
  }
  let bodyStart = frontMatter.range.end;
  if (text[bodyStart] === '\n') bodyStart += 1; // the closing fence's line break
  if (text[bodyStart] === '\n') bodyStart += 1; // the conventional blank line after it
  return { attributes: Object.entries(frontMatter.data), body: text.slice(bodyStart), bodyStart };
}

/**
 * The transcript for a body and its attributes: `---`, the attributes as YAML, `---`, a blank line,
 * then the body exactly as given. A body that itself starts with `---` gets an empty front matter
 * block, so its first line is never mistaken for one.
 */
export function joinTranscript(attributes: readonly [string, unknown][], body: string): string {
  if (attributes.length === 0) return body.startsWith('---') ? `---\n---\n\n${body}` : body;
  return `${frontMatterBlock(attributes)}\n${body}`;
}

/** `---`, the entries as YAML (one per line, long strings never folded), `---`, line break. */
export function frontMatterBlock(entries: readonly [string, unknown][]): string {
  const document = new Document(Object.fromEntries(entries));
  const yaml = document.toString({ lineWidth: 0, minContentWidth: 0 });
  return `---\n${yaml}---\n`;
}
