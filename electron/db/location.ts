import { join } from 'node:path';

export const DATABASE_FILE = 'pledgebook.db';
export const DB_ENV_VAR = 'PLEDGEBOOK_DB';

/**
 * Electron's `app.getPath('userData')` for an app named Pledgebook, computed without Electron so
 * the CLI finds the same database the app uses.
 */
export function defaultUserDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Pledgebook');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Pledgebook');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Pledgebook');
}

/** `--db PATH` wins, then the PLEDGEBOOK_DB variable, then the user-data folder. */
export function resolveDatabasePath(opts: {
  flag?: string | undefined;
  env: NodeJS.ProcessEnv;
  userDataDir: string;
}): string {
  if (opts.flag) return opts.flag;
  const fromEnv = opts.env[DB_ENV_VAR];
  if (fromEnv) return fromEnv;
  return join(opts.userDataDir, DATABASE_FILE);
}

/** Reads `--db PATH` or `--db=PATH` out of a raw argv (Electron passes its own flags too). */
export function dbFlagFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--db') return argv[i + 1];
    if (arg?.startsWith('--db=')) return arg.slice('--db='.length);
  }
  return undefined;
}
