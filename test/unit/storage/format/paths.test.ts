import assert from 'node:assert/strict';
import { randomIds, sequentialIds } from '../../../../src/core/ids';
import {
  CODES_DIR,
  CODING_DIR,
  PROJECT_FILE,
  codeFilePath,
  coderIdFromName,
  codingFilePath,
  isCodeId,
  isCoderId,
  isSegmentId,
  parseCodeFilePath,
  parseCodingFilePath,
} from '../../../../src/core/storage/format';

describe('format: paths', () => {
  it('places every file under .grounded', () => {
    assert.equal(PROJECT_FILE, '.grounded/project.json');
    assert.equal(codeFilePath('c-0f3k8m2q9x1a'), `${CODES_DIR}/c-0f3k8m2q9x1a.json`);
    assert.equal(
      codingFilePath('interviews/p01-amara.md', 'dana-reyes'),
      `${CODING_DIR}/interviews/p01-amara.md/dana-reyes.jsonl`,
    );
  });

  it('reads transcript and coder back from a coding file path, even with spaces and dots', () => {
    for (const transcript of ['p01.md', 'interviews/p01-amara.md', 'focus groups/2024.05/fg 1.md']) {
      assert.deepEqual(parseCodingFilePath(codingFilePath(transcript, 'sam-okafor')), { transcript, coderId: 'sam-okafor' });
    }
  });

  it('rejects paths that are not coding files', () => {
    const notCoding = [
      '.grounded/coding/dana-reyes.jsonl', // no transcript
      '.grounded/coding/interviews/p01.md/Dana Reyes.jsonl', // not a coder id
      '.grounded/coding/interviews/p01.md/dana-reyes.json',
      '.grounded/coding/../secrets.md/dana-reyes.jsonl',
      '.grounded/coding//p01.md/dana-reyes.jsonl',
      '.grounded/codes/c-0f3k8m2q9x1a.json',
      'coding/interviews/p01.md/dana-reyes.jsonl',
    ];
    for (const path of notCoding) assert.equal(parseCodingFilePath(path), undefined, path);
  });

  it('refuses to build paths that would escape the project or use a bad name', () => {
    assert.throws(() => codingFilePath('../outside.md', 'dana-reyes'));
    assert.throws(() => codingFilePath('/abs/p01.md', 'dana-reyes'));
    assert.throws(() => codingFilePath('interviews/./p01.md', 'dana-reyes'));
    assert.throws(() => codingFilePath('p01.md', 'Dana'));
    assert.throws(() => codeFilePath('c-short'));
  });

  it('reads the code id from a code file path', () => {
    assert.equal(parseCodeFilePath('.grounded/codes/c-0f3k8m2q9x1a.json'), 'c-0f3k8m2q9x1a');
    assert.equal(parseCodeFilePath('.grounded/codes/belonging.json'), undefined);
    assert.equal(parseCodeFilePath('.grounded/codes/sub/c-0f3k8m2q9x1a.json'), undefined);
  });

  it('recognises ids as Grounded generates them, and nothing else', () => {
    for (let i = 0; i < 50; i++) {
      assert.ok(isCodeId(randomIds.next('c-')));
      assert.ok(isSegmentId(randomIds.next('s-')));
    }
    const sequential = sequentialIds();
    assert.ok(isCodeId(sequential.next('c-')));
    for (const bad of ['c-0f3k8m2q9x1', 'c-0f3k8m2q9x1ab', 'c-0f3k8m2q9xua', 'C-0F3K8M2Q9X1A', 's-0f3k8m2q9x1a', 42]) {
      assert.equal(isCodeId(bad), false, String(bad));
    }
    assert.equal(isSegmentId('c-0f3k8m2q9x1a'), false);
    assert.equal(isSegmentId('s-0f3k8m2q9xia'), false);
  });

  describe('coderIdFromName', () => {
    const cases: Array<[string, string]> = [
      ['Dana Reyes', 'dana-reyes'],
      ['Zoë Ólafsdóttir', 'zoe-olafsdottir'],
      ['  Seán  O’Brien, PhD ', 'sean-o-brien-phd'],
      ['Łukasz Żółć', 'lukasz-zolc'],
      ['Jürgen Straße', 'jurgen-strasse'],
      ['Søren Ærø', 'soren-aero'],
      ['team_2 / coder #3', 'team-2-coder-3'],
      ['李雷', 'coder'],
      ['', 'coder'],
      ['---', 'coder'],
    ];
    for (const [name, id] of cases) {
      it(`${JSON.stringify(name)} → ${id}`, () => assert.equal(coderIdFromName(name), id));
    }

    it('always gives a valid, bounded coder id', () => {
      for (const name of ['A'.repeat(300), `${'-'.repeat(70)}anna`, `${'ab '.repeat(40)}x`, 'ÀÉÎÕÜ', '🌱 garden']) {
        const id = coderIdFromName(name);
        assert.ok(isCoderId(id), `${name} → ${id}`);
        assert.ok(id.length <= 64);
        assert.notEqual(id, 'coder', name);
      }
    });
  });
});
