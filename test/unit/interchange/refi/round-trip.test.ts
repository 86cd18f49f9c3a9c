import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { normaliseText } from '../../../../src/core/anchoring';
import { type RefiExportOptions, exportProject, importRefi } from '../../../../src/core/interchange/refi';
import { parseMemo } from '../../../../src/core/interchange/refi/memo-files';
import { listFiles } from '../../../../src/core/interchange/refi/project-files';
import { splitTranscript } from '../../../../src/core/interchange/refi/transcript-text';
import type { FileSystem } from '../../../../src/core/ports';
import { ProjectStore } from '../../../../src/core/storage/project-store';
import { NodeFileSystem } from '../../../../src/node/node-file-system';
import { buildTestProject, openImported } from './refi-test-project';

/** What a researcher would call "the same project", independent of ids and memo file names. */
interface ProjectSummary {
  codes: string[];
  transcripts: Record<string, { text: string; attributes: [string, unknown][] }>;
  segments: string[];
  memos: string[];
}

async function summarise(fs: FileSystem): Promise<ProjectSummary> {
  const store = await ProjectStore.open(fs, { coder: { id: 'reader', name: 'Reader' } });
  await store.loadAllCoding();
  const codebook = store.codebook();
  const pathOf = (id: string): string => codebook.path(id).join(' / ');
  const transcripts: ProjectSummary['transcripts'] = {};
  for (const path of await listFiles(fs, 'interviews', (p) => p.endsWith('.md'))) {
    const text = normaliseText((await fs.readFile(path))!);
    transcripts[path] = { text, attributes: splitTranscript(text).attributes };
  }
  const segments = store.loadedCoding().flatMap(({ transcript, coders }) =>
    coders.flatMap(({ coder, segments: list }) =>
      list.map((s) => [transcript, coder.name, s.codes.map(pathOf).sort().join(' + '), s.quote.exact, s.position.start, s.comment ?? ''].join(' | ')),
    ),
  );
  const memos: string[] = [];
  for (const path of await listFiles(fs, 'memos', (p) => p.endsWith('.md'))) {
    const memo = parseMemo(path, normaliseText((await fs.readFile(path))!));
    const about = [...(memo.codes ?? []).map((c) => `code ${pathOf(c)}`).sort(), ...(memo.transcripts ?? []).map((t) => `transcript ${t}`)].join(', ') || 'project';
    memos.push([memo.title, about, memo.author ?? '', memo.created ?? '', memo.text].join(' | '));
  }
  return {
    codes: codebook
      .all()
      .map((c) => [pathOf(c.id), c.color, c.description, ...(c.relations ?? []).map((r) => `${r.type} ${pathOf(r.target)} ${r.note ?? ''}`)].join(' | '))
      .sort(),
    transcripts,
    segments: segments.sort(),
    memos: memos.sort(),
  };
}

async function roundTrip(fs: FileSystem, options: RefiExportOptions): Promise<{ before: ProjectSummary; after: ProjectSummary }> {
  const exported = await exportProject(fs, options);
  const imported = importRefi(exported.bytes);
  const { fs: copy } = await openImported(imported.files);
  return { before: await summarise(fs), after: await summarise(copy) };
}

describe('REFI-QDA round trip', () => {
  const variants: [string, RefiExportOptions][] = [
    ['code points, LF', {}],
    ['UTF-16 units, CR LF', { positions: 'utf-16', lineEndings: 'crlf' }],
  ];
  for (const [label, options] of variants) {
    it(`gives back the codebook, transcripts, attributes, segments and memos (${label})`, async () => {
      const { fs } = await buildTestProject();
      const { before, after } = await roundTrip(fs, options);
      assert.equal(before.segments.length, 6);
      assert.equal(before.memos.length, 3);
      assert.deepEqual(after.codes, before.codes);
      assert.deepEqual(after.transcripts, before.transcripts);
      assert.deepEqual(after.segments, before.segments);
      assert.deepEqual(after.memos, before.memos);
    });
  }

  it('keeps code and segment ids, so the import merges with the project it came from', async () => {
    const { fs } = await buildTestProject();
    const ids = async (project: FileSystem): Promise<{ codes: string[]; segments: string[] }> => {
      const store = await ProjectStore.open(project, { coder: { id: 'reader', name: 'Reader' } });
      await store.loadAllCoding();
      const segments = store.loadedCoding().flatMap(({ transcript, coders }) => coders.flatMap(({ coder, segments: list }) => list.map((s) => `${transcript} ${coder.id} ${s.id} ${[...s.codes].sort().join(',')}`)));
      return { codes: store.codebook().all().map((c) => `${c.id} ${c.parent ?? ''}`).sort(), segments: segments.sort() };
    };
    for (const options of [{}, { positions: 'utf-16', lineEndings: 'crlf' }] as RefiExportOptions[]) {
      const { fs: copy } = await openImported(importRefi((await exportProject(fs, options)).bytes).files);
      const [before, after] = [await ids(fs), await ids(copy)];
      assert.equal(before.segments.length, 6);
      assert.deepEqual(after, before);
    }
  });

  it('gives back code relations with their notes, and memos about several codes and a transcript with their date and time', async () => {
    const { fs, codes } = await buildTestProject();
    const store = await ProjectStore.open(fs, { coder: { id: 'reader', name: 'Reader' } });
    store.relateCodes(codes.barriers, { type: 'contradicts', target: codes.hope, note: 'forms wear hope down' });
    store.relateCodes(codes.peer, { type: 'leads-to', target: codes.hope });
    await store.flush();
    fs.files.set('memos/both.md', `---\ncode: [${codes.hope}, ${codes.barriers}]\ntranscript: interviews/p02-li.md\ndate: 2024-06-02T10:30\n---\n\n# Hope against the forms\n\nLi again.\n`);
    const exported = await exportProject(fs);
    assert.equal(exported.counts.links, 2);
    const imported = importRefi(exported.bytes);
    assert.ok(!imported.report.warnings.some((w) => /link/.test(w)), imported.report.warnings.join('\n'));
    const { fs: copy } = await openImported(imported.files);
    const [before, after] = [await summarise(fs), await summarise(copy)];
    assert.ok(before.codes.some((c) => c.includes('contradicts Emotions / Hope forms wear hope down')));
    assert.deepEqual(after.codes, before.codes);
    assert.ok(before.memos.some((m) => m.startsWith('Hope against the forms | code Barriers, code Emotions / Hope, transcript interviews/p02-li.md |  | 2024-06-02T10:30:00 |')));
    assert.deepEqual(after.memos, before.memos);
    const memo = imported.files.find((f) => f.content.includes('# Hope against the forms'))!;
    assert.match(memo.content, /^date: 2024-06-02T10:30$/m);
  });

  it('gives back the demo study', async () => {
    const demo = new NodeFileSystem(fileURLToPath(new URL('../../../../demo/', import.meta.url)));
    const { before, after } = await roundTrip(demo, {});
    assert.ok(before.segments.length > 100);
    assert.deepEqual(after.codes, before.codes);
    assert.deepEqual(after.transcripts, before.transcripts);
    assert.deepEqual(after.segments, before.segments);
    assert.deepEqual(after.memos, before.memos);
  });
});
