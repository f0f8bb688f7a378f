import { existsSync } from 'node:fs';
import { extname } from 'node:path';
import { Migrator, sql, type Kysely, type Migration, type MigrationResult } from 'kysely';
import { assertServerSupported } from './postgres/server-check';
import type { Connection, SqliteConnection } from './open';
import { MIGRATIONS, MIGRATION_NAMES } from './migrations';
import { POSTGRES_MIGRATIONS, POSTGRES_MIGRATION_NAMES } from './postgres/migrations';
import { engineOf, type Engine } from './engine';

export class DatabaseTooNewError extends Error {
  constructor(readonly unknownMigrations: string[]) {
    super(
      `This database was written by a newer version of Pledgebook (it contains ${unknownMigrations.join(', ')}, ` +
        'which this version does not know). Install the newer version, or open another database file.',
    );
  }
}

export class MigrationFailedError extends Error {}

/** Each engine has its own numbered, bundled migrations. */
const MIGRATIONS_OF: Record<Engine, { all: Record<string, Migration>; names: string[] }> = {
  sqlite: { all: MIGRATIONS, names: MIGRATION_NAMES },
  postgres: { all: POSTGRES_MIGRATIONS, names: POSTGRES_MIGRATION_NAMES },
};

function migratorFor(db: Kysely<unknown>): Migrator {
  const { all } = MIGRATIONS_OF[engineOf(db)];
  return new Migrator({ db, provider: { getMigrations: async () => all } });
}

/** Whether the book has Kysely's migration table yet. */
async function hasMigrationTable(db: Kysely<unknown>): Promise<boolean> {
  const table =
    engineOf(db) === 'postgres'
      ? await sql<{ name: string }>`SELECT to_regclass('kysely_migration')::text AS name`.execute(db)
      : await sql<{ name: string }>`
          SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'`.execute(db);
  return table.rows.some((r) => r.name !== null);
}

export async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  if (!(await hasMigrationTable(db))) return [];
  const rows = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return rows.rows.map((r) => r.name);
}

export interface MigrationState {
  applied: string[];
  known: string[];
  pending: string[];
  unknown: string[];
}

export async function migrationState(db: Kysely<unknown>): Promise<MigrationState> {
  const applied = await appliedMigrations(db);
  const { names } = MIGRATIONS_OF[engineOf(db)];
  return {
    applied,
    known: names,
    pending: names.filter((n) => !applied.includes(n)),
    unknown: applied.filter((n) => !names.includes(n)),
  };
}

export interface MigrateOptions {
  /** Where to put the safety copy taken before migrating a database that already holds data. */
  backupPath?: (firstPending: string) => string;
}

/**
 * Brings the database to the app's schema, one migration per transaction. Refuses a database
 * that is newer than the app rather than guessing, and backs up an existing database first.
 */
export async function migrateToLatest(conn: Connection, options: MigrateOptions = {}): Promise<string[]> {
  const db = conn.db as unknown as Kysely<unknown>;
  const state = await migrationState(db);
  if (state.unknown.length > 0) throw new DatabaseTooNewError(state.unknown);
  if (state.pending.length === 0) return [];

  if (conn.engine === 'postgres') return migrateServerBook(conn.db as unknown as Kysely<unknown>);

  if (state.applied.length > 0 && options.backupPath) {
    const target = unusedPath(options.backupPath(state.pending[0] ?? 'next'));
    conn.sqlite.prepare('VACUUM INTO ?').run(target);
  }

  return withoutForeignKeys(conn, () => migrateOneByOne(db));
}

/** Runs pending migrations one per transaction, stopping at the first that fails. */
async function migrateOneByOne(db: Kysely<unknown>): Promise<string[]> {
  const migrator = migratorFor(db);
  const done: string[] = [];
  for (;;) {
    const { error, results } = await migrator.migrateUp();
    const failed = results?.find((r: MigrationResult) => r.status === 'Error');
    if (error || failed) {
      const name = failed?.migrationName ?? 'unknown';
      const reason = error instanceof Error ? error.message : String(error);
      throw new MigrationFailedError(`migration ${name} failed and was rolled back: ${reason}`);
    }
    const ran = results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
    if (ran.length === 0) return done;
    done.push(...ran);
  }
}

/**
 * A server book: the server is checked first (version, pg_trgm, that the database is empty or
 * Pledgebook's), then migrated one migration per transaction. The server's own backups cover
 * it; there is no file to copy first. Kysely's Migrator holds its lock table row meanwhile, so
 * two PCs starting together migrate once.
 */
async function migrateServerBook(db: Kysely<unknown>): Promise<string[]> {
  await assertServerSupported(db);
  return migrateOneByOne(db);
}

/**
 * Runs migrations with foreign key enforcement off, as SQLite's procedure for rebuilding a
 * table requires (the pragma cannot change inside a transaction, so it is set around them).
 * A migration that rebuilds a table runs `PRAGMA foreign_key_check` before it commits.
 */
async function withoutForeignKeys<T>(conn: SqliteConnection, run: () => Promise<T>): Promise<T> {
  conn.sqlite.pragma('foreign_keys = OFF');
  try {
    return await run();
  } finally {
    conn.sqlite.pragma('foreign_keys = ON');
  }
}

/** VACUUM INTO refuses an existing file: keep an earlier attempt's copy and write beside it. */
function unusedPath(path: string): string {
  const ext = extname(path);
  const stem = path.slice(0, path.length - ext.length);
  let candidate = path;
  for (let n = 2; existsSync(candidate); n++) candidate = `${stem}-${n}${ext}`;
  return candidate;
}

/** For migration tests: stop at a named migration so data can be inserted before the next one. */
export async function migrateTo(conn: Connection, name: string): Promise<void> {
  const migrate = () => migratorFor(conn.db as unknown as Kysely<unknown>).migrateTo(name);
  const { error } = conn.engine === 'sqlite' ? await withoutForeignKeys(conn, migrate) : await migrate();
  if (error) throw error instanceof Error ? error : new MigrationFailedError(String(error));
}
