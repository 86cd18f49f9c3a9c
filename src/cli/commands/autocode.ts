import { CodeLookupError } from '../../core/analysis';
import { SearchError, type SearchUnit } from '../../core/analysis/text-search';
import { applyAutocode } from '../../core/autocode/apply-autocode';
import { searchProject } from '../../core/autocode/project-search';
import { LineIndex } from '../../core/line-index';
import { isCoderId } from '../../core/storage/format/paths';
import { ProjectStore } from '../../core/storage/project-store';
import { excerpt } from '../../core/views/markdown-text';
import { loadAnalysisInput } from '../analysis-input';
import type { CliCommand } from '../cli-command';
import { roundToWrite } from '../round-option';

const UNITS: SearchUnit[] = ['match', 'sentence', 'paragraph', 'turn'];

export const autocodeCommand: CliCommand = {
  name: 'autocode',
  usage: 'autocode [dir] --pattern P --code NAME --coder ID [--regex] [--speaker S] [--extent sentence] [--round R] [--dry-run]   Code every passage a search finds, as one step',
  help: [
    'Searches every transcript for the words P (whole words, any case; --regex for a regular expression)',
    'or a speaker\'s turns (--speaker, with or without --pattern), widens each hit to the match, its',
    'sentence (default), paragraph or speaker turn, and applies the code NAME (an existing code, by name',
    'or Parent/Child path) as coder ID. A passage that is exactly one of the coder\'s segments gains the',
    'code instead of a duplicate; overlapping passages are merged. New segments are recorded in the coding',
    'round R (by id or name; default: the project\'s first round, where a new workspace codes). --dry-run',
    'lists the passages and writes nothing.',
  ].join('\n'),
  options: { pattern: { type: 'string' }, regex: { type: 'boolean' }, speaker: { type: 'string' }, code: { type: 'string' }, coder: { type: 'string' }, extent: { type: 'string' }, round: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run(args, values, io) {
    const pattern = typeof values.pattern === 'string' ? values.pattern : '';
    const speaker = typeof values.speaker === 'string' ? values.speaker : '';
    const extent = (typeof values.extent === 'string' ? values.extent : 'sentence') as SearchUnit;
    const dryRun = values['dry-run'] === true;
    if (!pattern.trim() && !speaker) return usage(io, 'give --pattern (or --speaker)');
    if (!UNITS.includes(extent)) return usage(io, `--extent is one of ${UNITS.join(', ')}`);
    if (typeof values.code !== 'string' || !values.code.trim()) return usage(io, 'give --code NAME');
    const coderId = typeof values.coder === 'string' ? values.coder : '';
    if (!dryRun && !isCoderId(coderId)) return usage(io, '--coder ID names who codes (lower-case letters, digits and hyphens, e.g. dana-reyes)');
    const input = await loadAnalysisInput(args[0], io);
    if (!input) return 2;
    const round = roundToWrite(values.round, input.snapshot.config);
    if (typeof round === 'string') return usage(io, round);
    let code: string;
    try {
      code = input.context.lookup.resolve(values.code.trim());
    } catch (error) {
      if (error instanceof CodeLookupError) return usage(io, `${error.message} (the CLI applies existing codes only)`);
      throw error;
    }
    let found;
    try {
      found = searchProject(input.context.project, { ...(pattern.trim() ? { text: pattern, regex: values.regex === true } : {}), ...(speaker ? { speakers: [speaker] } : {}), unit: extent }, { coderId, code });
    } catch (error) {
      if (error instanceof SearchError) return usage(io, error.message);
      throw error;
    }
    const texts = new Map(input.context.project.transcripts.map((t) => [t.path, t.text]));
    for (const hit of found.preview.hits) {
      const line = new LineIndex(texts.get(hit.transcript)!).lineOf(hit.start) + 1;
      io.out(`${hit.transcript}:${line}${hit.coded ? ' (already coded)' : ''}  ${excerpt(texts.get(hit.transcript)!.slice(hit.start, hit.end), 100)}\n`);
    }
    const path = input.context.lookup.path(code);
    if (dryRun) {
      io.out(`${found.preview.total} passage(s) in ${found.preview.transcripts} transcript(s) would be coded ${path}; nothing written (--dry-run)\n`);
      return 0;
    }
    const chosen = found.preview.hits.filter((h) => !h.coded).map((h) => found.passages.get(h.id)!);
    const store = await ProjectStore.open(input.fs, { coder: input.snapshot.coders.find((c) => c.id === coderId) ?? { id: coderId, name: coderId } });
    store.setRound(round.id);
    const result = await applyAutocode(store, chosen, [code], async (transcript) => texts.get(transcript));
    await store.flush();
    io.out(`coded ${result.created + result.extended} passage(s) in ${result.transcripts.length} transcript(s) with ${path} as ${coderId} in round ${round.id}${result.unchanged ? `; ${result.unchanged} had it already` : ''}\n`);
    return 0;
  },
};

function usage(io: { err(text: string): void }, message: string): number {
  io.err(`grounded autocode: ${message}\n`);
  return 2;
}
