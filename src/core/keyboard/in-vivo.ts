/** Longest in-vivo code name: long enough for a phrase, short enough for the codebook view. */
export const IN_VIVO_MAX_LENGTH = 60;

/** Quotation marks of the common languages, straight and typographic. */
const QUOTES = `"'\`“”„‟‘’‚‛«»‹›「」『』`;
const EDGE = new RegExp(`^[\\s${QUOTES}*_—–-]+|[\\s${QUOTES}*_—–\\-.,;:!?…]+$`, 'gu');

/**
 * A code name made of a participant's own words (an "in-vivo" code): white space collapsed,
 * surrounding quotation marks, emphasis, dashes and trailing punctuation taken off, and
 * cut at a word boundary when longer than `maxLength`. Empty when no words are left.
 */
export function inVivoName(selected: string, maxLength = IN_VIVO_MAX_LENGTH): string {
  let name = selected.replace(/\s+/gu, ' ');
  for (let previous = ''; previous !== name; ) {
    previous = name;
    name = name.replace(EDGE, '');
  }
  if (name.length <= maxLength) return name;
  const cut = name.slice(0, maxLength + 1);
  const space = cut.lastIndexOf(' ');
  const shortened = space > maxLength / 2 ? cut.slice(0, space) : wholeCharacters(name, maxLength);
  return shortened.replace(EDGE, '');
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The longest start of `text` within `maxLength` code units that ends between two characters as a
 * reader sees them: words without spaces (Chinese, Japanese) are cut anywhere, and half an emoji or
 * a letter without its accent would end up in the code's name.
 */
function wholeCharacters(text: string, maxLength: number): string {
  let end = 0;
  for (const { index, segment } of graphemes.segment(text)) {
    if (index + segment.length > maxLength) break;
    end = index + segment.length;
  }
  return text.slice(0, end);
}
