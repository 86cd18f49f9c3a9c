/**
 * What git does with Grounded's files when people code on branches, proven with a real repository.
 * Files are written with the format's own serializers, as Grounded writes them.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { randomIds } from '../../../src/core/ids';
import { CONTEXT_LENGTH, type Code, type Coder, type CodingFile, type Segment } from '../../../src/core/model';
import {
  CODES_DIR,
  CODING_DIR,
  GITIGNORE_CONTENT,
  GITIGNORE_FILE,
  PROJECT_FILE,
  codeFilePath,
  codingFilePath,
  describeProblem,
  parseCodeFile,
  parseCodingFile,
  serializeCodeFile,
  serializeCodingFile,
  serializeProjectFile,
} from '../../../src/core/storage/format';
import { resolveConflictedFile } from '../../../src/core/storage/conflict-resolution';
import { commitAll, git, hasGit, merge, newRepository, write } from './git-fixture';

const TRANSCRIPT = 'interviews/p01-amara.md';
const TRANSCRIPT_TEXT = [
  '# Interview P01 — Amara',
  '',
  '**Interviewer:** How did you first come to the garden?',
  '',
  "**Amara:** My neighbour knocked on my door with a basket of courgettes. I'd been so isolated after the move.",
  '',
  '**Interviewer:** And now?',
  '',
  "**Amara:** It's where I feel at home. My kids learn from the older gardeners. Some weeks the vegetables get us through to payday.",
  '',
  '**Amara:** But the waiting list for plots… people wait three years while plots sit empty. 🌱',
  '',
].join('\n');

const DANA: Coder = { id: 'dana-reyes', name: 'Dana Reyes' };
const SAM: Coder = { id: 'sam-okafor', name: 'Sam Okafor' };

function code(id: string, name: string, color: string): Code {
  return { id, name, parent: null, color, description: '' };
}
const BELONGING = code('c-0f3k8m2q9x1a', 'Belonging', '#3a7bd5');
const ISOLATION = code('c-2b7d4h6j8k0m', 'Isolation', '#6d597a');

/** A segment over the first occurrence of `exact`, with context as Grounded stores it. */
function segmentOn(exact: string, codes: string[], id = randomIds.next('s-')): Segment {
  const start = TRANSCRIPT_TEXT.indexOf(exact);
  assert.ok(start >= 0, `not in the transcript: ${exact}`);
  const end = start + exact.length;
  const quote = {
    exact,
    prefix: TRANSCRIPT_TEXT.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: TRANSCRIPT_TEXT.slice(end, end + CONTEXT_LENGTH),
  };
  return { id, codes, quote, position: { start, end } };
}

function writeCodingFile(repo: string, coder: Coder, segments: Segment[]): void {
  const file: CodingFile = { transcript: TRANSCRIPT, coder, segments };
  write(repo, codingFilePath(TRANSCRIPT, coder.id), serializeCodingFile(file));
}

function readCodes(repo: string): Code[] {
  return readdirSync(join(repo, CODES_DIR))
    .sort()
    .map((name) => {
      const path = `${CODES_DIR}/${name}`;
      const result = parseCodeFile(path, readFileSync(join(repo, path), 'utf8'));
      assert.ok(result.ok, !result.ok ? result.problems.map(describeProblem).join('\n') : '');
      return result.value;
    });
}

function readCodingFile(repo: string, coder: Coder): ReturnType<typeof parseCodingFile> {
  const path = codingFilePath(TRANSCRIPT, coder.id);
  return parseCodingFile(path, readFileSync(join(repo, path), 'utf8'));
}

function segmentsOf(repo: string, coder: Coder): Segment[] {
  const result = readCodingFile(repo, coder);
  assert.ok(result.ok, !result.ok ? result.problems.map(describeProblem).join('\n') : '');
  return result.value.segments;
}

const byId = (a: Segment, b: Segment): number => (a.id < b.id ? -1 : 1);

