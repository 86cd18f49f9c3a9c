// A fresh, self-contained VS Code profile under `.vscode-test/<name>/`: user data, server data,
// extensions and XDG folders, so a run never reads or writes the researcher's own VS Code setup.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from './paths.mjs';

// Quiet, deterministic workbench: nothing opens by itself, nothing phones home, no AI panels
// cover the editor in screenshots.
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'telemetry.feedback.enabled': false,
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  // Workspaces live inside this repository's cache folder; don't offer its parent git repo.
  'git.openRepositoryInParentFolders': 'never',
};

/**
 * Creates (or, with `fresh`, recreates) the profile folders and writes `User/settings.json`
 * (the quiet settings plus `settings`). Installed extensions are kept unless `extensionsFresh`.
 */
export function prepareProfile(name, { fresh = true, extensionsFresh = false, settings = {} } = {}) {
  const root = join(cacheDir, name);
  const dirs = {
    root,
    userData: join(root, 'user-data'),
    serverData: join(root, 'server-data'),
    extensions: join(root, 'extensions'),
    xdg: join(root, 'xdg'),
    tmp: join(root, 'tmp'),
  };
  const resettable = [dirs.userData, dirs.serverData, dirs.xdg, dirs.tmp];
  if (fresh) for (const dir of resettable) rmSync(dir, { recursive: true, force: true });
  if (extensionsFresh) rmSync(dirs.extensions, { recursive: true, force: true });
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  // Both the raw server and code-server keep user settings under their --user-data-dir.
  const userDir = join(dirs.userData, 'User');
  mkdirSync(userDir, { recursive: true });
  writeFileSync(join(userDir, 'settings.json'), `${JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2)}\n`);
  return dirs;
}

/** Environment that points every XDG and temp location of the server into the profile. */
export function profileEnv(dirs) {
  return {
    XDG_CONFIG_HOME: join(dirs.xdg, 'config'),
    XDG_DATA_HOME: join(dirs.xdg, 'data'),
    XDG_CACHE_HOME: join(dirs.xdg, 'cache'),
    XDG_STATE_HOME: join(dirs.xdg, 'state'),
    TMPDIR: dirs.tmp,
  };
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Removes the folders of earlier runs whose process is gone (kept because they failed). */
function pruneFinishedRuns() {
  const runsDir = join(cacheDir, 'runs');
  if (!existsSync(runsDir)) return;
  for (const entry of readdirSync(runsDir)) {
    const pid = Number(entry.split('-').pop());
    if (!Number.isInteger(pid) || !isAlive(pid)) rmSync(join(runsDir, entry), { recursive: true, force: true });
  }
}

/**
 * A profile of its own for one test run (`.vscode-test/runs/<kind>-<pid>/`), so runs started at
 * the same time from one checkout do not share a workspace or user data.
 */
export function prepareRunProfile(kind, options = {}) {
  pruneFinishedRuns();
  return prepareProfile(join('runs', `${kind}-${process.pid}`), { ...options, fresh: true, extensionsFresh: true });
}

/** Deletes a run's folder after a successful run; a failed run's is kept for inspection. */
export function finishRunProfile(profile, succeeded) {
  if (succeeded) rmSync(profile.root, { recursive: true, force: true });
  else console.log(`[profile] kept ${profile.root} (logs in user-data/logs)`);
}
