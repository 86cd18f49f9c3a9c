/**
 * The one owner of placement: where each stored segment sits in its transcript's current text.
 * Everything that needs positions (the editor, Needs Review, the project check, pseudonymisation,
 * export, the project index) asks here, so a transcript is re-anchored once per change of its text
 * or coding, not once per reader.
 */
import { reanchor } from '../anchoring';
import type { Coder, Segment } from '../model';
import type { CoderSegments, PlacedSegment } from './types';

interface Cached {
  text: string;
  /** By coder id and segment id: the segment as it was placed, and where. */
  placed: Map<string, PlacedSegment>;
}

const keyOf = (coderId: string, segmentId: string): string => `${coderId}\u0000${segmentId}`;

/**
 * Cached placements per transcript, keyed by the text and by each segment's selector (quote and
 * position). The same text and segments cost no anchoring; a changed text re-places the whole
 * transcript; changed or new segments on an unchanged text are placed alone.
 */
export class PlacementCache {
  private readonly cache = new Map<string, Cached>();
  /** How many segments have been anchored (not served from the cache): for tests and benchmarks. */
  anchored = 0;

  /** Every segment of the transcript placed on `text` (LF line endings, no BOM), coder by coder. */
  place(transcript: string, text: string, coders: readonly CoderSegments[]): PlacedSegment[] {
    const before = this.cache.get(transcript);
    const known = before && before.text === text ? before.placed : undefined;
    const out: PlacedSegment[] = [];
    const missing: { coder: Coder; segment: Segment; at: number }[] = [];
    for (const { coder, segments } of coders) {
      for (const segment of segments) {
        const hit = known?.get(keyOf(coder.id, segment.id));
        if (hit && sameSelector(hit.segment, segment)) out.push(hit.segment === segment && hit.coder === coder ? hit : { ...hit, segment, coder });
        else {
          missing.push({ coder, segment, at: out.length });
          out.push(undefined as unknown as PlacedSegment);
        }
      }
    }
    const placed = placeSegments(text, missing);
    missing.forEach((m, i) => (out[m.at] = placed[i]));
    this.anchored += missing.length;
    this.cache.set(transcript, { text, placed: new Map(out.map((p) => [keyOf(p.coder.id, p.segment.id), p])) });
    return out;
  }

  /** A transcript was deleted or renamed: drop what is cached for it. */
  forget(transcript: string): void {
    this.cache.delete(transcript);
  }

  clear(): void {
    this.cache.clear();
  }
}

/** Place segments on a text without caching (one reanchor pass for all of them). */
export function placeSegments(text: string, items: readonly { coder: Coder; segment: Segment }[]): PlacedSegment[] {
  const results = placeSelectors(text, items.map((i) => i.segment));
  return results.map((r, i) => ({ segment: items[i].segment, coder: items[i].coder, status: r.status, range: r.range }));
}

/** Where each stored selector (quote + position hint) is in `text` now, in their order. */
export function placeSelectors(text: string, selectors: readonly Pick<Segment, 'quote' | 'position'>[]): Pick<PlacedSegment, 'status' | 'range'>[] {
  if (selectors.length === 0) return [];
  const results = reanchor(
    text,
    selectors.map(({ quote, position }, i) => ({ id: String(i), quote, position })),
  );
  return results.map((r) => ({ status: r.status, range: r.range }));
}

function sameSelector(a: Segment, b: Segment): boolean {
  if (a === b) return true;
  return (
    a.quote.exact === b.quote.exact &&
    a.quote.prefix === b.quote.prefix &&
    a.quote.suffix === b.quote.suffix &&
    a.position.start === b.position.start &&
    a.position.end === b.position.end
  );
}
