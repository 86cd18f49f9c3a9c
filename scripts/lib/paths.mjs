// Every path the runtime, test and demo scripts share. Everything a real VS Code writes stays
// under `.vscode-test/` (git-ignored), the same cache folder @vscode/test-electron uses.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
// GROUNDED_CACHE_DIR moves it, e.g. to share one runtime between several checkouts.
export const cacheDir = process.env.GROUNDED_CACHE_DIR ? resolve(process.env.GROUNDED_CACHE_DIR) : join(repoRoot, '.vscode-test');
export const demoDir = join(repoRoot, 'demo');
export const distDir = join(repoRoot, 'dist');
export const integrationEntry = join(distDir, 'test', 'integration.cjs');
export const vsixPath = join(cacheDir, 'grounded.vsix');
export const testResultsDir = join(repoRoot, 'test-results');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
