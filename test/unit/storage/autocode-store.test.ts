import assert from 'node:assert/strict';
import { makeQuote } from '../../../src/core/anchoring';
import { applyAutocode } from '../../../src/core/autocode/apply-autocode';
import { planAutocode } from '../../../src/core/autocode/apply-plan';
import { sequentialIds } from '../../../src/core/ids';
import type { TextRange } from '../../../src/core/model';
import { PROJECT_FILE, codingFilePath, serializeProjectFile } from '../../../src/core/storage/format';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';
import { ProjectStore } from '../../../src/core/storage/project-store';
import { StoreError } from '../../../src/core/storage/errors';

const P1 = 'interviews/p01.md';
const P2 = 'interviews/p02.md';
const P3 = 'interviews/p03.md';
const TEXTS: Record<string, string> = {
  [P1]: '**Amara:** The rent was high. I paid rent late.\n',
  [P2]: '**Jo:** Rent took half of it.\n',
  [P3]: '**Kim:** Nothing about money here.\n',
};
const dana = { id: 'dana-reyes', name: 'Dana Reyes' };

async function project(): Promise<{ fs: MemoryFileSystem; store: ProjectStore }> {
  const fs = new MemoryFileSystem({ [PROJECT_FILE]: serializeProjectFile({ name: 'S', transcripts: ['interviews/**/*.md'], memos: 'memos' }), ...TEXTS });
  return { fs, store: await ProjectStore.open(fs, { coder: dana, ids: sequentialIds(1) }) };
}

function at(transcript: string, phrase: string): { range: TextRange; quote: ReturnType<typeof makeQuote> } {
  const start = TEXTS[transcript].indexOf(phrase);
  const range = { start, end: start + phrase.length };
  return { range, quote: makeQuote(TEXTS[transcript], range) };
}

function plan(passages: [string, string][], placed = new Map<string, Map<string, TextRange>>()) {
  return planAutocode(
    passages.map(([t, p]) => ({ transcript: t, ...at(t, p) })),
    (t) => ({ text: TEXTS[t], placed: placed.get(t) ?? new Map() }),
  ).transcripts;
}

async function segments(store: ProjectStore, transcript: string) {
  return (await store.getCoding(transcript)).coders.flatMap((c) => c.segments.map((s) => ({ exact: s.quote.exact, codes: s.codes })));
}

