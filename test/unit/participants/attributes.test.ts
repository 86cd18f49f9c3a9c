import assert from 'node:assert/strict';
import {
  ATTRIBUTES_FILE,
  attributeFileProblems,
  describeParticipants,
  inferSchema,
  isIsoDate,
  parseAttributesFile,
  parseInput,
  readParticipants,
  serializeAttributesFile,
  typeProblem,
} from '../../../src/core/participants';
import type { ProjectConfig } from '../../../src/core/model';
import { demoFileSystem } from '../pseudonymise/demo-files';

const CONFIG: ProjectConfig = { name: 'Demo', transcripts: ['interviews/**/*.md'], memos: 'memos' };

const SCHEMA_TEXT = `{
  "format": "grounded-attributes",
  "version": 1,
  "attributes": [
    {
      "name": "age",
      "type": "number"
    },
    {
      "name": "gender",
      "type": "category",
      "values": [
        "woman",
        "man",
        "non-binary"
      ]
    },
    {
      "name": "interview_date",
      "type": "date"
    },
    {
      "name": "sector",
      "type": "text"
    }
  ]
}
`;

const transcript = (frontMatter: string, body = '# Interview\n\n**A:** Hello.\n'): string => `---\n${frontMatter}---\n\n${body}`;

describe('attribute types', () => {
  it('reads dates only as real YYYY-MM-DD calendar days', () => {
    assert.equal(isIsoDate('2024-03-12'), true);
    assert.equal(isIsoDate('2024-02-29'), true);
    assert.equal(isIsoDate('2023-02-29'), false);
    assert.equal(isIsoDate('2024-3-12'), false);
    assert.equal(isIsoDate('12/03/2024'), false);
    assert.equal(isIsoDate(20240312), false);
  });

  it('says why a value does not fit its declared type', () => {
    assert.equal(typeProblem({ name: 'age', type: 'number' }, 34), undefined);
    assert.match(typeProblem({ name: 'age', type: 'number' }, 'thirty') ?? '', /not a number/);
    assert.match(typeProblem({ name: 'd', type: 'date' }, '2024-13-01') ?? '', /YYYY-MM-DD/);
    assert.equal(typeProblem({ name: 'g', type: 'category', values: ['woman', 'man'] }, 'man'), undefined);
    assert.match(typeProblem({ name: 'g', type: 'category', values: ['woman', 'man'] }, 'male') ?? '', /not one of "woman", "man"/);
    // Several values (race as a list) are one value each, as analysis reads them: "a, b".
    assert.equal(typeProblem({ name: 't', type: 'text' }, ['a', 'b']), undefined);
    assert.match(typeProblem({ name: 't', type: 'text' }, [{ a: 1 }]) ?? '', /a list/);
    assert.equal(typeProblem({ name: 'r', type: 'category', values: ['Black', 'Latina', 'white'] }, ['Black', 'Latina']), undefined);
    assert.equal(typeProblem({ name: 'r', type: 'category', values: ['Black', 'Latina', 'white'] }, ['Black', 'latina']), 'is a list holding "latina", not one of "Black", "Latina", "white"');
    assert.match(typeProblem({ name: 'age', type: 'number' }, [30, 35]) ?? '', /is a list, not a number/);
    assert.equal(typeProblem({ name: 't', type: 'text' }, 12), undefined, 'a number is fine as text');
  });

  it('turns typed input into the value to write, refusing what does not fit', () => {
    assert.deepEqual(parseInput({ name: 'age', type: 'number' }, ' 34 '), { ok: true, value: 34 });
    assert.deepEqual(parseInput({ name: 'age', type: 'number' }, '2,5'), { ok: true, value: 2.5 });
    assert.equal(parseInput({ name: 'age', type: 'number' }, 'abc').ok, false);
    assert.deepEqual(parseInput({ name: 'd', type: 'date' }, '2024-04-01'), { ok: true, value: '2024-04-01' });
    assert.equal(parseInput({ name: 'd', type: 'date' }, '1 April').ok, false);
    assert.equal(parseInput({ name: 'g', type: 'category', values: ['woman'] }, 'man').ok, false);
    assert.deepEqual(parseInput({ name: 't', type: 'text' }, ''), { ok: true, value: undefined }, 'empty removes');
  });
});

