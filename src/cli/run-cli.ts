/** The `grounded` command line: picks the subcommand, parses its options, runs it. */
import { parseArgs } from 'node:util';
import { StoreError } from '../core/storage/errors';
import { UnreadableFileError } from '../core/storage/file-text';
import type { CliCommand, CliIo } from './cli-command';
import { OutputError } from './write-output';
import { agreementCommand } from './commands/agreement';
import { diffCommand } from './commands/diff';
import { importCommand } from './commands/import';
import { exportCommand } from './commands/export';
import { matrixCommand } from './commands/matrix';
import { queryCommand } from './commands/query';
import { reportCommand } from './commands/report';
import { pseudonymiseCommand } from './commands/pseudonymise';
import { resolveCommand } from './commands/resolve';
import { autocodeCommand } from './commands/autocode';
import { consensusCommand } from './commands/consensus';
import { statsCommand } from './commands/stats';
import { validateCommand } from './commands/validate';
import { codebookCommand } from './commands/codebook';
import { memosCommand } from './commands/memos';
import { relationsCommand } from './commands/relations';

/** Every subcommand, in the order the help lists them. */
const COMMANDS: CliCommand[] = [validateCommand, statsCommand, queryCommand, matrixCommand, reportCommand, agreementCommand, diffCommand, resolveCommand, importCommand, exportCommand, pseudonymiseCommand];
COMMANDS.push(codebookCommand, memosCommand);
COMMANDS.push(relationsCommand);
COMMANDS.push(autocodeCommand, consensusCommand);

function usage(): string {
  return [
    'Usage: grounded <command> [arguments] [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.usage}`),
    '  help                                Show this help',
    '',
    '[dir] is the project folder (the one holding .grounded/) or any folder inside it; default: the current folder.',
    '',
  ].join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`grounded: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  if (command.help !== undefined && (rest.includes('--help') || rest.includes('-h'))) {
    io.out(`Usage: grounded ${command.usage}\n\n${command.help}\n`);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, allowPositionals: true, options: command.options, strict: true });
  } catch (error) {
    io.err(`grounded ${name}: ${error instanceof Error ? error.message : String(error)}\n\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(parsed.positionals, parsed.values, io);
  } catch (error) {
    // A project file that cannot be read or used is the same outcome as an invalid one (exit 1),
    // and its message names the file (and line).
    // An output file that cannot be written (its folder missing) is the user's to fix: exit 2.
    if (error instanceof OutputError) {
      io.err(`grounded ${name}: ${error.message}\n`);
      return 2;
    }
    if (!(error instanceof StoreError || error instanceof UnreadableFileError)) throw error;
    io.err(`grounded ${name}: ${error.message}\n`);
    return 1;
  }
}
