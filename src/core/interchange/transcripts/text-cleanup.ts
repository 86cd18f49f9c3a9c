/** Named character references that caption and HTML exports actually use. */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
  zwj: '\u200d',
  zwnj: '\u200c',
  shy: '\u00ad',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  euro: '€',
  pound: '£',
  copy: '©',
  reg: '®',
  deg: '°',
};

/** `&amp;`, `&#233;`, `&#xE9;`…; a reference we do not know is left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? whole;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
    const allowed = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return allowed ? String.fromCodePoint(code) : whole;
  });
}

/**
 * Removes markup tags (`<b>`, `<i>`, `<c.loud>`, `<00:00:01.000>`, `<font color="red">`) without
 * touching a `<` that opens no tag, such as `<3` or `x < y`.
 */
export function stripTags(text: string): string {
  return text.replace(/<\/?[A-Za-z0-9][^<>\n]*>/g, '');
}

/**
 * Removes SubRip's formatting tags (`<i>`, `<b>`, `<u>`, `<s>`, `<font …>`) and nothing else:
 * SRT has no other markup, so `<laughs>` is the transcriber's words.
 */
export function stripSrtTags(text: string): string {
  return text.replace(/<\/?(?:i|b|u|s|font)(?:\s[^<>\n]*)?>/gi, '');
}

/**
 * One line of text: runs of spaces, tabs and line breaks become one space, and the ends are
 * trimmed. Non-breaking spaces inside the text are kept (French punctuation uses them).
 */
export function oneLine(text: string): string {
  return text.replace(/[ \t\n\r\f\v]+/g, ' ').trim();
}

/**
 * Each line made {@link oneLine}, blank ones dropped, joined with `\n`: a caption keeps its line
 * breaks because a new line can start another speaker's turn.
 */
export function lineByLine(text: string): string {
  return text
    .split('\n')
    .map(oneLine)
    .filter((line) => line !== '')
    .join('\n');
}

export function wordCount(text: string): number {
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
