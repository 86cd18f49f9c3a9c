import { resolve } from 'node:path';
import { checkProject } from '../../core/validation/project-check';
import { projectStats } from '../../core/validation/project-stats';
import type { CliCommand } from '../cli-command';
import { NodeFileSystem } from '../../node/node-file-system';
import { printStats } from '../print-stats';
import { findProjectRoot } from '../project-root';

export const statsCommand: CliCommand = {
  name: 'stats',
  usage: 'stats [dir] [--json]                Codes with segment counts, segments per transcript and coder, segments to review',
  options: { json: { type: 'boolean' } },
  async run([dir], values, io) {
    const root = findProjectRoot(resolve(io.cwd, dir ?? '.'));
    if (!root) {
      io.err(`grounded: no Grounded project at ${resolve(io.cwd, dir ?? '.')} or above it (looked for .grounded/project.json)\n`);
      return 2;
    }
    const stats = projectStats(await checkProject(new NodeFileSystem(root)));
    io.out(values.json ? `${JSON.stringify(stats, null, 2)}\n` : printStats(stats));
    return 0;
  },
};
