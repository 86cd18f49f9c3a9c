/**
 * Finding a person's name in text, as a whole word: "Ann" is found in "Ann's" and "ANN", never in
 * "Annual" or "Joanna". Letters of every script count as word characters, and combining accents
 * too, so a name is not found in the middle of a longer name written with decomposed accents.
 */
import type { TextRange } from '../model';

export interface NameSpec {
  /** The real name, e.g. `Amara`. */
  name: string;
  /** What replaces it, e.g. `Zola`. */
  pseudonym: string;
  /** Other ways the person is named (a nickname, a full name); each is replaced by the pseudonym. */
  variants?: readonly string[];
}

export interface Occurrence extends TextRange {
  /** The text found, e.g. `AMARA`. */
  found: string;
  /** The pseudonym in the found text's case: `ZOLA`. */
  replacement: string;
}

export class PseudonymError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PseudonymError';
  }
}

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{M}\\p{N}_])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{M}\\p{N}_])';

export class NameMatcher {
  private readonly pattern: RegExp;
  readonly pseudonym: string;
  /** The name and its variants as given, trimmed and without duplicates. */
  readonly forms: readonly string[];

  /** `replacing` false: a matcher that only finds (checking for traces), with no pseudonym. */
  constructor(spec: NameSpec, replacing = true) {
    const name = spec.name.trim();
    this.pseudonym = spec.pseudonym.trim();
    if (name === '') throw new PseudonymError('Give the name to replace.');
    if (replacing && this.pseudonym === '') throw new PseudonymError('Give the pseudonym to use instead.');
    if (replacing && name === this.pseudonym) throw new PseudonymError('The pseudonym is the same as the name.');
    this.forms = [...new Set([name, ...(spec.variants ?? []).map((v) => v.trim()).filter((v) => v !== '')])];
    if (this.forms.some((f) => !/[\p{L}\p{N}]/u.test(f))) throw new PseudonymError('A name must contain at least one letter or digit.');
    this.pattern = wholeWordPattern(this.forms);
  }

  /** Finds the names (the first and the others as its variants); for checks, not for replacing. */
  static forNames(names: readonly string[]): NameMatcher {
    return new NameMatcher({ name: names[0] ?? '', pseudonym: '', variants: names.slice(1) }, false);
  }

  /** Every occurrence in `text`, in order, leaving out any that overlaps a protected range. */
  find(text: string, protectedRanges: readonly TextRange[] = []): Occurrence[] {
    const found: Occurrence[] = [];
    for (const match of text.matchAll(this.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (protectedRanges.some((r) => r.start < end && start < r.end)) continue;
      found.push({ start, end, found: match[0], replacement: casedLike(match[0], this.pseudonym) });
    }
    return found;
  }

  /** Whether the name occurs in the text at all. */
  occursIn(text: string): boolean {
    this.pattern.lastIndex = 0;
    const hit = this.pattern.test(text);
    this.pattern.lastIndex = 0;
    return hit;
  }

  replaceAll(text: string): string {
    return applyOccurrences(text, this.find(text));
  }

  /**
   * The end of a name cut off at the start of `text` (`mara said` for Amara), as a quote's context
   * begins where a fixed number of characters runs out. At least 3 characters, in the name's case
   * or upper case, followed by a non-letter: shorter tails are too often ordinary words.
   */
  fragmentAtStart(text: string): string | undefined {
    for (const cut of this.cuts()) {
      for (let length = cut.length - 1; length >= MIN_TAIL; length--) {
        const tail = cut.slice(cut.length - length);
        if (text.startsWith(tail) && !WORD_CHARACTER.test(text.charAt(length))) return tail;
      }
    }
    return undefined;
  }

  /** The beginning of a name cut off at the end of `text` (`said Am` for Amara): 2 characters or more. */
  fragmentAtEnd(text: string): string | undefined {
    for (const cut of this.cuts()) {
      for (let length = cut.length - 1; length >= MIN_HEAD; length--) {
        const head = cut.slice(0, length);
        if (text.endsWith(head) && !WORD_CHARACTER.test(text.charAt(text.length - length - 1))) return head;
      }
    }
    return undefined;
  }

  /** Each form as written and in upper case, both Unicode normal forms, with each kind of apostrophe. */
  private cuts(): string[] {
    return [
      ...new Set(
        this.forms
          .flatMap((f) => [f, f.toLocaleUpperCase()])
          .flatMap((f) => [f.normalize('NFC'), f.normalize('NFD')])
          .flatMap((f) => ["'", '\u2019', '\u02bc'].map((a) => f.replace(APOSTROPHES, a))),
      ),
    ];
  }
}

const MIN_TAIL = 3;
const MIN_HEAD = 2;
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}_]/u;

