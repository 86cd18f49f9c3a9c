/**
 * The one owner of placement: where each stored segment sits in its transcript's current text.
 * Everything that needs positions (the editor, Needs Review, the project check, pseudonymisation,
 * export, the project index) asks here, so a transcript is re-anchored once per change of its text
 * or coding, not once per reader.
 */
import { isUnchanged, reanchor, type Placement } from '../anchoring';
import type { Coder, Segment } from '../model';
import type { CoderSegments, PlacedSegment } from './types';

interface Cached {
  text: string;
  /** Coder by coder, in stored order: usually the next call lists them in the same order. */
  placed: PlacedSegment[];
  /** By coder and segment id, built only when the order changed (a segment added or removed). */
  byId?: Map<string, Map<string, PlacedSegment>>;
}

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
    const known = before && before.text === text ? before : undefined;
    if (!known) return this.placeAll(transcript, text, coders);
    let out: PlacedSegment[] = [];
    // What the cache cannot serve, in parallel lists (a project's first read places every segment
    // here): the segment, its coder, and where its placement goes in `out`.
    const missing: Segment[] = [];
    const missingCoders: Coder[] = [];
    const missingAt: number[] = [];
    for (const { coder, segments } of coders) {
      for (const segment of segments) {
        const hit = known && lookUp(known, out.length, coder.id, segment.id);
        if (hit && sameSelector(hit.segment, segment)) out.push(hit.segment === segment && hit.coder === coder ? hit : { ...hit, segment, coder });
        else {
          missing.push(segment);
          missingCoders.push(coder);
          missingAt.push(out.length);
          out.push(undefined as unknown as PlacedSegment);
        }
      }
    }
    const placed = placeOwned(text, missing, missingCoders);
    if (placed.length === out.length) out = placed;
    else for (let i = 0; i < placed.length; i++) out[missingAt[i]] = placed[i];
    this.anchored += missing.length;
    this.cache.set(transcript, { text, placed: out });
    return out;
  }

  /**
   * Nothing cached for this text: every segment is placed. A project's first read comes here for
   * each transcript, so the usual case (every quote where it was written) makes the placements
   * straight from the coders' lists, without the lists of what the cache could not serve.
   */
  private placeAll(transcript: string, text: string, coders: readonly CoderSegments[]): PlacedSegment[] {
    let placed: PlacedSegment[] = [];
    if (coders.every(({ segments }) => isUnchanged(text, segments))) {
      for (const { coder, segments } of coders) for (const segment of segments) placed.push({ segment, coder, status: 'exact', range: segment.position });
    } else {
      const items = coders.flatMap(({ coder, segments }) => segments.map((segment) => ({ coder, segment })));
      placed = placeSegments(text, items);
    }
    this.anchored += placed.length;
    this.cache.set(transcript, { text, placed });
    return placed;
  }

  /** A transcript was deleted or renamed: drop what is cached for it. */
  forget(transcript: string): void {
    this.cache.delete(transcript);
  }

  clear(): void {
    this.cache.clear();
  }
}

function lookUp(cached: Cached, at: number, coderId: string, segmentId: string): PlacedSegment | undefined {
  const same = cached.placed[at];
  if (same && same.coder.id === coderId && same.segment.id === segmentId) return same;
  if (!cached.byId) {
    cached.byId = new Map();
    for (const p of cached.placed) {
      let ofCoder = cached.byId.get(p.coder.id);
      if (!ofCoder) cached.byId.set(p.coder.id, (ofCoder = new Map()));
      ofCoder.set(p.segment.id, p);
    }
  }
  return cached.byId.get(coderId)?.get(segmentId);
}

/** Place segments on a text without caching (one reanchor pass for all of them). */
export function placeSegments(text: string, items: readonly { coder: Coder; segment: Segment }[]): PlacedSegment[] {
  return placeOwned(
    text,
    items.map((i) => i.segment),
    items.map((i) => i.coder),
  );
}

/** `coders[i]` coded `segments[i]`. */
function placeOwned(text: string, segments: readonly Segment[], coders: readonly Coder[]): PlacedSegment[] {
  if (segments.length === 0) return [];
  // Nearly always every quote is still where it was written, context and all: nothing to search.
  if (isUnchanged(text, segments)) return segments.map((segment, i) => ({ segment, coder: coders[i], status: 'exact', range: segment.position }));
  return anchor(text, segments).map((r, i) => ({ segment: segments[i], coder: coders[i], status: r.status, range: r.range }));
}

/** Where each stored selector (quote + position hint) is in `text` now, in their order. */
export function placeSelectors(text: string, selectors: readonly Pick<Segment, 'quote' | 'position'>[]): Pick<PlacedSegment, 'status' | 'range'>[] {
  if (selectors.length === 0) return [];
  if (isUnchanged(text, selectors)) return selectors.map((s) => ({ status: 'exact', range: { start: s.position.start, end: s.position.end } }));
  return anchor(text, selectors).map((r) => ({ status: r.status, range: r.range }));
}

function anchor(text: string, selectors: readonly Pick<Segment, 'quote' | 'position'>[]): Placement[] {
  return reanchor(
    text,
    selectors.map(({ quote, position }, i) => ({ id: String(i), quote, position })),
  );
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
