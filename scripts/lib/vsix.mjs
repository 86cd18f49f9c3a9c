// Packages the extension the way it ships: a production build inside a .vsix made by vsce.
import { join } from 'node:path';
import { repoRoot, vsixPath } from './paths.mjs';
import { run } from './process.mjs';

/** Production build, then `vsce package` into `out` (default `.vscode-test/grounded.vsix`). */
export async function packageExtension(out = vsixPath) {
  await run(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), '--production'], { cwd: repoRoot });
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  // The .vsix is for local installs: README links need not be rewritten to a public repository.
  const args = ['package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--no-rewrite-relative-links', '--out', out];
  // CI=true keeps vsce from asking questions (it prompts on warnings when interactive).
  await run(process.execPath, [vsce, ...args], { cwd: repoRoot, env: { ...process.env, CI: 'true' }, quiet: true });
  return out;
}
