import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { makeQuote } from '../../src/core/anchoring';
import { serializeCodingFile } from '../../src/core/storage/format';
import type { NeedsReviewNode } from '../../src/vscode/needs-review/needs-review-tree';
import { groundedApi, SETTLE_MS, TEST_MS, waitFor, workspacePath, writeWorkspaceFile } from './harness';

const CODER = { id: 'index-review-tester', name: 'Index Review Tester' };
const TRANSCRIPTS = ['interviews/p95-review-a.md', 'interviews/p95-review-b.md'];
const PARAGRAPHS = [
  '**Amal:** The first letter from the council came in a language I could not read, so I asked my neighbour.',
  '**Interviewer:** And then?',
  '**Amal:** She read it aloud in the kitchen and we both laughed, because it was only about the bins.',
];
const TEXT = `${PARAGRAPHS.join('\n\n')}\n`;

/** A transcript whose two coded passages were rewritten on disk since: both are listed for review. */
function writeRewrittenTranscript(transcript: string, code: string): string[] {
  const quotes = [PARAGRAPHS[0].slice(10), PARAGRAPHS[2].slice(10)];
  const segments = quotes.map((exact, i) => {
    const start = TEXT.indexOf(exact);
    const range = { start, end: start + exact.length };
    return { id: `s-00000000${transcript.includes('-a') ? 'a' : 'b'}00${i + 1}`, codes: [code], quote: makeQuote(TEXT, range), position: range };
  });
  writeWorkspaceFile(transcript, `**Amal:** Someone else wrote this instead.\n\n**Interviewer:** And then?\n\n**Amal:** Nothing of the old words is left.\n`);
  writeWorkspaceFile(`.grounded/coding/${transcript}/${CODER.id}.jsonl`, serializeCodingFile({ transcript, coder: CODER, segments }));
  return segments.map((s) => s.id);
}

describe('Needs Review follows the project index', function () {
  this.timeout(TEST_MS);

  after(() => {
    for (const transcript of TRANSCRIPTS) {
      rmSync(workspacePath(transcript), { force: true });
      rmSync(workspacePath(`.grounded/coding/${transcript}`), { recursive: true, force: true });
    }
  });

  it('lists what the index placed, and redraws only the transcript whose coding changed', async () => {
    const grounded = await groundedApi();
    const store = grounded.store()!;
    const code = store.codebook().all()[0].id;
    const [idsA] = TRANSCRIPTS.map((t) => writeRewrittenTranscript(t, code));
    const [a, b] = TRANSCRIPTS;
    // A full load of the coding (the Codebook view's counts) can read the new files before their
    // watcher events come, which then bring no news: the refresh reads them for the list.
    await waitFor(async () => (await Promise.all(TRANSCRIPTS.map((t) => store.getCoding(t)))).every((c) => c.coders.some((x) => x.coder.id === CODER.id)), SETTLE_MS, 'the coding to load');
    await grounded.needsReview.scan();
    await waitFor(() => TRANSCRIPTS.every((t) => grounded.needsReview.itemsOf(t).length === 2), SETTLE_MS, 'both transcripts listed for review');
    // The list is the index's placement of the closed transcripts, not a second reading of their files.
    for (const transcript of TRANSCRIPTS) {
      const placed = grounded.index()!.transcript(transcript)!.segments.filter((s) => s.coder.id === CODER.id);
      assert.deepEqual(grounded.needsReview.itemsOf(transcript).map((i) => `${i.segmentId} ${i.status}`).sort(), placed.map((p) => `${p.segment.id} ${p.status}`).sort());
    }

    await vscode.commands.executeCommand('grounded.needsReview.focus');
    await waitFor(() => grounded.needsReview.getChildren().some((n) => n.kind === 'transcript' && n.transcript === a), SETTLE_MS, 'the view to list the transcripts');
    const redrawn: (NeedsReviewNode | NeedsReviewNode[] | undefined)[] = [];
    const listening = grounded.needsReview.onDidChangeTreeData((change) => redrawn.push(change));
    try {
      // One segment of A deleted: A still has something to review, B is untouched.
      assert.equal(await store.deleteSegments(a, CODER.id, [idsA[0]]), 1);
      await waitFor(() => grounded.needsReview.itemsOf(a).length === 1, SETTLE_MS, 'one item of A left');
      // Written before the files are removed after the test: no write may land on a removed file.
      await store.flush();
      // Only A's row is redrawn; the whole list is redrawn instead when VS Code has not drawn the
      // rows since the last change (the view hidden, or a change from elsewhere came first).
      for (const change of redrawn.filter((c) => Array.isArray(c))) assert.deepEqual(change, [{ kind: 'transcript', transcript: a }], 'only A is redrawn');
      assert.equal(grounded.needsReview.itemsOf(b).length, 2);
    } finally {
      listening.dispose();
    }
  });
});
