// The Search tab of the Analysis panel after codes were gathered into a focused code: the gathered
// codes are records, not codes to apply, as in every code picker.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { HostToWebview, AnalysisViewState } from '../../src/protocol';
import { groundedApi, waitFor } from './harness';

type Shown = Extract<HostToWebview, { type: 'show' }>;

describe('the Search tab after a gathering', function () {
  this.timeout(60000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('marks gathered codes in the outline, and codes nothing with one the page chose before the gathering', async () => {
    const grounded = await groundedApi();
    const store = grounded.store()!;
    const { analysis } = grounded;
    const undoBefore = store.undoable().undo;
    const felt = store.addCode({ name: 'Felt unheard (search)', color: '#aa3355' });
    const talked = store.addCode({ name: 'Talked over (search)', color: '#3355aa' });
    // The page was showing the Search tab with an initial code chosen…
    const search = { text: 'passport', regex: false, speaker: '', unit: 'match' as const, code: felt };
    const searched = (after: number) => waitFor(() => analysis.posted.slice(after).find((m): m is Shown => m.type === 'show' && m.result.tab === 'search'), 20000, 'the Search tab answered');
    let before = analysis.posted.length;
    analysis.show({ tab: 'search', search });
    const first = await searched(before);
    assert.equal(first.outline.codes.find((c) => c.id === felt)?.gatheredInto, undefined);

    // …when the code was gathered into a focused code.
    const { category } = await store.gatherCodes([felt, talked], 'Silenced (search)');
    before = analysis.posted.length;
    await analysis.receive({ type: 'request', state: { ...(first.state as AnalysisViewState), search } });
    // The answer made once the index has the gathering (one made before may still arrive first).
    const shown = await waitFor(
      () => analysis.posted.slice(before).find((m): m is Shown => m.type === 'show' && m.result.tab === 'search' && m.outline.codes.some((c) => c.id === felt && c.gatheredInto !== undefined)),
      20000,
      'the Search tab answered with the gathering',
    );
    const codes = new Map(shown.outline.codes.map((c) => [c.id, c]));
    assert.equal(codes.get(felt)?.gatheredInto, category);
    assert.equal(codes.get(talked)?.gatheredInto, category);
    assert.equal(codes.get(category)?.gatheredInto, undefined);
    const preview = shown.result.tab === 'search' ? shown.result.preview : undefined;
    assert.ok(preview && preview.hits.length > 0, 'the demo says "passport"');

    // The page's Apply with the old choice: nothing is coded, and the researcher is told what to apply.
    const ids = preview.hits.map((h) => h.id);
    await analysis.receive({ type: 'autocode', state: shown.state, hits: ids });
    assert.match(grounded.notifications().at(-1)?.message ?? '', /Nothing was coded: Felt unheard \(search\) was gathered into Silenced \(search\)\. Apply Silenced \(search\) instead\./);
    assert.equal(await store.countSegments(felt), 0);
    assert.equal(await store.countSegments(category), 0);

    // The focused code itself is applied.
    await analysis.receive({ type: 'autocode', state: { ...shown.state, search: { ...search, code: category } }, hits: ids });
    assert.equal(await store.countSegments(category), new Set(preview.hits.map((h) => `${h.transcript}:${h.start}`)).size);

    // Back as it was: the autocode, the gathering and the two codes, one undo each.
    for (let i = 0; i < 4; i++) store.undo();
    await store.flush();
    assert.equal(store.undoable().undo, undoBefore);
    assert.equal(store.codebook().get(category), undefined);
    assert.equal(store.codebook().get(felt), undefined);
  });
});
