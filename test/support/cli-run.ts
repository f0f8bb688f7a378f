import { runCli } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/command';

/** Runs a CLI command in-process, as a terminal would, keeping what it printed. */
export async function cliRun(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
  const code = await runCli(args, io);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
