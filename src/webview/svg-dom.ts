/**
 * Builds the SVG element tree the host drew (relations panel) with DOM calls: text always as text
 * nodes, only the renderer's own elements, no event-handler or link attributes — so no code name
 * can become markup, a script or a link, whatever it contains.
 */
import type { SvgElement, SvgTag } from '../core/relations/svg-tree';

const SVG_NS = 'http://www.w3.org/2000/svg';
const ALLOWED: ReadonlySet<SvgTag> = new Set(['svg', 'title', 'desc', 'defs', 'marker', 'g', 'rect', 'path', 'text']);
const ATTRIBUTE = /^[a-zA-Z][a-zA-Z0-9:-]*$/;

export function buildSvg(tree: SvgElement): SVGElement | undefined {
  if (!ALLOWED.has(tree.tag)) return undefined;
  const element = document.createElementNS(SVG_NS, tree.tag);
  for (const [name, value] of Object.entries(tree.attrs)) {
    if (ATTRIBUTE.test(name) && !/^on|href$/i.test(name)) element.setAttribute(name, value);
  }
  for (const child of tree.children) {
    if (typeof child === 'string') element.appendChild(document.createTextNode(child));
    else {
      const built = buildSvg(child);
      if (built) element.appendChild(built);
    }
  }
  return element;
}
