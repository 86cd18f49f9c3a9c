// Driving the VS Code workbench in a browser the way a person does: keyboard shortcuts, Quick
// Open, the command palette. Selectors are VS Code's own DOM classes.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';

const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

const QUICK_INPUT = '.quick-input-widget';
const QUICK_INPUT_BOX = `${QUICK_INPUT} .quick-input-box input`;
const QUICK_INPUT_ROW = `${QUICK_INPUT} .monaco-list-row`;

export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
}

/** Opens the workbench and waits until the editor area and the explorer are ready. */
export async function openWorkbench(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url, { timeout: 10 * 60_000 }); // a busy machine loads the workbench slowly
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  return page;
}

/**
 * Types into the open quick input and presses Enter once a row matching `rowText` is listed.
 * On VS Code 1.139 an Enter pressed before the rows render is lost, so wait for the row first.
 */
async function acceptRow(page: Page, typed: string, rowText: string, timeoutMs = 60_000): Promise<void> {
  const input = page.locator(QUICK_INPUT_BOX);
  await input.waitFor({ state: 'visible' });
  await input.fill(typed);
  const row = page.locator(QUICK_INPUT_ROW, { hasText: rowText }).first();
  await row.waitFor({ state: 'visible', timeout: timeoutMs });
  await page.locator(`${QUICK_INPUT_ROW}.focused`, { hasText: rowText }).first().waitFor({ timeout: 60_000 });
  await page.keyboard.press('Enter');
}

/** Ctrl+P, type a file name, open the matching file; resolves when its editor tab is active. */
/**
 * Waits until the editor's cursor position in the status bar reads `pattern` (e.g. /^Ln 36,/ or
 * no "selected"): the editor has taken the keys pressed before it.
 */
export async function cursorStatus(page: Page, pattern: RegExp, timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(
    ([source, flags]) => new RegExp(source, flags).test((document.getElementById('status.editor.selection')?.textContent ?? '').trim()),
    [pattern.source, pattern.flags] as const,
    { timeout: timeoutMs },
  );
}

export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await acceptRow(page, fileName, fileName);
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

/**
 * F1, type a command title, run it. The palette lists a command only once its `when` clause
 * holds, which for an extension's commands may be a moment after the workbench is up (the
 * extension sets its context keys as it activates), so a missing row is retried.
 */
export async function runCommand(page: Page, title: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('F1');
    try {
      await acceptRow(page, `>${title}`, title, 5_000);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await page.keyboard.press('Escape');
      await page.locator(QUICK_INPUT_BOX).waitFor({ state: 'hidden' });
    }
  }
}

/** In an open quick pick: type `text`, wait for a row containing `rowText`, accept it. */
export async function pickQuickInput(page: Page, text: string, rowText: string): Promise<void> {
  await acceptRow(page, text, rowText);
}

/** Moves the cursor to a 1-based line with Go to Line (Ctrl+G). */
export async function goToLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator(QUICK_INPUT_BOX);
  await input.waitFor({ state: 'visible' });
  await input.fill(`:${line}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** Selects the cursor's line from its first to its last character (keyboard only). */
export async function selectCurrentLine(page: Page): Promise<void> {
  // With word wrap on, End stops at the end of the visual line: pick a line that fits the view.
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
}

export async function screenshot(page: Page, path: string): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  // A picture named for a theme shows that theme: a settings change the watcher delivers late can
  // switch the workbench back after useTheme saw it switch.
  if (currentTheme && (await page.locator(currentTheme.theme.workbenchClass).count()) === 0) await useTheme(page, currentTheme.workspace, currentTheme.theme);
  await page.screenshot({ path });
}

/**
 * A screenshot the documentation shows: copied over docs/images/ only when asked for
 * (`npm run screenshots`), so an ordinary test run never changes tracked files.
 */
export function publishScreenshot(shot: string, updateDocsImages: boolean): void {
  if (!updateDocsImages) return;
  const docsImages = join(process.cwd(), 'docs', 'images');
  mkdirSync(docsImages, { recursive: true });
  copyFileSync(shot, join(docsImages, basename(shot)));
}

/** Polls `read` until it returns a value (files appear on disk a moment after the UI acts). */
export async function eventually<T>(read: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Mocha hooks for a suite that drives one workbench: open it before, screenshot a failing test
 * into `resultsDir`, close the browser after. Returns the page once the suite has started.
 */
export function useWorkbench(url: string, resultsDir: string): () => Page {
  let browser: Browser | undefined;
  let page: Page | undefined;
  before(async () => {
    browser = await launchBrowser();
    page = await openWorkbench(browser, url);
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) {
      // As it is, whatever the theme: this picture is for finding out what went wrong.
      await page.screenshot({ path: `${resultsDir}/failed-${this.currentTest.title.replace(/\W+/g, '-')}.png` });
    }
  });
  after(async () => {
    await browser?.close();
  });
  return () => {
    if (!page) throw new Error('the workbench is not open yet');
    return page;
  };
}

/**
 * Resolves once `frame` (a webview, or the workbench) has painted what it shows: two animation
 * frames, the first to lay out the last change and the second to paint it.
 */
export async function painted(frame: Page | Frame): Promise<void> {
  await frame.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** The two themes every panel is photographed on. */
export const THEMES = [
  { name: 'Dark Modern', short: 'dark', setting: 'Default Dark Modern', workbenchClass: '.monaco-workbench.vs-dark' },
  { name: 'Light Modern', short: 'light', setting: 'Default Light Modern', workbenchClass: '.monaco-workbench.vs' },
] as const;

/** Switches the workbench to `theme` through the workspace's settings (read again when they change), no picker. */
/** The theme the last useTheme switched to, which screenshots check they show. */
let currentTheme: { workspace: string; theme: { setting: string; workbenchClass: string } } | undefined;

export async function useTheme(page: Page, workspace: string, theme: { setting: string; workbenchClass: string }): Promise<void> {
  currentTheme = { workspace, theme };
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  // A change written right after the previous one can be missed by the file watcher: write it again
  // until the workbench shows the theme.
  const shows = (ms: number) => page.locator(theme.workbenchClass).first().waitFor({ timeout: ms }).then(() => true, () => false);
  for (let attempt = 0; attempt < 3; attempt++) {
    writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'workbench.colorTheme': theme.setting, attempt }));
    if (await shows(10_000)) return;
  }
  // The file watcher can stay behind for a while on a busy machine: choose the theme as a person
  // would, in the Color Theme picker (VS Code writes it to the settings file above itself).
  const deadline = Date.now() + 60_000;
  for (;;) {
    await runCommand(page, 'Preferences: Color Theme');
    await acceptRow(page, theme.setting.replace(/^Default /, ''), theme.setting.replace(/^Default /, ''), 10_000).catch(() => page.keyboard.press('Escape'));
    if (await shows(10_000)) return;
    if (Date.now() > deadline) throw new Error(`the workbench did not switch to ${theme.setting}`);
  }
}

/** The webview frame in which `selector` (holding `text`, when given) is shown: a panel that has drawn. */
export async function webviewShowing(page: Page, selector: string, text?: string, timeoutMs = 60_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      try {
        if ((await frame.locator(selector, text === undefined ? {} : { hasText: text }).count()) > 0) return frame;
      } catch {
        // A frame navigating away: look at the others.
      }
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for a panel to show ${selector}${text === undefined ? '' : ` with "${text}"`}`);
    await page.waitForTimeout(250);
  }
}