describe('git merges of coding work', function () {
  this.timeout(60_000);
  let repo: string;

  before(function () {
    if (!hasGit()) this.skip();
  });

  beforeEach(() => {
    repo = newRepository('grounded-merge-');
    write(repo, PROJECT_FILE, serializeProjectFile({ name: 'Gardens', transcripts: ['interviews/**/*.md'], memos: 'memos' }));
    write(repo, GITIGNORE_FILE, GITIGNORE_CONTENT);
    write(repo, TRANSCRIPT, TRANSCRIPT_TEXT);
    for (const c of [BELONGING, ISOLATION]) write(repo, codeFilePath(c.id), serializeCodeFile(c));
  });

  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('merges two coders who code the same transcript and add codes on their own branches, without conflict', () => {
    commitAll(repo, 'Base: project, codebook, transcript');

    git(repo, 'switch', '-q', '-c', 'dana');
    const foodSecurity = code(randomIds.next('c-'), 'Food security', '#2e8b57');
    write(repo, codeFilePath(foodSecurity.id), serializeCodeFile(foodSecurity));
    const danaSegments = [
      segmentOn("I'd been so isolated after the move.", [ISOLATION.id]),
      segmentOn("It's where I feel at home.", [BELONGING.id]),
      segmentOn('Some weeks the vegetables get us through to payday.', [foodSecurity.id]),
    ];
    writeCodingFile(repo, DANA, danaSegments);
    commitAll(repo, 'Dana codes P01');

    git(repo, 'switch', '-q', 'main');
    git(repo, 'switch', '-q', '-c', 'sam');
    const scarcity = code(randomIds.next('c-'), 'Plot scarcity', '#e07a5f');
    write(repo, codeFilePath(scarcity.id), serializeCodeFile(scarcity));
    const samSegments = [
      segmentOn("It's where I feel at home.", [BELONGING.id, ISOLATION.id]),
      segmentOn('people wait three years while plots sit empty', [scarcity.id]),
    ];
    writeCodingFile(repo, SAM, samSegments);
    commitAll(repo, 'Sam codes P01');

    git(repo, 'switch', '-q', 'main');
    assert.deepEqual(merge(repo, 'dana'), { status: 0, unmerged: [] });
    assert.deepEqual(merge(repo, 'sam'), { status: 0, unmerged: [] });
    assert.equal(git(repo, 'status', '--porcelain'), '');

    const codeIds = readCodes(repo).map((c) => c.id);
    assert.deepEqual(codeIds, [BELONGING.id, ISOLATION.id, foodSecurity.id, scarcity.id].sort());
    assert.deepEqual(readdirSync(join(repo, CODING_DIR, TRANSCRIPT)).sort(), ['dana-reyes.jsonl', 'sam-okafor.jsonl']);
    assert.deepEqual(segmentsOf(repo, DANA), [...danaSegments].sort(byId));
    assert.deepEqual(segmentsOf(repo, SAM), [...samSegments].sort(byId));
  });

  for (const union of [false, true]) {
    const outcome = union ? 'merges with git\'s union driver' : 'conflicts';
    it(`${outcome} when both branches start the same coder's file for a transcript`, () => {
      if (union) write(repo, '.gitattributes', `${CODING_DIR}/**/*.jsonl merge=union\n`);
      commitAll(repo, 'Base: nobody has coded P01');
      const onLaptop = segmentOn("It's where I feel at home.", [BELONGING.id]);
      const inLab = segmentOn("I'd been so isolated after the move.", [ISOLATION.id]);
      git(repo, 'switch', '-q', '-c', 'laptop');
      writeCodingFile(repo, DANA, [onLaptop]);
      commitAll(repo, 'Dana starts P01 on her laptop');
      git(repo, 'switch', '-q', 'main');
      writeCodingFile(repo, DANA, [inLab]);
      commitAll(repo, 'Dana starts P01 in the lab');

      const result = merge(repo, 'laptop');
      if (union) {
        assert.deepEqual(result, { status: 0, unmerged: [] });
        assert.deepEqual(segmentsOf(repo, DANA), [onLaptop, inLab].sort(byId));
      } else {
        assert.deepEqual(result.unmerged, [codingFilePath(TRANSCRIPT, DANA.id)]);
        assert.equal(readCodingFile(repo, DANA).ok, false);
      }
    });
  }

  describe('one coder adding segments to the same file on two branches', () => {
    // Fixed ids, so where each new line sorts is known: random ids land in any gap.
    const base = [
      segmentOn('My neighbour knocked on my door', [BELONGING.id], 's-300000000000'),
      segmentOn("I'd been so isolated after the move.", [ISOLATION.id], 's-600000000000'),
      segmentOn('My kids learn from the older gardeners.', [BELONGING.id], 's-900000000000'),
    ];

    function branchesAdding(first: Segment, second: Segment): void {
      writeCodingFile(repo, DANA, base);
      commitAll(repo, 'Base: Dana has coded part of P01');
      git(repo, 'switch', '-q', '-c', 'laptop');
      writeCodingFile(repo, DANA, [...base, first]);
      commitAll(repo, 'Dana codes on her laptop');
      git(repo, 'switch', '-q', 'main');
      writeCodingFile(repo, DANA, [...base, second]);
      commitAll(repo, 'Dana codes on the lab computer');
    }

    it('merges cleanly when the new lines sort between different neighbours', () => {
      const onLaptop = segmentOn("It's where I feel at home.", [BELONGING.id], 's-400000000000');
      const inLab = segmentOn('Some weeks the vegetables get us through to payday.', [ISOLATION.id], 's-700000000000');
      branchesAdding(onLaptop, inLab);

      assert.deepEqual(merge(repo, 'laptop'), { status: 0, unmerged: [] });
      assert.deepEqual(segmentsOf(repo, DANA), [...base, onLaptop, inLab].sort(byId));
    });

    it('conflicts when both new lines sort between the same neighbours, and the conflicted file is refused', () => {
      const onLaptop = segmentOn("It's where I feel at home.", [BELONGING.id], 's-400000000000');
      const inLab = segmentOn('Some weeks the vegetables get us through to payday.', [ISOLATION.id], 's-500000000000');
      branchesAdding(onLaptop, inLab);

      const path = codingFilePath(TRANSCRIPT, DANA.id);
      const result = merge(repo, 'laptop');
      assert.notEqual(result.status, 0);
      assert.deepEqual(result.unmerged, [path]);

      const read = readCodingFile(repo, DANA);
      assert.equal(read.ok, false, 'a file with conflict markers must not be read as coding');
      if (read.ok) return;
      const conflicted = readFileSync(join(repo, path), 'utf8');
      const conflictLine = conflicted.split('\n').indexOf('<<<<<<< HEAD') + 1;
      assert.equal(read.problems.length, 1, 'one problem for the conflict, not one per marker line');
      assert.equal(read.problems[0].kind, 'merge-conflict');
      assert.match(describeProblem(read.problems[0]), new RegExp(`^${path.replace(/[.]/g, '\\.')}:${conflictLine}: unresolved git merge conflict between "HEAD" and "laptop"`));

      // Resolving keeps both new segments and every segment from before.
      const resolution = resolveConflictedFile(path, conflicted);
      assert.ok(resolution.ok);
      if (!resolution.ok) return;
      const resolved = parseCodingFile(path, resolution.text);
      assert.ok(resolved.ok);
      if (resolved.ok) assert.deepEqual(resolved.value.segments, [...base, onLaptop, inLab].sort(byId));
    });

    it('merges the same-gap case with git\'s union driver, and a segment changed on both branches is refused as a duplicate', () => {
      write(repo, '.gitattributes', `${CODING_DIR}/**/*.jsonl merge=union\n`);
      const onLaptop = segmentOn("It's where I feel at home.", [BELONGING.id], 's-400000000000');
      const inLab = segmentOn('Some weeks the vegetables get us through to payday.', [ISOLATION.id], 's-500000000000');
      branchesAdding(onLaptop, inLab);
      assert.deepEqual(merge(repo, 'laptop'), { status: 0, unmerged: [] });
      // Union writes our line before theirs, so the file may be out of order; reading sorts it.
      assert.deepEqual(segmentsOf(repo, DANA), [...base, onLaptop, inLab].sort(byId));

      // Both branches recode the same segment: union keeps both versions of the line.
      const merged = segmentsOf(repo, DANA);
      git(repo, 'switch', '-q', '-c', 'recode');
      writeCodingFile(repo, DANA, merged.map((s) => (s.id === base[1].id ? { ...s, codes: [BELONGING.id] } : s)));
      commitAll(repo, 'Recode on a branch');
      git(repo, 'switch', '-q', 'main');
      writeCodingFile(repo, DANA, merged.map((s) => (s.id === base[1].id ? { ...s, comment: 'key moment' } : s)));
      commitAll(repo, 'Comment on main');
      assert.deepEqual(merge(repo, 'recode'), { status: 0, unmerged: [] });

      const read = readCodingFile(repo, DANA);
      assert.equal(read.ok, false);
      if (read.ok) return;
      assert.match(read.problems[0].message, /^segment id "s-600000000000" is used twice \(first on line \d+\)$/);
    });
  });
});
