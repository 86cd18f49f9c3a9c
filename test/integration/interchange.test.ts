import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import * as vscode from 'vscode';
import { detectSpeakers, importTranscriptBytes } from '../../src/core/interchange/transcripts';
import type { CommandFailure } from '../../src/vscode/interchange/interchange-error';
import type { RefiExportResult } from '../../src/vscode/interchange/refi-export';
import type { RefiImportResult } from '../../src/vscode/interchange/refi-import';
import { proposeMapping } from '../../src/vscode/interchange/speaker-mapping-flow';
import type { TranscriptImportResult } from '../../src/vscode/interchange/transcript-import';
import { groundedApi, readWorkspaceFile, waitFor, workspaceFileExists, workspacePath, workspaceRoot } from './harness';

const api = groundedApi;

function xmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function succeeded<T extends object>(result: T | CommandFailure | undefined): T {
  assert.ok(result !== undefined, 'the command ran to the end');
  assert.ok(!('error' in result), `the command succeeded (${'error' in result ? result.error : ''})`);
  return result;
}

function failed(result: object | undefined): string {
  assert.ok(result !== undefined && 'error' in result && typeof result.error === 'string', 'the command reported a problem');
  return result.error;
}

/** Every file under a folder, relative to it, POSIX separators. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(folder.length + 1).split('\\').join('/'))
    .sort();
}

const ZOOM_VTT = `WEBVTT

1
00:00:02.000 --> 00:00:06.000
Dana Reyes: Thank you for joining. Could you tell me how you first heard about the centre?

2
00:00:07.500 --> 00:00:15.000
nadia.k@example.org: A friend from church told me. I was scared at first.

3
00:00:16.000 --> 00:00:19.000
Dana Reyes: What made you go in the end?

4
00:00:20.000 --> 00:00:28.000
nadia.k@example.org: They said nobody would call the police. That mattered.
`;

const MAPPING = {
  'Dana Reyes': { name: 'Interviewer', role: 'interviewer' as const },
  'nadia.k@example.org': { name: 'Nadia', role: 'participant' as const },
};

describe('import and export', function () {
  this.timeout(60000);
  let work: string;
  const imported = 'interviews/p06-zoom.md';

  before(() => {
    work = mkdtempSync(join(tmpdir(), 'grounded-interchange-'));
  });
  after(() => {
    rmSync(work, { recursive: true, force: true });
    // Later tests count the demo's transcripts: leave the workspace as it was.
    rmSync(workspacePath(imported), { force: true });
    rmSync(workspacePath('.grounded/speakers.json'), { force: true });
  });

  it('exports the codebook as a REFI-QDA .qdc with every code of the project', async () => {
    const codebook = (await api()).store()!.codebook();
    const out = join(work, 'codebook.qdc');
    const result = succeeded(await vscode.commands.executeCommand<RefiExportResult | CommandFailure>('grounded.interchange.exportCodebook', { out }));
    assert.equal(result.file, out);
    assert.equal(result.counts.codes, codebook.size);
    const xml = readFileSync(out, 'utf8');
    assert.match(xml, /<CodeBook [^>]*xmlns="urn:QDA-XML:codebook:1\.0"/);
    assert.equal(xml.match(/<Code /g)?.length, codebook.size);
    for (const code of codebook.all()) assert.ok(xml.includes(`name="${xmlAttribute(code.name)}"`), `${code.name} is in the codebook`);
  });

  it('exports the project as a .qdpx holding project.qde and every transcript as a source', async () => {
    const grounded = await api();
    const codebook = grounded.store()!.codebook();
    const transcripts = readdirSync(workspacePath('interviews')).filter((f) => f.endsWith('.md')).length;
    const out = join(work, 'project.qdpx');
    const args = { out, positions: 'utf-16', lineEndings: 'lf' };
    const result = succeeded(await vscode.commands.executeCommand<RefiExportResult | CommandFailure>('grounded.interchange.exportProject', args));
    const entries = unzipSync(readFileSync(out));
    const files = Object.keys(entries).filter((name) => /^sources\/[0-9a-f-]{36}\.txt$/.test(name));
    assert.ok('project.qde' in entries);
    const qdeText = strFromU8(entries['project.qde']);
    // Transcripts and memos (notes) both have their text under sources/.
    const sources = [...qdeText.matchAll(/<TextSource [^>]*plainTextPath="internal:\/\/([^"]+)"/g)].map((m) => `sources/${m[1]}`);
    const notes = [...qdeText.matchAll(/<Note [^>]*plainTextPath="internal:\/\/([^"]+)"/g)].map((m) => `sources/${m[1]}`);
    assert.equal(sources.length, transcripts);
    assert.deepEqual([...files].sort(), [...sources, ...notes].sort());
    assert.equal(result.counts.sources, transcripts);
    assert.ok(result.counts.selections > 0, 'the coding is exported');
    const qde = strFromU8(entries['project.qde']);
    assert.match(qde, /<Project [^>]*xmlns="urn:QDA-XML:project:1\.0"/);
    for (const code of codebook.all()) assert.ok(qde.includes(`name="${xmlAttribute(code.name)}"`), `${code.name} is in project.qde`);
    assert.equal(qde.match(/<TextSource /g)?.length, transcripts);
    assert.ok(sources.every((name) => !strFromU8(entries[name]).includes('\r')), 'LF line breaks, as asked');
    // The demo has emoji: counted as NVivo for Windows counts them, so nothing to warn about.
    assert.ok(!result.warnings.some((w) => w.includes('UTF-16')), result.warnings.join('\n'));
  });

  it('imports a WebVTT transcript with a speaker mapping into interviews/ and remembers the mapping', async () => {
    await api();
    const vtt = join(work, 'p06-zoom.vtt');
    writeFileSync(vtt, ZOOM_VTT);
    const args = { files: [vtt], mapping: MAPPING, timestamps: true };
    const result = succeeded(await vscode.commands.executeCommand<TranscriptImportResult | CommandFailure>('grounded.interchange.importTranscripts', args));
    assert.deepEqual(result.written, [imported]);

    const markdown = readWorkspaceFile(imported);
    assert.ok(markdown.startsWith('---\nsource: p06-zoom.vtt\nimported_from: webvtt\nparticipant: Nadia\ninterviewer: Interviewer\n'), markdown);
    assert.ok(markdown.includes('\n[00:00:07] **Nadia:** A friend from church told me.'));
    assert.ok(!markdown.includes('nadia.k@example.org') && !markdown.includes('Dana Reyes'), 'the source names are replaced');
    await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith(`/${imported}`), 5000, 'the new transcript to open');

    const speakersFile = readWorkspaceFile('.grounded/speakers.json');
    const speakers = Object.fromEntries(Object.entries(MAPPING).sort(([a], [b]) => (a < b ? -1 : 1)));
    assert.equal(speakersFile, `${JSON.stringify({ format: 'grounded-speakers', version: 1, speakers }, null, 2)}\n`);

    // The next import proposes the remembered names rather than the guess.
    const raw = importTranscriptBytes(new TextEncoder().encode(ZOOM_VTT), 'p07.vtt');
    assert.deepEqual(proposeMapping(detectSpeakers(raw), JSON.parse(speakersFile).speakers), MAPPING);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('imports lower-case text labels as speakers, and shows a warning for a dialogue whose labels it cannot read', async () => {
    await api();
    writeFileSync(join(work, 'p10-lower.txt'), 'interviewer: How did it start?\ninterviewee: With a job offer.\ninterviewer: And then?\ninterviewee: I went.\n');
    writeFileSync(join(work, 'p11-odd.txt'), 'Researcher (Dana): hi\nParticipant (P1): hello\nResearcher (Dana): fine\n');
    const files = [join(work, 'p10-lower.txt'), join(work, 'p11-odd.txt')];
    try {
      const result = succeeded(await vscode.commands.executeCommand<TranscriptImportResult | CommandFailure>('grounded.interchange.importTranscripts', { files, mapping: {} }));
      assert.deepEqual(result.written, ['interviews/p10-lower.md', 'interviews/p11-odd.md']);
      assert.match(readWorkspaceFile('interviews/p10-lower.md'), /\*\*Interviewer:\*\* How did it start\?\n\n\*\*Interviewee:\*\* With a job offer\./);
      assert.equal(result.warnings.length, 1, result.warnings.join('\n'));
      assert.match(result.warnings[0], /^p11-odd\.txt:1: no speaker was recognised, although 3 lines look like labels/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      for (const name of ['p10-lower', 'p11-odd']) rmSync(workspacePath(`interviews/${name}.md`), { force: true });
    }
  });

  it('refuses to overwrite a transcript, and writes nothing when one of the files is bad', async () => {
    await api();
    const before = readWorkspaceFile(imported);
    const again = await vscode.commands.executeCommand<object>('grounded.interchange.importTranscripts', { files: [join(work, 'p06-zoom.vtt')] });
    assert.match(failed(again), /interviews\/p06-zoom\.md already exists/);
    assert.equal(readWorkspaceFile(imported), before);

    writeFileSync(join(work, 'p08-good.vtt'), ZOOM_VTT);
    writeFileSync(join(work, 'p09-bad.vtt'), '1\n00:00:01,000 --> 00:00:02,000\nHello\n');
    const files = [join(work, 'p08-good.vtt'), join(work, 'p09-bad.vtt')];
    const error = failed(await vscode.commands.executeCommand<object>('grounded.interchange.importTranscripts', { files }));
    assert.match(error, /p09-bad\.vtt:1: not a WebVTT file/);
    assert.match(error, /nothing was written/);
    assert.equal(workspaceFileExists('interviews/p08-good.md'), false);
  });

  it('imports a .qdpx exported from the demo as a new project in a new folder', async () => {
    const grounded = await api();
    const store = grounded.store()!;
    const file = join(work, 'round-trip.qdpx');
    succeeded(await vscode.commands.executeCommand<RefiExportResult | CommandFailure>('grounded.interchange.exportProject', { out: file }));
    const target = join(work, 'imported-study');
    const result = succeeded(await vscode.commands.executeCommand<RefiImportResult | CommandFailure>('grounded.interchange.importRefi', { file, target }));

    const files = filesUnder(target);
    assert.equal(result.files, files.length);
    assert.equal(JSON.parse(readFileSync(join(target, '.grounded/project.json'), 'utf8')).name, store.config.name);
    assert.equal(files.filter((f) => f.startsWith('.grounded/codes/')).length, store.codebook().size);
    const transcripts = readdirSync(join(workspaceRoot(), 'interviews')).filter((f) => f.endsWith('.md')).length;
    assert.equal(files.filter((f) => /^interviews\/[^/]+\.md$/.test(f)).length, transcripts);
    assert.ok(files.some((f) => f.startsWith('.grounded/coding/interviews/')), 'the coding is imported');
    assert.equal(result.report.counts.transcripts, transcripts);

    // The report opens as a new Markdown document, with how each source's positions were read.
    const report = vscode.window.activeTextEditor!.document;
    assert.equal(report.isUntitled, true);
    assert.equal(report.languageId, 'markdown');
    assert.ok(report.getText().includes('| Codes | ' + String(store.codebook().size) + ' |'));
    assert.ok(report.getText().includes('Positions read as'));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('refuses a file that is not a REFI-QDA project, and a folder that is not empty, writing nothing', async () => {
    await api();
    const hostile = join(work, 'hostile.qdpx');
    writeFileSync(hostile, 'this is not a zip archive, nor XML');
    const target = join(work, 'never-written');
    const error = failed(await vscode.commands.executeCommand<object>('grounded.interchange.importRefi', { file: hostile, target }));
    assert.match(error, /^hostile\.qdpx cannot be imported: .+ Nothing was written\.$/s);
    assert.equal(existsSync(target), false);

    const file = join(work, 'codebook-only.qdc');
    succeeded(await vscode.commands.executeCommand<RefiExportResult | CommandFailure>('grounded.interchange.exportCodebook', { out: file }));
    const busy = failed(await vscode.commands.executeCommand<object>('grounded.interchange.importRefi', { file, target: work }));
    assert.match(busy, /is not empty/);
    assert.equal(existsSync(join(work, '.grounded')), false);
  });
});
