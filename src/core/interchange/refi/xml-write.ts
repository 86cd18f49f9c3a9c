/**
 * Writing REFI-QDA XML with fast-xml-parser's builder, in the exact element order given (the
 * schemas are sequences, so order matters). Strings are made safe for XML 1.0 first.
 */
import { XMLBuilder } from 'fast-xml-parser';

export type AttributeValue = string | number | boolean | undefined;

/** An element to write; attributes whose value is undefined are left out. */
export interface XmlNode {
  name: string;
  attributes?: [string, AttributeValue][];
  children?: XmlNode[];
  text?: string;
}

type BuilderNode = Record<string, BuilderNode[] | Record<string, string> | string>;

const builder = new XMLBuilder({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
});

const XML_DECLARATION: BuilderNode = { '?xml': [{ '#text': '' }], ':@': { version: '1.0', encoding: 'UTF-8' } };

/** A UTF-8 XML document (no BOM: several readers reject one before `<?xml`), LF line endings. */
export function writeXml(root: XmlNode): string {
  const xml = builder.build([XML_DECLARATION, toBuilderNode(root)]) as string;
  return xml.endsWith('\n') ? xml : `${xml}\n`;
}

function toBuilderNode(node: XmlNode): BuilderNode {
  const children: BuilderNode[] = (node.children ?? []).map(toBuilderNode);
  if (node.text !== undefined && node.text !== '') children.unshift({ '#text': xmlText(node.text) });
  const result: BuilderNode = { [node.name]: children };
  const attributes: Record<string, string> = {};
  for (const [key, value] of node.attributes ?? []) {
    if (value !== undefined) attributes[key] = xmlAttribute(String(value));
  }
  if (Object.keys(attributes).length > 0) result[':@'] = attributes;
  return result;
}

/**
 * Characters XML 1.0 cannot carry (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD;
 * CR becomes LF, since a reader would turn it into LF anyway.
 */
export function xmlText(value: string): string {
  const text = value.replace(/\r\n?/g, '\n');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      out += text[i] + text[i + 1];
      i++;
    } else out += allowedInXml(code) ? text[i] : '\uFFFD';
  }
  return out;
}

function allowedInXml(code: number): boolean {
  if (code < 0x20) return code === 0x09 || code === 0x0a || code === 0x0d;
  return !(code >= 0xd800 && code <= 0xdfff) && code !== 0xfffe && code !== 0xffff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Line breaks and tabs in an attribute would be read back as spaces: write spaces. */
export function xmlAttribute(value: string): string {
  return xmlText(value).replace(/[\t\n]+/g, ' ');
}
