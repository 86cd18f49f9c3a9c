import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as vscode from 'vscode';
import { makeQuote } from '../../src/core/anchoring';
import type { Disagreement } from '../../src/core/disagreements';
import type { GitExtension } from '../../src/vscode/coding-review/git-api';
import type { CodingChangeNode } from '../../src/vscode/coding-review/coding-changes-tree';
import { DocumentText } from '../../src/vscode/coding/document-text';
import { groundedApi, openTranscript, readWorkspaceFile, TEST_MS, waitFor, workspaceFileExists, workspacePath, workspaceRoot, workspaceUri } from './harness';

const P01 = 'interviews/p01-amara.md';
const GIT_ENV = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@example.invalid' };
const git = (...args: string[]): string => execFileSync('git', args, { cwd: workspaceRoot(), env: GIT_ENV, encoding: 'utf8' });

describe('coding review in the editor', function () {
  this.timeout(TEST_MS);

  describe('Compare Coding with a git revision', () => {
    after(() => rmSync(workspacePath('.git'), { recursive: true, force: true }));

    it('says plainly that the folder is not a git repository', async () => {
      const grounded = await groundedApi();
      const started = await vscode.commands.executeCommand<boolean>('grounded.review.compareWith', 'HEAD');
      assert.equal(started, false);
      assert.match(grounded.notifications().at(-1)!.message, /not in a git repository that VS Code's Git has open/);
    });

    it('counts codes applied and taken away since a commit in the Coding Changes view, and marks them in the transcript', async () => {
      const grounded = await groundedApi();
      const store = grounded.store()!;
      await store.flush();
      git('init', '-q');
      git('add', '-A');
      git('commit', '-q', '-m', 'coding so far');
      const exports = await vscode.extensions.getExtension<GitExtension>('vscode.git')!.activate();
      const gitApi = exports.getAPI(1);
      await gitApi.openRepository!(workspaceUri());
      await waitFor(() => gitApi.getRepository(workspaceUri()), undefined, 'the Git extension to open the new repository');

      // Since the commit: one passage coded (added), one of Sam's segments deleted (removed).
      const editor = await openTranscript(P01);
      const text = new DocumentText(editor.document).text;
      const phrase = 'Practical things first.';
      const start = text.indexOf(phrase);
      const code = store.codebook().all()[0];
      await store.applyCodes(P01, { range: { start, end: start + phrase.length }, quote: makeQuote(text, { start, end: start + phrase.length }) }, [code.id]);
      const sam = (await store.getCoding(P01)).coders.find((c) => c.coder.id === 'sam-okafor')!;
      const gone = sam.segments[0];
      await store.deleteSegments(P01, 'sam-okafor', [gone.id]);
      await store.flush();

      const started = await vscode.commands.executeCommand<boolean>('grounded.review.compareWith', 'HEAD');
      assert.equal(started, true, JSON.stringify(grounded.notifications().at(-1)));
      const tree = grounded.codingReview.codingChanges;
      const p01 = await waitFor(() => tree.getChildren().find((n): n is Extract<CodingChangeNode, { kind: 'transcript' }> => n.kind === 'transcript' && n.transcript.path === P01 && n.transcript.added > 0 && n.transcript.removed > 0), undefined, 'p01 in Coding Changes');
      assert.deepEqual(tree.getChildren().map((n) => (n.kind === 'transcript' ? n.transcript.path : '')), [P01], 'nothing else changed');
      assert.equal(tree.getTreeItem(p01).description, `+1 −${gone.codes.length}`);
      const rows = tree.getChildren(p01).flatMap((c) => tree.getChildren(c));
      assert.ok(rows.some((r) => r.kind === 'row' && r.row.sign === '+' && r.row.quote === phrase));
      assert.ok(rows.some((r) => r.kind === 'row' && r.row.sign === '-' && r.row.quote === gone.quote.exact));

      const painted = await waitFor(() => {
        const p = grounded.codingReview.reviewPainter.paintedRanges(editor.document);
        return p.added?.length && p.removed?.length ? p : undefined;
      }, undefined, 'added and removed marks in the transcript');
      assert.deepEqual(painted.added!.map((r) => editor.document.getText(r)), [phrase]);
      assert.ok(painted.removed!.some((r) => editor.document.getText(r) === gone.quote.exact), 'the removed segment is marked where its words still are');

      const row = rows.find((r) => r.kind === 'row' && r.row.sign === '-')!;
      await vscode.commands.executeCommand('grounded.review.revealChange', row);
      assert.equal(vscode.window.activeTextEditor!.document.getText(vscode.window.activeTextEditor!.selection), gone.quote.exact);

      await vscode.commands.executeCommand('grounded.review.stopComparing');
      assert.deepEqual(tree.getChildren(), []);
      await waitFor(() => !grounded.codingReview.reviewPainter.paintedRanges(editor.document).added?.length, undefined, 'marks cleared');
      // Leave the demo's coding as it was for the suites that follow.
      assert.deepEqual([store.undo(), store.undo()], ['Delete segment', 'Apply code']);
      await store.flush();
    });
  });

  describe('Compare Coders', () => {
    it('lists disagreements, moves the cursor to the next one, reconciles into the consensus coder, and one undo removes it', async () => {
      const grounded = await groundedApi();
      const review = grounded.codingReview;
      assert.equal(await vscode.commands.executeCommand('grounded.review.compareCoders', ['dana-reyes', 'sam-okafor']), true);
      await waitFor(() => review.coderComparison.disagreements().some((d) => d.transcript === P01), undefined, 'disagreements in p01');

      await openTranscript(P01);
      // Opening an editor again restores its last selection a moment later: set the cursor until it stays.
      await waitFor(async () => {
        const active = vscode.window.activeTextEditor!;
        if (active.selection.active.line === 0 && active.selection.active.character === 0 && active.selection.isEmpty) return true;
        active.selection = new vscode.Selection(0, 0, 0, 0);
        return false;
      }, undefined, 'the cursor at the start of p01');
      const next = await vscode.commands.executeCommand<Disagreement>('grounded.review.nextDisagreement');
      const first = review.coderComparison.disagreements().filter((d) => d.transcript === P01)[0];
      assert.equal(next.id, first.id);
      const active = vscode.window.activeTextEditor!;
      const doc = new DocumentText(active.document);
      assert.deepEqual(doc.textRange(active.selection), first.range, 'the cursor moved to the first disagreement');
      const second = await vscode.commands.executeCommand<Disagreement>('grounded.review.nextDisagreement');
      assert.notEqual(second.id, first.id);
      const back = await vscode.commands.executeCommand<Disagreement>('grounded.review.previousDisagreement');
      assert.equal(back.id, first.id);

      const rowItem = review.disagreements.getTreeItem({ kind: 'disagreement', disagreement: first });
      assert.ok(typeof rowItem.label === 'string' && rowItem.label.includes(' — '));

      const consensusFile = `.grounded/coding/${P01}/consensus.jsonl`;
      assert.equal(workspaceFileExists(consensusFile), false);
      const coder = first.applications[0].coder;
      const written = await vscode.commands.executeCommand<number>('grounded.review.reconcile', { kind: 'disagreement', disagreement: first }, { kind: 'coder', coder });
      assert.ok(written > 0);
      await grounded.store()!.flush();
      assert.equal(workspaceFileExists(consensusFile), true);
      await waitFor(() => !review.coderComparison.disagreements().some((d) => d.id === first.id), undefined, 'the reconciled disagreement to leave the list');

      assert.equal(await vscode.commands.executeCommand('grounded.coding.undo'), 'Reconcile disagreement');
      await grounded.store()!.flush();
      assert.equal(workspaceFileExists(consensusFile), false, 'one undo removes what the reconcile wrote');
      await waitFor(() => review.coderComparison.disagreements().some((d) => d.id === first.id), undefined, 'the disagreement to come back');
      await vscode.commands.executeCommand('grounded.review.stopComparingCoders');
      assert.deepEqual(review.disagreements.getChildren(), []);
    });

    it('never reconciles to an empty intersection, and lists no version for a coder who did not code the transcript', async () => {
      const grounded = await groundedApi();
      const review = grounded.codingReview;
      const store = grounded.store()!;
      const editor = await openTranscript(P01);
      const text = new DocumentText(editor.document).text;
      // Three coders chained over one sentence: each pair shares words, all three share none.
      const at = text.indexOf('Practical things first.');
      const code = store.codebook().all()[0].id;
      const chain = [
        { coder: { id: 'ana-lima', name: 'Ana Lima' }, range: { start: at, end: at + 10 } },
        { coder: { id: 'ben-roth', name: 'Ben Roth' }, range: { start: at + 8, end: at + 17 } },
        { coder: { id: 'cy-moss', name: 'Cy Moss' }, range: { start: at + 15, end: at + 23 } },
      ];
      for (const { coder, range } of chain) await store.applyAsCoder(P01, coder, [{ range, quote: makeQuote(text, range), codes: [code] }], 'Apply code');
      // Ana also coded another transcript, where Ben and Cy coded nothing.
      const other = 'interviews/p02-tomasz.md';
      const otherText = (await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceUri(), other))).getText();
      const elsewhere = { start: otherText.indexOf('Recorded at the advice centre.'), end: otherText.indexOf('Recorded at the advice centre.') + 30 };
      await store.applyAsCoder(other, chain[0].coder, [{ range: elsewhere, quote: makeQuote(otherText, elsewhere), codes: [code] }], 'Apply code');
      try {
        assert.equal(await vscode.commands.executeCommand('grounded.review.compareCoders', chain.map((c) => c.coder.id)), true);
        const d = await waitFor(() => review.coderComparison.disagreements().find((x) => x.transcript === P01 && x.codes.includes(code) && x.applications.some((a) => a.coder === 'cy-moss')), undefined, 'the chained disagreement');
        const written = await vscode.commands.executeCommand<number>('grounded.review.reconcile', { kind: 'disagreement', disagreement: d }, { kind: 'intersection' });
        assert.equal(written, 0);
        assert.match(grounded.notifications().at(-1)!.message, /share no text here/);
        assert.equal(workspaceFileExists(`.grounded/coding/${P01}/consensus.jsonl`), false, 'nothing recorded as left uncoded');
        assert.deepEqual(review.disagreements.row(d).versions.map((v) => v.id), ['ana-lima', 'ben-roth', 'cy-moss']);

        // In p02 only Ana coded: Ben and Cy are missing there, not coders of nothing.
        assert.deepEqual(review.coderComparison.disagreements().filter((x) => x.transcript === other), []);
      } finally {
        await vscode.commands.executeCommand('grounded.review.stopComparingCoders');
        for (let i = 0; i < 4; i++) assert.equal(store.undo(), 'Apply code');
        await store.flush();
      }
    });

    it('copies what the coders coded alike to the consensus coder, beside a reconciled disagreement, as one step that one undo takes back', async () => {
      const grounded = await groundedApi();
      const review = grounded.codingReview;
      const store = grounded.store()!;
      assert.equal(await vscode.commands.executeCommand('grounded.review.compareCoders', ['dana-reyes', 'sam-okafor']), true);
      const first = await waitFor(() => review.coderComparison.disagreements().find((d) => d.transcript === P01 && d.kind === 'boundaries'), undefined, 'a boundaries disagreement in p01');
      await vscode.commands.executeCommand<number>('grounded.review.reconcile', { kind: 'disagreement', disagreement: first }, { kind: 'union' });
      await waitFor(() => !review.coderComparison.disagreements().some((d) => d.id === first.id), undefined, 'the reconciled disagreement to leave the list');
      const open = review.coderComparison.disagreements().length;
      const consensusOf = async (t: string) => (await store.getCoding(t)).coders.find((c) => c.coder.id === 'consensus')?.segments ?? [];
      const reconciled = await consensusOf(P01);

      const copied = await vscode.commands.executeCommand<number>('grounded.review.copyAgreedToConsensus');
      assert.ok(copied > 0, 'the demo\'s coders agree on some passages');
      assert.match(grounded.notifications().at(-1)!.message, new RegExp(`^Copied ${copied} agreed passage\\(s\\) in \\d+ transcript\\(s\\) to the consensus coder\\. ${open} disagreement\\(s\\) are still to reconcile\\.`));
      const inP01 = await consensusOf(P01);
      assert.ok(reconciled.every((r) => inP01.some((s) => s.id === r.id && s.codes.join() === r.codes.join())), 'the reconciled segment is kept as it was');
      // Every copied passage is one both coders coded with the same codes over the same words.
      const coded = (coder: string) => async (t: string) => ((await store.getCoding(t)).coders.find((c) => c.coder.id === coder)?.segments ?? []);
      for (const segment of inP01.filter((s) => !reconciled.some((r) => r.id === s.id))) {
        for (const coder of ['dana-reyes', 'sam-okafor']) {
          const theirs = (await coded(coder)(P01)).filter((s) => s.quote.exact.includes(segment.quote.exact) || segment.quote.exact.includes(s.quote.exact));
          assert.ok(segment.codes.every((code) => theirs.some((s) => s.codes.includes(code))), `${coder} applied ${segment.codes.join(', ')} to "${segment.quote.exact.slice(0, 40)}"`);
        }
      }
      assert.equal(review.coderComparison.disagreements().length, open, 'copying agreement settles no disagreement');
      assert.equal(await vscode.commands.executeCommand<number>('grounded.review.copyAgreedToConsensus'), 0, 'a second copy has nothing to add');
      assert.match(grounded.notifications().at(-1)!.message, /has every passage the compared coders agree on already/);

      assert.equal(await vscode.commands.executeCommand('grounded.coding.undo'), 'Copy agreed coding');
      await store.flush();
      assert.deepEqual((await consensusOf(P01)).map((s) => s.id), reconciled.map((s) => s.id), 'one undo takes every copied passage back, in every transcript');
      assert.equal(await vscode.commands.executeCommand('grounded.coding.undo'), 'Reconcile disagreement');
      await store.flush();
      assert.equal(workspaceFileExists(`.grounded/coding/${P01}/consensus.jsonl`), false);
      await vscode.commands.executeCommand('grounded.review.stopComparingCoders');
    });

    it('records "leave uncoded" in the consensus coder\'s file, so the next comparison still counts it decided, until undone', async () => {
      const grounded = await groundedApi();
      const review = grounded.codingReview;
      const consensusFile = `.grounded/coding/${P01}/consensus.jsonl`;
      assert.equal(await vscode.commands.executeCommand('grounded.review.compareCoders', ['dana-reyes', 'sam-okafor']), true);
      const only = await waitFor(() => review.coderComparison.disagreements().find((d) => d.transcript === P01 && d.kind === 'only'), undefined, 'a disagreement in p01 that one coder coded only');
      const before = review.coderComparison.disagreements().length;
      const written = await vscode.commands.executeCommand<number>('grounded.review.reconcile', { kind: 'disagreement', disagreement: only }, { kind: 'coder', coder: only.without[0] });
      assert.equal(written, 0, 'no segment');
      await grounded.store()!.flush();
      const lines = readWorkspaceFile(consensusFile).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      assert.equal(lines.length, 2);
      assert.deepEqual(lines[1].uncoded, only.codes);
      assert.equal(lines[1].codes, undefined);
      await waitFor(() => review.coderComparison.disagreements().length === before - 1, undefined, 'the decided disagreement to leave the list');
      assert.equal(review.coderComparison.settled, 1);

      // A new comparison reads the decision from the file: the passage stays decided.
      await vscode.commands.executeCommand('grounded.review.stopComparingCoders');
      assert.equal(await vscode.commands.executeCommand('grounded.review.compareCoders', ['dana-reyes', 'sam-okafor']), true);
      await waitFor(() => review.coderComparison.disagreements().length === before - 1, undefined, 'the list of the new comparison');
      assert.ok(!review.coderComparison.disagreements().some((d) => d.id === only.id));

      assert.equal(await vscode.commands.executeCommand('grounded.coding.undo'), 'Reconcile disagreement');
      await grounded.store()!.flush();
      assert.equal(workspaceFileExists(consensusFile), false, 'one undo removes the record and the file it made');
      await waitFor(() => review.coderComparison.disagreements().some((d) => d.id === only.id), undefined, 'the disagreement to come back');
      await vscode.commands.executeCommand('grounded.review.stopComparingCoders');
    });
  });
});
