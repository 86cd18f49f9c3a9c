import assert from 'node:assert/strict';
import { parseTranscript } from '../../../src/core/markdown';
import { formatProblem } from '../../../src/core/storage/errors';
import { checkProject } from '../../../src/core/validation/project-check';
import { MAX_LABEL_WARNINGS, speakerLabelProblems } from '../../../src/core/validation/speaker-label-check';
import { demoFileSystem } from '../pseudonymise/demo-files';

const shown = (path: string, text: string): string[] => speakerLabelProblems(path, text).map((p) => `${formatProblem(p)} [${p.severity}]`);

describe('grounded validate: lines that look like speaker labels but are not read as labels', () => {
  it('warns at a plain label in lower case or with a space before the colon, naming whose turn swallows the words', () => {
    const text = '---\nparticipant: Zoe\n---\n\n**Interviewer:** How was the work?\n\nzoe: The pay was terrible.\n\n**Interviewer:** And the housing?\n\nZoe : The hostel was crowded.\n';
    assert.deepEqual(shown('interviews/p18.md', text), [
      "interviews/p18.md:7: this line looks like a speaker label (`zoe:`) but is not read as one, so its words are read as part of Interviewer's turn; write `**Zoe:**` (the name capitalised, the colon straight after it) to start Zoe's turn [warning]",
      "interviews/p18.md:11: this line looks like a speaker label (`Zoe :`) but is not read as one, so its words are read as part of Interviewer's turn; write `**Zoe:**` (the name capitalised, the colon straight after it) to start Zoe's turn [warning]",
    ]);
  });

  it('reads a label in bold as one even in lower case or with a space before the colon, and finds the loose plain forms after a timestamp', () => {
    const text = [
      '**Speaker 2:** Hello.',
      '[00:01:02] speaker 2: Hi.',
      '**Interviewer:** One more.',
      '__amara__: Yes.',
      '**Amara :** Again.',
      '**zoe :** And me.',
      '',
    ].join('\n');
    const problems = speakerLabelProblems('t.md', text);
    assert.deepEqual(problems.map((p) => [p.line, /\(`([^`]+)`\)/.exec(p.message)?.[1], /write `([^`]+)`/.exec(p.message)?.[1], /part of (.*?)'s turn/.exec(p.message)?.[1]]), [
      [2, 'speaker 2:', '**Speaker 2:**', 'Speaker 2'],
    ]);
    assert.deepEqual(
      parseTranscript(text).turns.map((t) => t.speaker),
      ['Speaker 2', 'Interviewer', 'amara', 'Amara', 'zoe'],
    );
  });

  it('reports a file of loose labels line by line up to a limit, then counts the rest in one warning', () => {
    const lines = Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? `interviewer: Question ${i}?` : `amara: Answer ${i}.`));
    const problems = speakerLabelProblems('pasted.md', `${lines.join('\n\n')}\n`);
    assert.equal(problems.length, MAX_LABEL_WARNINGS + 1);
    assert.deepEqual(problems.slice(0, 2).map((p) => p.line), [1, 3]);
    assert.match(problems[0].message, /\(`interviewer:`\) but is not read as one, so its words are not attributed to anyone; write `\*\*Interviewer:\*\*`/);
    assert.equal(problems.at(-1)!.line, 2 * MAX_LABEL_WARNINGS + 1);
    assert.match(problems.at(-1)!.message, /^10 more line\(s\) below look like speaker labels but are not read as labels; .*grounded import/);
  });

  it('says when the words belong to no turn at all', () => {
    const [problem] = speakerLabelProblems('t.md', '# Interview\n\nzoe: I came in 2019.\n\n**Interviewer:** Thank you.\n');
    assert.equal(problem.line, 3);
    assert.match(problem.message, /\(`zoe:`\) but is not read as one, so its words are not attributed to anyone; write `\*\*Zoe:\*\*`/);
  });

  it('leaves alone real labels, notes, phrases ending in a colon, front matter and code', () => {
    const text = [
      '---',
      'participant: Zoe',
      'interview_date: 2024-03-12',
      '---',
      '',
      '**Interviewer:** Tell me.',
      '',
      '**Zoe:** Well.',
      'Note : the recorder stopped.',
      'the manager: he said no.',
      '',
      '```',
      'zoe: inside a code block',
      '```',
      '',
    ].join('\n');
    assert.deepEqual(speakerLabelProblems('t.md', text), []);
  });

  it('is part of the project check, and the demo study has no such line', async () => {
    const fs = demoFileSystem();
    assert.deepEqual((await checkProject(fs)).problems, []);
    const path = 'interviews/p01-amara.md';
    const lines = fs.files.get(path)!.split('\n');
    const at = lines.findIndex((l) => l.startsWith('**Amara:**'));
    lines[at] = lines[at].replace('**Amara:**', 'amara:');
    fs.files.set(path, lines.join('\n'));
    const problems = (await checkProject(fs)).problems.filter((p) => p.path === path);
    assert.deepEqual(problems.map((p) => [p.line, p.severity]), [[at + 1, 'warning']]);
    assert.match(problems[0].message, /\(`amara:`\) .* part of Interviewer's turn; write `\*\*Amara:\*\*`/);
  });
});
