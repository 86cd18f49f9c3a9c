// End to end: team review of coding in a real VS Code in Chromium, on a dark and a light theme. The
// demo's two coders are compared, F8 moves to a disagreement in the transcript with both coders'
// coding drawn, and one disagreement is reconciled into the consensus coder. Then the workspace is
// put under git, with a branch on which Sam Okafor recoded part of an interview, and "Compare Coding
// with…" lists what changed since the branch left main. Each step is photographed.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { e2eEnvironment } from './e2e-env';
import { readSegments } from './stored-files';
import { cursorStatus, eventually, painted, pickQuickInput, publishScreenshot, quickOpen, runCommand, screenshot, THEMES, useTheme, useWorkbench } from './workbench';

const TRANSCRIPT = 'interviews/p01-amara.md';
const FILE_NAME = 'p01-amara.md';
const COMPARED = ['Dana Reyes', 'Sam Okafor'];
const QUICK_INPUT_ROW = '.quick-input-widget .monaco-list-row';
/** The screenshots docs/review.md shows (one theme each); the others stay under the results folder. */
const IN_THE_DOCS = new Set(['compare-coders-dark.png', 'reconciled-light.png', 'coding-changes-dark.png']);

function publish(shot: string, update: boolean): void {
  if (IN_THE_DOCS.has(basename(shot))) publishScreenshot(shot, update);
}

/** A view of the side bar, by its title. */
function viewPane(page: Page, title: string): Locator {
  return page.locator('.pane').filter({ has: page.locator('.pane-header h3.title', { hasText: new RegExp(`^${title}$`, 'i') }) });
}

/**
 * Gives the view `title` the side bar's height (the other views of its container collapsed) and
 * the side bar more width, so its rows can be read whole. Returns what puts both back as they were:
 * the workbench keeps its layout, and the tests that follow photograph it.
 */
async function giveRoomTo(page: Page, title: string, width = 600): Promise<() => Promise<void>> {
  const headers = page.locator('.part.sidebar .pane-header');
  const header = (name: string): Locator => headers.filter({ has: page.locator('h3.title', { hasText: new RegExp(`^${name}$`, 'i') }) }).first();
  const collapsed: string[] = [];
  for (let i = 0; i < (await headers.count()); i++) {
    const name = ((await headers.nth(i).locator('h3.title').textContent()) ?? '').trim();
    const expanded = (await headers.nth(i).getAttribute('aria-expanded')) === 'true';
    if (name.toLowerCase() === title.toLowerCase() || !expanded) continue;
    await leaveSideBar(page);
    await header(name).locator('h3.title').click();
    await header(name).and(page.locator('[aria-expanded="false"]')).waitFor({ timeout: 10_000 });
    collapsed.push(name);
  }
  const resized = await dragSideBarEdge(page, width);
  return async () => {
    await dragSideBarEdge(page, resized);
    for (const name of collapsed) {
      // A view just expanded moves the panes under the mouse: its rows' hovers must close first.
      await leaveSideBar(page);
      await header(name).locator('h3.title').click();
      await header(name).and(page.locator('[aria-expanded="true"]')).waitFor({ timeout: 10_000 });
    }
  };
}

/**
 * Moves the mouse off the side bar, to the empty part of the editor's tab strip, and waits for any
 * hover it opened there to close: a tree item's hover left over a view's header takes the click
 * meant for the header.
 */
async function leaveSideBar(page: Page): Promise<void> {
  const tabs = page.locator('.part.editor .tabs-container');
  const box = ((await tabs.count()) > 0 ? await tabs.first().boundingBox() : null) ?? (await page.locator('.part.editor').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.6, box.y + Math.min(box.height / 2, 20));
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.workbench-hover, .monaco-hover')).every((hover) => hover.getBoundingClientRect().height === 0), undefined, { timeout: 10_000 });
}

