/**
 * Front matter in its most common shape — one `name: value` per line, each value a plain word or
 * phrase or a whole number — read without a YAML parser. Reading a thousand transcripts' attributes
 * spent most of its time in YAML; this reads the same values YAML would (test/unit/participants
 * checks the two agree), and gives up on anything else, which YAML then reads as before.
 */
import type { FrontMatterAttributes } from './front-matter-attributes';

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const WHOLE_NUMBER = /^(?:0|[1-9][0-9]{0,14})$/;
/** Starts with a letter, ends with a letter or digit; inside, letters, digits, spaces, - and _. */
const PLAIN_TEXT = /^[A-Za-z](?:[A-Za-z0-9 _-]*[A-Za-z0-9])?$/;
/** Plain words YAML's core schema reads as true, false or null. */
const RESERVED = new Set(['true', 'True', 'TRUE', 'false', 'False', 'FALSE', 'null', 'Null', 'NULL']);

/** The attributes of simple front matter, or undefined when it is not that simple (or absent). */
export function readSimpleFrontMatter(text: string): FrontMatterAttributes | undefined {
  if (!text.startsWith('---\n')) return undefined;
  const data: Record<string, unknown> = {};
  const lines = new Map<string, number>();
  let at = 4;
  for (let line = 2; ; line++) {
    const newline = text.indexOf('\n', at);
    const content = text.slice(at, newline === -1 ? text.length : newline);
    if (content === '---') return lines.size === 0 ? undefined : { data, lines, present: true };
    const colon = content.indexOf(': ');
    if (colon < 0 || newline === -1) return undefined;
    const key = content.slice(0, colon);
    const raw = content.slice(colon + 2).replace(/^ +/, '');
    if (!KEY.test(key) || key === '__proto__' || RESERVED.has(key) || lines.has(key)) return undefined;
    if (WHOLE_NUMBER.test(raw)) data[key] = Number(raw);
    else if (PLAIN_TEXT.test(raw) && !RESERVED.has(raw)) data[key] = raw;
    else return undefined;
    lines.set(key, line);
    at = newline + 1;
  }
}
