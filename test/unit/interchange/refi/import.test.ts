import assert from 'node:assert/strict';
import { checkProject } from '../../../../src/core/validation/project-check';
import { RefiImportError, importRefi, writeImportedProject } from '../../../../src/core/interchange/refi';
import { MemoryFileSystem } from '../../../../src/core/storage/memory-file-system';
import type { Segment } from '../../../../src/core/model';
import type { ProjectStore } from '../../../../src/core/storage/project-store';
import { openImported, zipEntries, zipFixture, zipFixtureWith } from './refi-test-project';

/** Every segment as `coder: codes | exact | comment`, codes by path, sorted. */
function segmentsOf(store: ProjectStore, transcript: string): string[] {
  const codebook = store.codebook();
  const coding = store.loadedCoding().find((c) => c.transcript === transcript);
  assert.ok(coding, transcript);
  return coding.coders
    .flatMap(({ coder, segments }) => segments.map((s: Segment) => `${coder.name}: ${s.codes.map((id) => codebook.path(id).join('/')).sort().join(', ')} | ${s.quote.exact}${s.comment ? ` | ${s.comment}` : ''}`))
    .sort();
}

function file(files: readonly { path: string; content: string }[], path: string): string {
  const found = files.find((f) => f.path === path);
  assert.ok(found, `${path} among ${files.map((f) => f.path).join(', ')}`);
  return found.content;
}

