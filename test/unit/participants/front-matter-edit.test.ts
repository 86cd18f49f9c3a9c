import assert from 'node:assert/strict';
import { makeQuote, reanchor, shiftRanges, type TextChange } from '../../../src/core/anchoring';
import { parseTranscript } from '../../../src/core/markdown';
import { AttributeEditError, attributeEdit, readFrontMatterAttributes, type AttributeValue } from '../../../src/core/participants';

const FRONT_MATTER = `---
participant: Amara   # as she asked to be called
# Demographics
age: 34
gender: "woman"
languages: [en, fr]
interview_date: 2024-03-12
note: >
  Folded text
  over two lines
---
`;
const BODY = '\n# Interview P01\n\n**Amara:** I want to do it. If it helps one other woman, then it is worth it.\n';
const TEXT = FRONT_MATTER + BODY;

function apply(text: string, change: TextChange | undefined): string {
  assert.ok(change, 'an edit is needed');
  return text.slice(0, change.start) + change.text + text.slice(change.end);
}

function edited(text: string, name: string, value: AttributeValue | undefined): string {
  return apply(text, attributeEdit(text, name, value));
}

/** Lines that differ between two texts of the same length in lines, as [line, before, after]. */
function changedLines(before: string, after: string): [number, string, string][] {
  const [a, b] = [before.split('\n'), after.split('\n')];
  assert.equal(a.length, b.length, 'same number of lines');
  return a.flatMap((line, i) => (line === b[i] ? [] : [[i + 1, line, b[i]] as [number, string, string]]));
}

describe('editing an attribute in the front matter', () => {
  it('changes only the value, keeping comments, quoting and every other line', () => {
    const after = edited(TEXT, 'age', 35);
    assert.deepEqual(changedLines(TEXT, after), [[4, 'age: 34', 'age: 35']]);
    assert.equal(parseTranscript(after).frontMatter?.data.age, 35);
  });

  it('keeps the quotes a string value had, and keeps an inline comment', () => {
    assert.deepEqual(changedLines(TEXT, edited(TEXT, 'gender', 'non-binary')), [[5, 'gender: "woman"', 'gender: "non-binary"']]);
    assert.deepEqual(changedLines(TEXT, edited(TEXT, 'participant', 'Zola')), [[2, 'participant: Amara   # as she asked to be called', 'participant: Zola   # as she asked to be called']]);
  });

  it('quotes text that YAML would otherwise read as a number or a mapping', () => {
    const after = edited(TEXT, 'participant', '34');
    assert.equal(parseTranscript(after).frontMatter?.data.participant, '34');
    const colon = edited(TEXT, 'participant', 'A: B # not a comment');
    assert.equal(parseTranscript(colon).frontMatter?.data.participant, 'A: B # not a comment');
  });

  it('adds a new attribute as the last line of the block', () => {
    const after = edited(TEXT, 'sector', 'domestic work');
    assert.equal(after, TEXT.replace('over two lines\n---', 'over two lines\nsector: domestic work\n---'));
  });

  it('removes an attribute\'s line, leaving the comment above it', () => {
    const after = edited(TEXT, 'age', undefined);
    assert.equal(after, TEXT.replace('age: 34\n', ''));
    assert.ok(after.includes('# Demographics'));
    assert.equal(edited(TEXT, 'note', undefined), TEXT.replace('note: >\n  Folded text\n  over two lines\n', ''));
  });

  it('fills in an empty value, before a comment as well', () => {
    assert.equal(edited('---\nage:\nrole: x\n---\n', 'age', 40), '---\nage: 40\nrole: x\n---\n');
    const commented = edited('---\nage: # unknown\n---\n', 'age', 40);
    assert.equal(commented, '---\nage: 40 # unknown\n---\n');
    assert.equal(parseTranscript(commented).frontMatter?.data.age, 40);
  });

  it('creates the front matter when the transcript has none', () => {
    assert.equal(edited('# Interview\n\nText.\n', 'age', 34), '---\nage: 34\n---\n\n# Interview\n\nText.\n');
    assert.equal(edited('\n# Interview\n', 'age', 34), '---\nage: 34\n---\n\n# Interview\n');
    assert.equal(edited('---\n---\nText.\n', 'age', 34), '---\nage: 34\n---\nText.\n');
  });

  it('asks for nothing when the value is already there, or an absent one is removed', () => {
    assert.equal(attributeEdit(TEXT, 'age', 34), undefined);
    assert.equal(attributeEdit(TEXT, 'sector', undefined), undefined);
    assert.equal(attributeEdit('# No front matter\n', 'age', undefined), undefined);
  });

  it('replaces a list value with the new scalar', () => {
    const after = edited(TEXT, 'languages', 'en');
    assert.deepEqual(changedLines(TEXT, after), [[6, 'languages: [en, fr]', 'languages: en']]);
  });

  it('rewrites a flow-style block, which has no line of its own per attribute', () => {
    const after = edited('---\n{age: 34, role: survivor}\n---\nText.\n', 'age', 35);
    assert.deepEqual(parseTranscript(after).frontMatter?.data, { age: 35, role: 'survivor' });
    assert.ok(after.endsWith('---\nText.\n'));
  });

  it('refuses to edit front matter that cannot be read', () => {
    assert.throws(() => attributeEdit('---\nage: [34\n---\nText\n', 'age', 35), AttributeEditError);
    assert.throws(() => attributeEdit('---\nage: 34\nText without a closing fence\n', 'age', 35), /Fix the front matter first/);
  });

  it('leaves the body byte-identical, so coded segments only shift', () => {
    const quote = 'If it helps one other woman';
    const start = TEXT.indexOf(quote);
    const segment = { id: 's', quote: makeQuote(TEXT, { start, end: start + quote.length }), position: { start, end: start + quote.length } };
    for (const [name, value] of [['participant', 'Zola Okonkwo-Smith'], ['age', undefined], ['sector', 'care']] as const) {
      const change = attributeEdit(TEXT, name, value)!;
      const after = apply(TEXT, change);
      assert.equal(after.slice(after.indexOf('\n---\n') + 5), BODY);
      const [shifted] = shiftRanges([segment.position], [change]);
      assert.equal(after.slice(shifted.start, shifted.end), quote);
      assert.deepEqual(reanchor(after, [segment])[0].range, shifted);
    }
  });

  it('reads each attribute with the line of its key', () => {
    const read = readFrontMatterAttributes(TEXT);
    assert.equal(read.present, true);
    assert.deepEqual([...read.lines], [['participant', 2], ['age', 4], ['gender', 5], ['languages', 6], ['interview_date', 7], ['note', 8]]);
    assert.equal(read.data.interview_date, '2024-03-12');
    assert.equal(readFrontMatterAttributes('Text').present, false);
  });
});
