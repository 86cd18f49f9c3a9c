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
    parent.appendChild(typeof child === 'string' ? document.createTextNode(shownText(child)) : child);
  }
}

/**
 * Text as the panel shows it. Bidirectional embeddings, overrides and isolates are invisible yet
 * reorder what follows them, so a code name holding U+202E could make a row or a count read as
 * something else: they are shown as their code points. Right-to-left marks are kept.
 */
export function shownText(text: string): string {
  return text.replace(/[\u202a-\u202e\u2066-\u2069]/g, (c) => `⟦U+${c.charCodeAt(0).toString(16).toUpperCase()}⟧`);
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

/** A text field as the researcher left it: what the panel drew in it, what is in it now, whether it had focus. */
export interface FieldDraft {
  label: string;
  drawn: string;
  value: string;
  focused: boolean;
}

/**
 * Which drafts survive a redraw. A field keeps what was typed into it when the new drawing puts
 * in the field the same value as the old one (the extension did not change that field itself):
 * a redraw that arrives while someone is typing — a refresh after an edit elsewhere, a command
 * that brings the panel forward — must not take their words away.
 */
export function draftsToKeep(before: FieldDraft[], after: { label: string; drawn: string }[]): FieldDraft[] {
  const drawnNow = new Map(after.map((f) => [f.label, f.drawn]));
  return before.filter((f) => (f.value !== f.drawn || f.focused) && drawnNow.get(f.label) === f.drawn);
}

const FIELDS = 'vscode-textfield[aria-label]';

type Field = HTMLElement & { value?: string };

/**
 * Marks an element that keeps the keyboard focus across a redraw: the element drawn in its place
 * with the same key gets it back. A researcher ticking passages with Space must not lose their
 * place when the panel is drawn again for a change elsewhere.
 */
export const FOCUS_KEY = 'data-focus-key';

/** Replaces `root`'s content with `build()`, keeping unsent text and focus in its text fields, and focus on keyed elements. */
export function redraw(root: Element, build: () => Node[]): void {
  const fields = (): Field[] => Array.from(root.querySelectorAll<Field>(FIELDS));
  const before = fields().map((f) => ({ label: f.getAttribute('aria-label') ?? '', drawn: f.getAttribute('value') ?? '', value: f.value ?? '', focused: f.matches(':focus-within') }));
  const active = document.activeElement;
  const focusKey = active && root.contains(active) ? active.getAttribute(FOCUS_KEY) : null;
  clear(root);
  root.append(...build());
  const refocus = focusKey === null ? undefined : Array.from(root.querySelectorAll<HTMLElement>(`[${FOCUS_KEY}]`)).find((e) => e.getAttribute(FOCUS_KEY) === focusKey);
  if (refocus) {
    refocus.focus();
    // A tab panel shows its content only once the tabs component has drawn itself: until then the
    // element cannot take focus.
    if (document.activeElement !== refocus) requestAnimationFrame(() => refocus.isConnected && document.activeElement === document.body && refocus.focus());
  }
  const now = fields();
  const keep = draftsToKeep(before, now.map((f) => ({ label: f.getAttribute('aria-label') ?? '', drawn: f.getAttribute('value') ?? '' })));
  for (const draft of keep) {
    const field = now.find((f) => f.getAttribute('aria-label') === draft.label);
    if (!field) continue;
    field.value = draft.value;
    if (draft.focused) field.focus();
  }
}
