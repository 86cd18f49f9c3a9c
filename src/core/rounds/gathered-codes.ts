/**
 * Which codes a researcher is offered to apply once initial codes have been gathered into focused
 * codes. A gathered code has handed all its segments to its focused code and is kept only as the
 * record of where they came from (and so that un-gathering can give them back): applying it again
 * would code new data with a code the analysis has moved past, and its segments would then be
 * missing from the focused code that now stands for it.
 */
import type { Codebook } from '../codebook';
import type { CodeId } from '../model';

/** Codes by id: the codebook, or the analysis's view of it. */
interface CodesById<T extends { gatheredInto?: CodeId }> {
  get(id: CodeId): T | undefined;
}

/** The focused code `id` was gathered into, when that code exists (otherwise `id` is an ordinary code). */
export function gatheredInto<T extends { gatheredInto?: CodeId }>(codes: CodesById<T>, id: CodeId): T | undefined {
  const into = codes.get(id)?.gatheredInto;
  return into === undefined || into === id ? undefined : codes.get(into);
}

/** A code that exists and has not been gathered into another: one to offer for applying. */
export function isApplicable(codebook: Codebook, id: CodeId): boolean {
  return codebook.get(id) !== undefined && gatheredInto(codebook, id) === undefined;
}

/**
 * The names of the codes gathered into `id` that are still marked so: a picker matches them, so a
 * researcher typing an initial code's name from habit finds the focused code that took its place.
 */
export function namesGatheredInto(codebook: Codebook, id: CodeId): string[] {
  const code = codebook.get(id);
  const names = (code?.gathered ?? []).flatMap((r) => r.codes.filter((c) => codebook.get(c.id)?.gatheredInto === id).map((c) => codebook.get(c.id)!.name));
  return [...new Set(names)];
}

/** The codes for a code picker, in the Codebook's order: every applicable code, and those in `keep` even if gathered. */
export function pickableCodes(codebook: Codebook, keep: readonly CodeId[] = []): CodeId[] {
  const out: CodeId[] = [];
  const walk = (parent: CodeId | null): void => {
    for (const c of codebook.children(parent)) {
      if (isApplicable(codebook, c.id) || keep.includes(c.id)) out.push(c.id);
      walk(c.id);
    }
  };
  walk(null);
  return out;
}
