import assert from 'node:assert/strict';
import { AnalysisContext, FilterError, retrieveSegments, type SegmentFilter } from '../../../src/core/analysis';
import type { AnalysisProject } from '../../../src/core/analysis/analysis-model';
import { filterProblems } from '../../../src/core/analysis/filter-checks';
import { analysisProjectOf } from '../../../src/core/analysis/from-snapshot';
import { parseQueryFile } from '../../../src/core/analysis/query-file';
import { loadSnapshot } from '../../../src/core/project-index';
import { DEFAULT_ROUNDS } from '../../../src/core/rounds';
import { PROJECT_FILE, serializeProjectFile } from '../../../src/core/storage/format';
import { smallProject } from '../project-index/small-project';

const TEXT = 'one two three four five six seven eight';
const PATH = '.grounded/queries/later.json';
const ROUNDS = 'its rounds: initial "Initial coding", focused "Focused coding"';

/** Segments from two rounds and one with none recorded, in a project that declares its rounds. */
function context(rounds: AnalysisProject['rounds'] = [
  { id: 'initial', name: 'Initial coding' },
  { id: 'focused', name: 'Focused coding' },
]): AnalysisContext {
  const at = (word: string) => ({ start: TEXT.indexOf(word), end: TEXT.indexOf(word) + word.length });
  return new AnalysisContext({
    codes: [{ id: 'c-a', name: 'A', parent: null }],
    coders: [{ id: 'dana', name: 'Dana Reyes' }],
    ...(rounds ? { rounds } : {}),
    transcripts: [{ path: 'p01.md', participant: 'P01', attributes: { age: 30 }, text: TEXT, turns: [] }],
    segments: [
      { transcript: 'p01.md', coder: 'dana', id: 's-1', codes: ['c-a'], ...at('one'), round: 'initial' },
      { transcript: 'p01.md', coder: 'dana', id: 's-2', codes: ['c-a'], ...at('three'), round: 'focused' },
      { transcript: 'p01.md', coder: 'dana', id: 's-3', codes: ['c-a'], ...at('five') },
    ],
  });
}

const texts = (c: AnalysisContext, filter: SegmentFilter) => retrieveSegments(c, { filter }).map((h) => h.text);

function failure(c: AnalysisContext, filter: SegmentFilter): FilterError {
  try {
    retrieveSegments(c, { filter });
  } catch (error) {
    assert.ok(error instanceof FilterError, String(error));
    return error;
  }
  assert.fail('the filter ran');
}

describe('rounds in a filter, checked against the project', () => {
  it('takes a round by id or by name, as --round does', () => {
    assert.deepEqual(texts(context(), { rounds: ['focused'] }), ['three']);
    assert.deepEqual(texts(context(), { rounds: ['Focused coding'] }), ['three']);
    assert.deepEqual(texts(context(), { rounds: [' initial CODING ', 'focused'] }), ['one', 'three']);
  });

  it('refuses a round the project does not have, listing its rounds, rather than answer with no passages', () => {
    assert.equal(failure(context(), { rounds: ['bogus'] }).message, `The project has no round "bogus" (${ROUNDS})`);
    // Declared in another project, or removed from project.json: not this project's round.
    assert.equal(failure(context(), { rounds: ['focused', 'theoretical'] }).message, `The project has no round "theoretical" (${ROUNDS})`);
    // A project view that does not list its rounds is not checked (the ids are taken as written).
    assert.deepEqual(texts(context(undefined), { rounds: ['focused'] }), ['three']);
  });

  it('names the saved query, its line and the entry, and keeps the place apart for validate', () => {
    const text = ['{', '  "format": "grounded-query",', '  "version": 1,', '  "filter": {', '    "rounds": ["focused", "Theoretical coding"]', '  }', '}', ''].join('\n');
    const parsed = parseQueryFile(PATH, text);
    assert.ok(parsed.ok);
    if (!parsed.ok) return;
    const error = failure(context(), parsed.query.filter);
    assert.equal(error.message, `${PATH}:5: "filter.rounds[1]": the project has no round "Theoretical coding" (${ROUNDS})`);
    assert.deepEqual(error.place, { path: PATH, line: 5, problem: `"filter.rounds[1]": the project has no round "Theoretical coding" (${ROUNDS})` });
    // --coder replaces the query's coders; its rounds are still checked, and still name the file.
    assert.match(failure(context(), { ...parsed.query.filter, coders: ['dana'] }).message, /^\.grounded\/queries\/later\.json:5: "filter\.rounds\[1\]"/);
  });

  it('lists every mistake of a filter at once, in the order of its parts', () => {
    const problems = filterProblems(context(), { coders: ['Dana'], rounds: ['later'], attributes: [{ attribute: 'age', from: '2024-01-01' }] });
    assert.deepEqual(
      problems.map((p) => p.message.split(';')[0].split(' (')[0]),
      ['No coder has the id "Dana"', 'The project has no round "later"', 'Filter on "age": "age" holds numbers, not dates written YYYY-MM-DD, so a date range'],
    );
    assert.deepEqual(filterProblems(context(), { coders: ['dana'], rounds: ['Initial coding'] }), []);
  });

  it('gets the rounds from the project: those project.json declares, else the default three', async () => {
    const fs = smallProject();
    assert.deepEqual(analysisProjectOf(await loadSnapshot(fs)).project.rounds, DEFAULT_ROUNDS);
    fs.files.set(PROJECT_FILE, serializeProjectFile({ name: 'Small study', transcripts: ['interviews/**/*.md'], memos: 'memos', rounds: [{ id: 'open', name: 'Open coding' }] }));
    assert.deepEqual(analysisProjectOf(await loadSnapshot(fs)).project.rounds, [{ id: 'open', name: 'Open coding' }]);
  });

  it('refuses a text pattern that cannot run when the query is read, at its line', () => {
    const text = ['{', '  "format": "grounded-query",', '  "version": 1,', '  "filter": {', '    "regex": true,', '    "text": "(pay+)+"', '  }', '}', ''].join('\n');
    const parsed = parseQueryFile(PATH, text);
    assert.equal(parsed.ok, false);
    if (!parsed.ok) assert.deepEqual(parsed.problems.map((p) => `${p.line}: ${p.message}`), ['6: "filter.text": Nested repetition such as (a+)+ can take very long: write the pattern without it.']);
    // The same words are fine as plain text.
    assert.ok(parseQueryFile(PATH, text.replace('"regex": true', '"regex": false')).ok);
  });
});
