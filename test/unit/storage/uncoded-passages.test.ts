import assert from 'node:assert/strict';
import { loadAgreementInput } from '../../../src/core/agreement';
import { agreementInputFromSnapshot } from '../../../src/core/agreement/from-snapshot';
import { loadSnapshot } from '../../../src/core/project-index';
import { makeQuote } from '../../../src/core/anchoring';
import { CONSENSUS_CODER, computeDisagreements, openDisagreements, placeUncoded } from '../../../src/core/disagreements';
import { sequentialIds } from '../../../src/core/ids';
import type { UncodedPassage } from '../../../src/core/model';
import { resolveConflictedFile } from '../../../src/core/storage/conflict-resolution';
import { PROJECT_FILE, codingFilePath, parseCodingFile, serializeCodingFile, serializeProjectFile } from '../../../src/core/storage/format';
import { MemoryFileSystem } from '../../../src/core/storage/memory-file-system';
import { ProjectStore } from '../../../src/core/storage/project-store';

const TEXT = 'Amara: A friend from church took me to the centre. I did not trust anyone then.\n';
const T = 'interviews/p01.md';
const PATH = codingFilePath(T, CONSENSUS_CODER.id);
const HEADER = '{"format":"grounded-coding","version":1,"coder":{"id":"consensus","name":"Consensus"}}';
const at = (phrase: string) => {
  const start = TEXT.indexOf(phrase);
  const range = { start, end: start + phrase.length };
  return { range, quote: makeQuote(TEXT, range) };
};

async function openStore(files: Record<string, string> = {}) {
  const fs = new MemoryFileSystem({ [PROJECT_FILE]: serializeProjectFile({ name: 'S', transcripts: ['interviews/**/*.md'], memos: 'memos' }), [T]: TEXT, ...files });
  const store = await ProjectStore.open(fs, { coder: { id: 'dana-reyes', name: 'Dana Reyes' }, ids: sequentialIds() });
  return { fs, store };
}

