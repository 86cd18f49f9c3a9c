import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CodeLookupError, ExpressionSyntaxError, FilterError, leftOutSubcodes, parseCodeExpression, runExpression, retrieveSegments, type CodeExpression, type Hit } from '../../core/analysis';
import { parseQueryFile, QUERIES_FOLDER, queryNameFor, queryPath, QUERY_NAME_PATTERN, type GroupBy, type SavedQuery } from '../../core/analysis/query-file';
import { hitsAsCsv, hitsAsMarkdown } from '../../core/analysis/render/render-results';
import { describeProblem } from '../../core/storage/format/problems';
import { closingNotes, formatOption, loadAnalysisInput, type AnalysisInput } from '../analysis-input';
import type { CliCommand, CliIo } from '../cli-command';
import { findRound, noSuchRound, projectRounds } from '../../core/rounds';

export const queryCommand: CliCommand = {
  name: 'query',
  usage: 'query [dir] NAME|--codes EXPR [--format md|csv|json]   Run a saved query (.grounded/queries/NAME.json) or a code expression',
  help: [
    'Runs a saved query, or a code expression given with --codes, and prints the passages it selects.',
    '',
    'Expressions: code names (or Parent/Child paths; "quoted" when they hold operator words), with',
    '  AND, OR, NOT, NEAR/N (within N words), NEAR/TURN (same speaker turn), FOLLOWED BY[/N], and',
    '  parentheses. Name/** includes its sub-codes. Example: --codes "Invalidation AND (Pay OR Housing)"',
    '',
    'Options:',
    '  --codes EXPR         the expression to run instead of a saved query',
    '  --coder ID           only this coder\'s segments (repeatable)',
    '  --round ROUND        only segments created in this coding round, by id or name (repeatable)',
    '  --format md|csv|json output format (default md)',
    '  --group-by code|transcript|participant   how Markdown output is grouped (default: the query\'s, else transcript)',
    '  --list               list the saved queries',
  ].join('\n'),
  options: { codes: { type: 'string' }, format: { type: 'string' }, 'group-by': { type: 'string' }, coder: { type: 'string', multiple: true }, round: { type: 'string', multiple: true }, list: { type: 'boolean' } },
  async run(positionals, values, io) {
    const { dir, name } = splitPositionals(positionals, io, values.codes !== undefined || values.list === true);
    const format = formatOption(values.format, ['md', 'csv', 'json'], 'md');
    if (!format) return usageError(io, '--format is md, csv or json');
    const input = await loadAnalysisInput(dir, io);
    if (!input) return 2;
    if (values.list) return listQueries(input, io);
    let query: SavedQuery;
    let expression: CodeExpression | undefined;
    if (typeof values.codes === 'string') {
      try {
        expression = parseCodeExpression(values.codes);
      } catch (error) {
        if (error instanceof ExpressionSyntaxError) return usageError(io, `--codes: ${error.message}`);
        throw error;
      }
      query = { codes: values.codes, filter: {} };
    } else {
      if (!name) return usageError(io, 'name a saved query (grounded query --list shows them) or give --codes EXPR');
      const loaded = await loadSavedQuery(input, name, io);
      if (!loaded) return 1;
      ({ query, expression } = loaded);
    }
    const coders = Array.isArray(values.coder) ? values.coder.map(String) : [];
    const rounds = resolveRounds(input, Array.isArray(values.round) ? values.round.map(String) : []);
    if (typeof rounds === 'string') return usageError(io, rounds);
    const withCoders = coders.length > 0 ? { ...query.filter, coders } : query.filter;
    const filter = rounds.length > 0 ? { ...withCoders, rounds } : withCoders;
    let hits: Hit[];
    try {
      hits = expression ? runExpression(input.context, expression, filter) : retrieveSegments(input.context, { filter });
    } catch (error) {
      if (error instanceof CodeLookupError || error instanceof FilterError) {
        io.err(`grounded query: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
    const groupBy = (typeof values['group-by'] === 'string' ? values['group-by'] : query.groupBy ?? 'transcript') as GroupBy;
    if (!['code', 'transcript', 'participant'].includes(groupBy)) return usageError(io, '--group-by is code, transcript or participant');
    const notes = expression ? leftOutSubcodes(input.context, expression) : [];
    if (format === 'json') io.out(`${JSON.stringify({ query: { ...query, filter }, passages: hits, notes }, null, 2)}\n`);
    else if (format === 'csv') io.out(hitsAsCsv(input.context, hits));
    else io.out(hitsAsMarkdown(input.context, hits, groupBy));
    for (const note of notes) io.err(`grounded query: note: ${note}\n`);
    return closingNotes('query', input, io);
  },
};

/** `query NAME`, `query DIR NAME`, `query DIR --codes …`: a lone positional is a folder only when no query is named. */
function splitPositionals(positionals: string[], io: CliIo, noName: boolean): { dir?: string; name?: string } {
  if (positionals.length >= 2) return { dir: positionals[0], name: positionals[1] };
  const [only] = positionals;
  if (only === undefined) return {};
  if (noName) return { dir: only };
  const asDir = resolve(io.cwd, only);
  return existsSync(asDir) && statSync(asDir).isDirectory() && !QUERY_NAME_PATTERN.test(only) ? { dir: only } : { name: only };
}

/** What a query name may hold (QUERY_NAME_PATTERN), in words. */
const NAME_RULE = 'query names are lower-case letters, digits, ".", "_" and "-", starting with a letter or digit';

export async function loadSavedQuery(input: AnalysisInput, name: string, io: CliIo): Promise<{ query: SavedQuery; expression: CodeExpression | undefined } | undefined> {
  const bare = name.replace(/\.json$/, '');
  if (!QUERY_NAME_PATTERN.test(bare)) {
    // A file of that name may well exist (copied in, or written by hand): then say how to make it runnable.
    const file = (await queryFiles(input)).find((f) => f === `${bare}.json`);
    io.err(
      file === undefined
        ? `grounded: "${name}" is not a query name: ${NAME_RULE} (grounded query --list shows the saved ones)\n`
        : `grounded: ${QUERIES_FOLDER}/${file} cannot be run by name: ${NAME_RULE}. ${renameAdvice(file)}\n`,
    );
    return undefined;
  }
  const path = queryPath(bare);
  const text = await input.fs.readFile(path);
  if (text === undefined) {
    io.err(`grounded: no saved query ${path} (grounded query --list shows them)\n`);
    return undefined;
  }
  const parsed = parseQueryFile(path, text);
  if (!parsed.ok) {
    for (const problem of parsed.problems) io.err(`${describeProblem(problem)}\n`);
    return undefined;
  }
  return parsed;
}

/**
 * Only names `grounded query NAME` runs are listed: a file named otherwise is said on stderr with
 * the name to give it, so the list stays one runnable name a line. Such names are not run either:
 * `grounded query DIR` tells a folder from a query name by this same rule.
 */
async function listQueries(input: AnalysisInput, io: CliIo): Promise<number> {
  const files = await queryFiles(input);
  const names = files.map((f) => f.slice(0, -5)).filter((n) => QUERY_NAME_PATTERN.test(n));
  const skipped = files.filter((f) => !QUERY_NAME_PATTERN.test(f.slice(0, -5)));
  if (names.length === 0) io.out(skipped.length === 0 ? `No saved queries (${QUERIES_FOLDER}/ is empty).\n` : 'No saved queries that can be run by name.\n');
  for (const file of skipped) io.err(`grounded query: ${QUERIES_FOLDER}/${file} is not listed: ${NAME_RULE}. ${renameAdvice(file)}\n`);
  for (const name of names) {
    const text = (await input.fs.readFile(queryPath(name))) ?? '';
    const parsed = parseQueryFile(queryPath(name), text);
    io.out(parsed.ok ? `${name}\t${parsed.query.title ?? ''}\t${parsed.query.codes ?? '(all segments)'}\n` : `${name}\t(unreadable: ${parsed.problems[0].message})\n`);
  }
  return 0;
}

/** The `.json` files of the queries folder, sorted. */
async function queryFiles(input: AnalysisInput): Promise<string[]> {
  const entries = await input.fs.readDirectory(QUERIES_FOLDER);
  return entries
    .filter((e) => e.kind === 'file' && e.name.endsWith('.json'))
    .map((e) => e.name)
    .sort();
}

function renameAdvice(file: string): string {
  const name = queryNameFor(file.slice(0, -5));
  return `Rename it ${name}.json to run it as: grounded query ${name}`;
}

/** Round ids for `--round` values given as ids or names; a message when one is not the project's. */
function resolveRounds(input: AnalysisInput, given: string[]): string[] | string {
  const rounds = projectRounds(input.snapshot.config);
  const ids: string[] = [];
  for (const value of given) {
    const round = findRound(rounds, value);
    if (!round) return `--round: ${noSuchRound(rounds, value)}`;
    ids.push(round.id);
  }
  return ids;
}

function usageError(io: CliIo, message: string): number {
  io.err(`grounded query: ${message}\n`);
  return 2;
}
