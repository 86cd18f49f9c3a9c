import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { makeQuote, normaliseText } from '../../src/core/anchoring';
import { serializeCodingFile } from '../../src/core/storage/format';
import { TranscriptSession } from '../../src/core/transcript-session';
import { reviewItems } from '../../src/core/views/review-items';
import type { GroundedApi } from '../../src/vscode/extension';
import { groundedApi, openTranscript, readWorkspaceFile, SETTLE_MS, TEST_MS, waitFor, workspacePath, writeWorkspaceFile } from './harness';

const CODER = { id: 'outside-tester', name: 'Outside Tester' };
const FIXTURES = ['interviews/p97-outside-open.md', 'interviews/p96-outside-closed.md'];

const PARAGRAPHS = [
  '**Interviewer:** How did you find the centre?',
  '**Yetunde:** A neighbour gave me a card with the number on it, and for a month I kept it in my shoe before I called.',
  '**Interviewer:** What happened on the first visit?',
  '**Yetunde:** The woman at the desk spoke slowly and wrote everything down for me, so I could read it again at home.',
  '**Interviewer:** And after that?',
  '**Yetunde:** After that I went every Tuesday, and little by little I stopped being afraid of the building and the people in it.',
];

/** A transcript with three coded passages (one per answer), written to disk with its coding. */
function writeFixture(grounded: GroundedApi, transcript: string): { text: string; ids: string[] } {
  const text = `${PARAGRAPHS.join('\n\n')}\n`;
  const code = grounded.store()!.codebook().all()[0].id;
  const segments = [1, 3, 5].map((p, i) => {
    const exact = PARAGRAPHS[p].slice('**Yetunde:** '.length);
    const start = text.indexOf(exact);
    const range = { start, end: start + exact.length };
    return { id: `s-00000000009${i + 1}`, codes: [code], quote: makeQuote(text, range), position: range };
  });
  writeWorkspaceFile(transcript, text);
  writeWorkspaceFile(`.grounded/coding/${transcript}/${CODER.id}.jsonl`, serializeCodingFile({ transcript, coder: CODER, segments }));
  return { text, ids: segments.map((s) => s.id) };
}

/** What a closed transcript's coding looks like after re-anchoring against the file on disk. */
async function closedFilePlacement(grounded: GroundedApi, transcript: string): Promise<string[]> {
  const session = new TranscriptSession(transcript);
  session.setText(normaliseText(readWorkspaceFile(transcript)));
  session.setCoding(await grounded.store()!.getCoding(transcript));
  return describePlacements(session.placed());
}

function describePlacements(placed: ReturnType<TranscriptSession['placed']>): string[] {
  return placed
    .filter((p) => p.coder.id === CODER.id)
    .map((p) => `${p.segment.id} ${p.status} ${p.range ? `${p.range.start}-${p.range.end}` : '-'}`)
    .sort();
}

/** The placements the editor holds for an open document (what it paints and lists for review). */
function livePlacement(document: vscode.TextDocument, grounded: GroundedApi): string[] {
  const items = grounded.needsReview.items().filter((i) => i.transcript === vscode.workspace.asRelativePath(document.uri, false));
  assert.ok(items.every((i) => i.coderId === CODER.id));
  return items.map((i) => `${i.segmentId} ${i.status} ${i.range ? `${i.range.start}-${i.range.end}` : '-'}`).sort();
}

