import type { Kysely } from 'kysely';
import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { openDatabase, type Connection, type SqliteConnection } from '../db/open';
import { DatabaseTooNewError, MigrationFailedError, migrateToLatest, migrationState } from '../db/migrate';
import { isServerBook } from '../db/engine';
import { openPostgres } from '../db/postgres/open';
import { ChangeFeed } from '../db/postgres/change-feed';
import { checkServerUrl, serverProblemOf, ServerBookError } from '../db/postgres/server-errors';
import type { Clock } from './clock';
import { Session, SYSTEM_ACTOR } from './auth/actor';
import type { Platform, ServiceContext } from './context';
import { createDispatcher, type Dispatch, type Handlers } from './dispatch';
import { createHandlers } from './handlers';
import { APP_VERSION } from './version';
import { guardHandlers } from './auth/guard';
import type { ScryptCost } from './auth/password';
import {
  damagedError,
  isCorruptionError,
  startupProblems,
  startupProblemsInBackground,
} from './system/startup-check';

export interface OpenAppOptions {
  databasePath: string;
  clock: Clock;
  nativeBinding?: string;
  platform?: Platform;
  /** Who acts until someone signs in; the CLI and tests act as the system. */
  session?: Session;
  onInternalError?: (error: unknown) => void;
  /** Tests only: a cheaper scrypt cost for the many users they create. */
  passwordCost?: ScryptCost;
  /**
   * 'background' (the desktop app) opens at once and checks the file in a worker thread; every
   * change waits for the verdict and is refused on a damaged book. With a migration pending the
   * check always runs first, since migrating writes. 'before-open' (default) checks first.
   */
  startupCheck?: 'before-open' | 'background';
}

/** A running Pledgebook backend: the same object behind Electron IPC, the CLI and the test server. */
export interface PledgebookApp {
  ctx: ServiceContext;
  session: Session;
  handlers: Handlers;
  dispatch: Dispatch;
  connection: Connection;
  close(): Promise<void>;
}

export async function openApp(options: OpenAppOptions): Promise<PledgebookApp> {
  const connection = isServerBook(options.databasePath)
    ? await openServerBook(options.databasePath)
    : await openFileBook(options);
  const session = options.session ?? new Session(SYSTEM_ACTOR);
  // Started by the first screen that asks what changed, so the CLI never opens a listener.
  const changes = connection.engine === 'postgres' ? new ChangeFeed(options.databasePath) : undefined;
  const ctx: ServiceContext = {
    db: connection.db,
    engine: connection.engine,
    ...(connection.engine === 'sqlite' ? { sqlite: connection.sqlite } : {}),
    clock: options.clock,
    databasePath: options.databasePath,
    appVersion: APP_VERSION,
    nativeBinding: options.nativeBinding,
    platform: options.platform,
    actor: () => session.actor(),
    session,
    passwordCost: options.passwordCost,
    startupCheck: connection.startupCheck,
    ...(changes ? { changes } : {}),
  };
  const handlers = guardHandlers(createHandlers(ctx), ctx);
  return {
    ctx,
    session,
    handlers,
    dispatch: createDispatcher(handlers, options.onInternalError),
    connection,
    close: async () => {
      await changes?.stop();
      await connection.close();
    },
  };
}

/**
 * A server book: the address is checked, the server reached and checked, and the book migrated;
 * any refusal is a `ServerBookError` the user reads in their language, with nothing written.
 */
async function openServerBook(url: string): Promise<Connection & { startupCheck?: undefined }> {
  checkServerUrl(url);
  const connection = openPostgres(url);
  try {
    await migrateToLatest(connection);
    return connection;
  } catch (error) {
    await connection.close();
    if (error instanceof DatabaseTooNewError) {
      throw new ServerBookError('server.newerThanApp', { migrations: error.unknownMigrations.join(', ') });
    }
    // The office's daily role owns no table: the owner upgrades the book (`office init`).
    if (error instanceof MigrationFailedError && /permission denied|must be owner/i.test(error.message)) {
      throw new ServerBookError('server.upgradeNeedsOwner', { user: userOf(url) });
    }
    throw serverProblemOf(error, url) ?? error;
  }
}

/** A file book: opened, checked (now or in the background), backed up and migrated. */
async function openFileBook(
  options: OpenAppOptions,
): Promise<SqliteConnection & { startupCheck: Promise<string[]> | undefined }> {
  if (options.databasePath !== ':memory:') mkdirSync(dirname(options.databasePath), { recursive: true });
  let connection = openDatabaseOrDamaged(options);
  let startupCheck: Promise<string[]> | undefined;
  if (
    options.startupCheck === 'background' &&
    options.databasePath !== ':memory:' &&
    !(await migrationPending(connection))
  ) {
    const open = connection;
    startupCheck = startupProblemsInBackground(options.databasePath, options.nativeBinding).catch(() =>
      // The worker could not run: check on this thread rather than guess.
      startupProblemsOrCorruption(open.sqlite),
    );
  } else {
    connection = checked(connection, options.databasePath);
  }
  try {
    await migrateToLatest(connection, {
      backupPath: (next) =>
        join(dirname(options.databasePath), `${basenameOf(options.databasePath)}.before-${next}.sqlite`),
    });
  } catch (error) {
    await connection.close();
    throw error;
  }
  return Object.assign(connection, { startupCheck });
}

/** Opens the book; a file SQLite cannot read is refused as damaged. */
function openDatabaseOrDamaged(options: OpenAppOptions): SqliteConnection {
  try {
    return openDatabase(options.databasePath, { nativeBinding: options.nativeBinding });
  } catch (error) {
    if (isCorruptionError(error)) throw damagedError(options.databasePath, [(error as Error).message]);
    throw error;
  }
}

/** The start-up checks' problems; SQLite refusing to read the file is one of them. */
function startupProblemsOrCorruption(sqlite: SqliteConnection['sqlite']): string[] {
  try {
    return startupProblems(sqlite);
  } catch (error) {
    if (isCorruptionError(error)) return [(error as Error).message];
    throw error;
  }
}

/** Runs the start-up checks on the open book; a damaged file is refused, never used. */
function checked(connection: SqliteConnection, databasePath: string): SqliteConnection {
  let problems: string[];
  try {
    problems = startupProblemsOrCorruption(connection.sqlite);
  } catch (error) {
    void connection.close();
    throw error;
  }
  if (problems.length > 0) {
    void connection.close();
    throw damagedError(databasePath, problems);
  }
  return connection;
}

/** Whether a migration is waiting; a book too damaged to tell is checked before anything else. */
async function migrationPending(connection: Connection): Promise<boolean> {
  try {
    return (await migrationState(connection.db as unknown as Kysely<unknown>)).pending.length > 0;
  } catch {
    return true;
  }
}

/** The user name in a server address, for messages. */
function userOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).username) || '(default user)';
  } catch {
    return '(default user)';
  }
}

const basenameOf = (p: string) => p.split(/[\\/]/).pop() ?? 'pledgebook.db';
