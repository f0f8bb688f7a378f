import { homedir } from 'node:os';
import { defaultUserDataDir, resolveDatabasePath } from '../db/location';
import { openApp, type PledgebookApp } from '../services/app';
import { fixedClock, systemClock, type Clock } from '../services/clock';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
}

/** Exit codes shared by every command: 0 done/healthy, 1 the answer is "no", 2 bad usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Bad arguments or input: one line on stderr, exit 2. */
export class UsageError extends Error {}

export interface CliCommand {
  name: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export function databasePathFrom(flag: string | undefined, io: CliIo): string {
  return resolveDatabasePath({
    flag,
    env: io.env,
    userDataDir: defaultUserDataDir(process.platform, io.env, homedir()),
  });
}

export async function withApp<T>(
  dbFlag: string | undefined,
  io: CliIo,
  work: (app: PledgebookApp) => Promise<T>,
  clock: Clock = systemClock,
): Promise<T> {
  const app = await openApp({ databasePath: databasePathFrom(dbFlag, io), clock });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

export const clockFor = (asOf: string | undefined): Clock => (asOf ? fixedClock(asOf) : systemClock);

export const json = (value: unknown) => JSON.stringify(value, null, 2);