describe('transcripts changed outside the editor', function () {
  this.timeout(TEST_MS);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  // Other suites search every transcript (pseudonymisation): leave none of ours behind.
  after(() => {
    for (const transcript of FIXTURES) {
      rmSync(workspacePath(transcript), { force: true });
      rmSync(workspacePath(`.grounded/coding/${transcript}`), { recursive: true, force: true });
    }
  });

  it('re-anchors an open transcript whose coded words changed on disk exactly as a closed one', async () => {
    const grounded = await api();
    const transcript = 'interviews/p97-outside-open.md';
    const { text, ids } = writeFixture(grounded, transcript);
    await waitFor(async () => (await grounded.store()!.getCoding(transcript)).coders.some((c) => c.coder.id === CODER.id), SETTLE_MS, 'the fixture coding to be read');
    const editor = await openTranscript(transcript);
    const doc = editor.document;
    await waitFor(() => [...grounded.paintedRanges(doc).values()].flat().length === 3, SETTLE_MS, 'the three passages painted');
    // `sed -i 's/spoke slowly/spoke very slowly/'` and a new line above: words inside the
    // second passage change, the third passage only moves.
    const changed = text.replace('spoke slowly', 'spoke very slowly').replace('**Interviewer:** And after that?', '**Interviewer:** And after that? Take your time.');
    writeWorkspaceFile(transcript, changed);
    await waitFor(() => doc.getText() === changed, SETTLE_MS, 'VS Code to reload the open file');
    assert.equal(doc.isDirty, false);
    const expected = await closedFilePlacement(grounded, transcript);
    assert.ok(expected.some((line) => line.startsWith(`${ids[1]} fuzzy `)), `a closed file places the edited passage approximately: ${expected.join(', ')}`);
    const review = (): string[] => livePlacement(doc, grounded);
    const closedReview = (await reviewItemsOfClosed(grounded, transcript)).sort();
    await waitFor(() => JSON.stringify(review()) === JSON.stringify(closedReview), SETTLE_MS, `Needs Review to match a closed file's (${closedReview.join(', ')}), got ${review().join(', ')}`);
    const painted = [...grounded.paintedRanges(doc).values()].flat().map((r) => doc.getText(r));
    assert.ok(painted.includes('The woman at the desk spoke very slowly and wrote everything down for me, so I could read it again at home.'), `the edited passage is painted: ${painted.join(' | ')}`);
    assert.ok(painted.some((p) => p.startsWith('After that I went every Tuesday')), 'the moved passage is painted');
    const outlined = grounded.paintedRanges(doc).approximate.map((r) => doc.getText(r));
    assert.deepEqual(outlined, ['The woman at the desk spoke very slowly and wrote everything down for me, so I could read it again at home.'], 'only the approximate placement is drawn as one');
  });

  it('updates Needs Review when a transcript that is not open changes on disk', async () => {
    const grounded = await api();
    const transcript = 'interviews/p96-outside-closed.md';
    const { text, ids } = writeFixture(grounded, transcript);
    await waitFor(async () => (await grounded.store()!.getCoding(transcript)).coders.some((c) => c.coder.id === CODER.id), SETTLE_MS, 'the fixture coding to be read');
    await vscode.commands.executeCommand('grounded.needsReview.refresh');
    assert.deepEqual(grounded.needsReview.itemsOf(transcript), [], 'nothing to review while the text matches');
    // A `git pull` rewrites the closed transcript: one passage loses its text entirely.
    const pulled = text.replace(PARAGRAPHS[1].slice('**Yetunde:** '.length), 'I found it by chance, walking past.');
    writeWorkspaceFile(transcript, pulled);
    await waitFor(() => grounded.needsReview.itemsOf(transcript).some((i) => i.segmentId === ids[0] && i.status === 'orphan'), SETTLE_MS, 'Needs Review to list the passage whose text is gone');
    // And back again (a `git checkout` of the old version): the list empties on its own.
    writeWorkspaceFile(transcript, text);
    await waitFor(() => grounded.needsReview.itemsOf(transcript).length === 0, SETTLE_MS, 'Needs Review to drop the item again');
  });
});

const api = groundedApi;

async function reviewItemsOfClosed(grounded: GroundedApi, transcript: string): Promise<string[]> {
  const session = new TranscriptSession(transcript);
  session.setText(normaliseText(readWorkspaceFile(transcript)));
  session.setCoding(await grounded.store()!.getCoding(transcript));
  return reviewItems(transcript, session.placed()).map((i) => `${i.segmentId} ${i.status} ${i.range ? `${i.range.start}-${i.range.end}` : '-'}`);
}
