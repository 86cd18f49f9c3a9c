import { checkProject } from '../../core/validation/project-check';
import { leftOutOf } from '../../core/validation/left-out';
import { projectStats } from '../../core/validation/project-stats';
import { warnLeftOut } from '../analysis-input';
import type { CliCommand } from '../cli-command';
import { NodeFileSystem } from '../../node/node-file-system';
import { printStats } from '../print-stats';
import { projectRootOrExplain } from '../project-root';

export const statsCommand: CliCommand = {
  name: 'stats',
  usage: 'stats [dir] [--json]                Codes with segment counts, every transcript with its segments per coder, segments to review; exit 1 if a file cannot be read',
  options: { json: { type: 'boolean' } },
  async run([dir], values, io) {
    const root = projectRootOrExplain(dir, io);
    if (!root) return 2;
    const fs = new NodeFileSystem(root);
    const check = await checkProject(fs);
    const stats = projectStats(check);
    io.out(values.json ? `${JSON.stringify(stats, null, 2)}\n` : printStats(stats));
    // Counts without a file that could not be read are wrong counts: say which, and fail. The
    // segments of a missing transcript are in them, as not placed, and the closing sentence says why.
    return warnLeftOut('stats', { ...(await leftOutOf(fs, check.snapshot)), missing: [] }, io);
  },
};
