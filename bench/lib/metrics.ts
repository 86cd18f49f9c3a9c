import type { TextRange } from '../../src/core/model';
import type { Placement } from '../../src/core/anchoring';
import type { TrackedText } from './tracked-text';

export interface Accuracy {
  surviving: number;
  /** Surviving segments placed exactly on the span of their surviving characters. */
  exact: number;
  /** Surviving segments placed on their own text, but not exactly on its span. */
  approximate: number;
  /** Placed on text that is not the segment's own (or not where a deleted segment was). */
  misplaced: number;
  /** All orphans, including those whose text was deleted. */
  orphaned: number;
  /** Segments with less than half of their characters left. */
  trulyDeleted: number;
  /** Ids of surviving segments not placed exactly, for investigation. */
  inexact: string[];
}

/** A segment counts as deleted when fewer than half of its characters survived. */
const SURVIVAL_SHARE = 0.5;

export function measure(edited: TrackedText, ranges: readonly TextRange[], placements: readonly Placement[]): Accuracy {
  const result: Accuracy = { surviving: 0, exact: 0, approximate: 0, misplaced: 0, orphaned: 0, trulyDeleted: 0, inexact: [] };
  placements.forEach((placement, i) => {
    const truth = edited.groundTruth(ranges[i]);
    const surviving = truth.core !== undefined && truth.survived >= SURVIVAL_SHARE;
    if (surviving) result.surviving++;
    else result.trulyDeleted++;
    if (!placement.range) {
      result.orphaned++;
      if (surviving) result.inexact.push(placement.id);
      return;
    }
    const own = edited.isOnOwnText(ranges[i], placement.range);
    if (!own) result.misplaced++;
    if (!surviving) return;
    if (placement.range.start === truth.core!.start && placement.range.end === truth.core!.end) result.exact++;
    else {
      if (own) result.approximate++;
      result.inexact.push(placement.id);
    }
  });
  return result;
}