describe('REFI-QDA import', () => {
  describe('an NVivo-like project (one selection per code, UTF-16 positions, CR LF as two, BOM, Sources/)', () => {
    const imported = importRefi(zipFixture('nvivo-like'));

    it('reads positions as UTF-16 units with CR LF counted twice, and every selection fits', () => {
      const [source] = imported.report.sources;
      assert.equal(source.reading, 'UTF-16 code units, CR LF counted as 2, BOM not counted');
      assert.equal(source.basis, 'word boundaries');
      assert.deepEqual([source.selections, source.fitting, source.skipped], [7, 7, 0]);
    });

    it('finds the same reading without the origin to go by', () => {
      const bytes = zipFixtureWith('nvivo-like', 'project.qde', (xml) => xml.replace('origin="NVivo 12.6.1 (Windows)"', 'origin="Exporter"'));
      assert.equal(importRefi(bytes).report.sources[0].reading, 'UTF-16 code units, CR LF counted as 2, BOM not counted');
    });

    it('merges the selections of one range by one coder into one segment, attributing each coding to its Coding’s user', async () => {
      const { store } = await openImported(imported.files);
      assert.deepEqual(segmentsOf(store, 'interviews/amara-interview.md'), [
        'Dana Reyes: Bureaucracy | The forms. Always the same questions, again and again 🙄, in every office.',
        'Dana Reyes: Support/Peer support | A woman from my church told me.',
        'Sam Okafor: Hope | That was freedom. | She smiled when saying this.',
        'Sam Okafor: Hope, Support/Peer support | A woman from my church told me.',
        'Sam Okafor: Identity/Agency, Support/Practical help | Having my own phone 📱 and a key to my own door',
      ]);
      assert.deepEqual(imported.report.counts, { codes: 7, transcripts: 1, segments: 5, memos: 2, coders: 2, transcriptsWithAttributes: 1 });
    });

    it('keeps the text exactly (LF, no BOM) below front matter made of the case and its variables', () => {
      const text = file(imported.files, 'interviews/amara-interview.md');
      assert.ok(text.startsWith('---\nparticipant: Amara\nAge: 34\nGender: woman\nInterviewed: 2024-03-12\nConsent to quote: true\n---\n\nInterviewer: How did you'));
      assert.ok(!text.includes('\r') && !text.includes('\uFEFF'));
      assert.ok(text.endsWith('again and again 🙄, in every office.\n'));
    });

    it('keeps the codebook: hierarchy, colours, descriptions, the non-codable folder and its child', async () => {
      const { store } = await openImported(imported.files);
      const codebook = store.codebook();
      const paths = codebook.all().map((c) => codebook.path(c.id).join('/')).sort();
      assert.deepEqual(paths, ['Bureaucracy', 'Hope', 'Identity', 'Identity/Agency', 'Support', 'Support/Peer support', 'Support/Practical help']);
      const support = codebook.all().find((c) => c.name === 'Support')!;
      assert.equal(support.color, '#4e79a7');
      assert.equal(support.description, 'Help the participant received.');
      assert.match(codebook.all().find((c) => c.name === 'Identity')!.color, /^#[0-9a-f]{6}$/);
      assert.ok(imported.report.warnings.some((w) => /not codable/.test(w)));
    });

    it('turns the code’s note and the source’s note into memos, reading a note kept as a file', () => {
      const peer = file(imported.files, '.grounded/codes/' + imported.files.find((f) => f.content.includes('"name": "Peer support"'))!.path.split('/').pop());
      const peerId = (JSON.parse(peer) as { id: string }).id;
      assert.equal(
        file(imported.files, 'memos/peer-support-memo.md'),
        `---\ncode: ${peerId}\nauthor: Dana Reyes\ndate: 2024-04-05\ntitle: Peer support memo\n---\n\nWho helped first? Almost always someone who had been through it.\nCompare with the ATLAS.ti pilot.\n`,
      );
      const source = file(imported.files, 'memos/amara-first-impressions.md');
      assert.match(source, /^---\ntranscript: interviews\/amara-interview.md\nauthor: Sam Okafor\ndate: 2024-04-06T14:30:00Z\n/);
      assert.match(source, /\n\nCalm, precise about dates.\nAsked twice whether the recording would be shared.\n$/);
    });

    it('gives a project that Grounded validates without a problem', async () => {
      const { fs } = await openImported(imported.files);
      assert.deepEqual((await checkProject(fs)).problems, []);
    });
  });

  describe('an ATLAS.ti-like project (Project.qde, Sources/, braced uppercase GUIDs, code points, CR LF as one)', () => {
    const imported = importRefi(zipFixture('atlas-like'));

    it('reads positions as code points with CR LF counted once, decided by the quoted names', () => {
      const [source] = imported.report.sources;
      assert.equal(source.reading, 'code points, CR LF counted as 1, no BOM');
      assert.equal(source.basis, 'quoted text');
      assert.deepEqual([source.selections, source.fitting], [4, 4]);
    });

    it('imports nested codings, selection comments and truncated names, whatever the GUIDs’ case and braces', async () => {
      const { store } = await openImported(imported.files);
      assert.deepEqual(segmentsOf(store, 'interviews/simon.md'), [
        'Friedrich Markgraf: "rushed" | Now I snack. Crêpes from the café downstairs 🥞, or nothing at all until noon. | why does Simon feel the need to do this?',
        'Friedrich Markgraf: Breakfast food, Breakfast food/bacon and eggs, happiness | I used to have a much bigger breakfast.',
        'Friedrich Markgraf: Feelings | I did try the gluten free bread, but it was always so soggy, and frankly it tasted of cardboard no matter what I put on it, so I gave up.',
        'Friedrich Markgraf: autonomy | It\'s the only meal nobody else decides for me.',
      ]);
      assert.equal(store.codebook().all().find((c) => c.name === '"rushed"')?.color, '#ff00aa');
    });

    it('imports a free note with its description as a memo and reports what Grounded has no place for', () => {
      assert.equal(
        file(imported.files, 'memos/research-plan.md'),
        '---\nauthor: Friedrich Markgraf\ndate: 2018-03-27T19:38:46Z\ntitle: Research Plan\n---\n\nday to day log about this amazing project\n\nThis is a great project by a dynamic team of researcher-developers.\n',
      );
      assert.ok(imported.report.warnings.some((w) => /1 link/.test(w)));
      assert.ok(imported.report.warnings.some((w) => /1 set/.test(w)));
    });
  });

  it('writes the new project only where none of its files exists', async () => {
    const imported = importRefi(zipFixture('atlas-like'));
    const empty = new MemoryFileSystem();
    await writeImportedProject(empty, imported);
    assert.equal(empty.files.size, imported.files.length);
    const taken = new MemoryFileSystem({ 'interviews/simon.md': 'Another Simon.' });
    await assert.rejects(writeImportedProject(taken, imported), (e: unknown) => e instanceof RefiImportError && /already holds interviews\/simon\.md.*Nothing was written/.test(e.message));
    assert.deepEqual(taken.writes, []);
  });

  it('imports a codebook (.qdc) as a project with codes only, braces and case notwithstanding', async () => {
    const qdc = `\uFEFF<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Taguette 1.4.1">
  <Codes>
    <Code guid="{D2C1E38E-5220-42FA-A442-908471CC7964}" name="Barriers" isCodable="false" color="#ABC">
      <Description>What stood in the way.</Description>
      <Code guid="7988dac2-adbd-4258-a81e-71489189f5b5" name="Forms" isCodable="true"/>
    </Code>
  </Codes>
  <Sets><Set guid="322EDFE7-C248-49CE-A094-477E02CB7177" name="All"><MemberCode guid="7988DAC2-ADBD-4258-A81E-71489189F5B5"/></Set></Sets>
</CodeBook>`;
    const imported = importRefi(new TextEncoder().encode(qdc), { fallbackName: 'taguette-codebook' });
    assert.equal(imported.report.kind, 'qdc');
    const { store } = await openImported(imported.files);
    assert.equal(store.config.name, 'taguette-codebook');
    const codebook = store.codebook();
    assert.deepEqual(codebook.all().map((c) => codebook.path(c.id).join('/')).sort(), ['Barriers', 'Barriers/Forms']);
    assert.equal(codebook.all().find((c) => c.name === 'Barriers')?.color, '#aabbcc');
    assert.equal(imported.report.counts.transcripts, 0);
  });

  it('accepts a project under a top folder, inline text, a `.root` placeholder, relative:// paths and document variables', async () => {
    const qde = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="MAXQDA-style" origin="MAXQDA 2022">
  <Users><User guid="11111111-1111-4111-8111-111111111111" name="Zoë Ólafsdóttir"/></Users>
  <CodeBook><Codes><Code guid="22222222-2222-4222-8222-222222222222" name="Trust" isCodable="true" color="#112233"/></Codes></CodeBook>
  <Variables><Variable guid="33333333-3333-4333-8333-333333333333" name="Site" typeOfVariable="Text"/></Variables>
  <Sources>
    <TextSource guid="44444444-4444-4444-8444-444444444444" name="Inline">
      <Description>Recorded in the car park.</Description>
      <PlainTextContent>We trust the nurse.</PlainTextContent>
      <PlainTextSelection guid="55555555-5555-4555-8555-555555555555" startPosition="3" endPosition="8" creatingUser="11111111-1111-4111-8111-111111111111">
        <Coding guid="66666666-6666-4666-8666-666666666666"><CodeRef targetGUID="22222222-2222-4222-8222-222222222222"/></Coding>
      </PlainTextSelection>
      <VariableValue><VariableRef targetGUID="33333333-3333-4333-8333-333333333333"/><TextValue>North</TextValue></VariableValue>
    </TextSource>
    <TextSource guid="77777777-7777-4777-8777-777777777777" name="Outside" plainTextPath="relative:///texts/outside.txt"/>
  </Sources>
  <Description>Pilot of the interview guide.</Description>
</Project>`;
    const bytes = zipEntries({ 'export/project.qde': qde, 'export/sources/.root': '' });
    const imported = importRefi(bytes);
    const { store } = await openImported(imported.files);
    assert.deepEqual(segmentsOf(store, 'interviews/inline.md'), ['Zoë Ólafsdóttir: Trust | trust']);
    assert.equal(file(imported.files, 'interviews/inline.md'), '---\nSite: North\n---\n\nWe trust the nurse.');
    assert.ok(!imported.files.some((f) => f.path === 'interviews/outside.md'), 'a file outside the archive is never read');
    assert.ok(imported.report.warnings.some((w) => w.startsWith('Outside: its text is a file outside the archive (relative:///texts/outside.txt)')));
    assert.ok(imported.files.some((f) => f.path === '.grounded/coding/interviews/inline.md/zoe-olafsdottir.jsonl'));
    assert.equal(file(imported.files, 'memos/inline-description.md'), '---\ntranscript: interviews/inline.md\ntitle: "Inline: description"\n---\n\nRecorded in the car park.\n');
    assert.equal(file(imported.files, 'memos/project-description.md'), '---\ntitle: Project description\n---\n\nPilot of the interview guide.\n');
  });

  it('skips a source whose text is missing or empty, and says so', () => {
    const qde = `<Project xmlns="urn:QDA-XML:project:1.0" name="Missing">
  <Sources><TextSource guid="44444444-4444-4444-8444-444444444444" name="Gone.docx" plainTextPath="internal://44444444-4444-4444-8444-444444444444.txt" richTextPath="internal://x.docx"/>
  <TextSource guid="44444444-4444-4444-8444-444444444445" name="Blank.docx" plainTextPath="internal://blank.txt" richTextPath="internal://blank.docx"/></Sources>
</Project>`;
    const imported = importRefi(zipEntries({ 'project.qde': qde, 'sources/blank.txt': '\n' }));
    assert.equal(imported.report.counts.transcripts, 0);
    assert.ok(imported.report.warnings.some((w) => /Gone\.docx: its text .* is not in the file/.test(w)));
    assert.ok(imported.report.warnings.some((w) => /Blank\.docx: not imported: only its rich-text version has content/.test(w)));
  });
});
