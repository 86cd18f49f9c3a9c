/** What a Disagreements row says, as plain text (the adapter escapes it for its sink). */
import type { Disagreement } from './types';

export interface DisagreementRow {
  /** The codes and what is disagreed on, e.g. `Trust — only Dana Reyes`. */
  label: string;
  /** The passage's words, shortened. */
  description: string;
  /**
   * One line per compared coder who coded the transcript (`id`, display name `coder`): what they
   * did here. A coder who did not code the transcript has no version of it.
   */
  versions: { id: string; coder: string; text: string }[];
}

const QUOTE_LENGTH = 80;

export function disagreementRow(d: Disagreement, text: string, names: { code(id: string): string; coder(id: string): string }, coders: readonly string[]): DisagreementRow {
  const codeNames = d.codes.map((c) => names.code(c));
  const coderList = (ids: readonly string[]): string => ids.map((c) => names.coder(c)).join(', ');
  const here = coders.filter((c) => d.without.includes(c) || d.applications.some((a) => a.coder === c));
  const present = here.filter((c) => !d.without.includes(c));
  const what =
    d.kind === 'boundaries' ? 'different boundaries' : d.kind === 'codes' ? 'different codes' : `only ${coderList(present)}`;
  const versions = here.map((coder) => {
    const own = d.applications.filter((a) => a.coder === coder);
    if (own.length === 0) return { id: coder, coder: names.coder(coder), text: 'nothing here' };
    return { id: coder, coder: names.coder(coder), text: own.map((a) => `${names.code(a.code)}: “${shorten(text.slice(a.range.start, a.range.end))}”`).join('; ') };
  });
  return { label: `${codeNames.join(' / ')} — ${what}`, description: `“${shorten(text.slice(d.range.start, d.range.end))}”`, versions };
}

function shorten(quote: string): string {
  const flat = quote.replace(/\s+/g, ' ').trim();
  if (flat.length <= QUOTE_LENGTH) return flat;
  // Offsets are UTF-16 code units: never keep the first half of an emoji (a surrogate pair) alone.
  const cut = /[\uD800-\uDBFF]/.test(flat[QUOTE_LENGTH - 2]) ? QUOTE_LENGTH - 2 : QUOTE_LENGTH - 1;
  return `${flat.slice(0, cut)}…`;
}
