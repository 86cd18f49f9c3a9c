/**
 * The search-and-autocode preview over the analysis read model: the same transcripts (current
 * text, open editors included) and placed segments every other analysis view uses.
 */
import type { AnalysisProject } from '../analysis/analysis-model';
import type { TextSearch } from '../analysis/text-search';
import { makeQuote } from '../anchoring';
import type { ChosenPassage } from './apply-plan';
import { previewSearch, type AutocodePreview, type PreviewOptions, type SearchableTranscript } from './search-preview';

export function searchableTranscripts(project: AnalysisProject): SearchableTranscript[] {
  const segments = new Map<string, SearchableTranscript['segments'][number][]>();
  for (const s of project.segments) {
    const list = segments.get(s.transcript) ?? [];
    list.push({ coderId: s.coder, codes: s.codes, range: { start: s.start, end: s.end } });
    segments.set(s.transcript, list);
  }
  return [...project.transcripts]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((t) => ({ path: t.path, text: t.text, participant: t.participant, segments: segments.get(t.path) ?? [] }));
}

export interface ProjectSearch {
  preview: AutocodePreview;
  /** Every hit's passage with its quote on the text searched, by hit id: what applying codes. */
  passages: Map<string, ChosenPassage>;
  /** Every speaker of the project, for the speaker choice. */
  speakers: string[];
}

/** Throws SearchError for a pattern that cannot or must not be run. */
export function searchProject(project: AnalysisProject, search: TextSearch, options: PreviewOptions): ProjectSearch {
  const transcripts = searchableTranscripts(project);
  const all = previewSearch(transcripts, search, { ...options, limit: undefined });
  const texts = new Map(transcripts.map((t) => [t.path, t.text]));
  const passages = new Map(all.hits.map((h) => [h.id, { transcript: h.transcript, range: { start: h.start, end: h.end }, quote: makeQuote(texts.get(h.transcript)!, h) }]));
  const preview = options.limit !== undefined && all.hits.length > options.limit ? { ...all, hits: all.hits.slice(0, options.limit) } : all;
  const speakers = [...new Set(project.transcripts.flatMap((t) => t.turns.map((turn) => turn.speaker)))].sort((a, b) => a.localeCompare(b));
  return { preview, passages, speakers };
}
