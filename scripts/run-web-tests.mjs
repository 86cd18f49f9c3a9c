#!/usr/bin/env node
// Runs test/web/ with the extension in the browser's web-worker extension host — the host
// vscode.dev and github.dev run extensions in — in headless Chromium, offline:
// build → runtime → fresh copy of demo/ → VS Code server → the workbench opens the extension under
// development from its `browser` entry (a user setting makes it a web extension) and runs
// dist/test/web.cjs in the same worker. The workspace reaches the worker as `vscode-remote://…`,
// so every file goes through `workspace.fs`. Screenshots the tests ask for are kept in
// test-results/web/. The exit code is the tests' exit code.
//
//   npm run test:web [-- --verbose]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { zipSync, strToU8 } from 'fflate';
import { ensureRuntime } from './vscode-runtime.mjs';
import { launchChromium } from './lib/browser.mjs';
import { COUNTS_ENV } from './lib/counts.mjs';
import { distDir, repoRoot, testResultsDir } from './lib/paths.mjs';
import { run } from './lib/process.mjs';
import { startVsCodeServer } from './lib/server.mjs';
import { finishRunProfile, prepareRunProfile } from './lib/vscode-profile.mjs';
import { copyDemoWorkspace } from './lib/workspace.mjs';

const OVERALL_TIMEOUT_MS = 20 * 60_000;
const webTestsEntry = join(distDir, 'test', 'web.cjs');
const COUNTS_PREFIX = '[web-tests] counts ';
const SCREENSHOT_PREFIX = '[web-tests] screenshot ';

// The extension has both `main` and `browser`; this makes the workbench run it in the worker.
const WEB_SETTINGS = {
  'remote.extensionKind': { 'grounded-qda.grounded': ['web'] },
  // In a browser there is no git to ask; a researcher sets their name, as the README says.
  'grounded.coder': 'Web Coder',
};

/** A Word transcript for the import test, written with the archive library the project ships. */
function writeWordFixture(workspace) {
  const paragraphs = ['Interviewer: How did you start working?', 'Ines: The first job was in a bakery.', 'Interviewer: And after that?', 'Ines: A hotel, for two years.'];
  const ns = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('');
  const files = {
    '[Content_Types].xml': '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    '_rels/.rels': '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${ns}"><w:body>${body}</w:body></w:document>`,
  };
  mkdirSync(join(workspace, 'imports'), { recursive: true });
  writeFileSync(join(workspace, 'imports', 'p91-word.docx'), zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))));
}

function workbenchUrl(port, workspace) {
  const remote = (path) => `vscode-remote://127.0.0.1:${port}${path}`;
  const payload = [
    ['extensionDevelopmentPath', remote(repoRoot)],
    ['extensionTestsPath', remote(webTestsEntry)],
  ];
  return `http://127.0.0.1:${port}/?${new URLSearchParams({ folder: workspace, payload: JSON.stringify(payload) })}`;
}

const NOISE = [/ENOTFOUND|\[Service Worker\]|authentication provider|connection token|Creating a socket|reconnection-grace-time|builtin extensions cache|^\[(AccountPolicyGate|AgentHost:remote|DefaultAccount)\]|^Creation of workbench contribution|^Canceled|No search provider/];

/** A screenshot the tests asked for; the marker file in the workspace tells them it was taken. */
async function takeScreenshot(page, workspace, name) {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`unexpected screenshot name ${name}`);
  mkdirSync(join(testResultsDir, 'web'), { recursive: true });
  const path = join(testResultsDir, 'web', `${name}.png`);
  await page.screenshot({ path });
  mkdirSync(join(workspace, '.screenshots'), { recursive: true });
  writeFileSync(join(workspace, '.screenshots', `${name}.taken`), '');
  console.log(`[web] screenshot ${path}`);
}

async function runInBrowser(url, workspace, { verbose }) {
  const browser = await launchChromium();
  let counts;
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let reportExit;
    const exitCode = new Promise((resolveExit) => { reportExit = resolveExit; });
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));
    await page.exposeFunction('codeAutomationLog', async (level, args) => {
      const text = Array.isArray(args) ? format(...args) : String(args);
      if (text.startsWith(COUNTS_PREFIX)) counts = JSON.parse(text.slice(COUNTS_PREFIX.length));
      if (text.startsWith(SCREENSHOT_PREFIX)) await takeScreenshot(page, workspace, text.slice(SCREENSHOT_PREFIX.length).trim());
      if (!verbose && NOISE.some((p) => p.test(text))) return;
      (level === 'error' || level === 'warn' ? console.error : console.log)(text);
    });
    if (verbose) page.on('console', (message) => console.log(`[page:${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
    await page.goto(url, { timeout: 10 * 60_000 });
    return { code: await exitCode, counts };
  } finally {
    await browser.close().catch(() => {});
  }
}

async function main() {
  const verbose = process.argv.includes('--verbose');
  if (!process.argv.includes('--no-build')) await run(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot });
  if (!existsSync(webTestsEntry)) throw new Error(`${webTestsEntry} was not built`);
  const runtime = await ensureRuntime();
  const profile = prepareRunProfile('web', { settings: WEB_SETTINGS });
  const workspace = copyDemoWorkspace(join(profile.root, 'workspace'));
  writeWordFixture(workspace);
  const started = Date.now();
  const server = await startVsCodeServer(runtime, profile, { verbose });
  let timer;
  const limit = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`web tests did not finish within ${OVERALL_TIMEOUT_MS / 1000} s`)), OVERALL_TIMEOUT_MS); });
  let code = 1;
  try {
    const result = await Promise.race([runInBrowser(workbenchUrl(server.port, workspace), workspace, { verbose }), limit]);
    code = result.code;
    if (process.env[COUNTS_ENV] && result.counts) writeFileSync(process.env[COUNTS_ENV], `${JSON.stringify(result.counts)}\n`);
    console.log(`[web] web-worker extension host exited with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return code;
  } finally {
    clearTimeout(timer);
    await server.stop();
    finishRunProfile(profile, code === 0);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[web] ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
