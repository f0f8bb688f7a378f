import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  appliedMigrations,
  DatabaseTooNewError,
  migrateToLatest,
  migrationState,
} from '../../../electron/db/migrate';
import { MIGRATION_NAMES } from '../../../electron/db/migrations';
import { openDatabase, type SqliteConnection as Connection } from '../../../electron/db/open';
import { openApp } from '../../../electron/services/app';
import { clock, tablesIn, useTempDir } from './support';

const tempDir = useTempDir('pledgebook-db-');
const open: Connection[] = [];
afterEach(async () => {
  for (const conn of open.splice(0)) await conn.close();
});

function openFresh(name = 'pledgebook.db'): Connection {
  const conn = openDatabase(join(tempDir(), name));
  open.push(conn);
  return conn;
}
const kysely = (conn: Connection) => conn.db as unknown as Kysely<unknown>;

describe('opening a database file', () => {
  it('creates it in WAL mode with synchronous=FULL and foreign keys enforced', () => {
    const conn = openFresh();
    expect(existsSync(conn.path)).toBe(true);
    expect(conn.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(conn.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(conn.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('really enforces foreign keys', () => {
    const conn = openFresh();
    conn.sqlite.exec('CREATE TABLE borrower (id INTEGER PRIMARY KEY)');
    conn.sqlite.exec(
      'CREATE TABLE loan (id INTEGER PRIMARY KEY, borrower_id INTEGER NOT NULL REFERENCES borrower(id))',
    );
    expect(() => conn.sqlite.exec('INSERT INTO loan (borrower_id) VALUES (99)')).toThrow(/FOREIGN KEY/);
  });

  it('sets the same pragmas again on every open, not only on creation', async () => {
    const first = openFresh();
    await first.close();
    open.splice(open.indexOf(first), 1);
    const again = openFresh();
    expect(again.sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(again.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(again.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('refuses to open a missing file read-only instead of creating it', () => {
    const path = join(tempDir(), 'missing.db');
    expect(() => openDatabase(path, { readonly: true })).toThrow();
    expect(existsSync(path)).toBe(false);
  });
});

describe('migrating a new database', () => {
  it('applies every bundled migration, in order', async () => {
    const conn = openFresh();
    expect(await migrateToLatest(conn)).toEqual(MIGRATION_NAMES);
    expect(await appliedMigrations(kysely(conn))).toEqual(MIGRATION_NAMES);
    expect(await migrationState(kysely(conn))).toMatchObject({ pending: [], unknown: [] });
  });

  it('bundles migrations whose names sort in the order they must run', () => {
    expect([...MIGRATION_NAMES].sort()).toEqual(MIGRATION_NAMES);
    for (const name of MIGRATION_NAMES) expect(name).toMatch(/^\d{4}_[a-z0-9_]+$/);
  });

  it('does nothing the second time, and takes no backup', async () => {
    const conn = openFresh();
    await migrateToLatest(conn);
    const tablesBefore = tablesIn(conn.sqlite);
    const backupPath = vi.fn((next: string) => join(tempDir(), `before-${next}.sqlite`));

    expect(await migrateToLatest(conn, { backupPath })).toEqual([]);
    expect(backupPath).not.toHaveBeenCalled();
    expect(tablesIn(conn.sqlite)).toEqual(tablesBefore);
    expect(await appliedMigrations(kysely(conn))).toEqual(MIGRATION_NAMES);
  });

  it('takes no backup of a brand-new database', async () => {
    await (await openApp({ databasePath: join(tempDir(), 'pledgebook.db'), clock })).close();
    expect(readdirSync(tempDir()).filter((f) => f.includes('.before-'))).toEqual([]);
  });
});

describe('a database written by a newer Pledgebook', () => {
  async function fromTheFuture(): Promise<Connection> {
    const conn = openFresh();
    await migrateToLatest(conn);
    conn.sqlite
      .prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)')
      .run('9999_loan_book_from_the_future', '2030-01-01T00:00:00.000Z');
    return conn;
  }

  it('is refused with DatabaseTooNewError saying a newer version wrote it', async () => {
    const conn = await fromTheFuture();
    const attempt = migrateToLatest(conn);
    await expect(attempt).rejects.toBeInstanceOf(DatabaseTooNewError);
    await expect(attempt).rejects.toThrow(/newer version of Pledgebook/);
    await expect(attempt).rejects.toMatchObject({ unknownMigrations: ['9999_loan_book_from_the_future'] });
  });

  it('is left exactly as it was', async () => {
    const conn = await fromTheFuture();
    const tables = tablesIn(conn.sqlite);
    await expect(migrateToLatest(conn)).rejects.toThrow(DatabaseTooNewError);
    expect(tablesIn(conn.sqlite)).toEqual(tables);
    expect(await appliedMigrations(kysely(conn))).toContain('9999_loan_book_from_the_future');
  });

  it('is refused by the app too, which takes no backup of it', async () => {
    const conn = await fromTheFuture();
    await conn.close();
    open.splice(open.indexOf(conn), 1);
    await expect(openApp({ databasePath: conn.path, clock })).rejects.toThrow(DatabaseTooNewError);
    expect(readdirSync(tempDir()).filter((f) => f.includes('.before-'))).toEqual([]);
  });
});
