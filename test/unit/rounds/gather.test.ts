import assert from 'node:assert/strict';
import { sequentialIds } from '../../../src/core/ids';
import type { QuoteSelector, Segment, TextRange } from '../../../src/core/model';
import { describeGather, gatherSegments, ungatherSegments } from '../../../src/core/rounds';
import { resolveConflictedFile } from '../../../src/core/storage/conflict-resolution';
import { PROJECT_FILE, codeFilePath, parseCodeFile, serializeCodeFile, serializeProjectFile } from '../../../src/core/storage/format';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';
import { ProjectStore } from '../../../src/core/storage/project-store';

const TEXT = 'Interviewer: How did you find help?\nAmara: A friend from church took me to the centre. I did not trust anyone then.\n';
const P1 = 'interviews/p01.md';
const P2 = 'interviews/p02.md';
const dana = { id: 'dana-reyes', name: 'Dana Reyes' };
const sam = { id: 'sam-okafor', name: 'Sam Okafor' };
const HOSTILE = 'Being "talked over" ](command:workbench.action.terminal.new) $(zap) <img src=x> 🌱';

function target(phrase: string): { range: TextRange; quote: QuoteSelector } {
  const start = TEXT.indexOf(phrase);
  const end = start + phrase.length;
  return { range: { start, end }, quote: { exact: phrase, prefix: TEXT.slice(Math.max(0, start - 32), start), suffix: TEXT.slice(end, end + 32) } };
}

function newProject(): MemoryFileSystem {
  return new MemoryFileSystem({
    [PROJECT_FILE]: serializeProjectFile({ name: 'S', transcripts: ['interviews/**/*.md'], memos: 'memos' }),
    [P1]: TEXT,
    [P2]: TEXT,
  });
}

const open = (fs: MemoryFileSystem, coder = dana, firstId = coder === dana ? 1 : 500) => ProjectStore.open(fs, { coder, ids: sequentialIds(firstId) });

