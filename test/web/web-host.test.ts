// Grounded in the browser's web-worker extension host (what vscode.dev and github.dev run): the
// same extension from its `browser` entry, every file through `workspace.fs` on a workspace that
// is not on this worker's disk (`vscode-remote://…`). A transcript is coded, the codebook grows,
// Needs Review sees a passage whose words changed on disk, a Word file is imported, the project
// is exported as REFI-QDA.
import * as vscode from 'vscode';
import type { GroundedApi } from '../../src/vscode/extension';
import { SETTLE_MS, waitFor } from '../integration/harness/wait-for';
import { before, describe, it } from './harness/runner';

const TRANSCRIPT = 'interviews/p01-amara.md';
const PHRASE = 'I slept in the room with the washing machine.';
const CODER_ID = 'web-coder';
/** The console line scripts/run-web-tests.mjs takes a screenshot on. */
const SCREENSHOT_PREFIX = '[web-tests] screenshot ';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert(folder, 'a workspace folder is open');
  return folder.uri;
}

const fileUri = (path: string): vscode.Uri => vscode.Uri.joinPath(root(), ...path.split('/'));
const readText = async (path: string): Promise<string> => decoder.decode(await vscode.workspace.fs.readFile(fileUri(path)));
const exists = async (path: string): Promise<boolean> => vscode.workspace.fs.stat(fileUri(path)).then(() => true, () => false);

async function api(): Promise<GroundedApi> {
  const extension = vscode.extensions.getExtension<GroundedApi>('grounded-qda.grounded');
  assert(extension, 'the Grounded extension is installed in this host');
  const grounded = await extension.activate();
  await grounded.ready;
  return grounded;
}

async function openAndSelect(path: string, phrase: string): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fileUri(path)));
  const start = editor.document.getText().indexOf(phrase);
  assert(start >= 0, `${path} contains "${phrase}"`);
  editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + phrase.length));
  return editor;
}

/**
 * Asks scripts/run-web-tests.mjs for a screenshot of the workbench as it is now (while this host
 * still runs: when the tests end it stops, and the views empty) and waits until the script says,
 * by writing a marker file into the workspace, that it was taken.
 */
async function screenshot(name: string): Promise<void> {
  console.log(`${SCREENSHOT_PREFIX}${name}`);
  await waitFor(() => exists(`.screenshots/${name}.taken`), SETTLE_MS, `the screenshot "${name}"`);
}

