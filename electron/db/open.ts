import Database from 'better-sqlite3';
import { Kysely, SqliteAdapter, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import type { DB } from './schema';
import type { PostgresConnection } from './postgres/open';

export interface OpenOptions {
  /** Path to a better-sqlite3 `.node` build for this runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
  readonly?: boolean;
}

export interface SqliteConnection {
  engine: 'sqlite';
  sqlite: Database.Database;
  db: Kysely<DB>;
  path: string;
  close(): Promise<void>;
}

/**
 * SQLite does support transactional DDL; Kysely's adapter says it doesn't only to stay safe
 * across drivers. Saying so lets the Migrator wrap each migration and its bookkeeping row in
 * one transaction, so a crash mid-migration leaves the previous version intact.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
class PledgebookSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/** An open book: a SQLite file, or a PostgreSQL database the office shares. */
export type Connection = SqliteConnection | PostgresConnection;

export class DatabaseSetupError extends Error {}

/** Opens (creating if needed) a database file with the pragmas the whole app relies on. */
export function openDatabase(path: string, options: OpenOptions = {}): SqliteConnection {
  const sqlite = new Database(path, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true, fileMustExist: true } : {}),
  });
  try {
    applyPragmas(sqlite, options.readonly ?? false);
  } catch (error) {
    sqlite.close();
    throw error;
  }
  const db = new Kysely<DB>({
    dialect: new PledgebookSqliteDialect({ database: withStatementCache(sqlite) }),
  });
  return {
    engine: 'sqlite',
    sqlite,
    db,
    path,
    close: async () => {
      await db.destroy(); // also closes the better-sqlite3 handle
    },
  };
}

function applyPragmas(sqlite: Database.Database, readonly: boolean): void {
  sqlite.pragma('busy_timeout = 5000');
  if (!readonly && sqlite.name !== ':memory:') {
    const mode = sqlite.pragma('journal_mode = WAL', { simple: true });
    if (String(mode).toLowerCase() !== 'wal') {
      throw new DatabaseSetupError(`could not switch the database to WAL mode (got ${String(mode)})`);
    }
  }
  // FULL: a committed payment must survive a power cut, not just an application crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // The default page cache is 2 MB; the book's working set at 100k loans is far larger, and
  // reports join loans, borrowers and month-end rows at random. 32 MB holds the hot indexes;
  // the OS file cache serves the rest about as fast (64 MB measured no quicker on Book-100k and
  // took the process past its 400 MB budget with the collateral register open). Temporary
  // B-trees (sorts, GROUP BY) stay in memory too.
  sqlite.pragma('cache_size = -32768');
  sqlite.pragma('temp_store = MEMORY');
  if (sqlite.pragma('foreign_keys', { simple: true }) !== 1) {
    throw new DatabaseSetupError('could not turn on foreign key enforcement');
  }
  if (sqlite.pragma('synchronous', { simple: true }) !== 2) {
    throw new DatabaseSetupError('could not set synchronous=FULL');
  }
}

/**
 * Kysely asks the driver to prepare every query afresh; for SQLite, preparing costs more than
 * running most of our queries (an import of 10,000 loans spent seconds in `prepare`). Queries run
 * one at a time on this single connection, so a prepared statement can be reused safely; keep
 * the most recently used ones by SQL text.
 */
export function withStatementCache(sqlite: Database.Database, capacity = 512): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql); // re-insert: Map order doubles as recency
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= capacity) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement as unknown as SqliteStatement;
    },
  };
}
