import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parseTranscript } from '../../../src/core/markdown';
import { CONTEXT_LENGTH } from '../../../src/core/model';

// The demo project is what a newcomer opens first, so it must follow the on-disk format exactly.
const DEMO = new URL('../../../demo/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, DEMO), 'utf8');
const ID = /^[0-9a-hjkmnp-tv-z]{12}$/;

const transcripts = readdirSync(new URL('interviews/', DEMO)).filter((f) => f.endsWith('.md'));
const codes = readdirSync(new URL('.grounded/codes/', DEMO)).map(
  (file) => ({ file, text: read(`.grounded/codes/${file}`) }),
);
const codeIds = new Set(codes.map(({ text }) => (JSON.parse(text) as { id: string }).id));

/** Every coding file as [transcript path, coder id]. */
function codingFiles(): [string, string][] {
  return transcripts.flatMap((t) => {
    const folder = new URL(`.grounded/coding/interviews/${t}/`, DEMO);
    if (!existsSync(folder)) return [];
    return readdirSync(folder).map((f): [string, string] => [`interviews/${t}`, f.replace(/\.jsonl$/, '')]);
  });
}

describe('demo project', () => {
  it('has a project file and a git-ignored cache', () => {
    const text = read('.grounded/project.json');
    const project = JSON.parse(text) as Record<string, unknown>;
    assert.deepEqual(Object.keys(project), ['format', 'version', 'name', 'transcripts', 'memos']);
    assert.equal(text, `${JSON.stringify(project, null, 2)}\n`);
    assert.equal(read('.grounded/.gitignore'), 'cache/\n');
  });

  it('has at least five transcripts, each with front matter and at least ten turns', () => {
    assert.ok(transcripts.length >= 5);
    for (const file of transcripts) {
      const text = read(`interviews/${file}`);
      const parsed = parseTranscript(text);
      assert.equal(parsed.frontMatter?.error, undefined, file);
      const data = parsed.frontMatter?.data ?? {};
      for (const key of ['participant', 'gender', 'role', 'sector', 'interviewer']) assert.equal(typeof data[key], 'string', `${file} ${key}`);
      for (const key of ['age', 'duration_minutes']) assert.equal(typeof data[key], 'number', `${file} ${key}`);
      assert.match(String(data.interview_date), /^\d{4}-\d{2}-\d{2}$/, file);
      assert.ok(parsed.turns.length >= 10, `${file}: ${parsed.turns.length} turns`);
      assert.ok(!text.includes('\r') && text.endsWith('\n'), `${file}: LF line endings and a final newline`);
    }
  });

  it('has a two-level codebook, one file per code, in the exact format', () => {
    const parents = new Map<string, string | null>();
    for (const { file, text } of codes) {
      const code = JSON.parse(text) as { id: string; parent: string | null; color: string; description: string };
      const keys = ['format', 'version', 'id', 'name', 'parent', 'color', 'description'];
      // Codes with theoretical relations carry them last.
      assert.deepEqual(Object.keys(code), 'relations' in code ? [...keys, 'relations'] : keys, file);
      assert.equal(text, `${JSON.stringify(code, null, 2)}\n`, file);
      assert.equal(file, `${code.id}.json`);
      assert.match(code.id, /^c-/);
      assert.match(code.id.slice(2), ID);
      assert.match(code.color, /^#[0-9a-f]{6}$/);
      assert.ok(code.description.length > 40, `${file}: a definition a coder can use`);
      parents.set(code.id, code.parent);
    }
    for (const [id, parent] of parents) {
      if (parent !== null) assert.equal(parents.get(parent), null, `${id}: the parent exists and is top level`);
    }
  });

  it('has coding by two coders on at least four transcripts', () => {
    const files = codingFiles();
    assert.ok(new Set(files.filter(([, c]) => c === 'dana-reyes').map(([t]) => t)).size >= 4);
    assert.ok(new Set(files.filter(([, c]) => c === 'sam-okafor').map(([t]) => t)).size >= 4);
  });

  for (const [transcript, coder] of codingFiles()) {
    it(`codes ${transcript} (${coder}) against the transcript's exact text`, () => {
      const text = read(transcript);
      const content = read(`.grounded/coding/${transcript}/${coder}.jsonl`);
      assert.ok(content.endsWith('\n') && !content.endsWith('\n\n'));
      const [header, ...lines] = content.slice(0, -1).split('\n');
      assert.equal(header, JSON.stringify({ format: 'grounded-coding', version: 1, coder: { id: coder, name: nameOf(coder) } }));
      assert.ok(lines.length >= 10 && lines.length <= 40, `${lines.length} segments`);
      const ids = lines.map((line) => checkSegment(line, text));
      assert.deepEqual(ids, [...ids].sort((a, b) => (a < b ? -1 : 1)), 'sorted by id');
      assert.equal(new Set(ids).size, ids.length, 'ids are unique');
    });
  }
});

function nameOf(coderId: string): string {
  return coderId.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
}

interface SegmentLine {
  id: string;
  codes: string[];
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  comment?: string;
}

/** Checks one segment line against the format and the transcript; returns its id. */
function checkSegment(line: string, text: string): string {
  const s = JSON.parse(line) as SegmentLine;
  const keys = ['id', 'codes', 'start', 'end', 'exact', 'prefix', 'suffix', ...(s.comment !== undefined ? ['comment'] : [])];
  assert.deepEqual(Object.keys(s), keys);
  assert.equal(JSON.stringify(s), line, 'compact JSON');
  assert.match(s.id, /^s-/);
  assert.match(s.id.slice(2), ID);
  assert.ok(s.codes.length > 0 && s.codes.every((c) => codeIds.has(c)), `${s.id}: known codes`);
  assert.deepEqual(s.codes, [...new Set(s.codes)].sort(), `${s.id}: codes sorted and unique`);
  assert.equal(text.slice(s.start, s.end), s.exact, `${s.id}: exact text at [start, end)`);
  assert.equal(text.slice(s.start - s.prefix.length, s.start), s.prefix, `${s.id}: prefix`);
  assert.equal(text.slice(s.end, s.end + s.suffix.length), s.suffix, `${s.id}: suffix`);
  // Full context unless the text ends first or a surrogate pair would have been split.
  assert.ok(s.prefix.length >= Math.min(CONTEXT_LENGTH, s.start) - 1 && s.prefix.length <= CONTEXT_LENGTH);
  assert.ok(s.suffix.length >= Math.min(CONTEXT_LENGTH, text.length - s.end) - 1 && s.suffix.length <= CONTEXT_LENGTH);
  return s.id;
}
