import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../../src/cli/cli-command';
import { diffCommand } from '../../../src/cli/commands/diff';
import type { CodingDiff } from '../../../src/core/coding-review';
import { makeQuote } from '../../../src/core/anchoring';
import { loadSnapshot } from '../../../src/core/project-index';
import { parseCodingFile, serializeCodingFile } from '../../../src/core/storage/format';
import { GitFileSource } from '../../../src/node/git-file-source';
import { NodeFileSystem } from '../../../src/node/node-file-system';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DEMO = join(REPO_ROOT, 'demo');
const P01 = 'interviews/p01-amara.md';
const CODE_FILE = '.grounded/codes/c-16tjz42gmnbw.json';
const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.invalid' };

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: GIT_ENV });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Rewrite one coder's coding file of p01 through the format's own parser and serialiser. */
function editCoding(study: string, coder: string, edit: (text: string, segments: ReturnType<typeof parseCodingFile> & { ok: true }) => void): void {
  const path = `.grounded/coding/${P01}/${coder}.jsonl`;
  const parsed = parseCodingFile(path, readFileSync(join(study, path), 'utf8'));
  assert.ok(parsed.ok);
  edit(readFileSync(join(study, P01), 'utf8'), parsed);
  writeFileSync(join(study, path), serializeCodingFile(parsed.value));
}

function segmentAt(text: string, id: string, phrase: string, codes: readonly string[]) {
  const start = text.indexOf(phrase);
  assert.ok(start >= 0, phrase);
  const range = { start, end: start + phrase.length };
  return { id, codes, quote: makeQuote(text, range), position: range };
}

async function runDiff(cwd: string, positionals: string[], values: Record<string, string | boolean> = {}): Promise<{ code: number; out: string; err: string }> {
  const io: CliIo & { o: string; e: string } = { cwd, o: '', e: '', out: (t) => void (io.o += t), err: (t) => void (io.e += t) };
  const code = await diffCommand.run(positionals, values, io);
  return { code, out: io.o, err: io.e };
}

