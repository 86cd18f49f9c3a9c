/**
 * A small SVG document as plain data: what the relations renderer produces. The extension writes it
 * out as markup (`svgMarkup`, every text and attribute escaped) for the export; the panel builds
 * the same tree with DOM calls that set text as text — so there is one renderer and neither sink
 * ever parses untrusted text as markup.
 */

/** The only elements the renderer uses; the panel refuses any other. */
export const SVG_TAGS = ['svg', 'title', 'desc', 'defs', 'marker', 'style', 'g', 'rect', 'path', 'text'] as const;
export type SvgTag = (typeof SVG_TAGS)[number];

export interface SvgElement {
  tag: SvgTag;
  attrs: Record<string, string>;
  children: (SvgElement | string)[];
}

export function svgElement(tag: SvgTag, attrs: Record<string, string> = {}, ...children: (SvgElement | string | undefined)[]): SvgElement {
  return { tag, attrs, children: children.filter((c): c is SvgElement | string => c !== undefined) };
}

/**
 * Characters XML 1.0 does not allow at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF):
 * dropped, or the file would not open.
 */
// eslint-disable-next-line no-control-regex -- matching the control characters XML forbids is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

/** Attribute names come from the renderer, never from project text; checked anyway. */
const ATTRIBUTE_NAME = /^[a-zA-Z][a-zA-Z0-9:-]*$/;

export function svgMarkup(element: SvgElement): string {
  const attrs = Object.entries(element.attrs)
    .filter(([name]) => ATTRIBUTE_NAME.test(name) && !/^on|href$/i.test(name))
    .map(([name, value]) => ` ${name}="${xmlText(value)}"`)
    .join('');
  const inner = element.children.map((c) => (typeof c === 'string' ? xmlText(c) : svgMarkup(c))).join('');
  return `<${element.tag}${attrs}>${inner}</${element.tag}>`;
}
