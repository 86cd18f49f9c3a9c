/**
 * Resolving real git conflicts against the common ancestor: what one branch changed alone survives
 * the merge, whether the ancestor comes from diff3-style markers or from git's stage 1.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CONTEXT_LENGTH, type Code, type Coder, type Segment } from '../../../src/core/model';
import { type AncestorFile, type ConflictSide, resolveConflictedFile } from '../../../src/core/storage/conflict-resolution';
import { PROJECT_FILE, codeFilePath, codingFilePath, parseCodeFile, parseCodingFile, serializeCodeFile, serializeCodingFile, serializeProjectFile } from '../../../src/core/storage/format';
import { commitAll, git, gitEnv, hasGit, merge, newRepository, write } from './git-fixture';

const TRANSCRIPT = 'interviews/p01.md';
const TEXT = '**Interviewer:** How did you find help?\n\n**Amara:** A friend from church took me in. I did not trust anyone then. Now I trust the garden.\n';
const DANA: Coder = { id: 'dana-reyes', name: 'Dana Reyes' };
const KIM: Coder = { id: 'kim-lee', name: 'Kim Lee' };
const TRUST = 'c-aaaaaaaaaaaa';
const HOME = 'c-bbbbbbbbbbbb';

function segment(id: string, exact: string, codes = [TRUST], comment?: string): Segment {
  const start = TEXT.indexOf(exact);
  const end = start + exact.length;
  const quote = { exact, prefix: TEXT.slice(Math.max(0, start - CONTEXT_LENGTH), start), suffix: TEXT.slice(end, end + CONTEXT_LENGTH) };
  return { id, codes, quote, position: { start, end }, ...(comment ? { comment } : {}) };
}

// Fixed ids: s-6 and the new s-7 sit on neighbouring lines, so changes to them conflict in git.
const S3 = segment('s-300000000000', 'A friend from church');
const S6 = segment('s-600000000000', 'I did not trust anyone then.');
const S7 = segment('s-700000000000', 'took me in', [HOME]);
const S9 = segment('s-900000000000', 'Now I trust the garden.');
const RECODED = { ...S6, codes: [TRUST, HOME] };
const COMMENTED = { ...S6, comment: 'the turning point' };

const CODING = codingFilePath(TRANSCRIPT, DANA.id);
const codingOf = (segments: Segment[], coder = DANA): string => serializeCodingFile({ transcript: TRANSCRIPT, coder, segments });

describe('resolving a conflict against the common ancestor', function () {
  this.timeout(60_000);
  let repo: string;

  before(function () {
    if (!hasGit()) this.skip();
  });

  beforeEach(() => {
    repo = newRepository('grounded-three-way-');
    write(repo, PROJECT_FILE, serializeProjectFile({ name: 'Gardens', transcripts: ['interviews/**/*.md'], memos: 'memos' }));
    write(repo, TRANSCRIPT, TEXT);
  });

  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  /** Branch `other` writes `theirs`, main writes `ours`, both from `base`; main merges `other` in `style`. */
  function conflict(path: string, base: string | undefined, ours: string, theirs: string, style: 'merge' | 'diff3'): string {
    if (base !== undefined) write(repo, path, base);
    commitAll(repo, 'base');
    git(repo, 'switch', '-q', '-c', 'other');
    write(repo, path, theirs);
    commitAll(repo, 'theirs');
    git(repo, 'switch', '-q', 'main');
    write(repo, path, ours);
    commitAll(repo, 'ours');
    const merged = merge(repo, 'other', '-c', `merge.conflictStyle=${style}`);
    assert.deepEqual(merged.unmerged, [path], 'git stops on the file');
    return readFileSync(join(repo, path), 'utf8');
  }

  /** What `git show :1:path` holds: the ancestor as git keeps it for a conflicted path (none when both sides added it). */
  function stageOne(path: string): AncestorFile {
    const shown = spawnSync('git', ['show', `:1:${path}`], { cwd: repo, env: gitEnv(), encoding: 'utf8' });
    return shown.status === 0 ? { text: shown.stdout } : { absent: true };
  }

  function resolved(path: string, text: string, style: 'merge' | 'diff3', prefer: ConflictSide = 'ours'): { segments: Segment[]; notes: string[]; contested: string[] } {
    const resolution = resolveConflictedFile(path, text, prefer, style === 'merge' ? stageOne(path) : undefined);
    assert.ok(resolution.ok, resolution.ok ? '' : resolution.message);
    if (!resolution.ok) throw new Error('unreachable');
    const read = parseCodingFile(path, resolution.text);
    assert.ok(read.ok);
    if (!read.ok) throw new Error('unreachable');
    return { segments: read.value.segments, notes: resolution.notes, contested: resolution.contested };
  }

  for (const style of ['diff3', 'merge'] as const) {
    describe(`with the ancestor from ${style === 'diff3' ? 'diff3 markers' : "git's stage 1"}`, () => {
      it('keeps a recode made on one branch while the other added a segment beside it', () => {
        const text = conflict(CODING, codingOf([S3, S6, S9]), codingOf([S3, S6, S7, S9]), codingOf([S3, RECODED, S9]), style);
        const { segments, notes, contested } = resolved(CODING, text, style);
        assert.deepEqual(segments, [S3, RECODED, S7, S9]);
        assert.deepEqual(contested, []);
        assert.equal(notes[0], 'kept 4 segment(s); taken from one side against the common version: 1 added in HEAD; 1 changed in other');
      });

      it('keeps a deletion made on one branch while the other added a segment beside it', () => {
        const text = conflict(CODING, codingOf([S3, S6, S9]), codingOf([S3, S6, S7, S9]), codingOf([S3, S9]), style);
        const { segments, notes } = resolved(CODING, text, style);
        assert.deepEqual(segments, [S3, S7, S9]);
        assert.match(notes[0], /1 added in HEAD; 1 deleted in other$/);
      });

      it('keeps, changed, a segment one branch deleted and the other recoded, and says so', () => {
        const text = conflict(CODING, codingOf([S3, S6, S9]), codingOf([S3, RECODED, S9]), codingOf([S3, S9]), style);
        const { segments, notes } = resolved(CODING, text, style);
        assert.deepEqual(segments, [S3, RECODED, S9]);
        assert.ok(notes.includes('1 record(s) deleted in other were changed in HEAD (s-600000000000): kept, changed; delete them again if they should go'), notes.join('\n'));
      });

      it('lets the chosen side decide a segment both branches changed differently', () => {
        const text = conflict(CODING, codingOf([S3, S6, S9]), codingOf([S3, COMMENTED, S9]), codingOf([S3, RECODED, S9]), style);
        for (const [prefer, kept] of [['ours', COMMENTED], ['theirs', RECODED]] as const) {
          const { segments, contested, notes } = resolved(CODING, text, style, prefer);
          assert.deepEqual(segments, [S3, kept, S9]);
          assert.deepEqual(contested, [S6.id]);
          assert.match(notes.join('\n'), new RegExp(`kept ${prefer === 'ours' ? "HEAD's" : "other's"} version`));
        }
      });

      it('merges a code file field by field: criteria changed on one side survive, both-sides changes are contested', () => {
        const start: Code = { id: TRUST, name: 'Trust', parent: null, color: '#3a7bd5', description: 'Trusting people.', inclusion: 'Any statement of trust' };
        const path = codeFilePath(TRUST);
        const ours: Code = { ...start, name: 'Trust (in people)', parent: HOME, inclusion: 'Explicit trust words only' };
        const theirs: Code = { ...start, color: '#aa3355', description: 'Trusting people or places.', inclusion: 'Any trust, said or shown', exclusion: 'Not faith in God' };
        const text = conflict(path, serializeCodeFile(start), serializeCodeFile(ours), serializeCodeFile(theirs), style);
        const resolution = resolveConflictedFile(path, text, 'ours', style === 'merge' ? stageOne(path) : undefined);
        assert.ok(resolution.ok);
        if (!resolution.ok) return;
        const read = parseCodeFile(path, resolution.text);
        assert.ok(read.ok);
        if (!read.ok) return;
        assert.deepEqual(read.value, { ...start, name: 'Trust (in people)', parent: HOME, color: '#aa3355', description: 'Trusting people or places.', inclusion: 'Explicit trust words only', exclusion: 'Not faith in God' });
        assert.deepEqual(resolution.contested, ['inclusion']);
        assert.deepEqual(resolution.notes, [
          `took HEAD's change of "name", "parent"`,
          `took other's change of "color", "description", "exclusion"`,
          `both sides changed "inclusion": kept HEAD's value (choose the other side to keep its value instead)`,
        ]);
      });
    });
  }

  it('keeps both sides of a file both branches started, with nothing to warn about', () => {
    const path = codingFilePath(TRANSCRIPT, KIM.id);
    const text = conflict(path, undefined, codingOf([S3], KIM), codingOf([S9], KIM), 'merge');
    const { segments, notes } = resolved(path, text, 'merge');
    assert.deepEqual(segments, [S3, S9]);
    assert.deepEqual(notes, ['kept 2 segment(s); taken from one side against the common version: 1 added in HEAD; 1 added in other']);
  });

  it('without the ancestor keeps what either side holds, and says a deletion may have come back', () => {
    const text = conflict(CODING, codingOf([S3, S6, S9]), codingOf([S3, S6, S7, S9]), codingOf([S3, S9]), 'merge');
    const resolution = resolveConflictedFile(CODING, text);
    assert.ok(resolution.ok);
    if (!resolution.ok) return;
    assert.equal(resolution.text, codingOf([S3, S6, S7, S9]));
    assert.match(resolution.notes.join('\n'), /not at hand, so a record only one side holds was kept even where the other side had deleted it \(s-600000000000, s-700000000000\)/);
  });
});