describe('Grounded in the web-worker extension host', function () {
  this.timeout(300_000);

  before(async () => {
    await waitFor(async () => (await api()).store()?.coder.id === CODER_ID, SETTLE_MS, 'the project to open as the configured coder');
  });

  it('runs in a web worker from the browser entry, on a workspace that is not a local folder', async () => {
    const extension = vscode.extensions.getExtension('grounded-qda.grounded');
    assert(extension?.extensionKind === vscode.ExtensionKind.UI, `runs on the UI side (a browser host), not in a workspace host: ${String(extension?.extensionKind)}`);
    assert(typeof (globalThis as { process?: unknown }).process === 'undefined', 'no Node process object: this is a web worker');
    assert(root().scheme !== 'file', `the workspace is reached through workspace.fs (${root().scheme}), not a local disk`);
    assert((await api()).fileSystem()?.root.toString() === root().toString(), 'the project opened at the workspace folder');
  });

  it('says, when grounded.coder is not set, that a browser cannot know the coder and how to fix it', async () => {
    const grounded = await api();
    const settings = vscode.workspace.getConfiguration('grounded');
    await settings.update('coder', '', vscode.ConfigurationTarget.Global);
    try {
      await waitFor(() => grounded.store()?.coder.id !== CODER_ID, SETTLE_MS, 'the coder to fall back');
      const shown = await waitFor(() => grounded.notifications().find((n) => n.message.includes('grounded.coder')), SETTLE_MS, 'a notice about the coder name');
      assert(shown.message.includes(`"${grounded.store()!.coder.name}"`), `it names the fallback: ${shown.message}`);
    } finally {
      await settings.update('coder', 'Web Coder', vscode.ConfigurationTarget.Global);
      await waitFor(() => grounded.store()?.coder.id === CODER_ID, SETTLE_MS, 'the configured coder again');
    }
  });

  it('lists in Needs Review a coded passage whose words changed on disk, and drops it when they return', async () => {
    const grounded = await api();
    const path = 'interviews/p90-web-review.md';
    const passage = 'We met every Thursday in the library, and nobody asked for papers.';
    const text = `**Interviewer:** Where did you meet?\n\n**Rosa:** ${passage}\n`;
    await vscode.workspace.fs.writeFile(fileUri(path), encoder.encode(text));
    await openAndSelect(path, passage);
    const segmentId = await vscode.commands.executeCommand<string>('grounded.coding.applyCode', { codes: ['Safe places'] });
    await vscode.commands.executeCommand('grounded.project.flush');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.commands.executeCommand('grounded.needsReview.refresh');
    assert(grounded.needsReview.itemsOf(path).length === 0, 'nothing to review while the text matches');
    await vscode.workspace.fs.writeFile(fileUri(path), encoder.encode(text.replace(passage, 'I do not remember where.')));
    await waitFor(() => grounded.needsReview.itemsOf(path).some((i) => i.segmentId === segmentId), SETTLE_MS, 'Needs Review to list the passage whose words are gone');
    await vscode.workspace.fs.writeFile(fileUri(path), encoder.encode(text));
    await waitFor(() => grounded.needsReview.itemsOf(path).length === 0, SETTLE_MS, 'Needs Review to drop it once the words are back');
  });

  it('imports a Word transcript in the browser', async () => {
    const result = await vscode.commands.executeCommand<{ written: string[] }>('grounded.interchange.importTranscripts', {
      files: [fileUri('imports/p91-word.docx').toString()],
      folder: 'interviews',
    });
    assert(result?.written.length === 1, `one transcript written: ${JSON.stringify(result)}`);
    const markdown = await readText(result.written[0]);
    assert(markdown.includes('**Ines:** The first job was in a bakery.') && markdown.includes('**Interviewer:** And after that?'), `the Word paragraphs became speaker turns:\n${markdown}`);
  });

  it('exports the project as REFI-QDA through workspace.fs', async () => {
    const out = fileUri('exports/study.qdpx');
    await vscode.commands.executeCommand('grounded.interchange.exportProject', { out: out.toString() });
    const bytes = await vscode.workspace.fs.readFile(out);
    assert(bytes[0] === 0x50 && bytes[1] === 0x4b, 'the .qdpx is a ZIP archive');
    assert(bytes.length > 1000, `the archive holds the project (${bytes.length} bytes)`);
  });
  // Last, so the screenshot taken as the tests end shows a coded transcript.
  it('codes a selected passage, writing the coding file and showing it in the Codebook', async () => {
    const grounded = await api();
    await openAndSelect(TRANSCRIPT, PHRASE);
    const segmentId = await vscode.commands.executeCommand<string>('grounded.coding.applyCode', { codes: ['Washing machine room'] });
    assert(typeof segmentId === 'string' && segmentId.startsWith('s-'), `a segment was made: ${String(segmentId)}`);
    const codingFile = `.grounded/coding/${TRANSCRIPT}/${CODER_ID}.jsonl`;
    const lines = await waitFor(async () => ((await exists(codingFile)) ? (await readText(codingFile)).trimEnd().split('\n') : undefined), SETTLE_MS, 'the coding file');
    const record = lines.map((line) => JSON.parse(line) as { id?: string; exact?: string }).find((r) => r.id === segmentId);
    assert(record?.exact === PHRASE, `the segment's quote is the selected phrase: ${JSON.stringify(record)}`);
    const code = grounded.store()!.codebook().findByName('Washing machine room');
    assert(code, 'the new code is in the codebook');
    assert(await exists(`.grounded/codes/${code.id}.json`), 'the code file was written through workspace.fs');
    const item = await grounded.codebookTree.getTreeItem({ kind: 'code', id: code.id });
    assert(Number.parseInt(String(item.description), 10) === 1, `the Codebook counts one segment: ${String(item.description)}`);
    // The editor paints it in the code's colour; the cursor moves off so a person sees the paint.
    const editor = vscode.window.activeTextEditor!;
    editor.selection = new vscode.Selection(editor.document.positionAt(0), editor.document.positionAt(0));
    await waitFor(() => grounded.paintedRanges(editor.document).get(code.id)?.some((r) => editor.document.getText(r) === PHRASE), SETTLE_MS, 'the segment to be painted');
    await vscode.commands.executeCommand('workbench.view.extension.grounded');
    editor.revealRange(grounded.paintedRanges(editor.document).get(code.id)![0], vscode.TextEditorRevealType.InCenter);
    await screenshot('transcript-coded-in-browser');
  });
});
