// End to end: a researcher codes ten consecutive lines of a transcript with the keyboard only —
// the command palette and key chords, no clicks — in line-by-line mode, and the coding lands on
// disk. Every key press of the coding is counted; the result is pictured with the Codebook view.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { e2eEnvironment } from './e2e-env';
import { readCodes, readSegments } from './stored-files';
import { cursorStatus, eventually, publishScreenshot, quickOpen, runCommand, screenshot, useWorkbench } from './workbench';

const TRANSCRIPT = 'p04-kwame.md';
const SPEAKER_LABEL = '**Kwame**: ';
const LINES = 10;


/** Counts key presses: one for a key or a chord (Ctrl+Alt+1 is one press), one per typed character. */
class Keys {
  count = 0;

  constructor(private readonly page: Page) {}

  async press(key: string): Promise<void> {
    this.count += 1;
    await this.page.keyboard.press(key);
  }

  async type(text: string): Promise<void> {
    this.count += text.length;
    await this.page.keyboard.type(text);
  }
}

const QUICK_INPUT = '.quick-input-widget';
const ROW = `${QUICK_INPUT} .monaco-list-row`;

/** Waits for the quick pick to list a focused row with `text`; Enter before then would be lost. */
async function focusedRow(page: Page, text: string): Promise<void> {
  try {
    await page.locator(`${ROW}.focused`, { hasText: text }).first().waitFor({ timeout: 60_000 });
  } catch (error) {
    throw new Error(`no focused row "${text}" in the picker; it shows ${await quickInputState(page)}`, { cause: error });
  }
}

/** What the quick input shows, for a failure's message: the typed value and the rows, the focused one marked. */
async function quickInputState(page: Page): Promise<string> {
  return page.evaluate(([input, row]) => {
    const value = (document.querySelector(input) as HTMLInputElement | null)?.value;
    const rows = Array.from(document.querySelectorAll(row)).map((r) => `${r.classList.contains('focused') ? '>' : ' '}${(r.textContent ?? '').trim().slice(0, 60)}`);
    const focus = document.activeElement ? `${document.activeElement.tagName}.${document.activeElement.className}` : 'nothing';
    return `value ${JSON.stringify(value)}, focus on ${focus}, rows [${rows.join(' | ')}]`;
  }, [`${QUICK_INPUT} .quick-input-box input`, ROW] as const);
}

/** Opens the code picker and waits until its search box takes the keys typed next. */
async function openPicker(keys: Keys, page: Page): Promise<void> {
  await keys.press('Control+Alt+C');
  await page.waitForFunction((input) => document.activeElement === document.querySelector(input), `${QUICK_INPUT} .quick-input-box input`, { timeout: 60_000 });
}

/** The quick key (1–9) the code picker shows for a code, from its `#n` description. */
async function quickKeyOf(page: Page, name: string): Promise<number> {
  const row = page.locator(ROW, { hasText: name }).first();
  await row.waitFor({ timeout: 60_000 });
  const match = /#(\d)/.exec(await row.innerText());
  assert.ok(match, `the picker shows a quick key for ${name}`);
  return Number(match[1]);
}

function participantLines(workspace: string): string[] {
  const text = readFileSync(join(workspace, 'interviews', TRANSCRIPT), 'utf8');
  // A timestamp right after the label belongs to the label, not to what was said.
  return text
    .split('\n')
    .filter((l) => l.startsWith(SPEAKER_LABEL))
    .map((l) => l.slice(SPEAKER_LABEL.length).replace(/^\[[\d:.,]+\]\s*/, '').trim());
}




