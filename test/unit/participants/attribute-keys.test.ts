/**
 * Front matter written by hand: a key in another case or with a space (`Sector`, `interview date`)
 * is a different attribute to every filter and group, so the slip is reported where it is, once.
 */
import assert from 'node:assert/strict';
import { AttributeEditError, attributeEdit, attributeFileProblems, describeParticipants, parseAttributesFile, participantName, type ParticipantsOverview } from '../../../src/core/participants';

const transcript = (frontMatter: string): string => `---\n${frontMatter}---\n\n**A:** Hello.\n`;

function problemsOf(overview: ParticipantsOverview): string[] {
  return attributeFileProblems(overview).map((p) => `${p.path}:${p.line ?? ''}: ${p.message} [${p.severity}]`);
}

describe('front matter written by hand', () => {
  it('reports a key in other case or spacing on its line, and does not call the usual key missing everywhere else', () => {
    const sources = [
      { path: 'a.md', text: transcript('participant: A\nsector: youth housing\ninterview_date: 2024-01-01\n') },
      { path: 'b.md', text: transcript('participant: B\nsector: advocacy\ninterview_date: 2024-02-01\n') },
      { path: 'c.md', text: transcript('participant: C\nSector: advocacy\ninterview date: 2024-03-01\n') },
    ];
    const problems = problemsOf(describeParticipants(sources, undefined));
    assert.deepEqual(problems, [
      'c.md:3: attribute "Sector" is written "sector" in the other transcripts: filters and groups on "sector" leave this transcript out; write it "sector" [warning]',
      'c.md:4: attribute "interview date" is written "interview_date" in the other transcripts: filters and groups on "interview_date" leave this transcript out; write it "interview_date" [warning]',
    ]);
  });

  it('against declared types, names the declared attribute an undeclared key was meant to be', () => {
    const schema = parseAttributesFile('.grounded/attributes.json', JSON.stringify({ format: 'grounded-attributes', version: 1, attributes: [{ name: 'sector', type: 'text' }] }));
    const sources = [
      { path: 'a.md', text: transcript('sector: advocacy\n') },
      { path: 'c.md', text: transcript('SECTOR: advocacy\n') },
    ];
    assert.deepEqual(problemsOf(describeParticipants(sources, schema)), [
      'c.md:2: attribute "SECTOR" is written "sector" in .grounded/attributes.json: filters and groups on "sector" leave this transcript out; write it "sector" [warning]',
    ]);
  });

  it('reports front matter that cannot be read at the line YAML names, not at the top of the file', () => {
    const sources = [{ path: 'a.md', text: transcript('participant: A\nage: 34\nsector: decriminalisation: advocacy\n') }];
    const [problem] = attributeFileProblems(describeParticipants(sources, undefined));
    assert.equal(problem.line, 4);
    assert.match(problem.message, /not valid YAML.*\(line 4, column \d+\)/);
  });

  it('reports front matter that does not start on the first line, instead of calling every attribute missing', () => {
    // A blank line above the opening --- (a paste, an editor's template) and nothing is read.
    const sources = [
      { path: 'a.md', text: transcript('participant: A\nsector: advocacy\n') },
      { path: 'b.md', text: `\n${transcript('participant: B\nsector: advocacy\n')}` },
      { path: 'c.md', text: '\n---\n\nA rule, then prose: no front matter meant.\n' },
    ];
    assert.deepEqual(problemsOf(describeParticipants(sources, undefined)), [
      'b.md:2: Front matter must start on the first line, but blank lines come before its "---" (line 2): its attributes are not read. [error]',
      'c.md:1: attributes "participant", "sector" missing from the front matter [warning]',
    ]);
    // Editing an attribute there would add a second block above the unread one.
    assert.throws(() => attributeEdit(sources[1].text, 'sector', 'housing'), (e: Error) => e instanceof AttributeEditError && /remove the blank lines above its "---" \(line 2\)/.test(e.message));
    assert.ok(attributeEdit(sources[2].text, 'sector', 'housing'), 'a rule below a blank line is not front matter: one is added');
  });

  it('names the participant by "Participant" or "PARTICIPANT" too, not by the file name', () => {
    const sources = [{ path: 'interviews/p01-amara.md', text: transcript('Participant: Amara \n') }, { path: 'interviews/p02.md', text: transcript('PARTICIPANT: Tomasz\n') }];
    assert.deepEqual(describeParticipants(sources, undefined).participants.map((p) => p.name), ['Amara', 'Tomasz']);
    assert.equal(participantName('p.md', { Participant: 'Ann', participant: 'Bea' }), 'Bea', 'the key as documented comes first');
  });

  it('warns, and does not fail validation, for a number written in quotes, which analysis reads as the number', () => {
    const schema = parseAttributesFile('.grounded/attributes.json', JSON.stringify({ format: 'grounded-attributes', version: 1, attributes: [{ name: 'age', type: 'number' }] }));
    const sources = [
      { path: 'a.md', text: transcript('age: 34\n') },
      { path: 'b.md', text: transcript('age: "44"\n') },
      { path: 'c.md', text: transcript('age: forty\n') },
    ];
    assert.deepEqual(problemsOf(describeParticipants(sources, schema)), [
      'b.md:2: attribute "age" is the number 44 written in quotes: analysis reads it as 44; write it without quotes (age: 44) [warning]',
      'c.md:2: attribute "age" is the text "forty", not a number [error]',
    ]);
  });
});
