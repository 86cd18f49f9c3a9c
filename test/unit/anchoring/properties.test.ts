/**
 * Random texts, random coded segments, random edit scripts, and the ground truth of where every
 * original character went: re-anchoring must never place a segment on anything but its own text,
 * and must place exactly every segment whose quote and context survived untouched.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { makeQuote, reanchor, type Anchor } from '../../../src/core/anchoring';
import type { TextRange } from '../../../src/core/model';
import { TrackedText } from '../../../bench/lib/tracked-text';

const WORDS = ['the', 'cat', 'sat', 'on', 'a', 'mat', 'I', "don't", 'know', 'you', 'yes', 'no', 'and', 'then', 'we', 'went', 'home',
  'it', 'was', 'hard', 'my', 'mother', 'said', 'so', 'um', 'like', 'really', 'work', 'school', 'Zoë', 'José', '😀', '.', ',', '?', '\n\n'];

const words = (min: number, max: number) => fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(' '));

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'replace'; at: number; length: number; text: string }
  | { kind: 'move'; at: number; length: number; to: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(words(1, 8), fc.string({ minLength: 1, maxLength: 4 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }), text: words(1, 3) }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(), length: fc.integer({ min: 5, max: 80 }), to: fc.nat() }),
);

const scenario = fc.record({
  text: words(20, 160),
  segments: fc.array(fc.record({ at: fc.nat(), length: fc.integer({ min: 1, max: 60 }) }), { minLength: 1, maxLength: 12 }),
  edits: fc.array(edit, { minLength: 1, maxLength: 6 }),
});

function apply(tracked: TrackedText, e: Edit): void {
  const length = tracked.text.length;
  const at = e.at % (length + 1);
  if (e.kind === 'insert') tracked.replace(at, at, e.text);
  else if (e.kind === 'delete') tracked.replace(at, Math.min(length, at + e.length), '');
  else if (e.kind === 'replace') tracked.replace(at, Math.min(length, at + e.length), e.text);
  else {
    const end = Math.min(length, at + e.length);
    tracked.move(at, end, e.to % (length - (end - at) + 1));
  }
}

/** Where the quote with its whole stored context sits now, if every character of it survived in one piece. */
function intactRange(tracked: TrackedText, range: TextRange, anchor: Anchor): TextRange | undefined {
  const from = range.start - anchor.quote.prefix.length;
  const to = range.end + anchor.quote.suffix.length;
  const first = tracked.positionOf(from);
  for (let i = from; i < to; i++) if (tracked.positionOf(i) !== first + (i - from)) return undefined;
  if (from === to) return undefined;
  // A context cut short by the start or end of the text says "the text began/ended here".
  if (from === 0 && first !== 0) return undefined;
  if (to === tracked.original.length && first + (to - from) !== tracked.text.length) return undefined;
  const whole = anchor.quote.prefix + anchor.quote.exact + anchor.quote.suffix;
  if (tracked.text.indexOf(whole) !== tracked.text.lastIndexOf(whole)) return undefined; // truly ambiguous
  return { start: tracked.positionOf(range.start), end: tracked.positionOf(range.start) + range.end - range.start };
}

/**
 * Random texts repeat themselves a lot ("the the the", "cat cat"): the same result can come from
 * different edits (deleting either "cat"). A placement elsewhere is only a mistake if the stored
 * selector (context, quote, context) fits the true place better, or, for a deleted segment, if
 * "the quote was deleted here" explains the text better than the placement does.
 */
function fitsAtLeastAsWell(tracked: TrackedText, anchor: Anchor, original: TextRange, placed: TextRange): boolean {
  const truth = tracked.groundTruth(original).core;
  if (truth) return misfit(tracked.text, anchor, placed) <= misfit(tracked.text, anchor, truth);
  const gap = tracked.gapWhere(original);
  let deleted = Infinity;
  for (let k = gap.start; k <= gap.end; k++) deleted = Math.min(deleted, misfit(tracked.text, anchor, { start: k, end: k }));
  return misfit(tracked.text, anchor, placed) <= deleted;
}

