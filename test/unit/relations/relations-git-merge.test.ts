/**
 * What plain git does with relations added to the same code on two branches, with a real
 * repository; and what Grounded's conflict resolution makes of the cases git cannot merge.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Code } from '../../../src/core/model';
import { resolveConflictedFile } from '../../../src/core/storage/conflict-resolution';
import { codeFilePath, parseCodeFile, serializeCodeFile } from '../../../src/core/storage/format';

const A = 'c-aaaaaaaaaaaa';
const PATH = codeFilePath(A);
const base: Code = { id: A, name: 'Isolation', parent: null, color: '#3a7bd5', description: '' };

function gitEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_CONFIG_GLOBAL: devNull, GIT_CONFIG_NOSYSTEM: '1' };
  for (const name of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY']) delete env[name];
  return env;
}

/** Commit `start`, change it one way on a branch and another way on the main line, merge. */
function mergeOf(start: Code, ours: Code, theirs: Code): { clean: boolean; text: string } {
  const repo = mkdtempSync(join(tmpdir(), 'grounded-relations-merge-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env: gitEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const write = (code: Code) => {
    mkdirSync(dirname(join(repo, PATH)), { recursive: true });
    writeFileSync(join(repo, PATH), serializeCodeFile(code));
    git('add', '-A');
    git('-c', 'user.name=T', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-m', 'x');
  };
  try {
    git('init', '-q', '-b', 'main');
    write(start);
    git('checkout', '-q', '-b', 'other');
    write(theirs);
    git('checkout', '-q', 'main');
    write(ours);
    const result = spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', 'merge', '--no-edit', 'other'], { cwd: repo, env: gitEnv(), encoding: 'utf8' });
    return { clean: result.status === 0, text: readFileSync(join(repo, PATH), 'utf8') };
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
}

const rel = (target: string, type = 'leads-to') => ({ target, type });

describe('relations merged by git', function () {
  this.timeout(30000);
  before(function () {
    if (spawnSync('git', ['--version']).status !== 0) this.skip();
  });

  it('merges cleanly when the two new relations sort to different places around an existing one', () => {
    const start = { ...base, relations: [rel('c-mmmmmmmmmmmm')] };
    const merged = mergeOf(start, { ...base, relations: [rel('c-bbbbbbbbbbbb'), rel('c-mmmmmmmmmmmm')] }, { ...base, relations: [rel('c-mmmmmmmmmmmm'), rel('c-zzzzzzzzzzzz')] });
    assert.equal(merged.clean, true);
    const read = parseCodeFile(PATH, merged.text);
    assert.ok(read.ok);
    assert.deepEqual(read.value.relations?.map((r) => r.target), ['c-bbbbbbbbbbbb', 'c-mmmmmmmmmmmm', 'c-zzzzzzzzzzzz']);
  });

  it('conflicts when both branches give a code its first relation, and resolving keeps both', () => {
    const merged = mergeOf(base, { ...base, relations: [rel('c-bbbbbbbbbbbb')] }, { ...base, relations: [rel('c-zzzzzzzzzzzz', 'part-of')] });
    assert.equal(merged.clean, false);
    const resolution = resolveConflictedFile(PATH, merged.text);
    assert.ok(resolution.ok);
    const read = parseCodeFile(PATH, resolution.text);
    assert.ok(read.ok);
    assert.deepEqual(read.value.relations?.map((r) => `${r.type} ${r.target}`), ['leads-to c-bbbbbbbbbbbb', 'part-of c-zzzzzzzzzzzz']);
  });
});