/** Every coding and code file, for comparing a whole project before and after. */
function projectFiles(fs: MemoryFileSystem): Record<string, string> {
  return Object.fromEntries([...fs.files.entries()].filter(([p]) => p.startsWith('.grounded/cod')).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Two coders, two transcripts; one segment carries a gathered and a non-gathered code. */
async function codedProject() {
  const fs = newProject();
  const store = await open(fs);
  const unheard = store.addCode({ name: 'Feeling unheard' });
  const talkedOver = store.addCode({ name: HOSTILE });
  const faith = store.addCode({ name: 'Faith' });
  await store.applyCodes(P1, target('A friend from church'), [unheard, faith]);
  await store.applyCodes(P1, target('took me'), [talkedOver]);
  await store.applyCodes(P2, target('I did not trust anyone'), [unheard, talkedOver]);
  await store.flush();
  const other = await open(fs, sam);
  await other.applyCodes(P1, target('A friend from church'), [talkedOver]);
  await other.applyCodes(P2, target('the centre'), [faith]);
  await other.flush();
  // Reopened from disk, with ids that do not repeat the ones already used.
  const fresh = await open(fs, dana, 900);
  return { fs, store: fresh, unheard, talkedOver, faith };
}

describe('gathering segments (pure edits)', () => {
  const seg = (id: string, codes: string[], extra: Partial<Segment> = {}): Segment => ({
    id,
    codes,
    quote: { exact: 'x', prefix: '', suffix: '' },
    position: { start: 0, end: 1 },
    ...extra,
  });
  const [A, B, C, D, E] = ['c-aaaaaaaaaaaa', 'c-bbbbbbbbbbbb', 'c-cccccccccccc', 'c-dddddddddddd', 'c-eeeeeeeeeeee'];

  it('replaces the gathered codes, records what each segment gave up, and un-gathering restores it exactly', () => {
    const before = [seg('s-1', [A, B]), seg('s-2', [A, D], { comment: 'keep', round: 'initial' }), seg('s-3', [D]), seg('s-4', [C])];
    const { segments, gathered } = gatherSegments(before, new Set([A, B]), C);
    assert.equal(gathered, 2);
    assert.deepEqual(segments.map((s) => [s.codes, s.gathered]), [
      [[C], { [C]: [A, B] }],
      [[C, D], { [C]: [A] }],
      [[D], undefined],
      [[C], undefined],
    ]);
    assert.equal(segments[2], before[2], 'untouched segments are the same objects');
    const back = ungatherSegments(segments, C);
    assert.equal(back.restored, 2);
    assert.deepEqual(back.segments, before);
  });

  it('leaves a segment whose coder removed the focused code since, and nests gatherings', () => {
    const gatheredOnce = gatherSegments([seg('s-1', [A]), seg('s-2', [A, D])], new Set([A]), C).segments;
    const removedSince = [{ ...gatheredOnce[0], codes: [E] }, gatheredOnce[1]];
    const back = ungatherSegments(removedSince, C).segments;
    assert.deepEqual(back[0], seg('s-1', [E]));
    assert.deepEqual(back[1], seg('s-2', [A, D]));

    const twice = gatherSegments(gatheredOnce, new Set([C, D]), E).segments;
    assert.deepEqual(twice[1].gathered, { [C]: [A], [E]: [C, D] });
    assert.deepEqual(ungatherSegments(twice, E).segments, gatheredOnce);
  });
});

describe('gathering codes into a focused code (store)', () => {
  it('recodes every coder\'s segments in one undoable step and remembers what, how many, by whom, when', async () => {
    const { fs, store, unheard, talkedOver, faith } = await codedProject();
    const before = projectFiles(fs);
    store.setRound('focused');
    const { category, segments } = await store.gatherCodes([unheard, talkedOver], 'Silencing');
    assert.equal(segments, 4, 'distinct segments over both coders and transcripts (one carries both codes)');
    await store.flush();

    const code = store.codebook().get(category)!;
    assert.equal(code.round, 'focused');
    assert.equal(code.gathered?.length, 1);
    const record = code.gathered![0];
    assert.deepEqual(record.codes, [{ id: unheard, name: 'Feeling unheard' }, { id: talkedOver, name: HOSTILE }]);
    assert.equal(record.segments, 4);
    assert.deepEqual(record.by, dana);
    assert.ok(!Number.isNaN(Date.parse(record.at)));
    assert.equal(describeGather(code, record, false), `gathered Feeling unheard and ${HOSTILE} (4 segments) into Silencing`);
    // What is on disk reads back the same (the record lives in the focused code's own file).
    const onDisk = parseCodeFile(codeFilePath(category), fs.files.get(codeFilePath(category))!);
    assert.ok(onDisk.ok && onDisk.value.gathered?.[0].codes[1].name === HOSTILE);
    assert.equal(store.codebook().get(unheard)?.gatheredInto, category);

    const all = store.loadedCoding().flatMap((t) => t.coders.flatMap((c) => c.segments));
    assert.equal(all.filter((s) => s.codes.includes(unheard) || s.codes.includes(talkedOver)).length, 0);
    const mixed = all.find((s) => s.quote.exact === 'A friend from church' && s.codes.includes(faith))!;
    assert.deepEqual(mixed.codes, [category, faith].sort(), 'the non-gathered code stays');

    assert.equal(store.undo(), 'Gather codes', 'one step');
    await store.flush();
    assert.deepEqual(projectFiles(fs), before, 'undo restores every file byte for byte');
    assert.equal(store.redo(), 'Gather codes');
    assert.equal(store.codebook().get(category)?.gathered?.length, 1);
  });

  it('un-gathers in one step: initial codes back, every segment as it was, the focused code gone', async () => {
    const { fs, store, unheard, talkedOver } = await codedProject();
    const before = projectFiles(fs);
    const { category } = await store.gatherCodes([unheard, talkedOver], 'Silencing');
    await store.flush();
    const result = await store.ungatherCode(category);
    assert.deepEqual(result, { restored: 4, codes: 2, removedCategory: true });
    await store.flush();
    assert.deepEqual(projectFiles(fs), before);
    assert.equal(store.undo(), 'Un-gather codes');
    assert.equal(store.codebook().get(category)?.gathered?.[0].segments, 4);
    assert.equal(store.undo(), 'Gather codes');
    await store.flush();
    assert.deepEqual(projectFiles(fs), before);
  });

  it('keeps the focused code when it was applied directly since, and re-creates a gathered code deleted meanwhile', async () => {
    const { store, unheard, talkedOver } = await codedProject();
    const { category } = await store.gatherCodes([unheard, talkedOver], 'Silencing');
    const direct = await store.applyCodes(P1, target('the centre'), [category]);
    await store.deleteCode(talkedOver);
    const result = await store.ungatherCode(category);
    assert.equal(result.removedCategory, false);
    const kept = store.codebook().get(category)!;
    assert.equal(kept.gathered, undefined);
    assert.equal(store.codebook().get(talkedOver)?.name, HOSTILE, 're-created with its id and name');
    assert.equal(store.codebook().get(unheard)?.gatheredInto, undefined);
    const segments = (await store.getCoding(P1)).coders.find((c) => c.coder.id === dana.id)!.segments;
    assert.deepEqual(segments.find((s) => s.id === direct.id)?.codes, [category]);
    assert.ok(segments.some((s) => s.quote.exact === 'took me' && s.codes.includes(talkedOver)));
  });

  it('refuses to gather a code twice and to un-gather a code that gathered nothing, changing nothing', async () => {
    const { fs, store, unheard, talkedOver, faith } = await codedProject();
    const { category } = await store.gatherCodes([unheard], 'Silencing');
    await store.flush();
    const files = projectFiles(fs);
    await assert.rejects(store.gatherCodes([unheard, talkedOver], 'Again'), /"Feeling unheard" is already gathered into "Silencing"/);
    await assert.rejects(store.ungatherCode(faith), /"Faith" has not gathered any codes/);
    const outer = await store.gatherCodes([category], 'Voice');
    await assert.rejects(store.ungatherCode(category), /is itself gathered into "Voice"/);
    await store.ungatherCode(outer.category);
    await store.flush();
    assert.deepEqual(projectFiles(fs), files);
  });
});

describe('the round new work is recorded in', () => {
  it('stamps new codes and segments with the current round; a segment gaining codes later keeps its first', async () => {
    const fs = newProject();
    const store = await open(fs);
    const a = store.addCode({ name: 'a' });
    const first = await store.applyCodes(P1, target('took me'), [a]);
    assert.equal(store.codebook().get(a)?.round, 'initial');
    assert.equal(first.round, 'initial');
    store.setRound('focused');
    const b = store.addCode({ name: 'b' });
    const same = await store.applyCodes(P1, target('took me'), [b]);
    assert.equal(same.id, first.id);
    assert.equal(same.round, 'initial');
    assert.equal(store.codebook().get(b)?.round, 'focused');
    store.setRound('no-such-round');
    assert.equal(store.round.id, 'initial', 'a round the project does not declare falls back to its first');
    await store.flush();
    assert.match(fs.files.get('.grounded/coding/interviews/p01.md/dana-reyes.jsonl')!, /"round":"initial"}\n$/);
  });
});

describe('a code file conflict over a gathering', () => {
  it('keeps the preferred side\'s record and lists "gathered" among the fields the sides differ in', () => {
    const category = {
      id: 'c-0f3k8m2q9x1a',
      name: 'Silencing',
      parent: null,
      color: '#3a7bd5',
      description: '',
      round: 'focused',
      gathered: [{ codes: [{ id: 'c-2b7d4h6j8k0m', name: 'Feeling unheard' }], segments: 3, by: dana, at: '2026-12-03T22:00:00.000Z' }],
    };
    const path = codeFilePath(category.id);
    // One branch renamed the focused code, the other un-gathered it (its record cleared).
    const { gathered: _gathered, ...ungathered } = category;
    const [ours, theirs] = [serializeCodeFile({ ...category, name: 'Being silenced' }), serializeCodeFile(ungathered)];
    const resolution = resolveConflictedFile(path, `<<<<<<< HEAD\n${ours}=======\n${theirs}>>>>>>> sam/coding\n`, 'ours');
    assert.ok(resolution.ok);
    if (!resolution.ok) return;
    assert.equal(resolution.text, ours);
    assert.deepEqual(resolution.contested, ['name', 'gathered']);

    // With the common version (git's stage 1), each side's own change survives: renamed and un-gathered.
    const merged = resolveConflictedFile(path, `<<<<<<< HEAD\n${ours}=======\n${theirs}>>>>>>> sam/coding\n`, 'ours', { text: serializeCodeFile(category) });
    assert.ok(merged.ok);
    if (!merged.ok) return;
    assert.equal(merged.text, serializeCodeFile({ ...ungathered, name: 'Being silenced' }));
    assert.deepEqual(merged.contested, []);
  });
});
