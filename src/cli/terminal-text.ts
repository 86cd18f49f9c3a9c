/**
 * Text for a terminal. Project text (code names, quotes, memo titles) may hold control characters:
 * an escape sequence in a code name written to a terminal is a command to it (colours, cursor moves,
 * a new window title, on some terminals worse), not text. Where output goes to a terminal, every
 * control character but tab, line feed and carriage return is shown as its code point; output to a
 * file or a pipe is left exactly as it is.
 */
const CONTROL_CHARACTERS = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(11)}${String.fromCharCode(12)}${String.fromCharCode(14)}-${String.fromCharCode(31)}${String.fromCharCode(127)}-${String.fromCharCode(159)}]`,
  'g',
);

export function terminalText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `write`, through {@link terminalText} when `stream` is a terminal. */
export function writer(stream: { isTTY?: boolean; write(text: string): unknown }): (text: string) => void {
  return stream.isTTY ? (text) => void stream.write(terminalText(text)) : (text) => void stream.write(text);
}
