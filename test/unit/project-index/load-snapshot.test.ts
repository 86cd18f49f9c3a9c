import assert from 'node:assert/strict';
import { ProjectIndex, loadSnapshot, type ProjectSnapshot } from '../../../src/core/project-index';
import { demoFileSystem } from '../pseudonymise/demo-files';
import { P01, P02, TRUST, WORK, smallProject } from './small-project';

const summary = (s: ProjectSnapshot): unknown =>
  s.transcripts.map((t) => [t.path, t.exists, t.listed, t.segments.map((p) => `${p.coder.id}:${p.segment.id}:${p.status}`)]);

describe('loadSnapshot', () => {
  it('reads the demo study: codes, both coders, every transcript with its segments placed exactly', async () => {
    const s = await loadSnapshot(demoFileSystem());
    assert.equal(s.codes.length, 31);
    assert.deepEqual(s.coders.map((c) => c.id), ['dana-reyes', 'sam-okafor']);
    // Segment counts are the record lines of the demo's coding files, coder by coder.
    assert.deepEqual(
      s.transcripts.map((t) => [t.path, t.segments.filter((p) => p.coder.id === 'dana-reyes').length, t.segments.filter((p) => p.coder.id === 'sam-okafor').length]),
      [
        ['interviews/p01-amara.md', 17, 20],
        ['interviews/p02-tomasz.md', 15, 21],
        ['interviews/p03-lucia.md', 15, 16],
        ['interviews/p04-kwame.md', 14, 19],
        ['interviews/p05-mei.md', 16, 0],
        ['interviews/p06-renee.md', 25, 23],
        ['interviews/p07-marcus.md', 25, 25],
        ['interviews/p08-dee.md', 25, 25],
        ['interviews/p09-priya.md', 25, 25],
        ['interviews/p10-tyrone.md', 25, 24],
        ['interviews/p11-celeste.md', 25, 25],
        ['interviews/p12-hannah.md', 25, 25],
        ['interviews/p13-kai.md', 25, 26],
        ['interviews/p14-marisol.md', 25, 26],
        ['interviews/p15-grace.md', 25, 26],
        ['interviews/p16-jolene.md', 25, 25],
        ['interviews/p17-andre.md', 25, 26],
      ],
    );
    assert.ok(s.transcripts.every((t) => t.segments.every((p) => p.status === 'exact' && t.text.slice(p.range!.start, p.range!.end) === p.segment.quote.exact)));
    assert.deepEqual(s.transcripts.map((t) => t.participant.name), ['Amara', 'Tomasz', 'Lucía', 'Kwame', 'Mei', 'Renée', 'Marcus', 'Dee', 'Priya', 'Tyrone', 'Celeste', 'Hannah', 'Kai', 'Marisol', 'Grace', 'Jolene', 'André']);
    assert.deepEqual(s.transcripts[4].speakers, ['Interviewer', 'Interpreter', 'Mei']);
    assert.deepEqual(s.memos.map((m) => m.path), ['memos/fear-of-authorities.md', 'memos/p03-lucia.md', 'memos/reflexive-coding-across-two-studies.md', 'memos/validation-cycle.md']);
    assert.equal(s.attributes.declared, false);
    assert.deepEqual(s.problems, []);
  });

  it('places segments on normalised text, orphans what is gone, and keeps coding of a missing transcript', async () => {
    const s = await loadSnapshot(smallProject());
    assert.equal(s.config.name, 'Small study');
    assert.deepEqual(s.codes.map((c) => [c.id, c.name, c.parent]), [
      [TRUST, 'trust', null],
      [WORK, 'Work', TRUST],
    ]);
    assert.deepEqual(summary(s), [
      ['interviews/p01.md', true, true, ['dana-reyes:s-000000000001:exact', 'dana-reyes:s-000000000003:orphan', 'sam-okafor:s-000000000002:exact']],
      ['interviews/p02.md', true, true, ['sam-okafor:s-000000000004:exact']],
      ['interviews/p03.md', false, false, ['dana-reyes:s-000000000005:orphan']],
    ]);
    const [p01, p02] = s.transcripts;
    assert.equal(p01.text, P01, 'BOM and CRLF are gone, so offsets match the stored positions');
    assert.deepEqual(p01.segments[0].range, { start: P01.indexOf('A friend'), end: P01.indexOf('A friend') + 'A friend from church'.length });
    assert.deepEqual(p01.participant, { name: 'Amara', values: { participant: 'Amara', age: 34 }, lines: { participant: 2, age: 3 }, issues: [] });
    assert.equal(p02.participant.name, 'p02');
    assert.equal(p02.text, P02);
    assert.deepEqual(p02.speakers, ['Interviewer', 'Tomasz']);
    assert.deepEqual(p02.turns.map((t) => P02.slice(t.textRange.start, t.textRange.end)), ['And work?', 'We slept on site. 🏗️ Nobody paid us.']);
  });

  it('reports the malformed coding file by name and line, and reads everything else', async () => {
    const s = await loadSnapshot(smallProject());
    assert.equal(s.problems.length, 1);
    assert.equal(s.problems[0].path, '.grounded/coding/interviews/p02.md/broken.jsonl');
    assert.equal(s.problems[0].severity, 'error');
    assert.equal(s.problems[0].line, 1);
  });

  it('infers attribute types from the listed transcripts and lists memos with their links', async () => {
    const s = await loadSnapshot(smallProject());
    assert.deepEqual(s.attributes.schema.attributes.map((a) => [a.name, a.type]), [
      ['participant', 'text'],
      ['age', 'number'],
    ]);
    assert.deepEqual(s.transcripts[1].participant.issues.map((i) => i.kind), ['missing', 'missing']);
    assert.deepEqual(s.memos.map((m) => [m.path, m.title, m.links]), [['memos/trust.md', 'Trust comes late', [{ kind: 'code', code: TRUST }]]]);
  });

  it('is plain data: JSON carries it whole, turns and speakers included', async () => {
    const s = await loadSnapshot(smallProject());
    const copy = JSON.parse(JSON.stringify(s)) as ProjectSnapshot;
    assert.deepEqual(copy.transcripts[1].speakers, ['Interviewer', 'Tomasz']);
    assert.equal(copy.transcripts[1].turns.length, 2);
    assert.deepEqual(copy.transcripts[0].segments[0].range, s.transcripts[0].segments[0].range);
    assert.deepEqual(structuredClone(s).transcripts[1].speakers, ['Interviewer', 'Tomasz']);
  });

  it('refuses a folder that is not a project, naming the missing file', async () => {
    await assert.rejects(loadSnapshot(demoFileSystemWithout('.grounded/project.json')), /\.grounded\/project\.json is missing/);
  });
});

function demoFileSystemWithout(path: string): ReturnType<typeof demoFileSystem> {
  const fs = demoFileSystem();
  fs.files.delete(path);
  return fs;
}

describe('ProjectIndex in time slices', () => {
  it('makes its first snapshot in slices while it builds, the same as one made at once', async () => {
    // A Slices that runs each piece at once and keeps what it returned.
    const returned: unknown[] = [];
    const slices = { run: <T>(work: () => T): Promise<T> => Promise.resolve(work()).then((value) => (returned.push(value), value)) };
    const sliced = await ProjectIndex.load(demoFileSystem(), { slices });
    const snapshot = sliced.snapshot();
    // Whoever asks once the index is built finds the snapshot made: it came out of a piece.
    assert.ok(returned.includes(snapshot), 'the snapshot was made in a piece of the build');
    const direct = await ProjectIndex.load(demoFileSystem());
    assert.deepEqual(JSON.parse(JSON.stringify(snapshot)), JSON.parse(JSON.stringify(direct.snapshot())));
    assert.ok(snapshot.transcripts.length > 0 && snapshot.transcripts.every((t) => sliced.transcript(t.path) === t), 'each transcript the same object as the snapshot lists');
  });
});
