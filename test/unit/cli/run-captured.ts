/** The CLI run in this process, with what it writes to standard output and error kept as text. */
import { main } from '../../../src/cli/run-cli';

export async function runCaptured(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => void (out += t), err: (t) => void (err += t), cwd });
  return { code, out, err };
}
