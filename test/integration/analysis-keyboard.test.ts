// The analysis of a study by keyboard alone, in a real extension host: every step is a command
// from the palette and its quick input confirmed with Enter (quickInput.accept), the way a
// researcher without a mouse works. Preferred answers come in as a keybinding's arguments would;
// the prompts are still shown and confirmed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { AnalysisContext } from '../../src/core/analysis';
import { analysisProjectOf } from '../../src/core/analysis/from-snapshot';
import { normaliseText } from '../../src/core/anchoring';
import { DEFAULT_VIEW_STATE, type HostToWebview } from '../../src/protocol';
import type { AutocodeOutcome } from '../../src/vscode/autocode/autocoder';
import { groundedApi, openTranscript, readWorkspaceFile, SETTLE_MS, TEST_MS, waitFor, workspaceFileExists } from './harness';

type Shown = Extract<HostToWebview, { type: 'show' }>;

const press = (key: 'accept' | 'next') => vscode.commands.executeCommand(`quickInput.${key}`);

/**
 * Presses Enter on Grounded's prompt `id` once it is on screen, again while it stays (a key sent
 * while the window was still drawing it is lost), until it is gone.
 */
async function enter(id: string, shownAfter: number): Promise<void> {
  const { prompts } = await groundedApi();
  const shown = () => prompts.current === id || (prompts.count > shownAfter && prompts.recent.slice(shownAfter - prompts.count).includes(id));
  await waitFor(shown, SETTLE_MS, `the "${id}" prompt`);
  await waitFor(async () => prompts.current !== id || (await press('accept'), false), SETTLE_MS, `the "${id}" prompt to take Enter`, 750);
}

/** Runs a command and confirms each of its prompts with Enter, in order; resolves to its result. */
async function run<T>(command: string, args: unknown, steps: string[]): Promise<T> {
  const { prompts } = await groundedApi();
  const start = prompts.count;
  const result = vscode.commands.executeCommand<T>(command, args);
  for (const step of steps) await enter(step, start);
  return result;
}

/** A save dialog (a quick input in this workbench) confirmed with Enter on the name it offers. */
async function runSaving<T>(command: string): Promise<T> {
  let done = false;
  const result = Promise.resolve(vscode.commands.executeCommand<T>(command)).finally(() => (done = true));
  await waitFor(async () => done || (await press('accept'), false), SETTLE_MS, `${command} to save`, 250);
  return result;
}

/** The next result of `tab` the panel is sent after `action`. */
async function shownAfter(action: () => Promise<unknown>, tab: Shown['result']['tab'], check: (m: Shown) => boolean = () => true): Promise<Shown> {
  const { analysis } = await groundedApi();
  const before = analysis.posted.length;
  await action();
  return waitFor(() => analysis.posted.slice(before).find((m): m is Shown => m.type === 'show' && m.result.tab === tab && check(m)), SETTLE_MS, `the ${tab} result in the panel`);
}

async function youthHousing(): Promise<Set<string>> {
  const snapshot = (await groundedApi()).index()!.snapshot();
  return new Set(snapshot.transcripts.filter((t) => String(t.participant.values.sector) === 'youth housing').map((t) => t.participant.name));
}

