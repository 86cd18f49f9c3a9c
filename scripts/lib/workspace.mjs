// Workspaces the tests and the demo open: copies of `demo/`, so nothing a run does touches the
// committed demo project.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoDir } from './paths.mjs';

const EMPTY_PROJECT = {
  format: 'grounded-project',
  version: 1,
  name: 'Demo',
  transcripts: ['interviews/**/*.md'],
  memos: 'memos',
};

/** Replaces `target` with a fresh copy of `demo/`, made a Grounded project if it is not one yet. */
export function copyDemoWorkspace(target) {
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  if (existsSync(demoDir)) cpSync(demoDir, target, { recursive: true });
  const projectFile = join(target, '.grounded', 'project.json');
  if (!existsSync(projectFile)) {
    mkdirSync(join(target, '.grounded'), { recursive: true });
    writeFileSync(projectFile, `${JSON.stringify(EMPTY_PROJECT, null, 2)}\n`);
  }
  return target;
}
