/**
 * Reading REFI-QDA XML safely. fast-xml-parser does the parsing; it is configured never to process
 * entities, and documents with a DOCTYPE or ENTITY declaration are refused before parsing, so no
 * external entity is fetched and no entity expansion (a "billion laughs" attack) can happen. The five
 * predefined entities and character references are then decoded here: they can never expand.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LineIndex } from '../../line-index';
import { RefiImportError } from './errors';

/** An element with its attributes (names without namespace prefix), child elements and text. */
export interface XmlElement {
  name: string;
  attributes: ReadonlyMap<string, string>;
  children: XmlElement[];
  /** The element's own character data (text and CDATA), entities decoded. */
  text: string;
  /** Where the element starts: its 1-based line, and the file as messages name it. */
  line: number;
  file: string;
}

/** "line 12 of project.qde": where an element is, for a message a researcher can act on. */
export function lineOf(element: XmlElement): string {
  return `line ${element.line} of ${element.file}`;
}

type OrderedNode = { [key: string]: OrderedNode[] | string | Record<string, string> | { startIndex?: number } | undefined };

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  cdataPropName: '#cdata',
  removeNSPrefix: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  captureMetaData: true,
});
const META = XMLParser.getMetaDataSymbol() as unknown as string;

/** What one parse shares while elements are built: the file's name and its lines. */
interface Source {
  what: string;
  file: string;
  lines: LineIndex;
}

/** The root element of an XML document; throws RefiImportError naming `what` when unreadable. */
export function parseXml(source: string, what: string): XmlElement {
  const text = prepare(source, what);
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line, col } = validation.err;
    throw new RefiImportError(`${what} is not well-formed XML: ${msg} (line ${line}, column ${col}).`);
  }
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(text) as OrderedNode[];
  } catch (error) {
    throw new RefiImportError(`${what} could not be read as XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const origin: Source = { what, file: what === 'The file' ? 'the file' : what, lines: new LineIndex(text) };
  const roots = nodes.map((node) => toElement(node, origin)).filter((e): e is XmlElement => e !== undefined);
  if (roots.length !== 1) throw new RefiImportError(`${what} must have exactly one root element.`);
  return roots[0];
}

/** BOM removed, DTDs refused, line endings normalised as an XML processor does (XML 1.0 §2.11). */
function prepare(source: string, what: string): string {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  if (/<!DOCTYPE/i.test(text)) {
    throw new RefiImportError(`${what} contains a DOCTYPE declaration. REFI-QDA files never need one, and it could make the reader fetch or expand external content, so the file is refused.`);
  }
  if (/<!ENTITY/i.test(text)) {
    throw new RefiImportError(`${what} declares an ENTITY. REFI-QDA files never need one, and it could make the reader fetch or expand external content, so the file is refused.`);
  }
  return text.replace(/\r\n?/g, '\n');
}

function toElement(node: OrderedNode, source: Source): XmlElement | undefined {
  const { what } = source;
  const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text' && key !== '#cdata');
  if (name === undefined) return undefined;
  const attributes = new Map<string, string>();
  const rawAttributes = node[':@'] as Record<string, string> | undefined;
  for (const [key, value] of Object.entries(rawAttributes ?? {})) {
    // Attribute-value normalisation: literal white space becomes a space; references stay exact.
    attributes.set(key, decodeReferences(String(value).replace(/[\t\n\r]/g, ' '), what));
  }
  const children: XmlElement[] = [];
  let text = '';
  for (const child of (node[name] as OrderedNode[] | undefined) ?? []) {
    if (typeof child['#text'] === 'string') text += decodeReferences(child['#text'], what);
    else if (Array.isArray(child['#cdata'])) text += child['#cdata'].map((c) => String(c['#text'] ?? '')).join('');
    else {
      const element = toElement(child, source);
      if (element) children.push(element);
    }
  }
  const start = (node[META] as { startIndex?: number } | undefined)?.startIndex ?? 0;
  return { name, attributes, children, text, line: source.lines.lineOf(start) + 1, file: source.file };
}

function decodeReferences(raw: string, what: string): string {
  if (raw.indexOf('&') === -1) return raw;
  return raw.replace(REFERENCE, (whole, body: string) => {
    if (body.startsWith('#')) {
      const codePoint = body.startsWith('#x') ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!(codePoint > 0 && codePoint <= 0x10ffff) || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
        throw new RefiImportError(`${what} contains an invalid character reference ${whole}.`);
      }
      return String.fromCodePoint(codePoint);
    }
    const value = PREDEFINED[body];
    if (value === undefined) throw new RefiImportError(`${what} uses the undefined entity ${whole}; only &lt; &gt; &amp; &quot; &apos; are allowed.`);
    return value;
  });
}

/** Child elements with this (namespace-free) name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

export function firstChild(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((child) => child.name === name);
}
