import { dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { openDatabase, type Connection } from '../db/open';
import { migrateToLatest } from '../db/migrate';
import type { Clock } from './clock';
import type { Platform, ServiceContext } from './context';
import { createDispatcher, type Dispatch, type Handlers } from './dispatch';
import { createHandlers } from './handlers';
import { APP_VERSION } from './version';

export interface OpenAppOptions {
  databasePath: string;
  clock: Clock;
  nativeBinding?: string;
  platform?: Platform;
  onInternalError?: (error: unknown) => void;
}

/** A running Pledgebook backend: the same object behind Electron IPC, the CLI and the test server. */
export interface PledgebookApp {
  ctx: ServiceContext;
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
  const ctx: ServiceContext = {
    db: connection.db,
    sqlite: connection.sqlite,
    clock: options.clock,
    databasePath: options.databasePath,
    appVersion: APP_VERSION,
    nativeBinding: options.nativeBinding,
    platform: options.platform,
  };
  const handlers = createHandlers(ctx);
  return {
    ctx,
    handlers,
    dispatch: createDispatcher(handlers, options.onInternalError),
    connection,
    close: () => connection.close(),
  };
}

const basenameOf = (p: string) => p.split(/[\\/]/).pop() ?? 'pledgebook.db';
