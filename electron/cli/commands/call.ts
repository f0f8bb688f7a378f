import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { openApp } from '../../services/app';
import { Session } from '../../services/auth/actor';
import { clockFor, databasePathFrom, json, UsageError, type CliCommand, type CliIo } from '../command';
import { optionalIsoDate, parseCliArgs } from '../args';

/**
 * `call METHOD --input FILE|- --user NAME [--db PATH] [--as-of DATE]`: runs one contract method
 * as a signed-in user, through the same dispatcher and guard as the window, so a script gets
 * exactly the answers (and the refusals) that user gets on screen. The password comes from
 * PLEDGEBOOK_PASSWORD or, at a terminal, a prompt. Prints the result as JSON; a refusal exits 1
 * with its error code on stderr.
 */
export const callCommand: CliCommand = {
  name: 'call',
  usage: 'call METHOD --input FILE|- --user NAME [--db PATH] [--as-of YYYY-MM-DD]',
  async run(args, io) {
    const { values, positionals } = parseCliArgs(
      args,
      {
        input: { type: 'string' },
        user: { type: 'string' },
        db: { type: 'string' },
        'as-of': { type: 'string' },
      },
      true,
    );
    const [method, ...extra] = positionals;
    if (!method || extra.length > 0) throw new UsageError('name exactly one method, e.g. "call loans.list"');
    if (!values.input) throw new UsageError('--input is required: a JSON file, or - for stdin');
    if (!values.user) throw new UsageError('--user is required: the username to act as');
    const asOf = optionalIsoDate(values['as-of'], '--as-of');
    const input = parseInput(values.input === '-' ? await readStdin() : readFileSync(values.input, 'utf8'));
    const password = io.env.PLEDGEBOOK_PASSWORD ?? (await promptPassword(values.user, values.input === '-'));

    const app = await openApp({
      databasePath: databasePathFrom(values.db, io),
      clock: clockFor(asOf),
      session: new Session(null),
    });
    try {
      const signIn = await app.dispatch('auth.signIn', { username: values.user, password });
      if (!signIn.ok) return refused(io, signIn.error);
      const result = await app.dispatch(method, input);
      if (!result.ok) return refused(io, result.error);
      io.out(json(result.value));
      return 0;
    } finally {
      await app.close();
    }
  },
};

function refused(io: CliIo, error: { code: string; message: string }): number {
  io.err(`${error.code}: ${error.message}`);
  return 1;
}

function parseInput(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--input is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Asks at the terminal without echoing; never reads a password from a pipe. */
async function promptPassword(user: string, stdinTaken: boolean): Promise<string> {
  if (stdinTaken || !process.stdin.isTTY)
    throw new UsageError('set PLEDGEBOOK_PASSWORD, or run at a terminal to be asked for the password');
  process.stderr.write(`Password for ${user}: `);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: silent, terminal: true });
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}
