/**
 * Coding that agreement counts somewhere other than a reader of the figures would expect, noted
 * segment by segment and said in warnings (by the command and the panel alike):
 *
 * - a code the codebook lacks (deleted or merged away on another branch) has no row, so its
 *   coding is missing from the pooled figures;
 * - a code gathered into a focused code still on a segment (coded on a branch before the
 *   gathering was merged) counts under itself, not under the focused code, whose figures then
 *   show a disagreement that is only a late merge.
 */
import type { Code } from '../model';

export class CodingNotes {
  private readonly byId: Map<string, Code>;
  private onUnknown = 0;
  private readonly unknown = new Set<string>();
  /** Gathered code id → the focused code id it was gathered into, and the segments carrying it. */
  private readonly gathered = new Map<string, { into: string; segments: number }>();

  constructor(codes: readonly Code[]) {
    this.byId = new Map(codes.map((c) => [c.id, c]));
  }

  /** One segment's codes. */
  note(codes: readonly string[]): void {
    let unknown = false;
    for (const id of codes) {
      const code = this.byId.get(id);
      if (!code) {
        unknown = true;
        this.unknown.add(id);
      } else if (code.gatheredInto !== undefined && code.gatheredInto !== id && this.byId.has(code.gatheredInto)) {
        const entry = this.gathered.get(id);
        if (entry) entry.segments++;
        else this.gathered.set(id, { into: code.gatheredInto, segments: 1 });
      }
    }
    if (unknown) this.onUnknown++;
  }

  /**
   * `chosen`: the code ids reported, when a selection named some (codes outside it are left out on
   * purpose, so only gatherings that touch it are said). `see`: where the reader looks next.
   */
  warnings(chosen: ReadonlySet<string> | undefined, see: string): string[] {
    const out: string[] = [];
    if (this.onUnknown > 0 && !chosen) {
      out.push(`${this.onUnknown} segment(s) carry codes not in the codebook (${[...this.unknown].sort().join(', ')}) and are left out of the figures for those codes (${see})`);
    }
    const pairs = [...this.gathered].filter(([from, { into }]) => !chosen || chosen.has(from) || chosen.has(into));
    if (pairs.length > 0) {
      const segments = pairs.reduce((n, [, { segments }]) => n + segments, 0);
      const names = pairs.map(([from, { into }]) => `${this.byId.get(from)!.name} into ${this.byId.get(into)!.name}`).sort();
      out.push(
        `${segments} segment(s) carry a code gathered into another (${names.join(', ')}) and count under it, not under the focused code (coded on another branch before the gathering? un-gather and gather again to move them)`,
      );
    }
    return out;
  }
}
