import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeQuote } from '../../../src/core/anchoring';
import { PROJECT_FILE, serializeProjectFile } from '../../../src/core/storage/format';
import { ProjectStore } from '../../../src/core/storage/project-store';
import { NodeFileSystem } from '../../../src/node/node-file-system';
import { runCaptured } from './run-captured';

const T = 'interviews/p01.md';
const TEXT = '**Ana:** The rent was high. I paid late. My sister helped me.\n';
const dana = { id: 'dana-reyes', name: 'Dana Reyes' };
const sam = { id: 'sam-okafor', name: 'Sam Okafor' };

const at = (phrase: string) => {
  const start = TEXT.indexOf(phrase);
  return { range: { start, end: start + phrase.length }, quote: makeQuote(TEXT, { start, end: start + phrase.length }) };
};

/** The consensus coder's segments on disk, as "codes@quote". */
function consensus(root: string, transcript = T): string[] {
  const path = join(root, '.grounded', 'coding', transcript, 'consensus.jsonl');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').trimEnd().split('\n').slice(1).map((l) => JSON.parse(l) as { codes: string[]; exact: string; round?: string }).map((s) => `${s.codes.length}:${s.exact}:${s.round}`);
}

describe('grounded consensus', () => {
  let root: string;
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('copies each passage both coders coded alike, and only those, in the round asked for; a second run adds nothing', async () => {
    root = mkdtempSync(join(tmpdir(), 'grounded-consensus-'));
    mkdirSync(join(root, '.grounded'), { recursive: true });
    mkdirSync(join(root, 'interviews'));
    writeFileSync(join(root, PROJECT_FILE), serializeProjectFile({ name: 'S', transcripts: ['interviews/**/*.md'], memos: 'memos' }));
    writeFileSync(join(root, T), TEXT);
    const store = await ProjectStore.open(new NodeFileSystem(root), { coder: dana });
    const rent = store.addCode({ name: 'Rent' });
    const family = store.addCode({ name: 'Family' });
    const late = store.addCode({ name: 'Late' });
    // Alike: Rent on "The rent was high." by both. Boundaries differ: Late. Only Dana: Family.
    await store.applyCodes(T, at('The rent was high.'), [rent]);
    await store.applyCodes(T, at('I paid late.'), [late]);
    await store.applyCodes(T, at('My sister helped me.'), [family]);
    store.setCoder(sam);
    await store.applyCodes(T, at('The rent was high.'), [rent]);
    await store.applyCodes(T, at('I paid late. My sister'), [late]);
    await store.flush();

    const dry = await runCaptured(['consensus', root, '--dry-run'], root);
    assert.equal(dry.code, 0, dry.err);
    assert.match(dry.out, /^interviews\/p01\.md: 1 agreed passage\(s\)\n1 agreed passage\(s\) in 1 transcript\(s\) would be copied to the consensus coder; nothing written \(--dry-run\)\n$/);
    assert.deepEqual(consensus(root), []);

    const run = await runCaptured(['consensus', root, '--coders', 'Dana Reyes,sam-okafor', '--round', 'focused'], root);
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /copied 1 agreed passage\(s\) in 1 transcript\(s\) to the consensus coder, in round focused\n$/);
    assert.deepEqual(consensus(root), ['1:The rent was high.:focused']);

    const again = await runCaptured(['consensus', root], root);
    assert.match(again.out, /^0 agreed passage\(s\) in 0 transcript\(s\) to be copied to the consensus coder; 1 it had already\n$/);
    assert.deepEqual(consensus(root), ['1:The rent was high.:focused']);
  });

  it('refuses the consensus coder among --coders, a single coder and an unknown round, changing nothing', async () => {
    root = mkdtempSync(join(tmpdir(), 'grounded-consensus-'));
    cpSync('demo', root, { recursive: true });
    assert.equal((await runCaptured(['consensus', root, '--coders', 'dana-reyes,sam-okafor'], root)).code, 0);
    const before = consensus(root, 'interviews/p01-amara.md');
    assert.ok(before.length > 0);
    for (const [args, message] of [
      [['--coders', 'dana-reyes,consensus'], /the consensus coder receives the agreement/],
      [['--coders', 'dana-reyes'], /needs two or more coders; name another/],
      [['--round', 'axial'], /--round: the project has no round "axial"/],
    ] as const) {
      const result = await runCaptured(['consensus', root, ...args], root);
      assert.equal(result.code, 2);
      assert.match(result.err, message);
    }
    assert.deepEqual(consensus(root, 'interviews/p01-amara.md'), before);
  });

  it('writes nothing while a coder\'s file cannot be read, and says which', async () => {
    root = mkdtempSync(join(tmpdir(), 'grounded-consensus-'));
    cpSync('demo', root, { recursive: true });
    const broken = join(root, '.grounded', 'coding', 'interviews', 'p02-tomasz.md', 'sam-okafor.jsonl');
    writeFileSync(broken, '{ not json\n');
    const result = await runCaptured(['consensus', root], root);
    assert.equal(result.code, 1);
    assert.match(result.err, /nothing was written/);
    assert.match(result.err, /p02-tomasz\.md\/sam-okafor\.jsonl/);
    assert.deepEqual(consensus(root, 'interviews/p01-amara.md'), []);
    assert.equal(readFileSync(broken, 'utf8'), '{ not json\n');
  });

  it('copies the demo coders\' agreement into every transcript they both coded', async () => {
    root = mkdtempSync(join(tmpdir(), 'grounded-consensus-'));
    cpSync('demo', root, { recursive: true });
    const result = await runCaptured(['consensus', root], root);
    assert.equal(result.code, 0, result.err);
    const listed = [...result.out.matchAll(/^(interviews\/[^:]+): (\d+) agreed/gm)].map((m) => [m[1], Number(m[2])] as const);
    assert.ok(listed.length > 1, result.out);
    for (const [transcript, count] of listed) assert.equal(consensus(root, transcript).length, count, transcript);
  });
});