describe('grounded diff over git, and the review comment the action posts', function () {
  // Each test starts the CLI under tsx (and git) several times: slow on a loaded machine, never stuck.
  this.timeout(180_000);
  let repo: string;
  let study: string;
  const removedId = 's-4yg8vpr8tsz4';
  const reboundId = 's-15v1f7k0dxp2';

  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'grounded-review-'));
    study = join(repo, 'study');
    cpSync(DEMO, study, { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'demo');
    git(repo, 'checkout', '-q', '-b', 'coding');
    // Dana: removes one segment, re-bounds another, adds one; Sam adds one; the code is renamed.
    editCoding(study, 'dana-reyes', (text, file) => {
      const segments = file.value.segments.filter((s) => s.id !== removedId);
      const rebound = segments.find((s) => s.id === reboundId)!;
      Object.assign(rebound, segmentAt(text, reboundId, 'a proper phone with my own number', rebound.codes));
      segments.push(segmentAt(text, 's-0000000000d1', 'Practical things first.', ['c-16tjz42gmnbw']));
      file.value.segments = segments.sort((a, b) => (a.id < b.id ? -1 : 1));
    });
    editCoding(study, 'sam-okafor', (text, file) => {
      file.value.segments = [...file.value.segments, segmentAt(text, 's-0000000000e1', 'Practical things first.', ['c-16tjz42gmnbw'])].sort((a, b) => (a.id < b.id ? -1 : 1));
    });
    const codeFile = join(study, CODE_FILE);
    writeFileSync(codeFile, readFileSync(codeFile, 'utf8').replace('"Trusted professionals"', '"Trusted workers @everyone"'));
    git(repo, 'commit', '-q', '-am', 'coding');
    git(repo, 'checkout', '-q', 'main');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('reads a revision through git as the working tree reads the same files', async () => {
    const source = await GitFileSource.open(study, 'main', 'study/');
    try {
      const [fromGit, fromDisk] = [await loadSnapshot(source), await loadSnapshot(new NodeFileSystem(study))];
      assert.deepEqual(JSON.parse(JSON.stringify(fromGit)), JSON.parse(JSON.stringify(fromDisk)));
      assert.equal(await source.readFile('no/such/file'), undefined);
      assert.deepEqual((await source.readDirectory('interviews')).map((e) => e.name).sort(), ['p01-amara.md', 'p02-tomasz.md', 'p03-lucia.md', 'p04-kwame.md', 'p05-mei.md', 'p06-renee.md', 'p07-marcus.md', 'p08-dee.md', 'p09-priya.md', 'p10-tyrone.md', 'p11-celeste.md', 'p12-hannah.md', 'p13-kai.md', 'p14-marisol.md', 'p15-grace.md', 'p16-jolene.md', 'p17-andre.md']);
    } finally {
      source.dispose();
    }
  });

  it("compares two branches: each coder's changes, the re-bound edges and the rename", async () => {
    const r = await runDiff(repo, ['study', 'main', 'coding'], { format: 'json' });
    assert.equal(r.code, 0, r.err);
    const d = JSON.parse(r.out) as CodingDiff & { base: string; head: string };
    assert.deepEqual([d.base, d.head], ['main', 'coding']);
    assert.deepEqual(d.transcripts.map((t) => t.path), [P01]);
    const changes = d.transcripts[0].changes.map((c) => `${c.kinds.join('+')} ${c.coder} ${c.segment}`);
    assert.deepEqual(changes, [`removed dana-reyes ${removedId}`, 'added dana-reyes s-0000000000d1', 'added sam-okafor s-0000000000e1', `rebounded dana-reyes ${reboundId}`]);
    const rebound = d.transcripts[0].changes[3];
    assert.deepEqual(rebound.edges, { start: { gained: '', lost: 'A phone, ' }, end: { gained: '', lost: '' } });
    assert.deepEqual(d.codebook, [{ kind: 'renamed', code: 'c-16tjz42gmnbw', from: 'Trusted professionals', to: 'Trusted workers @everyone', segments: d.codebook[0].kind === 'renamed' ? d.codebook[0].segments : -1 }]);
  });

  it('compares the working tree with HEAD when it has uncommitted changes, and a revision with the working tree', async () => {
    const clean = await runDiff(study, [], { format: 'json' });
    assert.equal(clean.code, 0, clean.err);
    assert.deepEqual((JSON.parse(clean.out) as CodingDiff).transcripts, []);
    const memo = join(study, 'memos', 'new-idea.md');
    writeFileSync(memo, '# A new idea\n\nWorth checking.\n');
    try {
      const dirty = JSON.parse((await runDiff(study, [], { format: 'json' })).out) as CodingDiff & { base: string; head: string };
      assert.deepEqual([dirty.base, dirty.head, dirty.memos], ['HEAD', 'working tree', [{ kind: 'added', path: 'memos/new-idea.md', title: 'A new idea' }]]);
      const one = JSON.parse((await runDiff(study, ['coding'], { format: 'json' })).out) as CodingDiff & { head: string };
      assert.equal(one.head, 'working tree');
      assert.equal(one.codebook[0].kind, 'renamed', 'coding (base) has the new name, the working tree the old one');
    } finally {
      rmSync(memo);
    }
    const bad = await runDiff(study, ['no-such-branch']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /"no-such-branch" is not a commit/);
  });

  it('builds the comment body the action posts: marker, validation, summary, marked passages, escaped rename; none of the text in privacy mode', () => {
    const comment = (extra: string[]): string => {
      const out = join(repo, 'comment.md');
      const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/review-comment.mjs'), '--project', study, '--base', 'main', '--head', 'coding', '--out', out, ...extra], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        env: { ...process.env, GROUNDED_CLI: join(REPO_ROOT, 'src/cli/main.ts') },
      });
      assert.equal(r.status, 0, r.stderr);
      return readFileSync(out, 'utf8');
    };
    const body = comment([]);
    assert.ok(body.startsWith('<!-- grounded-review -->\n## Grounded coding review\n'), body);
    assert.match(body, /\*\*grounded validate:\*\* no errors\./);
    assert.match(body, /\| Coder \| Code \| Applied \| Removed \|\n\|---\|---\|--:\|--:\|\n\| dana-reyes \|/);
    assert.match(body, /\| sam-okafor \| Trusted workers @\u2060everyone \| \+1 \| {2}\|/);
    assert.match(body, /> ~~A phone,~~ a proper phone with my own number/);
    assert.match(body, /renamed _Trusted professionals_ → _Trusted workers @\u2060everyone_/);
    assert.ok(!body.includes('@everyone'), 'no live mention');
    const quiet = comment(['--no-quotes']);
    assert.ok(quiet.startsWith('<!-- grounded-review -->'));
    for (const text of ['phone', 'Practical things', 'When I finally left']) assert.ok(!quiet.includes(text), text);
    assert.match(quiet, /re-bounded · dana-reyes · _[^_]+_ · line \d+ \(\d+–\d+\) · 0 word\(s\) gained, 2 lost at the edges/);
  });

  it('fails the check and still shows the comparison when a file at the head holds conflict markers', () => {
    git(repo, 'checkout', '-q', '-b', 'conflicted', 'coding');
    const path = `.grounded/coding/${P01}/sam-okafor.jsonl`;
    const [header, ...records] = readFileSync(join(study, path), 'utf8').split('\n');
    writeFileSync(join(study, path), [header, '<<<<<<< HEAD', records[0], '=======', records[1], '>>>>>>> other', ...records.slice(2)].join('\n'));
    git(repo, 'commit', '-q', '-am', 'markers committed by mistake');
    git(repo, 'checkout', '-q', 'main');
    const out = join(repo, 'conflicted-comment.md');
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts/review-comment.mjs'), '--project', study, '--base', 'main', '--head', 'conflicted', '--out', out], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, GROUNDED_CLI: join(REPO_ROOT, 'src/cli/main.ts') },
    });
    assert.equal(r.status, 1, r.stderr);
    const body = readFileSync(out, 'utf8');
    assert.match(body, /\*\*Unreadable files \(1\):\*\*/);
    assert.ok(body.includes('sam-okafor.jsonl'), body);
    assert.match(body, /\| dana-reyes \|/, 'the rest of the comparison is still in the comment');
    assert.ok(!body.includes('could not compare'), body);
  });
});