describe('attribute inference', () => {
  it('infers the demo study\'s types from its front matter, in order of appearance', async () => {
    const overview = await readParticipants(demoFileSystem(), CONFIG);
    assert.equal(overview.declared, false);
    const types = Object.fromEntries(overview.schema.attributes.map((a) => [a.name, a.type]));
    assert.deepEqual(types, {
      participant: 'text',
      age: 'number',
      gender: 'category',
      race_ethnicity: 'category',
      sexuality: 'category',
      role: 'category',
      sector: 'category',
      lens: 'category',
      lived_experience: 'category',
      interview_date: 'date',
      interviewer: 'category',
      duration_minutes: 'number',
      interview_mode: 'category',
    });
    assert.deepEqual(overview.schema.attributes.find((a) => a.name === 'gender')?.values, ['man', 'nonbinary', 'woman']);
    assert.deepEqual(overview.schema.attributes.find((a) => a.name === 'sector')?.values, ['anti-trafficking', 'decriminalisation advocacy', 'support services', 'youth housing']);
    assert.deepEqual(overview.participants.map((p) => p.name), [
      'Amara', 'Tomasz', 'Lucía', 'Kwame', 'Mei', 'Renée', 'Marcus', 'Dee', 'Priya',
      'Tyrone', 'Celeste', 'Hannah', 'Kai', 'Marisol', 'Grace', 'Jolene', 'André',
    ]);
    assert.deepEqual(overview.participants.flatMap((p) => p.issues), [], 'inferred types fit every value');
    assert.deepEqual(attributeFileProblems(overview), []);
  });

  it('takes the type most values share, and flags the odd one out as a warning', () => {
    const frontMatters = ['34', '41', '27', 'unknown'].map((age) => `---\nage: ${age}\n---\n`);
    const overview = describeParticipants(frontMatters.map((text, i) => ({ path: `interviews/p${i}.md`, text })), undefined);
    assert.deepEqual(overview.schema.attributes, [{ name: 'age', type: 'number' }]);
    assert.deepEqual(attributeFileProblems(overview).map((p) => [p.path, p.line, p.severity, p.message]), [['interviews/p3.md', 2, 'warning', 'attribute "age" is the text "unknown", not a number']]);
    assert.deepEqual(inferSchema([{ age: 3 }, { age: 'x' }]).attributes, [{ name: 'age', type: 'text' }], 'two values are too few for a majority');
  });

  it('warns where a category is written differently from how most transcripts write it, since a crosstab would show two groups', () => {
    const sectors = ['Youth Housing', 'Youth Housing', 'youth  housing', 'Advocacy', 'advocacy '];
    const frontMatters = sectors.map((sector) => `---\nparticipant: P\nsector: ${sector}\n---\n`);
    const overview = describeParticipants(frontMatters.map((text, i) => ({ path: `interviews/p${i}.md`, text })), undefined);
    assert.deepEqual(attributeFileProblems(overview).map((p) => [p.path, p.line, p.message]), [
      ['interviews/p2.md', 3, '"sector" is "youth  housing" here but "Youth Housing" in 2 other transcript(s): a crosstab counts them as two groups; write it one way'],
      // One each (YAML drops the trailing space): the first spelling in code-point order is taken as the usual one.
      ['interviews/p4.md', 3, '"sector" is "advocacy" here but "Advocacy" in 1 other transcript(s): a crosstab counts them as two groups; write it one way'],
    ]);
  });

  it('falls back to text when values are mixed, all different or long', () => {
    const schema = inferSchema([
      { mixed: 3, unique: 'a', long: 'x'.repeat(50), empty: null },
      { mixed: 'three', unique: 'b', long: 'x'.repeat(50) },
    ]);
    assert.deepEqual(schema.attributes, [
      { name: 'mixed', type: 'text' },
      { name: 'unique', type: 'text' },
      { name: 'long', type: 'text' },
      { name: 'empty', type: 'text' },
    ]);
  });
});

