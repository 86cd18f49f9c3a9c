import assert from 'node:assert/strict';
import { makeQuote, normaliseText, reanchor } from '../../../src/core/anchoring';
import { sequentialIds } from '../../../src/core/ids';
import type { Segment } from '../../../src/core/model';
import { inOriginalForm, planPseudonymisation, readStudyFiles, type PseudonymisePlan } from '../../../src/core/pseudonymise';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';
import { ProjectStore } from '../../../src/core/storage/project-store';
import { demoFileSystem } from './demo-files';

const CLI_CODER = { id: 'grounded-cli', name: 'grounded' };

async function openStore(fs: MemoryFileSystem): Promise<ProjectStore> {
  const store = await ProjectStore.open(fs, { coder: CLI_CODER, ids: sequentialIds() });
  await store.loadAllCoding();
  return store;
}

/** Plan on the files as they are, then write the texts and the quotes as the CLI does. */
async function pseudonymise(fs: MemoryFileSystem, name: string, pseudonym: string, variants: string[] = []): Promise<PseudonymisePlan> {
  const store = await openStore(fs);
  const files = await readStudyFiles(fs, store.config);
  const plan = planPseudonymisation({ name, pseudonym, variants, files: files.map((f) => f.file), coding: store.loadedCoding() });
  const raw = new Map(files.map((f) => [f.file.path, f.raw]));
  for (const change of plan.changes) await fs.writeFileAtomic(change.path, inOriginalForm(raw.get(change.path)!, change.newText));
  for (const group of plan.requotes) await store.requote(group.transcript, group.coderId, group.updates);
  await store.flush();
  return plan;
}

/** Every segment of every coder, re-anchored in the transcript's text as it is now on disk. */
async function placements(fs: MemoryFileSystem): Promise<{ transcript: string; segment: Segment; status: string; text: string | undefined }[]> {
  const store = await openStore(fs);
  const out = [];
  for (const coding of store.loadedCoding()) {
    const text = normaliseText((await fs.readFile(coding.transcript)) ?? '');
    for (const { segments } of coding.coders) {
      const results = reanchor(text, segments.map((s) => ({ id: s.id, quote: s.quote, position: s.position })));
      out.push(...segments.map((segment, i) => ({ transcript: coding.transcript, segment, status: results[i].status, text: results[i].range && text.slice(results[i].range.start, results[i].range.end) })));
    }
  }
  return out;
}

const DEMO_NAMES: [string, string][] = [
  ['Amara', 'Zola'],
  ['Tomasz', 'Piotr'],
  ['Lucía', 'Inés'],
  ['Kwame', 'Kofi'],
  ['Mei', 'Ling'],
];

