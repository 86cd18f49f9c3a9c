import assert from 'node:assert/strict';
import { AnalysisContext, retrieveSegments, type AnalysisProject, type AnalysisTurn } from '../../../src/core/analysis';
import { passageText, turnAt } from '../../../src/core/analysis/passage-text';
import { tidyCsv } from '../../../src/core/analysis/render/tidy-csv';
import { parseTranscript } from '../../../src/core/markdown';

/** A transcript as the demo writes them: bold labels, one with a timestamp, CRLF already made LF. */
const TEXT = [
  '# Interview with Amara',
  '',
  '**Interviewer:** When did you start at the shelter?',
  '',
  '**Amara:** I was sixteen. 🙂 Nobody asked what I needed.',
  '',
  '**Interviewer:** [00:12:31] And later?',
  '',
  'Amara: Later I ran the intake myself.',
  '',
].join('\n');

/** The turns as the index gives them to analysis (see from-snapshot.ts). */
function turnsOf(text: string): AnalysisTurn[] {
  return parseTranscript(text).turns.map((t) => ({ speaker: t.speaker, start: t.range.start, end: t.range.end, textStart: t.textRange.start }));
}

const TURNS = turnsOf(TEXT);
const at = (phrase: string): number => {
  const found = TEXT.indexOf(phrase);
  assert.ok(found >= 0, phrase);
  return found;
};
const to = (phrase: string): number => at(phrase) + phrase.length;

describe('passage text as it is quoted', () => {
  it('reads the transcript the way the tests below assume', () => {
    assert.deepEqual(
      TURNS.map((t) => [t.speaker, TEXT.slice(t.start, t.textStart)]),
      [
        ['Interviewer', '**Interviewer:** '],
        ['Amara', '**Amara:** '],
        ['Interviewer', '**Interviewer:** [00:12:31] '],
        ['Amara', 'Amara: '],
      ],
    );
  });

  it('finds the turn an offset falls in, label included, and none between turns', () => {
    assert.equal(turnAt(TURNS, at('**Amara:**'))?.speaker, 'Amara');
    assert.equal(turnAt(TURNS, at('Nobody')), TURNS[1]);
    assert.equal(turnAt(TURNS, at('Later I')), TURNS[3]);
    assert.equal(turnAt(TURNS, 0), undefined, 'the heading is no one’s turn');
    assert.equal(turnAt([], 5), undefined);
  });

  it('leaves out the label of the turn a whole-line selection starts with', () => {
    // A mouse selection of the whole line: from the label's first asterisk to the line's end.
    assert.equal(passageText(TEXT, at('**Amara:**'), to('needed.'), TURNS), 'I was sixteen. 🙂 Nobody asked what I needed.');
    // Starting inside the label (a click after the asterisks) is the same.
    assert.equal(passageText(TEXT, at('Amara:**'), to('sixteen.'), TURNS), 'I was sixteen.');
    // A plain label, and a label with a timestamp.
    assert.equal(passageText(TEXT, at('Amara: Later'), to('myself.'), TURNS), 'Later I ran the intake myself.');
    assert.equal(passageText(TEXT, at('**Interviewer:** [00'), to('later?'), TURNS), 'And later?');
  });

  it('writes the labels of later turns plainly, so the quote says who speaks next', () => {
    const start = at('Nobody');
    const end = to('myself.');
    assert.equal(passageText(TEXT, start, end, TURNS), 'Nobody asked what I needed.\n\nInterviewer: And later?\n\nAmara: Later I ran the intake myself.');
  });

  it('ends a passage before a label it cuts through, and shows a passage that is only a label as it is', () => {
    assert.equal(passageText(TEXT, at('Nobody'), at('**Interviewer:** [') + 5, TURNS), 'Nobody asked what I needed.');
    assert.equal(passageText(TEXT, at('**Amara:**'), to('**Amara:**'), TURNS), '**Amara:**');
  });

  it('leaves text without labels and passages inside a turn exactly as they are', () => {
    assert.equal(passageText(TEXT, at('Nobody'), to('needed.'), TURNS), 'Nobody asked what I needed.');
    assert.equal(passageText(TEXT, 0, to('Amara'), []), TEXT.slice(0, to('Amara')));
  });

  it('quotes such a passage in the Segments list and the tidy CSV, its speaker beside it', () => {
    const project: AnalysisProject = {
      codes: [{ id: 'inv', name: 'Invalidation', parent: null }],
      transcripts: [{ path: 'amara.md', participant: 'Amara', attributes: {}, text: TEXT, turns: TURNS }],
      segments: [{ transcript: 'amara.md', coder: 'dana', id: 's1', codes: ['inv'], start: at('**Amara:**'), end: to('needed.') }],
    };
    const context = new AnalysisContext(project);
    const [hit] = retrieveSegments(context);
    assert.equal(hit.text, 'I was sixteen. 🙂 Nobody asked what I needed.');
    assert.equal(hit.speaker, 'Amara');
    assert.equal(hit.before, '');
    assert.equal(hit.start, at('**Amara:**'), 'the passage itself is where it was coded: revealing it selects the label too');
    const csv = tidyCsv(context);
    assert.match(csv, /,Amara,false,I was sixteen\. 🙂 Nobody asked what I needed\.\r\n$/);
    assert.doesNotMatch(csv, /\*\*/);
  });
});