/** Whether any of the spellings occurs in `text` as a whole word. */
export function mentions(text: string, spellings: readonly string[]): boolean {
  return wholeWordPattern(spellings).test(text);
}

function wholeWordPattern(forms: readonly string[]): RegExp {
  // Both Unicode forms of every spelling: "Lucía" may be stored with a composed or a decomposed í.
  const spellings = [...new Set(forms.flatMap((f) => [f.normalize('NFC'), f.normalize('NFD')]))];
  // Longest first, so "Amara Okoye" wins over "Amara" where both would match.
  const alternatives = spellings.sort((a, b) => b.length - a.length).map(toPattern);
  return new RegExp(`${NOT_WORD_BEFORE}(?:${alternatives.join('|')})${NOT_WORD_AFTER}`, 'giu');
}

/** The text with each (sorted, non-overlapping) occurrence replaced. */
export function applyOccurrences(text: string, occurrences: readonly Occurrence[]): string {
  let out = '';
  let at = 0;
  for (const o of occurrences) {
    out += text.slice(at, o.start) + o.replacement;
    at = o.end;
  }
  return out + text.slice(at);
}

/**
 * Where a range of the old text is in the new one. A boundary inside a replaced name moves to
 * the edge of the pseudonym that keeps the whole pseudonym in the range.
 */
export function mapRange(range: TextRange, occurrences: readonly Occurrence[]): TextRange {
  return { start: mapOffset(range.start, occurrences, 'start'), end: mapOffset(range.end, occurrences, 'end') };
}

function mapOffset(offset: number, occurrences: readonly Occurrence[], side: 'start' | 'end'): number {
  let delta = 0;
  for (const o of occurrences) {
    if (o.end <= offset) delta += o.replacement.length - (o.end - o.start);
    else if (o.start < offset) return o.start + delta + (side === 'start' ? 0 : o.replacement.length);
    else break;
  }
  return offset + delta;
}

/**
 * A spelling as a pattern: regex characters escaped; any run of white space matching any other,
 * a line break included, as a name may wrap across lines; any apostrophe matching any other, as
 * editors turn a typed `'` into `’` (or `ʼ`).
 */
function toPattern(spelling: string): string {
  return spelling
    .split(/\s+/u)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&').replace(APOSTROPHES, APOSTROPHE_CLASS))
    .join('\\s+');
}

const APOSTROPHES = /['\u2019\u02bc]/gu;
const APOSTROPHE_CLASS = "['\u2019\u02bc]";

/** `AMARA` → `ZOLA`, `amara` → `zola`, anything else → the pseudonym as given. */
function casedLike(found: string, pseudonym: string): string {
  const letters = found.replace(/[^\p{L}]/gu, '');
  const upper = letters.toLocaleUpperCase();
  const lower = letters.toLocaleLowerCase();
  if (letters.length > 1 && letters === upper && letters !== lower) return pseudonym.toLocaleUpperCase();
  if (letters === lower && letters !== upper) return pseudonym.toLocaleLowerCase();
  return pseudonym;
}
