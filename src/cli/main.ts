import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkProject } from '../core/analysis/project-check';
import { projectStats } from '../core/analysis/project-stats';
import { formatProblem } from '../core/storage/errors';
import { NodeFileSystem } from './node-file-system';
import { printStats } from './print-stats';

const USAGE = `Usage: grounded <command> [dir] [options]

Commands:
  validate [dir]         Check every project file against the format and the codebook; exit 1 on errors
  stats [dir] [--json]   Codes with segment counts, segments per transcript and coder, segments to review
  help                   Show this help

[dir] is the project folder (the one holding .grounded/) or any folder inside it; default: the current folder.
Options:
  --json                 Machine-readable output
  --strict               validate: treat warnings (e.g. segments needing review) as errors
`;

export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, strict: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  const [command, dir] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined && !values.help ? 2 : 0;
  }
  if (command !== 'validate' && command !== 'stats') {
    process.stderr.write(`grounded: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  const root = findProjectRoot(resolve(dir ?? '.'));
  if (!root) {
    process.stderr.write(`grounded: no Grounded project at ${resolve(dir ?? '.')} or above it (looked for .grounded/project.json)\n`);
    return 2;
  }
  const check = await checkProject(new NodeFileSystem(root));
  if (command === 'stats') {
    const stats = projectStats(check);
    process.stdout.write(values.json ? `${JSON.stringify(stats, null, 2)}\n` : printStats(stats));
    return 0;
  }
  const errors = check.problems.filter((p) => p.severity === 'error' || values.strict);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ root, problems: check.problems }, null, 2)}\n`);
  } else {
    for (const p of check.problems) process.stdout.write(`${formatProblem(p)} [${p.severity}]\n`);
    const warnings = check.problems.length - check.problems.filter((p) => p.severity === 'error').length;
    process.stdout.write(`${check.problems.length === 0 ? 'ok: ' : ''}${errors.length} error(s), ${warnings} warning(s) in ${root}\n`);
  }
  return errors.length > 0 ? 1 : 0;
}

function findProjectRoot(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.grounded', 'project.json'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`grounded: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
