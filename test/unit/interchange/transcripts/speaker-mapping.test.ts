import assert from 'node:assert/strict';
import {
  applySpeakerMapping,
  detectSpeakers,
  proposeSpeakerMapping,
  readSpeakerMapping,
  speakerMappingProblems,
  writeTranscriptMarkdown,
  type ImportedTranscript,
  type SpeakerMapping,
} from '../../../../src/core/interchange/transcripts';
import { parseTranscript } from '../../../../src/core/markdown';

function transcript(...turns: [string | undefined, string][]): ImportedTranscript {
  return {
    source: 'call.vtt',
    format: 'webvtt',
    turns: turns.map(([speaker, text]) => ({ ...(speaker !== undefined ? { speaker } : {}), paragraphs: [text] })),
    attributes: {},
    notes: [],
  };
}

const interview = transcript(
  ['Dana Reyes', 'How did it start?'],
  ['amara.o@example.org', 'With a job offer from a man in my town, good money, a room included.'],
  ['Dana Reyes', 'And then?'],
  ['amara.o@example.org', 'Then nothing was like he said. The room was a mattress in a kitchen.'],
  ['Dana Reyes', 'I see. Who paid for the ticket?'],
  ['amara.o@example.org', 'He did, and then it was my debt.'],
);

describe('speaker mapping', () => {
  const mapping: SpeakerMapping = {
    'Dana Reyes': { name: 'Interviewer', role: 'interviewer' },
    'amara.o@example.org': { name: 'Amara', role: 'participant' },
  };

  it('renames labels and fills participant and interviewer, leaving the input untouched', () => {
    const before = JSON.stringify(interview);
    const mapped = applySpeakerMapping(interview, mapping);
    assert.equal(JSON.stringify(interview), before);
    assert.deepEqual([...new Set(mapped.turns.map((t) => t.speaker))], ['Interviewer', 'Amara']);
    assert.deepEqual(mapped.attributes, { participant: 'Amara', interviewer: 'Interviewer' });
    assert.deepEqual(mapped.turns.map((t) => t.paragraphs), interview.turns.map((t) => t.paragraphs));
  });

  it('keeps unmapped labels as they are and lists several participants', () => {
    const group = transcript(['A', 'Who first?'], ['B', 'Me.'], ['C', 'Then me.'], ['Observer', 'Noted.']);
    const mapped = applySpeakerMapping(group, { A: { name: 'Dr. Reyes', role: 'interviewer' }, B: { name: 'Lucía', role: 'participant' }, C: { name: 'Mei', role: 'participant' } });
    assert.deepEqual(mapped.turns.map((t) => t.speaker), ['Dr. Reyes', 'Lucía', 'Mei', 'Observer']);
    assert.deepEqual(mapped.attributes, { participant: ['Lucía', 'Mei'], interviewer: 'Dr. Reyes' });
  });

  it('without a matching label changes nothing, and ignores keys such as "constructor"', () => {
    assert.equal(applySpeakerMapping(interview, { Nobody: { name: 'X', role: 'other' } }), interview);
    assert.deepEqual(applySpeakerMapping(transcript(['constructor', 'hi']), {}).attributes, {});
  });

  it('serialises as JSON and reads back', () => {
    const read = readSpeakerMapping(JSON.parse(JSON.stringify(mapping)));
    assert.deepEqual(read, { mapping });
  });

  it('reads a bare name as role "other" and explains malformed mappings', () => {
    assert.deepEqual(readSpeakerMapping({ 'Zoom User': 'Amara' }), { mapping: { 'Zoom User': { name: 'Amara', role: 'other' } } });
    assert.match((readSpeakerMapping([]) as { error: string }).error, /must be a JSON object/);
    assert.match((readSpeakerMapping({ A: { name: 'X', role: 'boss' } }) as { error: string }).error, /"A" must map to/);
    assert.match((readSpeakerMapping({ A: { role: 'other' } }) as { error: string }).error, /"A" must map to/);
  });

  it('reports names that cannot be labels, with the reason', () => {
    const problems = speakerMappingProblems({
      a: { name: 'dr smith', role: 'interviewer' },
      b: { name: 'Note', role: 'other' },
      c: { name: 'One Two Three Four Five', role: 'other' },
      d: { name: 'Amara (P1)', role: 'participant' },
      e: { name: 'Amara', role: 'participant' },
    });
    assert.deepEqual(problems, [
      '"a": "dr smith" cannot be a speaker label: it must start with a capital letter.',
      '"b": "Note" cannot be a speaker label: it reads as a note rather than a speaker (e.g. "Note", "Date", "Summary"), or ends in a name particle.',
      '"c": "One Two Three Four Five" cannot be a speaker label: it has more than 4 words.',
      '"d": "Amara (P1)" cannot be a speaker label: it may only hold letters, digits, spaces, apostrophes, full stops and hyphens.',
    ]);
  });

  it('writes the mapped names into the turns and the front matter', () => {
    const written = writeTranscriptMarkdown(applySpeakerMapping(interview, mapping));
    const parsed = parseTranscript(written.markdown);
    assert.deepEqual(parsed.frontMatter?.data, {
      source: 'call.vtt',
      imported_from: 'webvtt',
      participant: 'Amara',
      interviewer: 'Interviewer',
    });
    assert.deepEqual(parsed.turns.map((t) => t.speaker), ['Interviewer', 'Amara', 'Interviewer', 'Amara', 'Interviewer', 'Amara']);
  });
});

describe('detecting speakers', () => {
  it('counts turns, words and questions per label, in order of appearance', () => {
    const detected = detectSpeakers(interview);
    assert.deepEqual(detected.speakers, [
      { label: 'Dana Reyes', turns: 3, words: 13, questions: 3 },
      { label: 'amara.o@example.org', turns: 3, words: 37, questions: 0 },
    ]);
    assert.equal(detected.interviewer, 'Dana Reyes');
  });

  it('guesses the interviewer by questions, then by shorter turns, and not at all when nothing tells them apart', () => {
    const byLength = transcript(['A', 'Tell me more.'], ['B', 'It was a long and difficult time for all of us there.'], ['A', 'Go on.'], ['B', 'We worked every day and were never paid.']);
    assert.equal(detectSpeakers(byLength).interviewer, 'A');
    const reversed = transcript(['P', 'It was a long and difficult time.'], ['Q', 'Why?'], ['P', 'Because they lied?'], ['Q', 'Why?']);
    assert.equal(detectSpeakers(reversed).interviewer, 'Q');
    assert.equal(detectSpeakers(transcript(['A', 'one two'], ['B', 'three four'])).interviewer, undefined);
    assert.equal(detectSpeakers(transcript(['A', 'Why?'], [undefined, 'intro'])).interviewer, undefined);
    assert.deepEqual(detectSpeakers(transcript([undefined, 'only captions'])).speakers, []);
  });

  it('proposes a mapping the UI can offer, with labels a transcript can hold', () => {
    const proposed = proposeSpeakerMapping(detectSpeakers(interview));
    assert.deepEqual(proposed, {
      'Dana Reyes': { name: 'Interviewer', role: 'interviewer' },
      'amara.o@example.org': { name: 'Amara O', role: 'participant' },
    });
    assert.deepEqual(speakerMappingProblems(proposed), []);
  });
});
