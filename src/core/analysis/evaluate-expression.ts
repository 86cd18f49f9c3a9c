/**
 * Evaluates a code expression to the text it selects, per transcript. Each code's text is the union
 * of its segments that pass the segment filter (coders, speakers…), so "A AND B" across two coders
 * is text one coder coded A and another coded B, unless the filter names one coder.
 */
import type { AnalysisContext } from './analysis-context';
import { DEFAULT_FOLLOWED_BY_WORDS, formatExpression, type CodeExpression } from './code-expression';
import { KEEP_ALL, type SegmentPredicate } from './filters';
import { combineRegions, intersect, normalise, subtract, union, type Interval, type IntervalSet, type Regions } from './regions';

/** Whether two passages of one transcript are close enough for NEAR. */
type Closeness = (path: string, a: Interval, b: Interval) => boolean;

export function evaluateExpression(context: AnalysisContext, expression: CodeExpression, keep: SegmentPredicate = KEEP_ALL): Regions {
  const evaluate = (e: CodeExpression): Regions => {
    if ('code' in e) {
      const id = context.lookup.resolve(e.code);
      if (keep === KEEP_ALL) return context.regionsOfCode(id, e.subcodes === true);
      return context.regionsOf(context.segmentsOf(context.lookup.withDescendants(id, e.subcodes === true)).filter(keep));
    }
    if ('and' in e) return e.and.map(evaluate).reduce((a, b) => combineRegions(a, b, intersect));
    if ('or' in e) return e.or.map(evaluate).reduce((a, b) => combineRegions(a, b, union));
    if ('not' in e) return complement(context, evaluate(e.not));
    if ('near' in e) {
      const [a, b] = e.near.map(evaluate);
      return near(a, b, e.turn ? sameTurn(context) : withinWords(context, e.words ?? 0));
    }
    const [a, b] = e.followedBy.map(evaluate);
    return followedBy(context, a, b, e.words ?? DEFAULT_FOLLOWED_BY_WORDS);
  };
  return evaluate(expression);
}

/**
 * Codes named without `/**` whose own segments are none while their sub-codes have some: a parent
 * code the researcher most likely meant with everything below it. Said, not guessed: the answer
 * stays what the expression says.
 */
export function leftOutSubcodes(context: AnalysisContext, expression: CodeExpression): string[] {
  const notes = new Set<string>();
  const visit = (e: CodeExpression): void => {
    if ('code' in e) {
      if (e.subcodes) return;
      const id = context.lookup.resolve(e.code);
      const below = context.lookup.withDescendants(id, true);
      if (below.length > 1 && context.segmentsOf([id]).length === 0 && context.segmentsOf(below).length > 0) {
        const path = context.lookup.path(id);
        notes.add(`"${path}" has no segments of its own; its sub-codes are not included: write ${formatExpression({ code: path, subcodes: true })} to include them.`);
      }
      return;
    }
    const parts = 'and' in e ? e.and : 'or' in e ? e.or : 'not' in e ? [e.not] : 'near' in e ? e.near : e.followedBy;
    parts.forEach(visit);
  };
  visit(expression);
  return [...notes];
}

function complement(context: AnalysisContext, regions: Regions): Regions {
  const result: Regions = new Map();
  for (const [path, transcript] of context.transcripts) {
    const rest = subtract([{ start: 0, end: transcript.text.length }], regions.get(path) ?? []);
    if (rest.length > 0) result.set(path, rest);
  }
  return result;
}

/** Passages of each side that have a passage of the other side close to them. */
function near(a: Regions, b: Regions, close: Closeness): Regions {
  const result: Regions = new Map();
  for (const [path, left] of a) {
    const right = b.get(path);
    if (!right) continue;
    const kept = [...left.filter((x) => right.some((y) => close(path, x, y))), ...right.filter((y) => left.some((x) => close(path, x, y)))];
    const merged = normalise(kept.map((i) => ({ ...i })));
    if (merged.length > 0) result.set(path, merged);
  }
  return result;
}

function withinWords(context: AnalysisContext, words: number): Closeness {
  return (path, a, b) => {
    const [first, second] = a.start <= b.start ? [a, b] : [b, a];
    if (second.start <= first.end) return true;
    return context.words(path).wordsIn(first.end, second.start) <= words;
  };
}

/** Both passages touch one speaker turn. */
function sameTurn(context: AnalysisContext): Closeness {
  return (path, a, b) => {
    const turns = context.transcripts.get(path)?.turns ?? [];
    return turns.some((t) => a.start < t.end && a.end > t.start && b.start < t.end && b.end > t.start);
  };
}

/**
 * From each passage of A to the end of the first passage of B that starts after A's start, at the
 * latest `words` words after A ends: the sequence a reader wants to see, A then B.
 */
function followedBy(context: AnalysisContext, a: Regions, b: Regions, words: number): Regions {
  const result: Regions = new Map();
  for (const [path, left] of a) {
    const right = b.get(path);
    if (!right) continue;
    const spans: IntervalSet = [];
    let j = 0;
    for (const x of left) {
      while (j < right.length && right[j].start <= x.start) j++;
      const next = right[j];
      if (next && context.words(path).wordsIn(x.end, next.start) <= words) spans.push({ start: x.start, end: Math.max(x.end, next.end) });
    }
    const merged = normalise(spans);
    if (merged.length > 0) result.set(path, merged);
  }
  return result;
}
