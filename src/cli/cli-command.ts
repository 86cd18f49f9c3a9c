/** One `grounded <name>` subcommand. Each lives in src/cli/commands/ and is listed in main.ts. */
export interface CliCommand {
  name: string;
  /** One line for the help text: `name [args]  what it does`. */
  usage: string;
  /** What `grounded <name> --help` prints below the usage line. */
  help?: string;
  /** Options it accepts (node:util parseArgs shape). */
  options: Record<string, { type: 'boolean' | 'string'; short?: string; multiple?: boolean }>;
  /** Returns the process exit code: 0 ok, 1 problems found, 2 usage or environment error. */
  run(positionals: string[], values: Record<string, string | boolean | (string | boolean)[] | undefined>, io: CliIo): Promise<number>;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The folder the command was started in. */
  cwd: string;
}
