import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { makeQuote } from '../../src/core/anchoring';
import type { HostToWebview } from '../../src/protocol';
import { groundedApi, waitFor } from './harness';

type Shown = Extract<HostToWebview, { type: 'show' }>;

describe('analysis panel', function () {
  this.timeout(60000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** The next result the panel is sent after `action`, for the tab asked. */
  async function shownAfter(action: () => unknown, tab: Shown['result']['tab']): Promise<Shown> {
    const { analysis } = await groundedApi();
    const before = analysis.posted.length;
    await action();
    return waitFor(
      () => analysis.posted.slice(before).find((m): m is Shown => m.type === 'show' && m.result.tab === tab),
      20000,
      `the ${tab} result in the panel`,
    );
  }

  it('retrieves every placed segment of the project, then a combination of codes', async () => {
    const grounded = await groundedApi();
    const all = await shownAfter(() => vscode.commands.executeCommand('grounded.analysis.openSegments'), 'segments');
    const snapshot = grounded.index()!.snapshot();
    const placed = snapshot.transcripts.reduce((n, t) => n + t.segments.filter((s) => s.range).length, 0);
    assert.equal(all.result.tab === 'segments' && all.result.hits.length, placed);

    const both = await shownAfter(() => grounded.analysis.show({ expression: 'Fear of authorities AND Mistrust' }), 'segments');
    assert.ok(both.result.tab === 'segments' && both.result.hits.length > 0);
    const fear = snapshot.codes.find((c) => c.name === 'Fear of authorities')!.id;
    const mistrust = snapshot.codes.find((c) => c.name === 'Mistrust')!.id;
    for (const hit of both.result.tab === 'segments' ? both.result.hits : []) {
      assert.ok(hit.codes.includes(fear) && hit.codes.includes(mistrust), `${hit.transcript}: ${hit.text}`);
    }
  });

  it('sends a new page the first passages, and the whole answer once it has drawn them, which they begin', async () => {
    const { analysis } = await groundedApi();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(() => vscode.window.tabGroups.all.every((g) => g.tabs.length === 0) || undefined, 20000, 'every editor closed');
    // With no panel open and the project quiet, the host works out a panel's first answer ahead.
    await waitFor(() => analysis.isWarm() || undefined, 20000, 'the first answer worked out ahead of the panel');
    const before = analysis.posted.length;
    let postedWhenDrawn: number | undefined;
    const drawing = analysis.onDidFirstPaint(() => (postedWhenDrawn ??= analysis.posted.length - before));
    // Every segment of the demo: hundreds, far more than a first message holds.
    analysis.show({ tab: 'segments', expression: '', filter: {} });
    const whole = await waitFor(() => analysis.posted.slice(before).find((m): m is Shown => m.type === 'show'), 20000, 'the whole answer');
    const drawn = await waitFor(() => postedWhenDrawn, 20000, 'the page drew its first answer');
    drawing.dispose();
    const sent = analysis.posted.slice(before);
    const first = sent.find((m) => m.type === 'firstRows');
    assert.ok(first && first.type === 'firstRows', `messages: ${sent.map((m) => m.type).join(', ')}`);
    // Posted at once (VS Code hands them over when the page has loaded), and again when the page
    // says it is ready, in case it was made anew meanwhile: the page passes over passages it shows.
    assert.deepEqual(
      sent.filter((m) => m.type === 'firstRows'),
      [first, first],
    );
    assert.ok(sent.indexOf(first) < drawn, 'the page drew the first passages');
    // Worked out once the page had drawn them, not while it laid out its first screen.
    assert.ok(sent.indexOf(whole) >= drawn, `the whole answer was posted after ${drawn} messages, before the page drew the first passages`);
    assert.ok(whole.result.tab === 'segments' && whole.result.hits.length > first.hits.length);
    assert.deepEqual(first.hits, whole.result.tab === 'segments' ? whole.result.hits.slice(0, first.hits.length) : []);
    assert.deepEqual(first.state, whole.state);
  });

  it('says what is wrong with an expression in the panel instead of failing', async () => {
    const { analysis } = await groundedApi();
    const before = analysis.posted.length;
    analysis.show({ tab: 'segments', expression: 'Mistrust AND Courage' });
    const problem = await waitFor(() => analysis.posted.slice(before).find((m) => m.type === 'problem'), 20000, 'a problem shown');
    assert.match(problem.type === 'problem' ? problem.message : '', /No code is named "Courage"/);
  });

  it('notes a parent code whose passages are all in its sub-codes, and answers what was asked', async () => {
    const { analysis } = await groundedApi();
    // The demo's Support has no segments of its own; Support/** has dozens.
    const shown = await shownAfter(() => analysis.show({ tab: 'segments', expression: 'Support' }), 'segments');
    assert.ok(shown.result.tab === 'segments');
    if (shown.result.tab !== 'segments') return;
    assert.deepEqual(shown.result.hits, []);
    assert.deepEqual(shown.result.notes, ['"Support" has no segments of its own; its sub-codes are not included: write Support/** to include them.']);
    const all = await shownAfter(() => analysis.show({ tab: 'segments', expression: 'Support/**' }), 'segments');
    assert.ok(all.result.tab === 'segments' && all.result.hits.length > 0 && all.result.notes.length === 0);
  });

  it('crosstabs codes by gender and drills a cell down to its passages, which open in the transcript', async () => {
    const { analysis } = await groundedApi();
    const table = await shownAfter(() => analysis.show({ tab: 'matrix', expression: '', matrix: { kind: 'attribute', attribute: 'gender' } }), 'matrix');
    assert.ok(table.result.tab === 'matrix' && table.result.columns === 'attribute');
    if (table.result.tab !== 'matrix' || table.result.columns !== 'attribute') return;
    assert.deepEqual(table.result.table.columns.map((c) => c.value), ['man', 'nonbinary', 'woman']);
    const row = table.result.table.rows.find((r) => r.path === 'Barriers/Fear of authorities')!;

    // The webview's drill-down: the cell's code in the group's transcripts.
    const cell = await shownAfter(
      () => analysis.receive({ type: 'request', state: { ...table.state, tab: 'segments', expression: '"Barriers/Fear of authorities"/**', filter: { attributes: [{ attribute: 'gender', equals: ['woman'] }] } } }),
      'segments',
    );
    const hits = cell.result.tab === 'segments' ? cell.result.hits : [];
    assert.equal(new Set(hits.map((h) => h.participant)).size, row.participants[2]);

    const first = hits[0];
    await analysis.receive({ type: 'reveal', transcript: first.transcript, start: first.start, end: first.end });
    const editor = await waitFor(() => {
      const active = vscode.window.activeTextEditor;
      return active && active.document.uri.path.endsWith(first.transcript) && !active.selection.isEmpty ? active : undefined;
    }, 20000, 'the passage selected in its transcript');
    assert.equal(editor.document.getText(editor.selection).replace(/\r\n/g, '\n'), first.text);
  });

  it('recomputes when coding changes', async () => {
    const grounded = await groundedApi();
    const { analysis } = grounded;
    // No filter left from the tests before: every participant counts.
    const before = await shownAfter(() => analysis.show({ tab: 'frequencies', expression: '', filter: {} }), 'frequencies');
    const hope = before.result.tab === 'frequencies' ? before.result.frequencies.find((f) => f.name === 'Hope')! : undefined;
    assert.ok(hope);
    const store = grounded.store()!;
    const transcript = 'interviews/p02-tomasz.md';
    const text = grounded.index()!.snapshot().transcripts.find((t) => t.path === transcript)!.text;
    const range = { start: text.indexOf('Thanks for making the time'), end: text.indexOf('Thanks for making the time') + 26 };
    const before2 = analysis.posted.length;
    const segment = await store.applyCodes(transcript, { range, quote: makeQuote(text, range) }, [hope.code]);
    try {
      // First the read model has the new segment, then the panel is sent a result counting it
      // (other refreshes may come in between).
      await waitFor(() => grounded.index()!.snapshot().transcripts.find((t) => t.path === transcript)!.segments.some((p) => p.segment.id === segment.id), 20000, 'the index to hold the new segment');
      const counts = () => analysis.posted.slice(before2).flatMap((m) => (m.type === 'show' && m.result.tab === 'frequencies' ? [m.result.frequencies.find((f) => f.code === hope.code)!.own.segments] : []));
      await waitFor(() => counts().includes(hope.own.segments + 1), 20000, 'the frequencies to count the new segment');
    } finally {
      // Leave the demo as other suites expect it.
      await store.removeCodes(transcript, [segment.id]);
    }
  });

  it('filters segments by the coding round they were made in, from the rounds the project declares', async () => {
    const grounded = await groundedApi();
    const { analysis } = grounded;
    const store = grounded.store()!;
    const transcript = 'interviews/p02-tomasz.md';
    const text = grounded.index()!.snapshot().transcripts.find((t) => t.path === transcript)!.text;
    const at = text.indexOf('Thanks for making the time');
    const range = { start: at, end: at + 26 };
    const hope = grounded.index()!.snapshot().codes.find((c) => c.name === 'Hope')!.id;
    const segment = await store.applyCodes(transcript, { range, quote: makeQuote(text, range) }, [hope]);
    try {
      await waitFor(() => grounded.index()!.snapshot().transcripts.find((t) => t.path === transcript)!.segments.some((p) => p.segment.id === segment.id), 20000, 'the index to hold the new segment');
      const round = segment.round;
      assert.ok(round, 'a new segment records its round');
      const shown = await shownAfter(() => analysis.show({ tab: 'segments', expression: '', filter: { rounds: [round] } }), 'segments');
      assert.deepEqual(shown.outline.rounds.map((r) => r.id), ['initial', 'focused', 'theoretical']);
      const hits = shown.result.tab === 'segments' ? shown.result.hits : [];
      const inRound = grounded.index()!.snapshot().transcripts.flatMap((t) => t.segments.filter((p) => p.range && p.segment.round === round));
      assert.ok(hits.some((h) => h.transcript === transcript && h.start === range.start && h.end === range.end), 'the new segment is listed');
      assert.equal(hits.length, inRound.length, 'only segments made in that round');
    } finally {
      await store.removeCodes(transcript, [segment.id]);
      await shownAfter(() => analysis.show({ tab: 'segments', expression: '', filter: {} }), 'segments');
    }
  });
});
