/** The `grounded` executable: runs the command line on this process's arguments. */
import type { CliIo } from './cli-command';
import { main } from './run-cli';
import { writer } from './terminal-text';

// A reader that stops early (`grounded report | head`) closes the pipe: what is left unread is not
// wanted, which is no error — stop quietly, as other command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

const io: CliIo = { out: writer(process.stdout), err: writer(process.stderr), cwd: process.cwd() };
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    io.err(`grounded: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
