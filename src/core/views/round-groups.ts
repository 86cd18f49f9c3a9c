/**
 * The Codebook grouped and filtered by coding round. Grouped, every code appears once: under its
 * parent when both were created in the same round, otherwise at the top of its own round's group,
 * so a focused code made later inside an initial one is found under "Focused coding".
 */
import type { Codebook } from '../codebook';
import type { Code, CodeId, CodingRound, RoundId } from '../model';

export interface RoundView {
  /** Group the codes under their rounds. */
  group: boolean;
  /** Show only codes of this round (null: those with no round recorded); undefined: all. */
  only?: RoundId | null;
}

const roundOf = (code: Code): RoundId | null => code.round ?? null;

/** The groups to show: every declared round in order, then recorded ids not declared, then "none". */
export function roundGroups(codebook: Codebook, rounds: readonly CodingRound[]): (RoundId | null)[] {
  const declared = rounds.map((r) => r.id);
  const recorded = new Set(codebook.all().map(roundOf));
  const undeclared = [...recorded].filter((r): r is RoundId => r !== null && !declared.includes(r)).sort();
  return [...declared, ...undeclared, ...(recorded.has(null) ? [null] : [])];
}

/** Is the code's parent (as displayed) in the same round? Otherwise it heads its round's group. */
function nestsUnderParent(codebook: Codebook, code: Code): boolean {
  const parent = codebook.effectiveParent(code);
  return parent !== null && roundOf(codebook.get(parent)!) === roundOf(code);
}

export function rootsOfRound(codebook: Codebook, round: RoundId | null): Code[] {
  return codebook
    .all()
    .filter((c) => roundOf(c) === round && !nestsUnderParent(codebook, c))
    .sort((a, b) => (a.name.toLocaleLowerCase() < b.name.toLocaleLowerCase() ? -1 : a.name.toLocaleLowerCase() > b.name.toLocaleLowerCase() ? 1 : 0));
}

/** A code's sub-codes as shown: all of them, or, grouped, those of its own round. */
export function subcodesInView(codebook: Codebook, id: CodeId, view: RoundView): Code[] {
  const children = codebook.children(id);
  if (!view.group) return children;
  const round = roundOf(codebook.get(id)!);
  return children.filter((c) => roundOf(c) === round);
}

/** Where a code hangs in the view: its parent code, its round's group, or the top level. */
export function parentInView(codebook: Codebook, code: Code, view: RoundView): { code: CodeId } | { round: RoundId | null } | undefined {
  if (view.group && !nestsUnderParent(codebook, code)) return { round: roundOf(code) };
  const parent = codebook.effectiveParent(code);
  return parent === null ? undefined : { code: parent };
}

/** Does the round filter keep this code (it, or a code below it, is of the chosen round)? */
export function keptByRound(codebook: Codebook, id: CodeId, view: RoundView): boolean {
  if (view.only === undefined) return true;
  return codebook.descendantsAndSelf(id).some((d) => roundOf(codebook.get(d)!) === view.only);
}
