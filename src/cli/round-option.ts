import type { CodingRound, ProjectConfig } from '../core/model';
import { findRound, noSuchRound, projectRounds } from '../core/rounds';

/**
 * The coding round `--round` names (by id or name) for the segments a command writes; without it,
 * the project's first round, where a new workspace codes. A string says why no round was found.
 */
export function roundToWrite(given: unknown, config: Pick<ProjectConfig, 'rounds'>): CodingRound | string {
  const rounds = projectRounds(config);
  if (typeof given !== 'string') return rounds[0];
  return findRound(rounds, given) ?? `--round: ${noSuchRound(rounds, given)}`;
}
