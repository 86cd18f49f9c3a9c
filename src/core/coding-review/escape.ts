/**
 * Making untrusted project text (code names, quotes, memo titles, attribute values) inert in
 * GitHub-flavoured Markdown: it shows as the same characters and never becomes markup, HTML, a
 * link, an @mention or an issue reference.
 */
import { showBidiControls } from '../views/untrusted-text';

/** A word joiner: invisible, but it breaks what GitHub would otherwise link. */
const JOIN = '\u2060';

/** Control characters other than the line feed (built from code points: a literal would trip the linter). */
const CONTROL = new RegExp(`[${String.fromCharCode(0)}-${String.fromCharCode(9)}${String.fromCharCode(11)}-${String.fromCharCode(31)}${String.fromCharCode(127)}]`, 'g');

/** Text for inline use: one line (line breaks shown as ¶), every special character escaped. */
export function inline(text: string): string {
  return escapeMarkdown(oneLine(text));
}

export function oneLine(text: string): string {
  return showBidiControls(text)
    .replace(CONTROL, ' ')
    .replace(/\s*\n\s*/g, ' ¶ ');
}

export function escapeMarkdown(text: string): string {
  return (
    showBidiControls(text)
      // HTML: no tag, comment or entity can start.
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Characters Markdown reads as markup anywhere in a line (tables included).
      .replace(/[\\`*_[\]|~$]/g, (c) => `\\${c}`)
      // Characters that are markup only where a line starts: a list, a heading, a numbered item.
      .replace(/^([-+=]|\d+(?=[.)]))/, (m) => (/\d/.test(m) ? `${m}\\` : `\\${m}`))
      // Mentions (@name, also team@org), issue references (#12, org/repo#12) and bare links.
      .replace(/@/g, `@${JOIN}`)
      .replace(/#/g, `#${JOIN}`)
      .replace(/:\/\//g, `:${JOIN}//`)
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${JOIN}.`)
  );
}

/**
 * Emphasis around escaped text. Markdown ignores `**` next to a space, so the markers hug the
 * words and the surrounding spaces stay outside them.
 */
export function marked(text: string, marker: '**' | '~~'): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(oneLine(text))!;
  if (match[2] === '') return match[0];
  return `${match[1]}${marker}${escapeMarkdown(match[2])}${marker}${match[3]}`;
}
