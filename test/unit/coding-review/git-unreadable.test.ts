import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { CliIo } from '../../../src/cli/cli-command';
import { diffCommand } from '../../../src/cli/commands/diff';
import type { CodingDiff } from '../../../src/core/coding-review';
import { codeFilePath, codingFilePath } from '../../../src/core/storage/format';
import { DANA, P01, SAM, TRUST, WORK, baseSpec, code, conflicted, files, seg } from './projects';

const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.invalid' };
const DANA_FILE = codingFilePath('interviews/p01.md', DANA.id);
const TRUST_FILE = codeFilePath(TRUST);

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: GIT_ENV });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

async function runDiff(cwd: string, positionals: string[], values: Record<string, string | boolean> = {}): Promise<{ code: number; out: string; err: string }> {
  const io: CliIo & { o: string; e: string } = { cwd, o: '', e: '', out: (t) => void (io.o += t), err: (t) => void (io.e += t) };
  const code = await diffCommand.run(positionals, values, io);
  return { code, out: io.o, err: io.e };
}

describe('grounded diff over git when a file holds conflict markers', function () {
  this.timeout(60_000);
  let repo: string;

  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'grounded-unreadable-'));
    const write = (path: string, text: string): void => {
      mkdirSync(dirname(join(repo, path)), { recursive: true });
      writeFileSync(join(repo, path), text);
    };
    for (const [path, text] of files(baseSpec()).files) write(path, text);
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'base');
    // A merge committed with its conflicts: Dana's coding of p01 and the code Trust, while Sam's
    // new segment in p02 merged cleanly.
    const other = baseSpec();
    other.codes[0] = code(TRUST, 'Trust, earned');
    other.coding['interviews/p01.md'][DANA.id][0] = seg(P01, 's-00000000000a', 'A friend from church', [WORK]);
    const theirs = files(other).files;
    for (const path of [DANA_FILE, TRUST_FILE]) write(path, conflicted(readFileSync(join(repo, path), 'utf8'), theirs.get(path)!, 'other'));
    const head = baseSpec();
    head.coding['interviews/p02.md'][SAM.id].push(seg('**Interviewer:** And work?\n\n**Tomasz:** We slept on site. Nobody paid us.\n', 's-000000000011', 'We slept on site', [WORK]));
    const samFile = codingFilePath('interviews/p02.md', SAM.id);
    write(samFile, files(head).files.get(samFile)!);
    git(repo, 'commit', '-q', '-am', 'merge with conflicts');
    // The conflicts resolved: both files as they were in the first commit.
    for (const [path, text] of files(baseSpec()).files) if (path === DANA_FILE || path === TRUST_FILE) write(path, text);
    git(repo, 'commit', '-q', '-am', 'resolved');
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('names the conflicted files at head, reports none of their records as removed or deleted, and exits 1', async () => {
    const md = await runDiff(repo, ['HEAD~2', 'HEAD~1']);
    assert.equal(md.code, 1, md.err);
    assert.match(md.out, /\*\*Unreadable files \(2\):\*\*/);
    assert.match(md.out, /^- head · \.grounded\/codes\/c-000000000001\.json line \d+: unresolved git merge conflict between "HEAD" and "other"/m);
    assert.match(md.out, /^- head · \.grounded\/coding\/interviews\/p01\.md\/dana-reyes\.jsonl line 2: unresolved git merge conflict/m);
    assert.match(md.out, /added · sam-okafor · _Work_ · line 3/, 'the file that merged cleanly is still compared');
    assert.ok(!/removed · dana-reyes|deleted _Trust_/.test(md.out), md.out);
    assert.match(md.err, /2 file\(s\) could not be read[^]*head: \.grounded\/coding\/interviews\/p01\.md\/dana-reyes\.jsonl:2: unresolved/);

    const json = await runDiff(repo, ['HEAD~2', 'HEAD~1'], { format: 'json' });
    assert.equal(json.code, 1);
    const d = JSON.parse(json.out) as CodingDiff;
    assert.deepEqual([...new Set(d.problems.map((p) => `${p.side} ${p.path} ${p.kind}`))], [`head ${TRUST_FILE} merge-conflict`, `head ${DANA_FILE} merge-conflict`]);
    assert.deepEqual([d.codebook, d.summary.map((r) => [r.coder, r.codeName, r.added, r.removed])], [[], [['sam-okafor', 'Work', 1, 0]]]);
  });

  it('names the conflicted files at base and reports none of their records as added', async () => {
    const r = await runDiff(repo, ['HEAD~1', 'HEAD'], { format: 'json' });
    assert.equal(r.code, 1, r.err);
    const d = JSON.parse(r.out) as CodingDiff;
    assert.deepEqual([d.transcripts, d.codebook], [[], []]);
    assert.deepEqual([...new Set(d.problems.map((p) => `${p.side} ${p.path}`))], [`base ${TRUST_FILE}`, `base ${DANA_FILE}`]);
    const quiet = JSON.parse((await runDiff(repo, ['HEAD~1', 'HEAD'], { format: 'json', 'no-quotes': true })).out) as CodingDiff;
    assert.ok(quiet.problems.length > 0 && quiet.problems.every((p) => p.message === undefined && p.kind === 'merge-conflict'), JSON.stringify(quiet.problems));
  });

  it('exits 0 with an empty problems list when both sides read', async () => {
    const r = await runDiff(repo, ['HEAD~2', 'HEAD'], { format: 'json' });
    assert.equal(r.code, 0, r.err);
    const d = JSON.parse(r.out) as CodingDiff;
    assert.deepEqual([d.problems, d.transcripts.map((t) => t.path)], [[], ['interviews/p02.md']]);
  });
});
