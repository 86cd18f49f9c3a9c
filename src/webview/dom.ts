/**
 * Building the panel's DOM. Every piece of project text goes in as text content — never as HTML —
 * so a code name or a quote cannot become markup, a link or a script.
 */
type Child = Node | string | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  append(element, ...children);
  return element;
}

/** A custom element (the vscode-elements components) with attributes and children. */
export function component(tag: string, attributes: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function clear(element: Element): void {
  while (element.firstChild) element.removeChild(element.firstChild);
}

/** A value for a `<vscode-single-select>`, read the way the component exposes it. */
export function selectValue(element: Element): string {
  return (element as HTMLElement & { value?: string }).value ?? '';
}

export function option(value: string, label: string, selected: boolean): HTMLElement {
  const attributes: Record<string, string> = { value };
  if (selected) attributes.selected = '';
  return component('vscode-option', attributes, label);
}

/** Background for a heat-map cell: the theme's chart colour at an opacity from 0.08 to 0.85. */
export function heat(value: number, max: number): string {
  if (max <= 0 || value <= 0) return 'transparent';
  const alpha = 0.08 + 0.77 * (value / max);
  return `color-mix(in srgb, var(--vscode-charts-blue) ${Math.round(alpha * 100)}%, transparent)`;
}
