import type { Codebook } from '../codebook';
import type { CodeId, TextRange } from '../model';
import type { PlacedSegment } from '../transcript-session';

/** What the editor paints: ranges per code, and segments whose codes no longer exist. */
export interface DecorationPlan {
  byCode: Map<CodeId, TextRange[]>;
  unknownCode: TextRange[];
}

/**
 * Ranges to paint for each code. A segment with several codes is painted once per code: codes get
 * translucent colours, so overlapping segments blend and stay distinguishable. Orphans and empty
 * ranges are not painted (they are listed for review instead). `visible` filters codes (undefined =
 * all).
 */
export function planDecorations(
  placed: readonly PlacedSegment[],
  codebook: Codebook,
  visible?: ReadonlySet<CodeId>,
): DecorationPlan {
  const byCode = new Map<CodeId, TextRange[]>();
  const unknownCode: TextRange[] = [];
  for (const p of placed) {
    if (!p.range || p.range.end <= p.range.start) continue;
    let known = false;
    for (const code of p.segment.codes) {
      if (!codebook.get(code)) continue;
      known = true;
      if (visible && !visible.has(code)) continue;
      const ranges = byCode.get(code) ?? [];
      ranges.push(p.range);
      byCode.set(code, ranges);
    }
    if (!known) unknownCode.push(p.range);
  }
  for (const ranges of byCode.values()) ranges.sort((a, b) => a.start - b.start || a.end - b.end);
  return { byCode, unknownCode };
}
