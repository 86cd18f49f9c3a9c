import assert from 'node:assert/strict';
import { codingUnits, isSkipped, nextUncoded, nextUnit, participantRegions, previousUnit, unitAt, unitAtOrAfter, type CodingUnit } from '../../../src/core/keyboard/coding-units';
import { DEFAULT_SKIP_SPEAKERS } from '../../../src/core/keyboard/coding-units';
import { parseTranscript } from '../../../src/core/markdown';
import type { TextRange } from '../../../src/core/model';

const TEXT = [
  '---',
  'participant: Amara',
  '---',
  '',
  '# Interview P01',
  '',
  '*Recorded at the centre.*',
  '',
  '**Interviewer:** How did you find the centre? Was it far?',
  '',
  '**Amara:** [00:01:10] A friend, Mrs. Okoye, took me. She knew the way.',
  'It was far. But I went!',
  '',
  '> Then I went every week.',
  '> Every single week.',
  '',
  '   ',
  '## Part two',
  '',
  '[00:04:40] **Interviewer 2:** And then?',
  '',
  '**Amara:** - Then nothing.',
  '',
].join('\n');
const transcript = parseTranscript(TEXT);
const texts = (ranges: readonly TextRange[]): string[] => ranges.map((r) => TEXT.slice(r.start, r.end));
const units = (unit: CodingUnit, skip = DEFAULT_SKIP_SPEAKERS): string[] => texts(codingUnits(TEXT, transcript, { unit, skipSpeakers: skip }));

describe('coding units', () => {
  it('lines: participant lines only, without labels, markup, blank lines, headings or front matter', () => {
    assert.deepEqual(units('line'), [
      'A friend, Mrs. Okoye, took me. She knew the way.',
      'It was far. But I went!',
      'Then I went every week.',
      'Every single week.',
      '- Then nothing.',
    ]);
  });

  it('sentences never cross a paragraph and keep abbreviations together', () => {
    assert.deepEqual(units('sentence'), [
      'A friend, Mrs. Okoye, took me.',
      'She knew the way.',
      'It was far.',
      'But I went!',
      'Then I went every week.',
      '> Every single week.',
      '- Then nothing.',
    ]);
  });

  it('paragraphs and turns', () => {
    assert.deepEqual(units('paragraph'), [
      'A friend, Mrs. Okoye, took me. She knew the way.\nIt was far. But I went!',
      'Then I went every week.\n> Every single week.',
      '- Then nothing.',
    ]);
    assert.deepEqual(units('turn'), [
      'A friend, Mrs. Okoye, took me. She knew the way.\nIt was far. But I went!\n\n> Then I went every week.\n> Every single week.',
      '- Then nothing.',
    ]);
  });

  it('includes the interviewer when no speaker is skipped', () => {
    assert.deepEqual(units('turn', []).slice(0, 1), ['How did you find the centre? Was it far?']);
    assert.ok(units('line', []).includes('And then?'));
  });

  it('treats a transcript without speaker labels as all participant text', () => {
    const plain = 'First paragraph here.\n\nSecond one. Two sentences.\n';
    const parsed = parseTranscript(plain);
    assert.deepEqual(participantRegions(parsed, DEFAULT_SKIP_SPEAKERS).length, 2);
    const sentences = codingUnits(plain, parsed, { unit: 'sentence', skipSpeakers: DEFAULT_SKIP_SPEAKERS }).map((r) => plain.slice(r.start, r.end));
    assert.deepEqual(sentences, ['First paragraph here.', 'Second one.', 'Two sentences.']);
  });

  it('skips speakers by name, case-insensitively, with a number after the name', () => {
    assert.equal(isSkipped('interviewer', ['Interviewer']), true);
    assert.equal(isSkipped('Interviewer 2', ['Interviewer']), true);
    assert.equal(isSkipped('Interviewee', ['Interviewer']), false);
    assert.equal(isSkipped('Amara', ['']), false);
  });
});

describe('moving between units', () => {
  const list: TextRange[] = [{ start: 10, end: 20 }, { start: 25, end: 30 }, { start: 40, end: 50 }];

  it('finds the unit at, after and before a cursor or a selection', () => {
    assert.deepEqual(unitAt(list, 20), { start: 10, end: 20 });
    assert.equal(unitAt(list, 22), undefined);
    assert.deepEqual(unitAtOrAfter(list, 22), { start: 25, end: 30 });
    assert.deepEqual(nextUnit(list, { start: 10, end: 20 }), { start: 25, end: 30 });
    assert.deepEqual(nextUnit(list, { start: 12, end: 12 }), { start: 25, end: 30 }, 'inside a unit, the next one');
    assert.deepEqual(nextUnit(list, { start: 25, end: 25 }), { start: 25, end: 30 }, 'at the start of a unit, that unit');
    assert.equal(nextUnit(list, { start: 40, end: 50 }), undefined);
    assert.deepEqual(previousUnit(list, { start: 40, end: 50 }), { start: 25, end: 30 });
    assert.equal(previousUnit(list, { start: 10, end: 20 }), undefined);
  });

  it('finds the next unit that no coded range overlaps', () => {
    assert.deepEqual(nextUncoded(list, [{ start: 28, end: 29 }], { start: 0, end: 0 }), { start: 10, end: 20 });
    assert.deepEqual(nextUncoded(list, [{ start: 5, end: 12 }, { start: 28, end: 29 }], { start: 0, end: 0 }), { start: 40, end: 50 });
    assert.deepEqual(nextUncoded(list, [{ start: 20, end: 25 }], { start: 0, end: 0 }), { start: 10, end: 20 }, 'touching is not overlapping');
    assert.equal(nextUncoded(list, [{ start: 0, end: 60 }], { start: 0, end: 0 }), undefined);
  });
});
