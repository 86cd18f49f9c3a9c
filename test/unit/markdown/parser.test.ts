import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTranscript } from '../../../src/core/markdown';

const speakers = (text: string): string[] => parseTranscript(text).turns.map((t) => t.speaker);
const spoken = (text: string): string[] =>
  parseTranscript(text).turns.map((t) => text.slice(t.textRange.start, t.textRange.end));

describe('parseTranscript: speaker labels', () => {
  it('does not take a sentence containing a colon for a label', () => {
    const text = "**Ana:** Hi.\n\nSo here's the thing: no.\n\nWhat I said was: wait.\n\n**Ana:** Bye.\n";
    assert.deepEqual(speakers(text), ['Ana', 'Ana']);
    assert.equal(spoken(text)[0], "Hi.\n\nSo here's the thing: no.\n\nWhat I said was: wait.");
  });

  it('ignores note-like labels, plain or emphasised', () => {
    for (const label of ['Note:', '**Note:**', 'NB:', 'Date:', '**Location:**', 'Time:']) {
      const text = `${label} something\n\n${label} again\n`;
      assert.deepEqual(speakers(text), [], label);
    }
  });

  it('needs a plain label to recur before trusting it', () => {
    assert.deepEqual(speakers('Monday Morning: the van came.\n'), []);
    assert.deepEqual(speakers('Ana: hi\n\nBo: hello\n\nAna: bye\n'), ['Ana', 'Ana']);
    assert.deepEqual(speakers('Ana: hi\n\nBo: hello\n\nAna: bye\n\nBo: bye\n'), ['Ana', 'Bo', 'Ana', 'Bo']);
  });

  it('accepts a plain label that appears elsewhere in emphasised form', () => {
    assert.deepEqual(speakers('**Bo:** one\n\nBo: two\n'), ['Bo', 'Bo']);
  });

  it('rejects plain labels with lowercase words but accepts them inside emphasis', () => {
    assert.deepEqual(speakers('Support worker: a\n\nSupport worker: b\n'), []);
    assert.deepEqual(speakers('**Support worker:** a\n'), ['Support worker']);
  });

  it('rejects names of more than four words and names ending in a particle', () => {
    assert.deepEqual(speakers('One Two Three Four Five: a\n\nOne Two Three Four Five: b\n'), []);
    assert.deepEqual(speakers('Maria de: a\n\nMaria de: b\n'), []);
  });

  it('needs a space or line end after the label', () => {
    assert.deepEqual(speakers('**Ana:**Hi\n\nAna:hi\n\nAna:hi\n'), []);
  });

  it('keeps a timestamp out of the spoken text, before or after the label', () => {
    const text = '[00:01:02] **Ana:** one\n\n**Bo:** (1:02:03) two\n\n[12:03]   Ana: three\n\nBo: [00:00:01,250] four\n';
    const turns = parseTranscript(text).turns;
    assert.deepEqual(turns.map((t) => t.timestamp), ['00:01:02', '1:02:03', '12:03', '00:00:01,250']);
    assert.deepEqual(spoken(text), ['one', 'two', 'three', 'four']);
    assert.equal(text.slice(turns[0].range.start, turns[0].label.start), '[00:01:02] ');
  });

  it('does not treat mismatched brackets as a timestamp', () => {
    assert.deepEqual(speakers('[00:01:02) **Ana:** one\n'), []);
  });
});