describe('the analysis, by keyboard alone', function () {
  this.timeout(TEST_MS);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    // The suites after this one start from the panel's first view.
    (await groundedApi()).analysis.show(DEFAULT_VIEW_STATE);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('retrieves a code for one sector, runs and saves a NEAR query, drills into a crosstab cell and opens saturation', async () => {
    const grounded = await groundedApi();
    await waitFor(() => grounded.index(), SETTLE_MS, 'the read model');
    const youth = await youthHousing();
    assert.equal(youth.size, 4, 'the demo has four youth-housing participants');

    // Every segment of a code, then only the youth-housing participants'.
    const all = await shownAfter(() => run('grounded.analysis.retrieveCode', { code: 'Barriers/Housing insecurity' }, ['analysis.retrieveCode']), 'segments');
    const filtered = await shownAfter(() => run('grounded.analysis.filterByAttribute', { attribute: 'sector', value: 'youth housing' }, ['analysis.filter.attribute', 'analysis.filter.value']), 'segments', (m) => !!m.state.filter.attributes);
    const [allHits, youthHits] = [all, filtered].map((m) => (m.result.tab === 'segments' ? m.result.hits : []));
    assert.ok(youthHits.length > 0 && youthHits.length < allHits.length, `${youthHits.length} of ${allHits.length} passages`);
    assert.ok(youthHits.every((h) => youth.has(h.participant)), 'only youth-housing participants');
    assert.deepEqual(youthHits.map((h) => `${h.transcript}@${h.start}`), allHits.filter((h) => youth.has(h.participant)).map((h) => `${h.transcript}@${h.start}`));

    // A NEAR query under the same filter, saved: a file in .grounded/queries and an entry in the Queries view.
    const expression = 'Mentoring NEAR/50 Hope';
    const near = await shownAfter(() => run('grounded.analysis.queryCodes', { expression }, ['analysis.query']), 'segments', (m) => m.state.expression === expression);
    const nearHits = near.result.tab === 'segments' ? near.result.hits : [];
    assert.ok(nearHits.length > 0 && nearHits.every((h) => youth.has(h.participant)), 'passages of youth-housing participants only');
    await run('grounded.analysis.saveQuery', undefined, ['analysis.saveQuery']);
    const saved = await waitFor(async () => (await grounded.queries.list()).find((q) => q.query?.codes === expression), SETTLE_MS, 'the query in the Queries view');
    assert.ok(workspaceFileExists(`.grounded/queries/${saved.name}.json`));
    const file = JSON.parse(readWorkspaceFile(`.grounded/queries/${saved.name}.json`)) as { codes: string; filter: unknown };
    assert.deepEqual(file.filter, { attributes: [{ attribute: 'sector', equals: ['youth housing'] }] });

    // Code × sector for everyone, then one cell's passages.
    await shownAfter(() => run('grounded.analysis.filterByAttribute', { attribute: '' }, ['analysis.filter.attribute']), 'segments', (m) => !m.state.filter.attributes);
    const table = await shownAfter(() => run('grounded.analysis.crosstab', { attribute: 'sector' }, ['analysis.crosstab']), 'matrix');
    assert.ok(table.result.tab === 'matrix' && table.result.columns === 'attribute');
    if (table.result.tab !== 'matrix' || table.result.columns !== 'attribute') return;
    const column = table.result.table.columns.findIndex((c) => c.value === 'youth housing');
    const row = table.result.table.rows.find((r) => r.path === 'Barriers/Housing insecurity')!;
    assert.ok(column >= 0 && row.participants[column] > 0);
    const cell = await shownAfter(() => run('grounded.analysis.openCell', { row: row.path, column: 'youth housing' }, ['analysis.cell']), 'segments');
    const cellHits = cell.result.tab === 'segments' ? cell.result.hits : [];
    assert.equal(new Set(cellHits.map((h) => h.participant)).size, row.participants[column], 'the cell’s participants');
    assert.equal(cellHits.length, row.segments[column] > 0 ? cellHits.length : 0);
    assert.deepEqual(cellHits.map((h) => `${h.transcript}@${h.start}`), youthHits.map((h) => `${h.transcript}@${h.start}`), 'the same passages as the filtered retrieval');

    const saturation = await shownAfter(async () => vscode.commands.executeCommand('grounded.analysis.openSaturation'), 'saturation');
    assert.equal(saturation.result.tab === 'saturation' && saturation.result.steps.length, grounded.index()!.snapshot().transcripts.filter((t) => t.listed).length);
  });

  it('autocodes a phrase across transcripts (an unsaved CRLF editor included) as one step that one undo takes back', async () => {
    const grounded = await groundedApi();
    const store = grounded.store()!;
    const transcripts = ['interviews/p01-amara.md', 'interviews/p03-lucia.md', 'interviews/p04-kwame.md'];
    // Unsaved words before the phrase, and the document turned to CRLF line endings, unsaved too:
    // what is coded is the text on screen, in the core's LF offsets.
    const editor = await openTranscript(transcripts[0]);
    await editor.edit((e) => e.setEndOfLine(vscode.EndOfLine.CRLF));
    const at = editor.document.positionAt(editor.document.getText().indexOf('Fear. Only fear.'));
    await editor.edit((e) => e.insert(at, 'Unsaved words. '));
    assert.equal(editor.document.eol, vscode.EndOfLine.CRLF);
    await waitFor(() => grounded.index()!.snapshot().transcripts.find((t) => t.path === transcripts[0])!.text.includes('Unsaved words. Fear.'), SETTLE_MS, 'the index to read the unsaved text');
    // Each transcript's segments as short lines: a failure shows what differs, not whole files.
    const coding = () => Promise.all(transcripts.map(async (t) => (await store.getCoding(t)).coders.flatMap((c) => c.segments.map((s) => `${t} ${c.coder.id} ${s.id} ${s.codes.join('+')} ${s.position.start}-${s.position.end}`))));
    const before = await coding();

    try {
      const outcome = await run<AutocodeOutcome>('grounded.analysis.searchAndAutocode', { pattern: 'passport', unit: 'sentence', code: 'Barriers/Bureaucracy' }, ['autocode.pattern', 'autocode.extent', 'autocode.code', 'autocode.confirm']);
      assert.ok(outcome, 'the flow ran to the end');
      assert.equal(outcome.created + outcome.extended + outcome.unchanged, 3, 'one passage in each of three transcripts');
      assert.equal(outcome.lost, 0);
      const bureaucracy = store.codebook().all().find((c) => c.name === 'Bureaucracy')!.id;
      for (const t of transcripts) {
        const coded = (await store.getCoding(t)).coders.find((c) => c.coder.id === store.coder.id)?.segments.some((s) => s.codes.includes(bureaucracy) && s.quote.exact.includes('passport'));
        assert.ok(coded, `${t}: the passport sentence is coded`);
      }

      const text = normaliseText(editor.document.getText());
      const mine = (await store.getCoding(transcripts[0])).coders.find((c) => c.coder.id === store.coder.id)!.segments.filter((s) => s.codes.includes(bureaucracy) && s.quote.exact.includes('passport'));
      assert.equal(mine.length, 1);
      assert.ok(mine[0].quote.exact.startsWith('My employer had my passport'), mine[0].quote.exact);
      assert.equal(mine[0].position.start, text.indexOf(mine[0].quote.exact), 'anchored on the unsaved text, in LF offsets');

      assert.equal(await vscode.commands.executeCommand('grounded.coding.undo'), 'Autocode');
      assert.deepEqual(await coding(), before, 'one undo took every passage back, in every transcript');
      await store.flush();
      for (const t of transcripts) assert.ok(!workspaceFileExists(`.grounded/coding/${t}/${store.coder.id}.jsonl`) || !readWorkspaceFile(`.grounded/coding/${t}/${store.coder.id}.jsonl`).includes('passport'), `${t}: nothing of it left on disk`);
    } finally {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('exports the tidy CSV and a Markdown report of the passages shown', async () => {
    const grounded = await groundedApi();
    const csvUri = await runSaving<vscode.Uri>('grounded.analysis.exportCsv');
    assert.ok(csvUri);
    const csv = readFileSync(csvUri.fsPath, 'utf8').split('\r\n').filter(Boolean);
    const context = new AnalysisContext(analysisProjectOf(grounded.index()!.snapshot()).project);
    assert.match(csv[0], /^transcript,participant,coder,segment,code_id,code,start,end,words,speaker,approximate,.*sector.*,quote$/);
    assert.equal(csv.length - 1, context.project.segments.reduce((n, s) => n + s.codes.length, 0), 'one row per segment and code');
    assert.ok(csv.some((l) => l.includes('Barriers/Housing insecurity') && l.includes('youth housing')));

    const expression = '"Barriers/Housing insecurity"/**';
    const shown = await shownAfter(() => run('grounded.analysis.queryCodes', { expression }, ['analysis.query']), 'segments', (m) => m.state.expression === expression);
    const hits = shown.result.tab === 'segments' ? shown.result.hits : [];
    const reportUri = await runSaving<vscode.Uri>('grounded.analysis.exportReport');
    const report = readFileSync(reportUri.fsPath, 'utf8');
    assert.match(report, /^# /);
    assert.match(report, /## "Barriers\/Housing insecurity"\/\\\*\\\*|## .*Housing insecurity/);
    for (const participant of new Set(hits.map((h) => h.participant))) assert.ok(report.includes(`### ${participant}`), participant);
    assert.equal(report.split('\n').filter((l) => l.startsWith('> — ')).length, hits.length, 'every passage quoted once');
  });
});