describe('applying a code across transcripts as one step', () => {
  it('codes passages in several transcripts, and one undo takes every one of them away (redo brings them back)', async () => {
    const { fs, store } = await project();
    const rent = store.addCode({ name: 'Rent' });
    const { segmentIds, ...result } = await store.applyCodesAcross(plan([[P1, 'The rent was high.'], [P1, 'I paid rent late.'], [P2, 'Rent took half of it.']]), [rent]);
    assert.deepEqual(result, { created: 3, extended: 0, unchanged: 0, transcripts: [P1, P2] });
    const made = [...(await store.getCoding(P1)).coders[0].segments, ...(await store.getCoding(P2)).coders[0].segments];
    assert.deepEqual(segmentIds.map((id) => made.find((s) => s.id === id)?.quote.exact), ['The rent was high.', 'I paid rent late.', 'Rent took half of it.'], 'each passage\'s segment, in the order given');
    await store.flush();
    assert.equal(fs.files.get(codingFilePath(P1, dana.id))?.split('\n').filter((l) => l.includes('"exact"')).length, 2);
    assert.ok(fs.files.has(codingFilePath(P2, dana.id)));
    assert.equal(fs.files.has(codingFilePath(P3, dana.id)), false);

    assert.equal(store.undo(), 'Autocode');
    await store.flush();
    assert.equal(fs.files.has(codingFilePath(P1, dana.id)), false, 'the first transcript is back as it was');
    assert.equal(fs.files.has(codingFilePath(P2, dana.id)), false, 'and so is the second, by the same undo');
    assert.deepEqual(store.undoable(), { undo: 'Add code', redo: 'Autocode' });

    assert.equal(store.redo(), 'Autocode');
    assert.equal((await segments(store, P1)).length + (await segments(store, P2)).length, 3);
  });

  it('adds the code to an existing segment on the same text instead of duplicating it, and leaves one that has it', async () => {
    const { store } = await project();
    const rent = store.addCode({ name: 'Rent' });
    const money = store.addCode({ name: 'Money' });
    const existing = await store.applyCodes(P1, at(P1, 'The rent was high.'), [money]);
    await store.applyCodes(P2, at(P2, 'Rent took half of it.'), [rent]);
    const { segmentIds, ...result } = await store.applyCodesAcross(plan([[P1, 'The rent was high.'], [P2, 'Rent took half of it.']]), [rent]);
    assert.deepEqual(result, { created: 0, extended: 1, unchanged: 1, transcripts: [P1] });
    assert.equal(segmentIds[0], existing.id, 'the segment that gained the code, not a new one');
    assert.deepEqual(await segments(store, P1), [{ exact: 'The rent was high.', codes: [money, rent].sort() }]);
    assert.deepEqual(await segments(store, P2), [{ exact: 'Rent took half of it.', codes: [rent] }]);

    store.undo();
    assert.deepEqual((await store.getCoding(P1)).coders[0].segments.map((s) => [s.id, s.codes]), [[existing.id, [money]]], 'undo takes only the added code away');
  });

  it('matches an existing segment where it sits now (placed), not where it was written', async () => {
    const { store } = await project();
    const rent = store.addCode({ name: 'Rent' });
    const old = await store.applyCodes(P2, { range: { start: 0, end: 5 }, quote: at(P2, 'Rent took half of it.').quote }, [rent]);
    const placed = new Map([[P2, new Map([[old.id, at(P2, 'Rent took half of it.').range]])]]);
    const result = await store.applyCodesAcross(plan([[P2, 'Rent took half of it.']], placed), [rent]);
    assert.equal(result.unchanged, 1);
    assert.equal((await segments(store, P2)).length, 1);
  });

  it('records the segments it makes in the current coding round, as coding one passage does; a segment gaining the code keeps its round', async () => {
    const { store } = await project();
    const rent = store.addCode({ name: 'Rent' });
    const earlier = await store.applyCodes(P1, at(P1, 'The rent was high.'), [store.addCode({ name: 'Money' })]);
    assert.equal(earlier.round, 'initial');
    store.setRound('focused');
    const { segmentIds } = await store.applyCodesAcross(plan([[P1, 'The rent was high.'], [P2, 'Rent took half of it.']]), [rent]);
    const all = [...(await store.getCoding(P1)).coders[0].segments, ...(await store.getCoding(P2)).coders[0].segments];
    assert.deepEqual(segmentIds.map((id) => all.find((s) => s.id === id)?.round), ['initial', 'focused']);
  });

  it('places the coder\'s own segments on the text as it is now, counts passages whose transcript is gone, and leaves other coders\' segments alone', async () => {
    const { fs, store } = await project();
    const rent = store.addCode({ name: 'Rent' });
    await store.applyCodes(P1, at(P1, 'I paid rent late.'), [rent]);
    store.setCoder({ id: 'sam-okafor', name: 'Sam Okafor' });
    await store.applyCodes(P2, at(P2, 'Rent took half of it.'), [rent]);
    store.setCoder(dana);
    // Since the search: a line was added above Dana's segment, and p03 was deleted.
    const edited = `**Interviewer:** Go on.\n\n${TEXTS[P1]}`;
    const chosen = [[P1, 'I paid rent late.'], [P2, 'Rent took half of it.'], [P3, 'Nothing about money here.']].map(([t, p]) => ({ transcript: t, ...at(t, p) }));
    const texts = new Map([[P1, edited], [P2, TEXTS[P2]]]);
    const outcome = await applyAutocode(store, chosen, [rent], async (t) => texts.get(t));
    // p01: Dana's segment, found where it sits now, has the code already; p02: Sam's segment is
    // Sam's, so Dana gets her own; p03: gone. Only p02 changed.
    const { segmentIds, ...counts } = outcome;
    assert.deepEqual(counts, { created: 1, extended: 0, unchanged: 1, transcripts: [P2], lost: 1 });
    assert.equal(segmentIds.length, 2, 'one segment for each passage still found');
    await store.flush();
    assert.ok(fs.files.get(codingFilePath(P2, 'sam-okafor')));
    assert.deepEqual((await store.getCoding(P2)).coders.map((c) => [c.coder.id, c.segments.length]), [['dana-reyes', 1], ['sam-okafor', 1]]);
  });

  it('refuses the whole step, changing nothing, when one transcript has a malformed coding file', async () => {
    const { fs, store } = await project();
    const rent = store.addCode({ name: 'Rent' });
    fs.files.set(codingFilePath(P2, dana.id), '{ not json\n');
    await assert.rejects(store.applyCodesAcross(plan([[P1, 'The rent was high.'], [P2, 'Rent took half of it.']]), [rent]), (e: unknown) => e instanceof StoreError && /malformed/.test(e.message));
    assert.deepEqual(await segments(store, P1), []);
    assert.equal(store.undoable().undo, 'Add code');
    await store.flush();
    assert.equal(fs.files.get(codingFilePath(P2, dana.id)), '{ not json\n', 'the malformed file is never rewritten');
  });

  it('refuses an unknown code and an empty passage', async () => {
    const { store } = await project();
    await assert.rejects(store.applyCodesAcross(plan([[P1, 'The rent was high.']]), ['c-nope']));
    const rent = store.addCode({ name: 'Rent' });
    await assert.rejects(store.applyCodesAcross([{ transcript: P1, targets: [{ range: { start: 3, end: 3 }, quote: { exact: '', prefix: '', suffix: '' } }], placed: new Map() }], [rent]), /empty passage/);
  });
});
