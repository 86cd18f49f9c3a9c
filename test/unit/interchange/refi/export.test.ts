import assert from 'node:assert/strict';
import { RefiExportError, exportCodebook, exportProject } from '../../../../src/core/interchange/refi';
import { idOfGuid } from '../../../../src/core/interchange/refi/guid';
import { type XmlElement, childrenNamed, firstChild, parseXml } from '../../../../src/core/interchange/refi/xml-read';
import { PROJECT_FILE, serializeProjectFile } from '../../../../src/core/storage/format';
import { MemoryFileSystem } from '../../../../src/core/storage/memory-file-system';
import { ProjectStore } from '../../../../src/core/storage/project-store';
import { DANA, SAM, buildTestProject, schemaErrors, unzipText } from './refi-test-project';

const GUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const GUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function qde(entries: Map<string, string>): XmlElement {
  return parseXml(entries.get('project.qde')!, 'project.qde');
}

function all(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...all(child, name)]);
}

function sourceNamed(project: XmlElement, name: string): XmlElement {
  const source = childrenNamed(firstChild(project, 'Sources')!, 'TextSource').find((s) => s.attributes.get('name') === name);
  assert.ok(source, name);
  return source;
}

function sourceText(entries: Map<string, string>, source: XmlElement): string {
  const path = source.attributes.get('plainTextPath')!;
  assert.match(path, /^internal:\/\//);
  return entries.get(`sources/${path.slice('internal://'.length)}`)!;
}

describe('REFI-QDA export', () => {
  it('writes a codebook (.qdc) and a project.qde that validate against the REFI-QDA schemas', async () => {
    const { fs } = await buildTestProject();
    const codebook = new TextDecoder().decode((await exportCodebook(fs)).bytes);
    assert.deepEqual(await schemaErrors(codebook, 'Codebook.xsd'), []);
    for (const options of [{}, { positions: 'utf-16' as const, lineEndings: 'crlf' as const, now: new Date('2025-01-02T03:04:05Z') }]) {
      const entries = unzipText((await exportProject(fs, options)).bytes);
      assert.deepEqual(await schemaErrors(entries.get('project.qde')!, 'Project.xsd'), []);
    }
  });

  it('writes the codebook with its hierarchy, names, #RRGGBB colours, descriptions and codable flags', async () => {
    const { fs } = await buildTestProject();
    const root = parseXml(new TextDecoder().decode((await exportCodebook(fs)).bytes), 'qdc');
    assert.equal(root.name, 'CodeBook');
    const top = childrenNamed(firstChild(root, 'Codes')!, 'Code');
    assert.deepEqual(top.map((c) => c.attributes.get('name')), ['Barriers', 'Emotions', 'Support']);
    const support = top[2];
    assert.deepEqual(childrenNamed(support, 'Code').map((c) => c.attributes.get('name')), ['Peer support', 'Practical help']);
    assert.equal(firstChild(support, 'Description')?.text, 'Help the participant received.');
    assert.equal(childrenNamed(support, 'Code')[0].attributes.get('color'), '#59A14F');
    assert.equal(firstChild(top[0], 'Description')?.text, 'What made it "harder" — forms & <queues>.');
    for (const code of all(root, 'Code')) {
      assert.match(code.attributes.get('color')!, /^#[0-9A-F]{6}$/);
      assert.equal(code.attributes.get('isCodable'), 'true');
    }
    assert.equal(firstChild(childrenNamed(top[1], 'Code')[0], 'Description')?.text, 'Looking forward.');
  });

  it('packs project.qde and one sources/<guid>.txt per transcript: UTF-8 without BOM, LF, front matter left out', async () => {
    const { fs } = await buildTestProject();
    const entries = unzipText((await exportProject(fs)).bytes);
    const project = qde(entries);
    const sources = [...entries.keys()].filter((name) => name !== 'project.qde');
    for (const name of sources) assert.match(name, /^sources\/[0-9a-f-]{36}\.txt$/);
    const textSources = childrenNamed(firstChild(project, 'Sources')!, 'TextSource');
    const notes = childrenNamed(firstChild(project, 'Notes')!, 'Note');
    assert.equal(textSources.length, 3);
    assert.deepEqual(sources.sort(), [...textSources, ...notes].map((e) => `sources/${e.attributes.get('plainTextPath')!.slice('internal://'.length)}`).sort());
    const li = sourceText(entries, sourceNamed(project, 'p02-li'));
    assert.equal(li, '**Li:** The forms. Always the same questions, again and again.\n\n**Li:** My sister came with me the second time.\n');
    assert.ok(!entries.get('project.qde')!.startsWith('\uFEFF'));
    assert.ok(sourceText(entries, sourceNamed(project, 'p01-amara')).startsWith('# Interview P01 😀\n'));
    assert.equal(sourceText(entries, sourceNamed(project, 'notes')), 'Loose notes from the fieldwork, not an interview.\n\nNothing coded here yet.\n');
  });

  it('writes the project’s parts in the order Project.xsd requires', async () => {
    const { fs } = await buildTestProject();
    const project = qde(unzipText((await exportProject(fs)).bytes));
    assert.deepEqual(project.children.map((c) => c.name), ['Users', 'CodeBook', 'Variables', 'Cases', 'Sources', 'Notes', 'NoteRef']);
    const amara = sourceNamed(project, 'p01-amara');
    assert.deepEqual([...new Set(amara.children.map((c) => c.name))], ['PlainTextSelection']);
    const li = sourceNamed(project, 'p02-li');
    assert.deepEqual([...new Set(li.children.map((c) => c.name))], ['PlainTextSelection', 'NoteRef']);
    const peer = all(project, 'Code').find((c) => c.attributes.get('name') === 'Peer support')!;
    assert.deepEqual(peer.children.map((c) => c.name), ['Description', 'NoteRef']);
  });

  it('never writes an empty Codes, Users, Cases or Sources group; a codebook without codes cannot be a .qdc', async () => {
    const fs = new MemoryFileSystem({
      [PROJECT_FILE]: serializeProjectFile({ name: 'Empty', transcripts: ['interviews/**/*.md'], memos: 'memos' }),
      'interviews/a.md': 'Just text.\n',
    });
    const entries = unzipText((await exportProject(fs)).bytes);
    assert.deepEqual(qde(entries).children.map((c) => c.name), ['Sources']);
    assert.deepEqual(await schemaErrors(entries.get('project.qde')!, 'Project.xsd'), []);
    await assert.rejects(exportCodebook(fs), (e: unknown) => e instanceof RefiExportError && /at least one code/.test(e.message));
  });

  it('replaces characters XML 1.0 cannot carry, so the file still validates', async () => {
    const fs = new MemoryFileSystem({ [PROJECT_FILE]: serializeProjectFile({ name: 'Odd\u0001 name', transcripts: ['*.md'], memos: 'memos' }) });
    const store = await ProjectStore.open(fs, { coder: DANA });
    store.addCode({ name: 'Bell', description: 'rings \u0007 here \uD800 and there' });
    await store.flush();
    const xml = new TextDecoder().decode((await exportCodebook(fs)).bytes);
    assert.deepEqual(await schemaErrors(xml, 'Codebook.xsd'), []);
    assert.match(xml, /rings \uFFFD here \uFFFD and there/);
    const qdeXml = unzipText((await exportProject(fs)).bytes).get('project.qde')!;
    assert.match(qdeXml, /name="Odd\uFFFD name"/);
  });

  it('writes one selection per coder and segment, one Coding per code attributed to that coder, the comment as Description', async () => {
    const { fs } = await buildTestProject();
    const project = qde(unzipText((await exportProject(fs)).bytes));
    const users = new Map(childrenNamed(firstChild(project, 'Users')!, 'User').map((u) => [u.attributes.get('guid')!, u.attributes.get('name')]));
    assert.deepEqual([...users.values()].sort(), [DANA.name, SAM.name]);
    const selections = childrenNamed(sourceNamed(project, 'p01-amara'), 'PlainTextSelection');
    assert.equal(selections.length, 4);
    const church = selections.filter((s) => s.attributes.get('name') === 'A woman from my church 🙏 told me.');
    assert.deepEqual(church.map((s) => users.get(s.attributes.get('creatingUser')!)).sort(), [DANA.name, SAM.name]);
    for (const selection of selections) {
      const codings = childrenNamed(selection, 'Coding');
      assert.ok(codings.length > 0);
      for (const coding of codings) {
        assert.equal(coding.attributes.get('creatingUser'), selection.attributes.get('creatingUser'));
        assert.equal(childrenNamed(coding, 'CodeRef').length, 1);
      }
    }
    const phone = selections.find((s) => s.attributes.get('name')?.startsWith('Having my own phone'))!;
    assert.equal(childrenNamed(phone, 'Coding').length, 2);
    assert.equal(firstChild(phone, 'Description')?.text, 'Phone first, then the key.');
  });

  it('counts positions in code points by default and in UTF-16 units on request, both over the text after the front matter', async () => {
    const { fs } = await buildTestProject();
    const phrases = ['A woman from my church 🙏 told me.', 'Having my own phone 📱 and a key to my own door', 'That was freedom.'];
    for (const positions of ['code-points', 'utf-16'] as const) {
      const entries = unzipText((await exportProject(fs, { positions })).bytes);
      const amara = sourceNamed(qde(entries), 'p01-amara');
      const text = sourceText(entries, amara);
      const slice = (start: number, end: number): string => (positions === 'utf-16' ? text.slice(start, end) : [...text].slice(start, end).join(''));
      const quoted = childrenNamed(amara, 'PlainTextSelection').map((s) => slice(Number(s.attributes.get('startPosition')), Number(s.attributes.get('endPosition'))));
      assert.deepEqual([...new Set(quoted)].sort(), [...phrases].sort(), positions);
    }
  });

  it('writes CR LF sources on request, keeping each line break one position (as MAXQDA counts)', async () => {
    const { fs } = await buildTestProject();
    const lf = unzipText((await exportProject(fs)).bytes);
    const crlf = unzipText((await exportProject(fs, { lineEndings: 'crlf' })).bytes);
    const positions = (entries: Map<string, string>): string[] => all(qde(entries), 'PlainTextSelection').map((s) => `${s.attributes.get('startPosition')}-${s.attributes.get('endPosition')}`);
    assert.deepEqual(positions(crlf), positions(lf));
    const li = sourceText(crlf, sourceNamed(qde(crlf), 'p02-li'));
    assert.equal(li, '**Li:** The forms. Always the same questions, again and again.\r\n\r\n**Li:** My sister came with me the second time.\r\n');
    const notes = childrenNamed(firstChild(qde(crlf), 'Notes')!, 'Note');
    for (const note of notes) assert.equal(sourceText(crlf, note), firstChild(note, 'PlainTextContent')!.text!.replace(/\n/g, '\r\n'));
  });

  it('derives lowercase GUIDs from the project’s ids: the same on every export, unchanged by renaming; codes and selections carry their ids', async () => {
    const { fs, codes } = await buildTestProject();
    const first = await exportProject(fs);
    const again = await exportProject(new MemoryFileSystem(Object.fromEntries(fs.files)));
    assert.deepEqual(again.bytes, first.bytes);
    const guids = (entries: Map<string, string>): string[] => [...entries.get('project.qde')!.matchAll(/(?:guid|GUID|creatingUser)="([^"]*)"/g)].map((m) => m[1]);
    const before = guids(unzipText(first.bytes));
    const project = qde(unzipText(first.bytes));
    const carrying = new Set([...all(project, 'Code'), ...all(project, 'PlainTextSelection')].map((e) => e.attributes.get('guid')!));
    assert.equal(carrying.size, all(project, 'Code').length + all(project, 'PlainTextSelection').length);
    for (const guid of before) assert.match(guid, carrying.has(guid) ? GUID_V8 : GUID_V5);
    assert.equal(idOfGuid('code', all(project, 'Code').find((c) => c.attributes.get('name') === 'Peer support')!.attributes.get('guid')!), codes.peer);
    const store = await ProjectStore.open(fs, { coder: DANA });
    store.updateCode(codes.peer, { name: 'Peers' });
    await store.flush();
    const renamed = unzipText((await exportProject(fs)).bytes);
    assert.deepEqual(guids(renamed), before);
    assert.match(renamed.get('project.qde')!, /name="Peers"/);
  });

  it('exports memos as Notes linked by NoteRef to their code, their transcript, or the project', async () => {
    const { fs } = await buildTestProject();
    const project = qde(unzipText((await exportProject(fs)).bytes));
    const notes = new Map(childrenNamed(firstChild(project, 'Notes')!, 'Note').map((n) => [n.attributes.get('guid')!, n]));
    const noteOf = (element: XmlElement): XmlElement[] => childrenNamed(element, 'NoteRef').map((ref) => notes.get(ref.attributes.get('targetGUID')!)!);
    const peer = all(project, 'Code').find((c) => c.attributes.get('name') === 'Peer support')!;
    const [codeMemo] = noteOf(peer);
    assert.equal(codeMemo.attributes.get('name'), 'Peers come first');
    assert.equal(codeMemo.attributes.get('creationDateTime'), '2024-05-06T00:00:00Z');
    assert.equal(firstChild(codeMemo, 'PlainTextContent')?.text, '# Peers come first\n\nEvery first contact went through someone who had been through it.\n');
    assert.equal(noteOf(sourceNamed(project, 'p02-li'))[0].attributes.get('name'), 'Li: forms as a barrier');
    assert.equal(firstChild(noteOf(project)[0], 'PlainTextContent')?.text, 'Questions for the next round of interviews.\n');
  });

  it('writes each memo’s text both inline and as a plainTextPath file (QualCoder reads only the file), with a date on every note', async () => {
    const { fs } = await buildTestProject();
    fs.files.set('memos/undated.md', '# Undated thought\n\nNo date on this one 😀.\n');
    const now = new Date('2025-02-03T04:05:06.789Z');
    const entries = unzipText((await exportProject(fs, { now })).bytes);
    const notes = childrenNamed(firstChild(qde(entries), 'Notes')!, 'Note');
    assert.equal(notes.length, 4);
    for (const note of notes) {
      assert.equal(sourceText(entries, note), firstChild(note, 'PlainTextContent')?.text);
      assert.ok(note.attributes.get('creationDateTime') ?? note.attributes.get('modifiedDateTime'), note.attributes.get('name'));
    }
    const undated = notes.find((n) => n.attributes.get('name') === 'Undated thought')!;
    assert.equal(undated.attributes.get('creationDateTime'), undefined);
    assert.equal(undated.attributes.get('modifiedDateTime'), '2025-02-03T04:05:06Z');
    assert.match(sourceText(entries, undated), /No date on this one 😀/);
    assert.deepEqual(await schemaErrors(entries.get('project.qde')!, 'Project.xsd'), []);
  });

  it('turns participant attributes into cases holding typed variable values', async () => {
    const { fs } = await buildTestProject();
    const project = qde(unzipText((await exportProject(fs)).bytes));
    const variables = childrenNamed(firstChild(project, 'Variables')!, 'Variable');
    const types = Object.fromEntries(variables.map((v) => [v.attributes.get('name'), v.attributes.get('typeOfVariable')]));
    assert.deepEqual(types, { participant: 'Text', age: 'Integer', interviewed: 'Date', consent: 'Boolean', hours_per_week: 'Float' });
    const cases = childrenNamed(firstChild(project, 'Cases')!, 'Case');
    assert.deepEqual(cases.map((c) => c.attributes.get('name')), ['Amara', 'Li']);
    const li = cases[1];
    const values = childrenNamed(li, 'VariableValue').map((v) => `${v.children[1].name}:${v.children[1].text}`);
    assert.deepEqual(values, ['TextValue:Li', 'IntegerValue:41', 'DateValue:2024-03-19', 'BooleanValue:false']);
    assert.equal(firstChild(li, 'SourceRef')?.attributes.get('targetGUID'), sourceNamed(project, 'p02-li').attributes.get('guid'));
  });

  it('warns that code-point positions shift in NVivo and QualCoder when coded text has emoji, and not for UTF-16 exports', async () => {
    const { fs } = await buildTestProject();
    assert.ok((await exportProject(fs)).warnings.some((w) => /UTF-16/.test(w)));
    assert.ok(!(await exportProject(fs, { positions: 'utf-16' })).warnings.some((w) => /UTF-16/.test(w)));
  });

  it('names in its warnings everything REFI-QDA cannot hold: criteria, example quotes, rounds, and memo links to segments', async () => {
    const { fs, codes } = await buildTestProject();
    const store = await ProjectStore.open(fs, { coder: DANA });
    store.updateCode(codes.hope, { inclusion: 'Any look ahead.', exclusion: 'Plans made by staff.' });
    store.relateCodes(codes.barriers, { type: 'contradicts', target: codes.hope });
    await store.flush();
    fs.files.set('memos/seg.md', '---\ntranscript: interviews/p02-li.md\nsegment: s-000000000001\ncoder: dana\nsegments: [s-000000000002]\n---\n\nOn that one.\n');
    const exported = await exportProject(fs);
    assert.deepEqual(await schemaErrors(unzipText(exported.bytes).get('project.qde')!, 'Project.xsd'), [], 'the relation as a Link is valid');
    const warnings = exported.warnings;
    const has = (pattern: RegExp): void => assert.ok(warnings.some((w) => pattern.test(w)), `${pattern} in\n${warnings.join('\n')}`);
    has(new RegExp(`^1 code\\(s\\) have inclusion criteria, .*not exported: "Hope" \\(${codes.hope}\\)$`));
    has(/^1 code\(s\) have exclusion criteria/);
    has(/^6 code\(s\) have a coding round/);
    has(/^6 segment\(s\) record coding round "initial".*\(4 in interviews\/p01-amara\.md, 2 in interviews\/p02-li\.md\)$/);
    has(/^memos\/seg\.md: its link to segment s-000000000001 \(coder dana\) is not exported.*memo about interviews\/p02-li\.md$/);
    has(/^memos\/seg\.md: its list of 1 cited segment\(s\) \(segments: s-000000000002\)/);
    assert.ok(!warnings.some((w) => /relation/.test(w)), 'a .qdpx keeps relations as links');
    const qdc = (await exportCodebook(fs)).warnings;
    assert.ok(qdc.some((w) => new RegExp(`^1 code\\(s\\) have relations .*"Barriers" \\(${codes.barriers}\\)$`).test(w)), qdc.join('\n'));
  });

  it('attaches a memo to every code and transcript it is about, and keeps a date with a time', async () => {
    const { fs, codes } = await buildTestProject();
    fs.files.set('memos/both.md', `---\ncode: [${codes.hope}, ${codes.barriers}]\ntranscript: interviews/p02-li.md\ndate: 2024-06-02T10:30\n---\n\nBoth.\n`);
    const project = qde(unzipText((await exportProject(fs)).bytes));
    const note = childrenNamed(firstChild(project, 'Notes')!, 'Note').find((n) => firstChild(n, 'PlainTextContent')?.text === 'Both.\n')!;
    assert.equal(note.attributes.get('creationDateTime'), '2024-06-02T10:30:00');
    const guid = note.attributes.get('guid');
    const referring = (element: XmlElement): string[] => [
      ...(childrenNamed(element, 'NoteRef').some((r) => r.attributes.get('targetGUID') === guid) ? [element.attributes.get('name')!] : []),
      ...element.children.flatMap(referring),
    ];
    assert.deepEqual(referring(firstChild(project, 'CodeBook')!).sort(), ['Barriers', 'Hope']);
    assert.deepEqual(referring(firstChild(project, 'Sources')!), ['p02-li']);
    assert.deepEqual(childrenNamed(project, 'NoteRef').filter((r) => r.attributes.get('targetGUID') === guid), []);
  });
});