/**
 * Edits between the stored quote and the range, plus between each stored context and the text
 * beside the range (the best stretch ending, or starting, right there).
 */
function misfit(text: string, anchor: Anchor, range: TextRange): number {
  const { prefix, exact, suffix } = anchor.quote;
  let before = Infinity;
  for (let k = Math.max(0, range.start - 2 * prefix.length); k <= range.start; k++) before = Math.min(before, levenshtein(prefix, text.slice(k, range.start)));
  let after = Infinity;
  for (let k = range.end; k <= Math.min(text.length, range.end + 2 * suffix.length); k++) after = Math.min(after, levenshtein(suffix, text.slice(range.end, k)));
  return before + levenshtein(exact, text.slice(range.start, range.end)) + after;
}

function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next.push(Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[b.length];
}

function makeAnchors(text: string, segments: { at: number; length: number }[]): { anchors: Anchor[]; ranges: TextRange[] } {
  const ranges = segments.map(({ at, length }) => {
    const start = at % text.length;
    return { start, end: Math.min(text.length, start + length) };
  }).filter((r) => !splitsPair(text, r.start) && !splitsPair(text, r.end));
  const anchors = ranges.map((range, i) => ({ id: `s-${i}`, quote: makeQuote(text, range), position: range }));
  return { anchors, ranges };
}

function splitsPair(text: string, offset: number): boolean {
  return /[\ud800-\udbff]/.test(text[offset - 1] ?? '') && /[\udc00-\udfff]/.test(text[offset] ?? '');
}

describe('re-anchoring against ground truth (property)', () => {
  it('never places a segment on text that is not its own, and places untouched segments exactly', function () {
    const runs = Number(process.env.PROPERTY_RUNS ?? 400);
    this.timeout(Math.max(20_000, runs * 20));
    fc.assert(
      fc.property(scenario, ({ text, segments, edits }) => {
        const { anchors, ranges } = makeAnchors(text, segments);
        const tracked = new TrackedText(text);
        for (const e of edits) apply(tracked, e);
        const placements = reanchor(tracked.text, anchors);
        placements.forEach((placement, i) => {
          const where = `${anchors[i].id} ${JSON.stringify(anchors[i].quote)} → ${JSON.stringify(placement)}`;
          if (placement.range && !tracked.isOnOwnText(ranges[i], placement.range)) {
            assert.ok(fitsAtLeastAsWell(tracked, anchors[i], ranges[i], placement.range), `misplaced: ${where}`);
          }
          const intact = intactRange(tracked, ranges[i], anchors[i]);
          if (intact) assert.deepEqual(placement.range, intact, `not placed exactly: ${where}`);
        });
      }),
      {
        numRuns: runs,
        // Reproducible in CI; PROPERTY_SEED explores others. Examples are inputs that once failed.
        seed: Number(process.env.PROPERTY_SEED ?? 1),
        examples: [
          // A one-letter segment (the second "o" of "school") after an edit before it shifted the text
          // by one: its hint then fell on the first "o", whose context is one letter off on each side.
          [{ text: "no the , the really the , we the the don't ? work school really my , the ? 😀 then 😀 on", segments: [{ at: 288547742, length: 1 }], edits: [{ kind: 'insert', at: 0, text: '    ' }, { kind: 'replace', at: 0, length: 7, text: 'no ?' }] }],
          // A segment beginning the text (empty prefix) whose first letter was deleted: leaving its
          // first word out cost nothing at the start, so the edge check did, and the end then took
          // in a neighbour's letters (found with PROPERTY_SEED=20240611).
          [{ text: "hard don't know , hard um José school \n\n the . sat so sat said the we no said went home the it hard , um mother so said the the like said the the \n\n said a um hard then work know", segments: [{ at: 0, length: 45 }, { at: 0, length: 1 }], edits: [{ kind: 'insert', at: 2147483642, text: '   ' }, { kind: 'delete', at: 345062760, length: 7 }, { kind: 'delete', at: 0, length: 1 }] }],
        ],
      },
    );
  });
});