describe('.grounded/attributes.json', () => {
  it('reads and writes the canonical form byte for byte, keeping the declared order of values', () => {
    const parsed = parseAttributesFile(ATTRIBUTES_FILE, SCHEMA_TEXT);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.value.attributes[1], { name: 'gender', type: 'category', values: ['woman', 'man', 'non-binary'] });
    assert.equal(serializeAttributesFile(parsed.value), SCHEMA_TEXT);
  });

  it('keeps unknown keys, written after the known ones in sorted order; reads CRLF and a BOM', () => {
    const text = `\ufeff${JSON.stringify({ zeta: 1, attributes: [{ type: 'text', name: 'note', hint: 'free text' }], version: 1, format: 'grounded-attributes', alpha: true })}`.replace(/,/g, ',\r\n');
    const parsed = parseAttributesFile(ATTRIBUTES_FILE, text);
    assert.ok(parsed.ok);
    const written = serializeAttributesFile(parsed.value);
    assert.deepEqual(Object.keys(JSON.parse(written) as object), ['format', 'version', 'attributes', 'alpha', 'zeta']);
    assert.deepEqual((JSON.parse(written) as { attributes: object[] }).attributes[0], { name: 'note', type: 'text', hint: 'free text' });
    const reread = parseAttributesFile(ATTRIBUTES_FILE, written);
    assert.ok(reread.ok);
    assert.equal(serializeAttributesFile(reread.value), written, 'writing what was read changes nothing');
  });

  it('names the line of each problem', () => {
    const bad = SCHEMA_TEXT.replace('"type": "date"', '"type": "datetime"').replace('"non-binary"', '"man"');
    const parsed = parseAttributesFile(ATTRIBUTES_FILE, bad);
    assert.equal(parsed.ok, false);
    if (parsed.ok) return;
    const lines = bad.split('\n');
    const typeLine = lines.findIndex((l) => l.includes('"datetime"')) + 1;
    const valuesLine = lines.findIndex((l) => l.includes('"values"')) + 1;
    assert.deepEqual(
      parsed.problems.map((p) => [p.line, p.severity]),
      [
        [valuesLine, 'error'],
        [typeLine, 'error'],
      ],
    );
    assert.match(parsed.problems[1].message, /"type" must be one of "text", "number", "date", "category"/);
  });

  it('refuses a newer version, a duplicate attribute and values on a non-category', () => {
    const newer = parseAttributesFile(ATTRIBUTES_FILE, SCHEMA_TEXT.replace('"version": 1', '"version": 2'));
    assert.ok(!newer.ok && /update Grounded/.test(newer.problems[0].message) && newer.problems[0].line === 3);
    const twice = parseAttributesFile(ATTRIBUTES_FILE, SCHEMA_TEXT.replace('"sector"', '"age"'));
    assert.ok(!twice.ok && /declared twice/.test(twice.problems[0].message));
    const stray = parseAttributesFile(ATTRIBUTES_FILE, SCHEMA_TEXT.replace('"type": "number"', '"type": "number", "values": ["1"]'));
    assert.ok(!stray.ok && /category attributes only/.test(stray.problems[0].message));
    const syntax = parseAttributesFile(ATTRIBUTES_FILE, '{\n  "format": "grounded-attributes",\n  "version": 1,\n}\n');
    assert.ok(!syntax.ok && syntax.problems[0].line === 3 && /remove the comma/.test(syntax.problems[0].message));
  });
});

describe('participant validation', () => {
  const declared = parseAttributesFile(ATTRIBUTES_FILE, SCHEMA_TEXT);

  it('flags missing attributes, wrong types and undeclared names, on their lines', () => {
    const text = transcript('participant: Ana\nage: thirty\ngender: woman\n# comment\ninterview_date: 2024-02-30\nsectr: farming\n');
    const overview = describeParticipants([{ path: 'interviews/p09.md', text }], declared);
    const issues = overview.participants[0].issues.map((i) => [i.kind, i.attribute, i.line, i.severity]);
    assert.deepEqual(issues, [
      ['wrong-type', 'age', 3, 'error'],
      ['wrong-type', 'interview_date', 6, 'error'],
      ['missing', 'sector', undefined, 'warning'],
      ['undeclared', 'participant', 2, 'warning'],
      ['undeclared', 'sectr', 7, 'warning'],
    ]);
  });

  it('reports one line per transcript for its missing attributes, and front matter it cannot read', () => {
    const overview = describeParticipants(
      [
        { path: 'interviews/a.md', text: '# No front matter\n' },
        { path: 'interviews/b.md', text: transcript('age: [34\n') },
        { path: 'interviews/c.md', text: transcript('age: 34\ngender: man\ninterview_date: 2024-01-02\nsector: care\n') },
      ],
      declared,
    );
    const problems = attributeFileProblems(overview);
    assert.deepEqual(
      problems.map((p) => [p.path, p.severity, p.message.slice(0, 40)]),
      [
        ['interviews/a.md', 'warning', 'attributes "age", "gender", "interview_d'],
        ['interviews/b.md', 'error', 'Front matter is not valid YAML: Flow seq'],
      ],
    );
  });

  it('uses the inferred types while the attributes file is broken, and reports the file', () => {
    const broken = parseAttributesFile(ATTRIBUTES_FILE, '{');
    const overview = describeParticipants([{ path: 'interviews/a.md', text: transcript('age: 34\n') }], broken);
    assert.equal(overview.declared, false);
    assert.deepEqual(overview.schema.attributes, [{ name: 'age', type: 'number' }]);
    assert.equal(attributeFileProblems(overview)[0].path, ATTRIBUTES_FILE);
  });

  it('names a participant by the participant attribute, else by the file', () => {
    const overview = describeParticipants(
      [
        { path: 'interviews/p01.md', text: transcript('participant: " Zoë "\n') },
        { path: 'interviews/group/fg-2.md', text: '# Focus group\n' },
      ],
      undefined,
    );
    assert.deepEqual(overview.participants.map((p) => p.name), ['Zoë', 'fg-2']);
  });
});
