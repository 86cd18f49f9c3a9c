// Host benchmarks, run by `npm run bench` (scripts/run-integration.mjs --bench-project 1000): the
// real extension host opens a generated study, and the extension reports how the load went. On the
// demo workspace of the ordinary integration run there is nothing to measure: skipped.
import assert from 'node:assert/strict';
import { renameSync } from 'node:fs';
import * as vscode from 'vscode';
import type { FirstPaint } from '../../src/vscode/analysis/first-paint';
import type { GroundedApi } from '../../src/vscode/extension';
import type { StudyApi } from '../../src/vscode/memos/study-features';
import { groundedApi, waitFor, workspacePath } from './harness';
import { startCpuProfile } from './harness/cpu-profile';
import { LoadProbe } from '../../src/vscode/project/load-probe';

const transcripts = Number(process.env.GROUNDED_BENCH_TRANSCRIPTS ?? 0);

describe('host benchmarks on a generated study', function () {
  before(function () {
    if (!transcripts) this.skip();
  });

  it('opens the study: every view has its data, and the host never blocks long', async function () {
    this.timeout(10 * 60_000);
    const extension = vscode.extensions.getExtension<GroundedApi>('grounded-qda.grounded')!;
    // Started before the study was there, the load could not be timed from its start.
    assert.equal(extension.isActive, false, 'the extension started before the benchmark put the project file in place');
    // Extensions that start with VS Code share the extension host: loading their code blocks it
    // for up to 200 ms (JSON's and TypeScript's language features: 600 ms once). The load measured
    // is Grounded's, so it begins once they have started: those that start with VS Code, and those
    // started by a document already open (the test profile's settings.json, so `onLanguage:jsonc`).
    const openLanguages = new Set(vscode.workspace.textDocuments.map((d) => d.languageId));
    const startsWithVsCode = (e: vscode.Extension<unknown>) =>
      e.id !== extension.id &&
      ((e.packageJSON as { activationEvents?: string[] }).activationEvents ?? []).some(
        (event) => ['*', 'onStartupFinished'].includes(event) || (event.startsWith('onLanguage:') && openLanguages.has(event.slice('onLanguage:'.length))),
      );
    const others = vscode.extensions.all.filter(startsWithVsCode);
    await waitFor(() => others.every((e) => e.isActive), 20_000, 'the extensions that start with VS Code').catch(() =>
      console.log(`# not started when the load began: ${others.filter((e) => !e.isActive).map((e) => e.id).join(', ')}`),
    );
    renameSync(workspacePath('.grounded/project.json.bench'), workspacePath('.grounded/project.json'));
    const profiling = await startCpuProfile('load');
    const api = (await extension.activate()) as GroundedApi & { study: StudyApi };
    await api.ready;
    const report = await api.loadReport();
    await profiling.stop();
    // The views really have the study, not an empty answer given early.
    assert.equal(api.index()?.snapshot().transcripts.length, transcripts);
    assert.equal(api.study.participantsModel.overview?.participants.length, transcripts);
    assert.equal(api.study.memoIndex.all().length, Math.ceil(transcripts / 10));
    assert.ok(((await api.codebookTree.getChildren()) ?? []).length > 0);
    console.log(`# views ready (ms after activation): ${JSON.stringify(Object.fromEntries(Object.entries(report.views).map(([k, v]) => [k, Math.round(v)])))}`);
    console.log(`# longest block ended ${report.longestBlockEndedMs.toFixed(0)} ms after activation`);
    console.log(`bench host.load_ms_${transcripts} ${report.totalMs.toFixed(0)} ms`);
    console.log(`bench host.longest_block_ms_${transcripts} ${report.longestBlockMs.toFixed(0)} ms`);
    if (report.longestBlockCpuMs !== undefined) console.log(`bench host.longest_block_cpu_ms_${transcripts} ${report.longestBlockCpuMs.toFixed(0)} ms`);
    if (report.longestBlockGcMs !== undefined) console.log(`bench host.longest_block_gc_ms_${transcripts} ${report.longestBlockGcMs.toFixed(0)} ms`);
    if (report.longestBlockGcByKind) console.log(`# longest block's collections (ms): ${JSON.stringify(Object.fromEntries(Object.entries(report.longestBlockGcByKind).map(([k, v]) => [k, Math.round(v)])))}`);
  });

  it('opens the analysis panel once the host has worked its first answer out, and reports when it first drew a result', async function () {
    this.timeout(5 * 60_000);
    const { analysis } = await groundedApi();
    // A second after the load, the host works out what a panel opened then would show first, in
    // its time slices. How long it blocked meanwhile is reported like the load's longest block.
    const warming = new LoadProbe(['warm']);
    await waitFor(() => analysis.isWarm() || undefined, 5 * 60_000, 'the analysis worked out ahead of the panel');
    warming.mark('warm');
    const warmed = await warming.report;
    console.log(`bench host.warm_ms_${transcripts} ${warmed.totalMs.toFixed(0)} ms`);
    console.log(`bench host.warm_longest_block_ms_${transcripts} ${warmed.longestBlockMs.toFixed(0)} ms`);
    let firstPaint: FirstPaint | undefined;
    const listening = analysis.onDidFirstPaint((paint) => (firstPaint = paint));
    const profiling = await startCpuProfile('panel');
    try {
      await vscode.commands.executeCommand('grounded.analysis.openSegments');
      const paint = await waitFor(() => firstPaint, 5 * 60_000, 'the analysis panel drew its first result');
      await profiling.stop();
      // What it drew first were passages of the study, not an empty answer.
      const first = analysis.posted.slice(0).find((m) => m.type === 'firstRows' || m.type === 'show');
      assert.ok(first && (first.type === 'firstRows' ? first.hits.length : first.type === 'show' && first.result.tab === 'segments' ? first.result.hits.length : 0) > 0, 'the first answer had passages');
      console.log(`# first paint steps (ms after the panel was asked for): ${JSON.stringify(paint.steps)}`);
      console.log(`bench panel.first_paint_ms ${paint.ms.toFixed(0)} ms`);
    } finally {
      listening.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