describe('pseudonymisation', () => {
  for (const [name, pseudonym] of DEMO_NAMES) {
    it(`replaces ${name} across the demo study and keeps every coded segment exactly on its text`, async () => {
      const fs = demoFileSystem();
      const before = new Map(fs.files);
      const placedBefore = await placements(fs);
      const plan = await pseudonymise(fs, name, pseudonym);
      assert.ok(plan.report.occurrences > 0 && plan.report.segmentsUpdated > 0);

      const updated = new Set(plan.requotes.flatMap((g) => [...g.updates.keys()]));
      const placedAfter = await placements(fs);
      assert.equal(placedAfter.length, placedBefore.length, 'no segment lost');
      for (const p of placedAfter) {
        const was = placedBefore.find((b) => b.segment.id === p.segment.id)!;
        if (was.status === 'fuzzy' || was.status === 'orphan') continue;
        assert.equal(p.text, p.segment.quote.exact, `${p.segment.id} is on its quote`);
        if (updated.has(p.segment.id)) assert.equal(p.status, 'exact', `${p.segment.id} was rewritten where it is`);
        else assert.ok(p.status === 'exact' || p.status === 'moved', `${p.segment.id} found exactly (${p.status})`);
      }

      const wholeWord = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_])${name}(?![\\p{L}\\p{M}\\p{N}_])`, 'iu');
      for (const [path, content] of fs.files) {
        if (path.endsWith('.md') || path.endsWith('.jsonl')) assert.ok(!wholeWord.test(content), `${path} still names ${name}`);
      }
      // Only the records of segments whose quote changed were rewritten.
      const changedRecords = [...fs.files].filter(([p]) => p.endsWith('.jsonl')).flatMap(([p, content]) => content.split('\n').filter((line) => !before.get(p)!.split('\n').includes(line)));
      assert.equal(changedRecords.length, updated.size);
      assert.equal(plan.report.segmentsUpdated + plan.report.unplacedSegmentsUpdated, updated.size);
    });
  }

  it('reports the files, the file names that contain the name, and where the pseudonym already was', async () => {
    const fs = demoFileSystem();
    const plan = await pseudonymise(fs, 'Amara', 'Mei');
    assert.deepEqual(plan.report.files.map((f) => f.path), ['interviews/p01-amara.md', 'memos/p03-lucia.md']);
    assert.equal(plan.report.files[1].occurrences, 1);
    assert.deepEqual(plan.report.pathsContainingName, ['interviews/p01-amara.md']);
    assert.deepEqual(plan.report.pseudonymAlreadyIn, ['interviews/p05-mei.md']);
    assert.ok(fs.files.get('memos/p03-lucia.md')!.includes('Compare with Mei (P01)'));
  });

  it('keeps segments whose boundary falls inside the name, with emoji and accents around', async () => {
    const text = '---\nparticipant: Zoë\n---\n\n**Zoë:** 🌱 Zoë’s garden. ZOË laughed 😀 — and Zoëlla too.\n';
    const segments: Segment[] = [
      ['s-000000000001', 'Zoë’s garden'],
      ['s-000000000002', 'OË laughed 😀'],
      ['s-000000000003', 'Zoëlla'],
    ].map(([id, exact]) => {
      const start = text.indexOf(exact);
      return { id, codes: ['c-000000000001'], quote: makeQuote(text, { start, end: start + exact.length }), position: { start, end: start + exact.length } };
    });
    const orphan: Segment = { id: 's-000000000004', codes: ['c-000000000001'], quote: { exact: 'Zoë said it long ago', prefix: 'when ', suffix: '' }, position: { start: 3, end: 23 }, comment: 'Ask Zoë about this' };
    const plan = planPseudonymisation({
      name: 'Zoë',
      pseudonym: 'Ana',
      files: [{ path: 'interviews/p.md', kind: 'transcript', text }],
      coding: [{ transcript: 'interviews/p.md', coders: [{ coder: { id: 'dana', name: 'Dana' }, segments: [...segments, orphan] }] }],
    });
    const newText = plan.changes[0].newText;
    assert.equal(newText, '---\nparticipant: Ana\n---\n\n**Ana:** 🌱 Ana’s garden. ANA laughed 😀 — and Zoëlla too.\n');
    const updates = plan.requotes[0].updates;
    assert.equal(updates.get('s-000000000001')?.quote.exact, 'Ana’s garden');
    assert.equal(updates.get('s-000000000002')?.quote.exact, 'ANA laughed 😀', 'a start inside the name moves to its start');
    assert.equal(updates.get('s-000000000003')?.quote.exact, 'Zoëlla', 'its context changed, its text did not');
    for (const id of ['s-000000000001', 's-000000000002', 's-000000000003']) {
      const { quote, position } = updates.get(id)!;
      assert.equal(newText.slice(position.start, position.end), quote.exact);
      assert.deepEqual(quote, makeQuote(newText, position));
    }
    assert.deepEqual(updates.get('s-000000000004')?.quote, { exact: 'Ana said it long ago', prefix: 'when ', suffix: '' });
    assert.equal(plan.report.unplacedSegmentsUpdated, 1);
    assert.deepEqual(plan.report.commentsMentioningName, [{ transcript: 'interviews/p.md', coderId: 'dana', segmentId: 's-000000000004' }]);
  });

  it('writes a changed file back with its byte-order mark and CRLF line endings', async () => {
    const raw = '\ufeff---\r\nparticipant: Ann\r\n---\r\n\r\nAnn: hello.\r\n';
    const fs = new MemoryFileSystem({
      '.grounded/project.json': '{"format":"grounded-project","version":1,"name":"T","transcripts":["*.md"],"memos":"memos"}\n',
      'p.md': raw,
    });
    await pseudonymise(fs, 'Ann', 'Bea');
    assert.equal(fs.files.get('p.md'), raw.replace(/Ann/g, 'Bea'));
  });
});