describe('coding by keyboard in line-by-line mode', function () {
  this.timeout(600_000);
  const env = e2eEnvironment();
  const workbench = useWorkbench(env.url, env.resultsDir);

  it(`codes ${LINES} consecutive participant lines with the picker and quick keys, skipping the interviewer`, async () => {
    const page = workbench();
    const codingFile = join(env.workspace, '.grounded', 'coding', 'interviews', TRANSCRIPT, 'e2e-researcher.jsonl');
    const before = readSegments(codingFile).length;
    const expected = participantLines(env.workspace).slice(0, LINES);

    await quickOpen(page, TRANSCRIPT);
    await page.keyboard.press('Control+Home');
    await runCommand(page, 'Grounded: Toggle Line-by-Line Coding');
    await page.locator('.statusbar-item', { hasText: 'Line by line' }).first().waitFor({ timeout: 60_000 });

    const keys = new Keys(page);
    // Each line's coding reaches the disk before the next key, as it would at a researcher's pace.
    let coded = 0;
    const written = async (): Promise<void> => {
      coded += 1;
      await eventually(() => (readSegments(codingFile).length >= before + coded ? true : undefined), 60_000, `segment ${coded} on disk`);
    };
    // Lines 1 and 2: codes found by typing a few letters in the picker (Ctrl+Alt+C).
    const picked = [
      { typed: 'peer', name: 'Peer support' },
      { typed: 'bureau', name: 'Bureaucracy' },
    ];
    for (const { typed, name } of picked) {
      await openPicker(keys, page);
      await keys.type(typed);
      await focusedRow(page, name);
      await keys.press('Enter');
      await page.locator(`${QUICK_INPUT} .quick-input-box input`).waitFor({ state: 'hidden' });
      await written();
    }
    const viaPicker = keys.count;

    // The picker numbers the quick keys; look them up (Escape closes it; not part of the coding).
    await page.keyboard.press('Control+Alt+C');
    const peer = await quickKeyOf(page, 'Peer support');
    const bureaucracy = await quickKeyOf(page, 'Bureaucracy');
    await page.keyboard.press('Escape');

    // Lines 3 to 10: one chord each — a quick key, or Ctrl+Alt+A to repeat the last code.
    const chords = [peer, peer, bureaucracy, 'A', peer, bureaucracy, 'A', peer];
    for (const chord of chords) {
      await keys.press(`Control+Alt+${chord}`);
      await written();
    }
    const total = keys.count;

    const codes = readCodes(env.workspace);
    const idOf = (name: string): string => codes.find((c) => c.name === name)!.id;
    const segments = await eventually(() => {
      const all = readSegments(codingFile);
      return all.length >= before + LINES ? all : undefined;
    }, 20_000, `${LINES} new segments in ${codingFile}`);
    const byText = new Map(segments.map((s) => [s.exact, s]));
    const wanted = ['Peer support', 'Bureaucracy', 'Peer support', 'Peer support', 'Bureaucracy', 'Bureaucracy', 'Peer support', 'Bureaucracy', 'Bureaucracy', 'Peer support'];
    expected.forEach((line, i) => {
      const segment = byText.get(line);
      assert.ok(segment, `line ${i + 1} is coded exactly, without the speaker label: ${line.slice(0, 60)}`);
      assert.deepEqual(segment.codes, [idOf(wanted[i])], `line ${i + 1} has ${wanted[i]}`);
    });
    assert.ok(segments.every((s) => !s.exact.startsWith('**') && !s.exact.includes('Interviewer:')), 'no label and no interviewer line is coded');

    // Key presses to code the ten lines: two picks by name, then one chord per line.
    console.log(`keystrokes to code ${LINES} lines in line-by-line mode: ${total} (picker for 2 lines: ${viaPicker}; quick keys for ${LINES - 2}: ${total - viaPicker})`);
    assert.equal(total - viaPicker, LINES - 2, 'one key press per line once the codes are on quick keys');

    // Line 11 takes two codes at once: "Apply several codes…" (↑ from the top), ↓ and Space tick.
    await page.keyboard.press('Control+Alt+C');
    await focusedRow(page, 'Peer support');
    await page.keyboard.press('ArrowUp');
    await focusedRow(page, 'Apply several codes');
    await page.keyboard.press('Enter');
    await page.locator(QUICK_INPUT, { hasText: '0 Selected' }).waitFor({ state: 'visible', timeout: 60_000 });
    // The switch to ticking redraws the list (rows become checkboxes); a key pressed meanwhile
    // would be lost.
    await page.locator(`${ROW}[role="checkbox"]`).first().waitFor({ state: 'visible', timeout: 60_000 });
    for (let i = 1; i <= 2; i++) {
      await page.keyboard.press('ArrowDown');
      await page.locator(`${ROW}.focused`).first().waitFor({ timeout: 60_000 });
      await page.keyboard.press('Space');
      await page.locator(QUICK_INPUT, { hasText: `${i} Selected` }).waitFor({ timeout: 60_000 });
    }
    await page.keyboard.press('Enter');
    const eleventh = participantLines(env.workspace)[LINES];
    const several = await eventually(() => readSegments(codingFile).find((s) => s.exact === eleventh), 60_000, 'line 11 coded');
    assert.equal(several.codes.length, 2, `two codes ticked by keyboard: ${JSON.stringify(several.codes)}`);

    // The picture: the coded lines beside the Codebook view.
    await runCommand(page, 'View: Show Grounded');
    await page.locator('.pane-header', { hasText: 'Codebook' }).first().waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+G');
    await page.locator(`${QUICK_INPUT} .quick-input-box input`).fill(':36');
    await page.keyboard.press('Enter');
    await page.locator(QUICK_INPUT).waitFor({ state: 'hidden', timeout: 60_000 });
    await cursorStatus(page, /^Ln 36,/);
    const shot = join(env.resultsDir, 'keyboard-coding.png');
    await screenshot(page, shot);
    publishScreenshot(shot, env.updateDocsImages);
  });
});