/** Drags the side bar's right edge until the side bar is `width` pixels wide; returns the width it had. */
async function dragSideBarEdge(page: Page, width: number): Promise<number> {
  const box = (await page.locator('.part.sidebar').boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction((w) => Math.abs((document.querySelector('.part.sidebar')?.getBoundingClientRect().width ?? 0) - w) < 8, width, { timeout: 10_000 });
  return box.width;
}

/** The open-disagreement count the Disagreements view says in its message. */
async function openCount(pane: Locator): Promise<number> {
  const message = pane.locator('.message', { hasText: /\d+ open/ });
  await message.waitFor({ timeout: 60_000 });
  return Number(/(\d+) open/.exec((await message.textContent()) ?? '')![1]);
}

/** In the "Compare coders" quick pick: tick exactly the coders named `wanted`, then accept. */
async function chooseCoders(page: Page, wanted: readonly string[]): Promise<void> {
  const rows = page.locator(QUICK_INPUT_ROW);
  await rows.filter({ hasText: wanted[0] }).first().waitFor({ timeout: 60_000 });
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    const box = row.locator('.monaco-checkbox');
    const text = (await row.textContent()) ?? '';
    const want = wanted.some((name) => text.includes(name));
    if (((await box.getAttribute('aria-checked')) === 'true') !== want) {
      await box.click();
      await row.locator(`.monaco-checkbox[aria-checked="${want}"]`).waitFor({ timeout: 10_000 });
    }
  }
  await page.locator('.quick-input-widget .quick-input-box input').focus();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/**
 * How many elements of the active editor carry each compared coder's mark: the first coder's
 * 3px bar on the left of the text, the second's 2px underline (see review-painter.ts).
 */
async function coderMarks(page: Page): Promise<{ first: number; second: number }> {
  return page.evaluate(() => {
    const editor = document.querySelector('.editor-instance .monaco-editor');
    let first = 0;
    let second = 0;
    for (const el of Array.from(editor?.querySelectorAll('.view-overlays div, .view-lines span') ?? [])) {
      const style = getComputedStyle(el);
      if (style.borderLeftStyle === 'solid' && style.borderLeftWidth === '3px') first++;
      if (style.borderBottomStyle === 'solid' && style.borderBottomWidth === '2px') second++;
    }
    return { first, second };
  });
}

describe('reviewing coding: compare coders, reconcile, compare with a revision', function () {
  this.timeout(300_000);
  const env = e2eEnvironment();
  const workbench = useWorkbench(env.url, env.resultsDir);
  const consensusFile = join(env.workspace, '.grounded', 'coding', TRANSCRIPT, 'consensus.jsonl');

  for (const theme of THEMES) {
    it(`lists the disagreements of the demo's two coders, moves to one with F8 and reconciles it into the consensus coder, on ${theme.name}`, async () => {
      const page = workbench();
      await useTheme(page, env.workspace, theme);
      await quickOpen(page, FILE_NAME);
      await runCommand(page, 'Grounded: Compare Coders…');
      await chooseCoders(page, COMPARED);
      const pane = viewPane(page, 'Disagreements');
      await pane.locator('.monaco-list-row', { hasText: ' — ' }).first().waitFor({ timeout: 60_000 });
      const before = await openCount(pane);
      assert.ok(before > 0, 'the demo coders disagree somewhere');
      const restore = await giveRoomTo(page, 'Disagreements');

      // From the top of the transcript, F8 selects the first disagreement in it.
      await page.keyboard.press('Control+1');
      await page.keyboard.press('Control+Home');
      await cursorStatus(page, /^Ln 1, Col 1$/);
      await page.keyboard.press('F8');
      await cursorStatus(page, /selected/);
      await pane.locator('.monaco-list-row.selected', { hasText: ' — ' }).waitFor({ timeout: 60_000 });
      const drawn = await waitForMarks(page);
      assert.ok(drawn.first > 0 && drawn.second > 0, `both coders' coding is drawn (${JSON.stringify(drawn)})`);
      await painted(page);
      const compared = join(env.resultsDir, `compare-coders-${theme.short}.png`);
      await screenshot(page, compared);
      publish(compared, env.updateDocsImages);

      // Ctrl+Alt+U V reconciles the disagreement under the cursor: accept the version of a coder
      // who coded it (the other row says "nothing here" when it is one coder's only).
      const segmentsBefore = readSegments(consensusFile).length;
      const transcriptCount = pane.locator('.monaco-list-row', { hasText: TRANSCRIPT }).first().locator('.label-description');
      const inTranscript = Number(await transcriptCount.textContent());
      await page.keyboard.press('Control+Alt+U');
      await page.keyboard.press('V');
      const rows = page.locator(QUICK_INPUT_ROW, { hasText: /^Accept/ });
      await rows.first().waitFor({ timeout: 60_000 });
      const coded = page.locator(QUICK_INPUT_ROW, { hasText: /Accept .*'s version/ }).filter({ hasNotText: 'nothing here' }).first();
      const label = ((await coded.locator('.quick-input-list-label').first().textContent()) ?? '').trim();
      const accept = /Accept (.*)'s version/.exec(label)?.[0] ?? label;
      await pickQuickInput(page, accept, accept);
      await eventually(() => (readSegments(consensusFile).length > segmentsBefore ? true : undefined), 60_000, 'the consensus coder\'s file to gain the reconciled segment');
      await pane.locator('.message', { hasText: `${before - 1} open` }).waitFor({ timeout: 60_000 });
      // The tree redraws a moment after its message: wait until the row has left it.
      await transcriptCount.filter({ hasText: new RegExp(`^${inTranscript - 1}$`) }).waitFor({ timeout: 60_000 });
      // Unselect the passage (the cursor to its start), so its new coding shows in the transcript.
      await page.keyboard.press('ArrowLeft');
      await cursorStatus(page, /^Ln \d+, Col \d+$/);
      await painted(page);
      const reconciled = join(env.resultsDir, `reconciled-${theme.short}.png`);
      await screenshot(page, reconciled);
      publish(reconciled, env.updateDocsImages);

      await runCommand(page, 'Grounded: Stop Comparing Coders');
      await pane.locator('.message', { hasText: /\d+ open/ }).waitFor({ state: 'detached', timeout: 60_000 });
      await restore();
    });
  }

  describe('with the workspace under git', () => {
    const gitEnv = {
      ...process.env,
      GIT_AUTHOR_NAME: 'Sam Okafor', GIT_AUTHOR_EMAIL: 'sam@example.invalid',
      GIT_COMMITTER_NAME: 'Sam Okafor', GIT_COMMITTER_EMAIL: 'sam@example.invalid',
      // Never reach the repository the test run itself lives in.
      GIT_CEILING_DIRECTORIES: dirname(env.workspace),
    };
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: env.workspace, env: gitEnv, encoding: 'utf8' });
    const samFile = `.grounded/coding/${TRANSCRIPT}/sam-okafor.jsonl`;

    /**
     * main: the workspace as it is, except that Sam's coding of p01 is older there — one segment
     * missing, one shorter, one with another code. The branch `sam-second-pass` holds the
     * workspace as it is (so what it changed is those three segments).
     */
    function prepareRepository(): void {
      if (existsSync(join(env.workspace, '.git'))) return;
      git('init', '-q', '-b', 'main');
      git('add', '-A');
      const text = readFileSync(join(env.workspace, TRANSCRIPT), 'utf8');
      const lines = readFileSync(join(env.workspace, samFile), 'utf8').split('\n').filter((l) => l !== '');
      const [header, ...segments] = lines;
      const records = segments.map((l) => JSON.parse(l) as { codes: string[]; start: number; end: number; exact: string; prefix: string; suffix: string });
      const shorter = records[1];
      shorter.end = shorter.start + Math.ceil(shorter.exact.length / 2);
      shorter.exact = text.slice(shorter.start, shorter.end);
      shorter.suffix = text.slice(shorter.end, shorter.end + 32);
      records[2].codes = [records[0].codes[0]];
      const older = [header, ...records.slice(1).map((r) => JSON.stringify(r))].join('\n') + '\n';
      const blob = execFileSync('git', ['hash-object', '-w', '--stdin'], { cwd: env.workspace, env: gitEnv, input: older, encoding: 'utf8' }).trim();
      git('update-index', '--cacheinfo', `100644,${blob},${samFile}`);
      git('commit', '-q', '-m', 'Coding before the second pass');
      git('checkout', '-q', '-b', 'sam-second-pass');
      git('add', '-A');
      git('commit', '-q', '-m', 'Second pass on p01');
    }

    after(() => rmSync(join(env.workspace, '.git'), { recursive: true, force: true }));

    for (const theme of THEMES) {
      it(`lists in Coding Changes the codes applied and taken away since the branch left main, on ${theme.name}`, async () => {
        const page = workbench();
        prepareRepository();
        await useTheme(page, env.workspace, theme);
        // The Git extension has found the repository once the status bar names its branch.
        await page.locator('.statusbar-item', { hasText: 'sam-second-pass' }).first().waitFor({ timeout: 120_000 });
        await quickOpen(page, FILE_NAME);
        await runCommand(page, 'Grounded: Compare Coding with…');
        await pickQuickInput(page, 'Merge base with main', 'Merge base with main');
        const pane = viewPane(page, 'Coding Changes');
        await pane.locator('.message', { hasText: 'Compared with merge base with main' }).waitFor({ timeout: 60_000 });
        const transcriptRow = pane.locator('.monaco-list-row', { hasText: FILE_NAME });
        await transcriptRow.first().waitFor({ timeout: 60_000 });
        const description = (await transcriptRow.first().locator('.label-description').textContent()) ?? '';
        assert.match(description, /\+\d+ −\d+/);
        const restore = await giveRoomTo(page, 'Coding Changes');
        // Choosing a change selects its passage in the transcript.
        const change = pane.locator('.monaco-list-row', { hasText: 'Sam Okafor' }).first();
        await change.waitFor({ timeout: 60_000 });
        await change.click();
        await cursorStatus(page, /selected/);
        await painted(page);
        const shot = join(env.resultsDir, `coding-changes-${theme.short}.png`);
        await screenshot(page, shot);
        publish(shot, env.updateDocsImages);
        await runCommand(page, 'Grounded: Stop Comparing Coding');
        await pane.locator('.message', { hasText: 'Compared with' }).waitFor({ state: 'detached', timeout: 60_000 });
        await restore();
      });
    }
  });
});

/** Waits until the active editor shows both compared coders' marks; returns how many of each. */
async function waitForMarks(page: Page): Promise<{ first: number; second: number }> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const marks = await coderMarks(page);
    if (marks.first > 0 && marks.second > 0) return marks;
    if (Date.now() > deadline) return marks;
    await painted(page);
  }
}
