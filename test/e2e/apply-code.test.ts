// End to end: the packaged extension in a real VS Code (code-server) in Chromium. A researcher
// opens a transcript, selects a line, runs "Grounded: Apply Code", creates a code — and the
// coding lands on disk in the project's sidecar files.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { e2eEnvironment } from './e2e-env';
import { readAllSegments, readCodes } from './stored-files';
import { cursorStatus, eventually, goToLine, pickQuickInput, publishScreenshot, quickOpen, runCommand, screenshot, selectCurrentLine, useWorkbench } from './workbench';


/** First line of the body (after front matter) that is plain prose and short enough not to wrap. */
function pickLineToCode(text: string): { line: number; content: string } {
  const lines = text.split('\n');
  const bodyStart = lines[0] === '---' ? lines.indexOf('---', 1) + 1 : 0;
  for (let i = bodyStart; i < lines.length; i += 1) {
    const content = lines[i].trim();
    if (content.length >= 20 && content.length <= 70 && !content.startsWith('#')) return { line: i + 1, content };
  }
  throw new Error('the transcript has no short prose line to code');
}




describe('applying a code in VS Code', function () {
  this.timeout(600_000);
  const env = e2eEnvironment();
  const workbench = useWorkbench(env.url, env.resultsDir);

  it('codes a selected line of the first transcript through the command palette', async () => {
    const page = workbench();
    const interviews = join(env.workspace, 'interviews');
    const transcript = readdirSync(interviews).filter((f) => f.endsWith('.md')).sort()[0];
    assert.ok(transcript, 'the demo project has no transcript in interviews/');
    const { line, content } = pickLineToCode(readFileSync(join(interviews, transcript), 'utf8'));
    const codeName = `Felt heard ${Date.now().toString(36)}`;
    const codingDir = join(env.workspace, '.grounded', 'coding', 'interviews', transcript);
    const segmentsBefore = readAllSegments(codingDir).length;

    await quickOpen(page, transcript);
    await goToLine(page, line);
    await selectCurrentLine(page);
    await runCommand(page, 'Grounded: Apply Code');
    await pickQuickInput(page, codeName, `Create code "${codeName}"`);

    const code = await eventually(() => readCodes(env.workspace).find((c) => c.name === codeName), 60_000, `code file for "${codeName}"`);
    const segment = await eventually(
      () => readAllSegments(codingDir).find((s) => s.codes.includes(code.id)),
      60_000,
      `a segment coded "${codeName}" under ${codingDir}`,
    );
    assert.equal(segment.exact, content);
    assert.equal(readAllSegments(codingDir).length, segmentsBefore + 1);

    // Collapse the selection so the picture shows the new segment's highlight.
    await page.keyboard.press('ArrowDown');
    await cursorStatus(page, /^Ln \d+, Col \d+$/);
    const shot = join(env.resultsDir, 'apply-code.png');
    await screenshot(page, shot);
    publishScreenshot(shot, env.updateDocsImages);
  });
});