describe('parseTranscript: turn boundaries', () => {
  it('closes a turn at a heading and does not reopen it after', () => {
    const text = '**Ana:** one\n\n## Part two\n\nNobody says this.\n\n**Bo:** two\n';
    const t = parseTranscript(text);
    assert.deepEqual(spoken(text), ['one', 'two']);
    assert.deepEqual(t.headings.map((h) => [h.depth, h.text]), [[2, 'Part two']]);
    assert.equal(t.turns[0].range.end, text.indexOf('\n\n## '));
  });

  it('closes a turn at a thematic break', () => {
    assert.deepEqual(spoken('**Ana:** one\n\n***\n\nafter\n'), ['one']);
  });

  it('keeps label ranges and text ranges inside the turn', () => {
    const text = '**Ana:** one\n\ntwo\n\n> **Bo**: three\n';
    for (const turn of parseTranscript(text).turns) {
      assert.ok(turn.range.start <= turn.label.start && turn.label.end <= turn.textRange.start);
      assert.equal(turn.textRange.end, turn.range.end);
    }
  });
});

describe('parseTranscript: offsets', () => {
  it('counts UTF-16 code units, so text after emoji lines up', () => {
    const text = '**Lucía:** 💪💪 fine 🙏\n\n**Int:** 😅 ok\n';
    const t = parseTranscript(text);
    assert.equal(t.turns[1].label.start, text.indexOf('**Int:**'));
    assert.equal(text.slice(t.turns[0].textRange.start, t.turns[0].textRange.end), '💪💪 fine 🙏');
    // Three emoji of two code units each, plus six characters of text.
    assert.equal(t.turns[0].textRange.end - t.turns[0].textRange.start, 12);
    assert.deepEqual(t.paragraphs[1], { start: text.indexOf('**Int:**'), end: text.length - 1 });
  });

  it('stays within the text and in order for any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('*', '_', ':', ' ', '\n', '>', '[', ']', '0', '1', 'A', 'b', '-', '#', '😀') }), (text) => {
        const t = parseTranscript(text);
        let previousEnd = 0;
        for (const turn of t.turns) {
          assert.ok(previousEnd <= turn.range.start && turn.range.start <= turn.range.end && turn.range.end <= text.length);
          assert.ok(turn.label.start < turn.label.end && turn.textRange.start <= turn.textRange.end);
          previousEnd = turn.range.end;
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseTranscript: front matter', () => {
  const frontMatterOf = (text: string) => parseTranscript(text).frontMatter;

  it('reads attributes, keeping dates as written', () => {
    const text = '---\nparticipant: Ana\nage: 30\ninterview_date: 2024-05-01\n---\nBody\n';
    const fm = frontMatterOf(text);
    assert.deepEqual(fm, { range: { start: 0, end: text.indexOf('\nBody') }, data: { participant: 'Ana', age: 30, interview_date: '2024-05-01' } });
  });

  it('is undefined without a front matter block', () => {
    assert.equal(frontMatterOf('**Ana:** hi\n'), undefined);
    assert.equal(frontMatterOf('---\n\nA thematic break, then prose.\n'), undefined);
  });

  it('gives an empty mapping for an empty block', () => {
    assert.deepEqual(frontMatterOf('---\n---\n\nBody\n')?.data, {});
    assert.equal(frontMatterOf('---\n---\n\nBody\n')?.error, undefined);
  });

  it('reports invalid YAML with the line in the file instead of throwing', () => {
    const fm = frontMatterOf('---\nname: Ana\nage: [30\nrole: x\n---\n');
    assert.deepEqual(fm?.data, {});
    assert.match(fm?.error ?? '', /^Front matter is not valid YAML: .+ \(line 4, column 1\)\.$/);
  });

  it('reports duplicate keys', () => {
    assert.match(frontMatterOf('---\nage: 1\nage: 2\n---\n')?.error ?? '', /unique.*line 3/);
  });

  it('reports a list or a single value where a mapping belongs', () => {
    assert.match(frontMatterOf('---\n- a\n- b\n---\n')?.error ?? '', /mapping .* not a list/);
    assert.match(frontMatterOf('---\njust words\n---\n')?.error ?? '', /not a single string/);
  });

  it('reports a block that is never closed', () => {
    const fm = frontMatterOf('---\nparticipant: Ana\n\n**Ana:** hi\n');
    assert.match(fm?.error ?? '', /no closing "---"/);
  });
});
