import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { openDatabase, type Connection } from '../db/open';
import { migrateToLatest } from '../db/migrate';
import type { Clock } from './clock';
import { Session, SYSTEM_ACTOR } from './auth/actor';
import type { Platform, ServiceContext } from './context';
import { createDispatcher, type Dispatch, type Handlers } from './dispatch';
import { createHandlers } from './handlers';
import { APP_VERSION } from './version';

export interface OpenAppOptions {
  databasePath: string;
  clock: Clock;
  nativeBinding?: string;
  platform?: Platform;
  /** Who acts until someone signs in; the CLI and tests act as the system. */
  session?: Session;
  onInternalError?: (error: unknown) => void;
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
  if (options.databasePath !== ':memory:') mkdirSync(dirname(options.databasePath), { recursive: true });
  const connection = openDatabase(options.databasePath, { nativeBinding: options.nativeBinding });
  try {
    await migrateToLatest(connection, {
      backupPath: (next) =>
        join(dirname(options.databasePath), `${basenameOf(options.databasePath)}.before-${next}.sqlite`),
    });
  } catch (error) {
    await connection.close();
    throw error;
  }
  const session = options.session ?? new Session(SYSTEM_ACTOR);
  const ctx: ServiceContext = {
    db: connection.db,
    sqlite: connection.sqlite,
    clock: options.clock,
    databasePath: options.databasePath,
    appVersion: APP_VERSION,
    nativeBinding: options.nativeBinding,
    platform: options.platform,
    actor: () => session.actor(),
  };
  const handlers = createHandlers(ctx);
  return {
    ctx,
    session,
    handlers,
    dispatch: createDispatcher(handlers, options.onInternalError),
    connection,
    close: () => connection.close(),
  };
}

const basenameOf = (p: string) => p.split(/[\\/]/).pop() ?? 'pledgebook.db';
