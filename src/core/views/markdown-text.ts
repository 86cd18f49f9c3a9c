// Escaping for Markdown lives with the other sinks of untrusted text.
export { escapeMarkdown } from './untrusted-text';

/** At most `max` characters, cut at a word boundary when possible, with an ellipsis. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  if (flat[max - 1] === ' ') return `${cut.trimEnd()}…`;
  const space = cut.lastIndexOf(' ');
  // A long word is cut inside rather than leaving a stub of a line.
  return `${space > max * 0.5 ? cut.slice(0, space) : cut}…`;
}