function lines(fs: MemoryFileSystem, path = PATH): Record<string, unknown>[] {
  return fs.files.get(path)!.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('passages reviewed and left uncoded (the consensus coder\'s decisions)', () => {
  it('are written as their own line, without "codes", read back apart from the segments, and undone in one step', async () => {
    const { fs, store } = await openStore();
    const trust = store.addCode({ name: 'Trust' });
    await store.leaveUncodedAsCoder(T, CONSENSUS_CODER, { ...at('did not trust anyone'), codes: [trust] }, 'Reconcile disagreement');
    await store.flush();
    const [header, record] = lines(fs);
    assert.deepEqual(header.coder, CONSENSUS_CODER);
    assert.deepEqual(Object.keys(record), ['id', 'uncoded', 'start', 'end', 'exact', 'prefix', 'suffix']);
    assert.deepEqual(record.uncoded, [trust]);
    assert.equal(record.exact, 'did not trust anyone');
    const coding = await store.getCoding(T);
    const consensus = coding.coders.find((c) => c.coder.id === CONSENSUS_CODER.id)!;
    assert.deepEqual(consensus.segments, [], 'nothing reads it as coding');
    assert.equal(consensus.uncoded?.length, 1);
    assert.equal(await store.countSegments(trust), 0);

    assert.equal(store.undo(), 'Reconcile disagreement');
    await store.flush();
    assert.equal(fs.files.has(PATH), false, 'one undo removes the record (and the file it alone made)');
    assert.equal(store.redo(), 'Reconcile disagreement');
    await store.flush();
    assert.deepEqual(lines(fs)[1].uncoded, [trust]);
  });

  it('share the id order with segments, survive edits of the segments, and lose a code a later reconcile applies there', async () => {
    const { fs, store } = await openStore();
    const trust = store.addCode({ name: 'Trust' });
    const help = store.addCode({ name: 'Help' });
    await store.applyAsCoder(T, CONSENSUS_CODER, [{ ...at('A friend from church'), codes: [help] }], 'Reconcile disagreement');
    await store.leaveUncodedAsCoder(T, CONSENSUS_CODER, { ...at('did not trust anyone'), codes: [trust] }, 'Reconcile disagreement');
    await store.leaveUncodedAsCoder(T, CONSENSUS_CODER, { ...at('did not trust anyone'), codes: [help] }, 'Reconcile disagreement');
    await store.flush();
    let all = lines(fs).slice(1);
    assert.deepEqual(all.map((l) => l.id), [...all.map((l) => l.id as string)].sort(), 'sorted by id, segments and decisions together');
    assert.deepEqual(all.find((l) => l.uncoded)?.uncoded, [help, trust].sort(), 'the same passage decided twice is one record with both codes');
    const decision = fs.files.get(PATH)!.split('\n').find((l) => l.includes('"uncoded"'));

    await store.applyAsCoder(T, CONSENSUS_CODER, [{ ...at('church took me'), codes: [trust] }], 'Reconcile disagreement');
    await store.flush();
    assert.ok(fs.files.get(PATH)!.split('\n').includes(decision!), 'a segment edit leaves the decision\'s line as it was');

    await store.applyAsCoder(T, CONSENSUS_CODER, [{ ...at('not trust'), codes: [trust] }], 'Reconcile disagreement');
    await store.flush();
    all = lines(fs).slice(1);
    assert.deepEqual(all.find((l) => l.uncoded)?.uncoded, [help], 'trust was applied there after all: no longer decided against');
    assert.equal(store.undo(), 'Reconcile disagreement');
    await store.flush();
    assert.deepEqual(lines(fs).slice(1).find((l) => l.uncoded)?.uncoded, [help, trust].sort());
  });

  it('refuse an unknown code or an empty passage and write nothing', async () => {
    const { fs, store } = await openStore();
    const trust = store.addCode({ name: 'Trust' });
    await assert.rejects(store.leaveUncodedAsCoder(T, CONSENSUS_CODER, { ...at('A friend'), codes: ['c-nothere'] }, 'Reconcile'));
    await assert.rejects(store.leaveUncodedAsCoder(T, CONSENSUS_CODER, { range: { start: 4, end: 4 }, quote: at('A').quote, codes: [trust] }, 'Reconcile'));
    await assert.rejects(store.leaveUncodedAsCoder(T, CONSENSUS_CODER, { ...at('A friend'), codes: [] }, 'Reconcile'));
    await store.flush();
    assert.equal(fs.files.has(PATH), false);
  });

  describe('in the file', () => {
    const trust = 'c-0f3k8m2q9x1a';
    const decision = `{"id":"s-4q8t2w6y0b3d","uncoded":["${trust}"],"start":7,"end":27,"exact":"A friend from church","prefix":"Amara: ","suffix":" took me to the centre. I did no","x-tool":{"b":1,"a":2}}`;
    const segment = `{"id":"s-7a1c5e9g3j6m","codes":["${trust}"],"start":52,"end":72,"exact":"I did not trust anyon","prefix":"","suffix":""}`;

    it('round-trip byte for byte, unknown fields kept (CRLF and a BOM read too)', () => {
      const text = `${HEADER}\n${decision.replace('"b":1,"a":2', '"a":2,"b":1')}\n${segment}\n`;
      const parsed = parseCodingFile(PATH, `\ufeff${text.replace(/\n/g, '\r\n')}`);
      assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
      assert.equal(parsed.value.segments.length, 1);
      assert.deepEqual(parsed.value.uncoded?.map((u) => u.uncoded), [[trust]]);
      assert.equal(serializeCodingFile(parsed.value), text);
    });

    for (const [what, line, message] of [
      ['both codes and uncoded', decision.replace('"uncoded"', `"codes":["${trust}"],"uncoded"`), /either "codes".*or "uncoded"/],
      ['no codes decided against', decision.replace(`["${trust}"]`, '[]'), /"uncoded" should be a list of code ids/],
      ['a code that is not a code id', decision.replace(trust, 'Trust'), /"uncoded" should be a list of code ids/],
      ['an empty quote', decision.replace('"A friend from church"', '""'), /"exact" should be the text/],
      ['end before start', decision.replace('"end":27', '"end":3'), /"end" \(3\) is before "start" \(7\)/],
    ] as const) {
      it(`with ${what} are an error naming the line`, () => {
        const parsed = parseCodingFile(PATH, `${HEADER}\n${segment}\n${line}\n`);
        assert.ok(!parsed.ok);
        assert.ok(parsed.problems.some((p) => p.line === 3 && message.test(p.message)), JSON.stringify(parsed.problems));
      });
    }

    it('of both sides are kept when a merge conflict in the file is resolved', () => {
      const other = `{"id":"s-9z9z9z9z9z9z","uncoded":["${trust}"],"start":52,"end":72,"exact":"I did not trust anyon","prefix":"","suffix":""}`;
      const conflicted = `${HEADER}\n<<<<<<< HEAD\n${decision}\n=======\n${other}\n>>>>>>> theirs\n`;
      const result = resolveConflictedFile(PATH, conflicted, 'ours');
      assert.ok(result.ok, JSON.stringify(result));
      const parsed = parseCodingFile(PATH, result.text);
      assert.ok(parsed.ok);
      assert.deepEqual(parsed.value.uncoded?.map((u) => u.id), ['s-4q8t2w6y0b3d', 's-9z9z9z9z9z9z']);
    });
  });

  it('settle the disagreement they decided on the text as it is now, and none once their words are gone', () => {
    const passage: UncodedPassage = { id: 's-1', uncoded: ['trust'], ...(({ range, quote }) => ({ position: range, quote }))(at('did not trust anyone')) };
    const edited = `Interviewer: welcome.\n${TEXT}`;
    const start = edited.indexOf('did not trust anyone');
    const ana = { coder: { id: 'ana', name: 'Ana' }, segment: { id: 's-2', codes: ['trust'], quote: passage.quote, position: passage.position }, status: 'exact' as const, range: { start, end: start + 20 } };
    const all = computeDisagreements(T, [ana], ['ana', 'ben']);
    assert.equal(all.length, 1);
    assert.deepEqual(openDisagreements(all, [], placeUncoded(edited, [passage])), [], 'found again after a line was added above');
    assert.equal(openDisagreements(all, [], placeUncoded(edited.replace('did not trust anyone', 'was alone'), [passage])).length, 1);
  });

  it('are not coding to agreement: a consensus file holding only them adds no coder, and named it agrees with who left the text uncoded', async () => {
    const trust = 'c-0f3k8m2q9x1a';
    const code = `{\n  "format": "grounded-code",\n  "version": 1,\n  "id": "${trust}",\n  "name": "Trust",\n  "parent": null,\n  "color": "#e07a5f",\n  "description": ""\n}\n`;
    const seg = (id: string, phrase: string) => `{"id":"${id}","codes":["${trust}"],"start":${at(phrase).range.start},"end":${at(phrase).range.end},"exact":"${phrase}","prefix":${JSON.stringify(at(phrase).quote.prefix)},"suffix":${JSON.stringify(at(phrase).quote.suffix)}}`;
    const coderHeader = (id: string, name: string) => `{"format":"grounded-coding","version":1,"coder":{"id":"${id}","name":"${name}"}}`;
    const r = at('did not trust anyone');
    const { fs } = await openStore({
      [`.grounded/codes/${trust}.json`]: code,
      [codingFilePath(T, 'ana')]: `${coderHeader('ana', 'Ana')}\n${seg('s-aaaaaaaaaaaa', 'A friend from church')}\n${seg('s-bbbbbbbbbbbb', 'did not trust anyone')}\n`,
      [codingFilePath(T, 'ben')]: `${coderHeader('ben', 'Ben')}\n${seg('s-cccccccccccc', 'A friend from church')}\n`,
      [PATH]: `${HEADER}\n{"id":"s-dddddddddddd","uncoded":["${trust}"],"start":${r.range.start},"end":${r.range.end},"exact":"did not trust anyone","prefix":${JSON.stringify(r.quote.prefix)},"suffix":${JSON.stringify(r.quote.suffix)}}\n`,
    });
    const byDefault = await loadAgreementInput(fs, { unit: 'char', continuum: 'text' });
    assert.deepEqual(byDefault.input.coders.map((c) => c.id), ['ana', 'ben']);
    const named = await loadAgreementInput(fs, { coders: ['ben', 'consensus'], unit: 'char', continuum: 'text' });
    assert.deepEqual(named.input.coders.map((c) => c.id), ['ben', 'consensus']);
    const consensus = named.input.transcripts[0].coding.find((c) => c.coderId === 'consensus');
    assert.deepEqual(consensus, { coderId: 'consensus', segments: [] }, 'decided: the transcript is coded by the consensus coder (not missing), with no Trust there');

    // The index says who decided where: the Agreement panel, reading it, agrees with the files.
    const snapshot = await loadSnapshot(fs);
    assert.deepEqual(snapshot.transcripts.find((t) => t.path === T)?.uncodedBy, ['consensus']);
    const panel = agreementInputFromSnapshot(snapshot, { coders: ['ben', 'consensus'], unit: 'char' }).input.transcripts[0];
    assert.deepEqual(panel.coding.find((c) => c.coderId === 'consensus'), { coderId: 'consensus', segments: [] }, 'without it the consensus coder\'s values here would be missing');
  });

  it('leave the consensus coder out of agreement unless named, also once it has coding of its own', async () => {
    const trust = 'c-0f3k8m2q9x1a';
    const code = `{\n  "format": "grounded-code",\n  "version": 1,\n  "id": "${trust}",\n  "name": "Trust",\n  "parent": null,\n  "color": "#e07a5f",\n  "description": ""\n}\n`;
    const seg = (id: string, phrase: string) => `{"id":"${id}","codes":["${trust}"],"start":${at(phrase).range.start},"end":${at(phrase).range.end},"exact":"${phrase}","prefix":${JSON.stringify(at(phrase).quote.prefix)},"suffix":${JSON.stringify(at(phrase).quote.suffix)}}`;
    const coderHeader = (id: string, name: string) => `{"format":"grounded-coding","version":1,"coder":{"id":"${id}","name":"${name}"}}`;
    const { fs } = await openStore({
      [`.grounded/codes/${trust}.json`]: code,
      [codingFilePath(T, 'ana')]: `${coderHeader('ana', 'Ana')}\n${seg('s-aaaaaaaaaaaa', 'A friend from church')}\n`,
      [codingFilePath(T, 'ben')]: `${coderHeader('ben', 'Ben')}\n${seg('s-cccccccccccc', 'did not trust anyone')}\n`,
      [PATH]: `${HEADER}\n${seg('s-dddddddddddd', 'A friend from church')}\n`,
    });
    const byDefault = await loadAgreementInput(fs, { unit: 'char', continuum: 'text' });
    assert.deepEqual(byDefault.input.coders.map((c) => c.id), ['ana', 'ben'], 'the reconciliation is not a third coder');
    const named = await loadAgreementInput(fs, { coders: ['ana', 'consensus'], unit: 'char', continuum: 'text' });
    assert.deepEqual(named.input.coders.map((c) => c.id), ['ana', 'consensus']);
    assert.deepEqual(agreementInputFromSnapshot(await loadSnapshot(fs), { unit: 'char' }).input.coders.map((c) => c.id), ['ana', 'ben'], 'the Agreement panel\'s default too');
  });
});

