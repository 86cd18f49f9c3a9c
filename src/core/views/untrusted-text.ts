/**
 * Untrusted text (code names, quotes, memos, comments, imported files, collaborators' changes)
 * shown in the editor. Each place VS Code shows text interprets something in it: notifications
 * turn `[label](command:…)` into a live link that runs the command on one click, quick picks turn
 * `$(name)` into an icon, Markdown renders links and HTML, webviews render HTML. Every such sink
 * has one function here that makes the text show literally there, and nothing else may put
 * untrusted text into it (`test/unit/views/untrusted-sinks.test.ts` checks the notification calls).
 */

/** Word joiner (U+2060): invisible, breaks no line, and separates `]` from `(`. */
const WORD_JOINER = '\u2060';

/**
 * For a notification (information, warning, error message, modal or not). VS Code links
 * `[label](https://…)`, `[label](command:…)` and `[label](file:…)`, and only when `]` is directly
 * followed by `(`; a word joiner after every `]` keeps the text as it reads while no link can form.
 * Line breaks are kept: VS Code shows a notification on one line anyway, and a modal's detail
 * keeps its layout.
 */
export function notificationText(text: string): string {
  return text.replace(/\]/g, `]${WORD_JOINER}`);
}

declare const noticeBrand: unique symbol;
/** A notification message whose interpolated values were escaped by `notice`. */
export type NoticeText = string & { readonly [noticeBrand]: true };

/**
 * Builds a notification message: the literal parts are the extension's own words, every
 * interpolated value is untrusted and escaped with `notificationText`. The notification functions
 * take only a `NoticeText`, so a message cannot reach them unescaped.
 */
export function notice(strings: TemplateStringsArray, ...values: unknown[]): NoticeText {
  let text = strings[0];
  values.forEach((value, i) => {
    text += notificationText(String(value)) + strings[i + 1];
  });
  return text as NoticeText;
}

/**
 * For a quick pick's label, description, detail and title: VS Code renders `$(name)` there as an
 * icon; `\$(name)` shows literally (the escape VS Code's own `escapeIcons` uses). Line breaks
 * become spaces.
 */
export function quickPickText(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ').replace(/(\\)?\$\(/g, (match: string, escaped: string | undefined) => (escaped ? `\\${match}` : '\\$('));
}

/**
 * For a tree item's label and description: VS Code renders neither icons nor links there, only one
 * line of plain text, so line breaks become spaces and nothing else changes.
 */
export function treeItemText(text: string): string {
  return text.replace(/\r?\n|\r/g, ' ');
}

/**
 * For Markdown (hovers, tooltips): escaped so it renders as the literal text and can never form a
 * link, an image, HTML or emphasis. Line breaks become spaces.
 */
export function escapeMarkdown(text: string): string {
  return showBidiControls(text).replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, ' ');
}

/**
 * Bidirectional embeddings, overrides and isolates are invisible, yet they reorder the text that
 * follows: a code name holding U+202E can make a review line read as something else. They are
 * shown as their code points. Right-to-left marks (U+200E, U+200F, U+061C) are left: they belong
 * to Arabic and Hebrew text and reorder nothing beyond their neighbours.
 */
/**
 * Control characters but tab and line feed, as spaces: a carriage return or an escape sequence in a
 * code name would reach a terminal or an editor as a command, not as text (the pattern is built from
 * code points: a literal range would trip the linter).
 */
export function controlsAsSpaces(text: string): string {
  return text.replace(CONTROL_CHARACTERS, ' ');
}

const CONTROL_CHARACTERS = new RegExp(`[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(11)}-${String.fromCharCode(31)}${String.fromCharCode(127)}]`, 'g');

export function showBidiControls(text: string): string {
  return text.replace(/[\u202a-\u202e\u2066-\u2069]/g, (c) => `⟦U+${c.charCodeAt(0).toString(16).toUpperCase()}⟧`);
}

/** For HTML (webviews): the five characters that can start markup or end an attribute value. */
export function escapeHtml(text: string): string {
  return showBidiControls(text).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
