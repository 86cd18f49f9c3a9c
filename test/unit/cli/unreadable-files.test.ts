/**
 * The command line over files that cannot be used: each exits 1 naming the file (and line), and
 * never writes; `grounded resolve` merges a real git conflict in a coding file.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/run-cli';
import { parseCodingFile } from '../../../src/core/storage/format';

const DEMO = new URL('../../../demo/', import.meta.url);
const CODING = '.grounded/coding/interviews/p01-amara.md/dana-reyes.jsonl';

async function run(args: string[], cwd: string): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await main(args, { out: (t) => void (out += t), err: (t) => void (out += t), cwd });
  return { code, out };
}

describe('grounded over unreadable project files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'grounded-cli-'));
    cpSync(DEMO, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reports invalid UTF-8 in a coding file at its line, and leaves the bytes as they were', async () => {
    const lines = readFileSync(join(dir, CODING), 'utf8').split('\n');
    const bytes = Buffer.concat([Buffer.from(`${lines.slice(0, 3).join('\n')}\n`), Buffer.from([0x7b, 0xff, 0x7d, 0x0a]), Buffer.from(lines.slice(3).join('\n'))]);
    writeFileSync(join(dir, CODING), bytes);
    for (const command of ['validate', 'stats']) {
      const result = await run([command, dir], dir);
      if (command === 'validate') {
        assert.equal(result.code, 1);
        assert.match(result.out, new RegExp(`${CODING.replace(/[.]/g, '\\.')}:4: not valid UTF-8 \\(byte 0xFF\\)`));
      }
      assert.ok(readFileSync(join(dir, CODING)).equals(bytes), `${command} rewrote the file`);
    }
  });

  it('exits 1 naming project.json when it is invalid, as for every other invalid file', async () => {
    writeFileSync(join(dir, '.grounded/project.json'), `{\n  "format": "grounded-project",\n  "version": 1,\n  "name": ${'['.repeat(10_000)}\n}\n`);
    const validate = await run(['validate', dir], dir);
    assert.equal(validate.code, 1);
    assert.match(validate.out, /^\.grounded\/project\.json:4: not readable at column 110: nested more than 100 levels deep \[error\]$/m);
    const stats = await run(['stats', dir], dir);
    assert.deepEqual(stats, { code: 1, out: 'grounded stats: .grounded/project.json:4: not readable at column 110: nested more than 100 levels deep\n' });
  });

  it('names the speakers file and the line of a bad entry, exiting 1', async () => {
    writeFileSync(join(dir, 'call.vtt'), 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\nDana Reyes: Hello?\n');
    writeFileSync(join(dir, 'speakers.json'), '{\n  "Dana Reyes": {"name": "Dana", "role": "interviewer"},\n  "Amara": {"name": 5}\n}\n');
    const bad = await run(['import', 'call.vtt', '--speakers-file', 'speakers.json', '--out', 'out'], dir);
    assert.equal(bad.code, 1);
    assert.match(bad.out, /--speakers-file speakers\.json:3: "Amara" must map to/);
    writeFileSync(join(dir, 'speakers.json'), '{\n  "Dana Reyes": {"name": "Dana",\n}\n');
    const syntax = await run(['import', 'call.vtt', '--speakers-file', 'speakers.json', '--out', 'out'], dir);
    assert.equal(syntax.code, 1);
    assert.match(syntax.out, /--speakers-file speakers\.json:2: not valid JSON at column 32: nothing follows this comma/);
  });

  it('names a Word document whose body is damaged, with the line in it', async () => {
    const { buildDocx } = await import('../interchange/transcripts/docx-builder');
    const docx = Buffer.from(buildDocx([['Interviewer: Ready?']]));
    // Damage the stored (uncompressed) document part: an unclosed tag in the body.
    const damaged = Buffer.from(docx.toString('latin1').replace('<w:body>', '<w:body><w:p'), 'latin1');
    writeFileSync(join(dir, 'talk.docx'), damaged);
    const result = await run(['import', 'talk.docx', '--out', 'out'], dir);
    assert.equal(result.code, 1);
    assert.match(result.out, /talk\.docx: the Word document (is damaged|could not be read)/);
  });
});

describe('grounded resolve', () => {
  let dir: string;
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_GLOBAL: devNull, GIT_CONFIG_SYSTEM: devNull } });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'grounded-resolve-'));
    cpSync(DEMO, dir, { recursive: true });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.name=T', '-c', 'user.email=t@example.org', 'add', '.');
    git('-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-qm', 'start');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Two branches edit the same segment line differently: git leaves markers in the coding file. */
  function conflictOnBranches(): { ours: string; theirs: string } {
    const original = readFileSync(join(dir, CODING), 'utf8');
    const lines = original.split('\n');
    const commit = (text: string): void => {
      writeFileSync(join(dir, CODING), text);
      git('-c', 'user.name=T', '-c', 'user.email=t@example.org', 'commit', '-qam', 'edit');
    };
    git('checkout', '-qb', 'sam');
    const theirs = lines[1].replace(/,"suffix"/, ',"comment":"from sam","suffix"');
    commit([lines[0], theirs, ...lines.slice(2)].join('\n'));
    git('checkout', '-q', 'main');
    const ours = lines[1].replace(/,"suffix"/, ',"comment":"from dana","suffix"');
    commit([lines[0], ours, ...lines.slice(2)].join('\n'));
    const merge = spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.org', 'merge', '-q', 'sam'], { cwd: dir, encoding: 'utf8' });
    assert.notEqual(merge.status, 0, 'the merge should conflict');
    return { ours, theirs };
  }

  it('validate names the conflict; resolve keeps every segment, the preferred side of the contested one', async () => {
    const { theirs } = conflictOnBranches();
    const conflicted = readFileSync(join(dir, CODING), 'utf8');
    const validate = await run(['validate', dir], dir);
    assert.equal(validate.code, 1);
    assert.match(validate.out, new RegExp(`${CODING.replace(/[.]/g, '\\.')}:2: unresolved git merge conflict between "HEAD" and "sam"`));

    const before = parseCodingFile(CODING, conflicted.replace(/^(<<<<<<<|=======|>>>>>>>).*\n/gm, '').replace(`${theirs}\n`, ''));
    assert.ok(before.ok);
    const resolved = await run(['resolve', dir, '--prefer', 'theirs'], dir);
    assert.equal(resolved.code, 0, resolved.out);
    assert.match(resolved.out, new RegExp(`resolved ${CODING.replace(/[.]/g, '\\.')}\\n  kept \\d+ segment\\(s\\)`));
    // git's stage 1 gave the common version: the segment is contested because both sides changed it.
    assert.match(resolved.out, /1 segment\(s\) were changed differently on the two sides \(s-[0-9a-z]+\): kept sam's version/);
    assert.match(resolved.out, new RegExp(`next: git add ${CODING.replace(/[.]/g, '\\.')} \\(then commit the merge\\)\n$`));
    const after = readFileSync(join(dir, CODING), 'utf8');
    assert.ok(after.includes('"comment":"from sam"') && !after.includes('from dana') && !after.includes('<<<<<<<'));
    const parsed = parseCodingFile(CODING, after);
    assert.ok(parsed.ok && before.ok && parsed.value.segments.length === before.value.segments.length);
    assert.equal((await run(['validate', dir], dir)).out.includes('merge conflict'), false);
  });

  it('says when there is nothing to resolve, and refuses a file it cannot merge', async () => {
    assert.deepEqual(await run(['resolve', dir], dir), { code: 0, out: 'no unresolved merge conflicts in .grounded/coding/ or .grounded/codes/\n' });
    writeFileSync(join(dir, 'notes.json'), '<<<<<<< HEAD\n1\n=======\n2\n>>>>>>> x\n');
    const refused = await run(['resolve', join(dir, 'notes.json')], dir);
    assert.equal(refused.code, 1);
    assert.match(refused.out, /notes\.json: only coding files .* edit this one by hand/);
    assert.equal(readFileSync(join(dir, 'notes.json'), 'utf8'), '<<<<<<< HEAD\n1\n=======\n2\n>>>>>>> x\n');
  });
});
