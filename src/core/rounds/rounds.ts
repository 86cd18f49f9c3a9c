/**
 * Coding rounds (constructivist grounded theory moves from initial to focused to theoretical
 * coding). A project declares its rounds in project.json; codes and segments record the id of the
 * round they were created in, so renaming a round rewrites one file, not the codebook.
 */
import type { CodingRound, ProjectConfig, RoundId } from '../model';

/** What a project that declares no rounds has. */
export const DEFAULT_ROUNDS: readonly CodingRound[] = [
  { id: 'initial', name: 'Initial coding' },
  { id: 'focused', name: 'Focused coding' },
  { id: 'theoretical', name: 'Theoretical coding' },
];

/**
 * Lowercase ASCII letters and digits in runs joined by single hyphens, like a coder id (written
 * with a non-capturing group so schema messages can tell the two apart).
 */
export const ROUND_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The project's rounds in order: its own, or the default three when it declares none. */
export function projectRounds(config: Pick<ProjectConfig, 'rounds'>): readonly CodingRound[] {
  return config.rounds && config.rounds.length > 0 ? config.rounds : DEFAULT_ROUNDS;
}

/**
 * The round to record new work in: the chosen one while the project still declares it, else the
 * project's first round (a round removed from project.json is not silently kept alive).
 */
export function effectiveRound(rounds: readonly CodingRound[], chosen: RoundId | undefined): CodingRound {
  return rounds.find((r) => r.id === chosen) ?? rounds[0] ?? DEFAULT_ROUNDS[0];
}

/**
 * A round's display name. A recorded id the project no longer declares (removed, or from another
 * branch) is shown as itself, marked, never hidden; absence means the round was not recorded.
 */
export function roundLabel(rounds: readonly CodingRound[], id: RoundId | undefined): string {
  if (id === undefined) return NO_ROUND_LABEL;
  const round = rounds.find((r) => r.id === id);
  return round ? round.name : `${id} (not declared in project.json)`;
}

export const NO_ROUND_LABEL = 'No round recorded';

/**
 * The round a researcher names, by id or by name without regard to case ("focused", "Focused
 * coding"): `--round` and a saved query's `filter.rounds` both take either, so the two never differ.
 */
export function findRound(rounds: readonly CodingRound[], named: string): CodingRound | undefined {
  const wanted = named.trim().toLowerCase();
  return rounds.find((r) => r.id === wanted || r.name.trim().toLowerCase() === wanted);
}

/** Why `named` picks no round, listing the ones there are (each by id and name, either of which may be written). */
export function noSuchRound(rounds: readonly CodingRound[], named: string): string {
  return `the project has no round "${named}" (its rounds: ${rounds.map((r) => `${r.id} "${r.name}"`).join(', ') || 'none'})`;
}

/** Ids declared twice, in the order met: project.json must name each round once. */
export function duplicateRoundIds(rounds: readonly CodingRound[]): RoundId[] {
  const seen = new Set<RoundId>();
  const twice: RoundId[] = [];
  for (const round of rounds) {
    if (seen.has(round.id) && !twice.includes(round.id)) twice.push(round.id);
    seen.add(round.id);
  }
  return twice;
}
