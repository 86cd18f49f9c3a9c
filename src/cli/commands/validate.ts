import { checkProject } from '../../core/validation/project-check';
import type { FileProblem } from '../../core/model';
import { StoreError, formatProblem } from '../../core/storage/errors';
import type { CliCommand } from '../cli-command';
import { NodeFileSystem } from '../../node/node-file-system';
import { projectRootOrExplain } from '../project-root';

/** Every problem; a project.json that cannot be read is one more invalid file, not a crash. */
async function projectProblems(root: string): Promise<FileProblem[]> {
  try {
    return (await checkProject(new NodeFileSystem(root))).problems;
  } catch (error) {
    if (error instanceof StoreError && error.problems.length > 0) return error.problems;
    throw error;
  }
}

export const validateCommand: CliCommand = {
  name: 'validate',
  usage: 'validate [dir] [--json] [--strict]   Check every project file against the format and the codebook; exit 1 on errors',
  options: { json: { type: 'boolean' }, strict: { type: 'boolean' } },
  async run([dir], values, io) {
    const root = projectRootOrExplain(dir, io);
    if (!root) return 2;
    const problems = await projectProblems(root);
    const failing = problems.filter((p) => p.severity === 'error' || values.strict === true);
    if (values.json) {
      io.out(`${JSON.stringify({ root, problems }, null, 2)}\n`);
    } else {
      for (const p of problems) io.out(`${formatProblem(p)} [${p.severity}]\n`);
      const errors = problems.filter((p) => p.severity === 'error').length;
      io.out(`${problems.length === 0 ? 'ok: ' : ''}${errors} error(s), ${problems.length - errors} warning(s) in ${root}\n`);
    }
    return failing.length > 0 ? 1 : 0;
  },
};
