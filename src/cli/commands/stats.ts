import { formatProblem } from '../../core/storage/errors';
import { checkProject } from '../../core/validation/project-check';
import { projectStats } from '../../core/validation/project-stats';
import type { CliCommand } from '../cli-command';
import { NodeFileSystem } from '../../node/node-file-system';
import { printStats } from '../print-stats';
import { projectRootOrExplain } from '../project-root';

export const statsCommand: CliCommand = {
  name: 'stats',
  usage: 'stats [dir] [--json]                Codes with segment counts, segments per transcript and coder, segments to review; exit 1 if a file cannot be read',
  options: { json: { type: 'boolean' } },
  async run([dir], values, io) {
    const root = projectRootOrExplain(dir, io);
    if (!root) return 2;
    const check = await checkProject(new NodeFileSystem(root));
    const stats = projectStats(check);
    io.out(values.json ? `${JSON.stringify(stats, null, 2)}\n` : printStats(stats));
    // Counts without a file that could not be read are wrong counts: say which, and fail.
    const unreadable = check.snapshot.problems.filter((p) => p.severity === 'error');
    for (const p of unreadable) io.err(`${formatProblem(p)}\n`);
    if (unreadable.length > 0) {
      const files = new Set(unreadable.map((p) => p.path)).size;
      io.err(`grounded stats: ${files} file(s) could not be read and are left out of these counts (see above; grounded validate lists every problem)\n`);
      return 1;
    }
    return 0;
  },
};
