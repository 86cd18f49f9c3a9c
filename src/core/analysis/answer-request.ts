/**
 * What the analysis panel shows for a view state: the same core computations the CLI prints, as
 * one message's worth of plain data. A request that cannot be answered (an unknown code, a broken
 * expression or pattern) becomes a problem to show, not an exception.
 */
import type { AnalysisResult, AnalysisViewState, ProjectOutline } from '../../protocol';
import { MAX_HITS } from '../../protocol';
import type { AnalysisContext } from './analysis-context';
import { ExpressionSyntaxError, parseCodeExpression } from './code-expression-parser';
import { CodeLookupError } from './code-lookup';
import { leftOutSubcodes } from './evaluate-expression';
import { crosstab } from './crosstab';
import { FilterError } from './filters';
import { codeFrequencies } from './frequencies';
import { codeByTranscript, coOccurrence } from './matrices';
import { retrieveSegments, runExpression } from './retrieval';
import { saturation, saturationSummary } from './saturation';
import { gatheredInto } from '../rounds/gathered-codes';

export type Answer = { ok: true; result: AnalysisResult } | { ok: false; message: string };

/** `hits`: passages made at most on the Segments tab (by default {@link MAX_HITS}). */
export function answerRequest(context: AnalysisContext, state: AnalysisViewState, options: { hits?: number } = {}): Answer {
  try {
    return { ok: true, result: compute(context, state, options.hits ?? MAX_HITS) };
  } catch (error) {
    if (error instanceof CodeLookupError || error instanceof ExpressionSyntaxError || error instanceof FilterError) return { ok: false, message: error.message };
    throw error;
  }
}

function compute(context: AnalysisContext, state: AnalysisViewState, maxHits: number): AnalysisResult {
  const filter = state.filter;
  switch (state.tab) {
    case 'segments': {
      // One more than shown, to know whether there were more.
      const limit = maxHits + 1;
      const expression = state.expression.trim() ? parseCodeExpression(state.expression) : undefined;
      const hits = expression ? runExpression(context, expression, filter, limit) : retrieveSegments(context, { filter, limit });
      return { tab: 'segments', hits: hits.slice(0, maxHits), truncated: hits.length > maxHits, notes: expression ? leftOutSubcodes(context, expression) : [] };
    }
    case 'matrix':
      if (state.matrix.kind === 'codes') return { tab: 'matrix', columns: 'codes', table: coOccurrence(context, { filter }) };
      if (state.matrix.kind === 'attribute') return { tab: 'matrix', columns: 'attribute', table: crosstab(context, state.matrix.attribute, { filter }) };
      return { tab: 'matrix', columns: 'transcripts', matrix: codeByTranscript(context, { filter }) };
    case 'frequencies':
      return { tab: 'frequencies', frequencies: codeFrequencies(context, filter) };
    case 'saturation': {
      const steps = saturation(context, filter);
      return { tab: 'saturation', steps, summary: saturationSummary(steps) };
    }
    case 'search':
      // Needs the applying coder: answered by searchProject (core/autocode) where the coder is known.
      throw new Error('The Search tab is answered by searchProject.');
  }
}

export function projectOutline(context: AnalysisContext, name: string, colors: ReadonlyMap<string, string>, unplaced: number, rounds: readonly { id: string; name: string }[] = []): ProjectOutline {
  const values = new Map<string, Set<string | number>>();
  for (const t of context.project.transcripts) {
    for (const [attribute, value] of Object.entries(t.attributes)) {
      const set = values.get(attribute) ?? new Set();
      set.add(value);
      values.set(attribute, set);
    }
  }
  return {
    name,
    codes: context.project.codes
      .map((c) => {
        const into = gatheredInto(context.lookup, c.id);
        return { id: c.id, path: context.lookup.path(c.id), color: colors.get(c.id) ?? '#888888', ...(into ? { gatheredInto: into.id } : {}) };
      })
      .sort((a, b) => a.path.localeCompare(b.path)),
    coders: codersOf(context.project.segments),
    attributes: [...values].map(([name, set]) => ({ name, values: [...set].sort((a, b) => String(a).localeCompare(String(b), undefined, { numeric: true })) })).sort((a, b) => a.name.localeCompare(b.name)),
    unplaced,
    rounds: rounds.map(({ id, name }) => ({ id, name })),
  };
}

function codersOf(segments: readonly { coder: string }[]): string[] {
  const coders = new Set<string>();
  for (const segment of segments) coders.add(segment.coder);
  return [...coders].sort();
}
