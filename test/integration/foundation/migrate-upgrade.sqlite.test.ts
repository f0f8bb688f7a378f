import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  appliedMigrations,
  migrateTo,
  migrateToLatest,
  MigrationFailedError,
} from '../../../electron/db/migrate';
import { MIGRATION_NAMES } from '../../../electron/db/migrations';
import type * as BundledMigrations from '../../../electron/db/migrations';
import { openDatabase, type SqliteConnection as Connection } from '../../../electron/db/open';
import { openApp } from '../../../electron/services/app';
import { clock, tablesIn, useTempDir } from './support';

/*
 * Only one real migration has shipped so far, so the upgrade path is exercised with one extra,
 * test-only migration appended after the real ones. It creates a table, changes a setting and
 * records a row — and, when `upgrade.fail` is set, then hits an SQL error, so we can see that
 * a failed migration leaves nothing behind.
 */
const upgrade = vi.hoisted(() => ({ name: '9000_test_widgets', fail: false }));

vi.mock('../../../electron/db/migrations', async (importOriginal) => {
  const real = await importOriginal<typeof BundledMigrations>();
  const { sql } = await import('kysely');
  const MIGRATIONS = {
    ...real.MIGRATIONS,
    [upgrade.name]: {
      async up(db: Kysely<unknown>) {
        await sql`CREATE TABLE test_widget (id INTEGER PRIMARY KEY, name TEXT NOT NULL)`.execute(db);
        await sql`INSERT INTO test_widget (name) VALUES ('first')`.execute(db);
        await sql`UPDATE settings SET value = '"EUR"' WHERE key = 'currency'`.execute(db);
        if (upgrade.fail) await sql`INSERT INTO no_such_table VALUES (1)`.execute(db);
      },
    },
  };
  return { MIGRATIONS, MIGRATION_NAMES: Object.keys(MIGRATIONS) };
});

const REAL = MIGRATION_NAMES.filter((n) => n !== upgrade.name);
const LAST_REAL = REAL.at(-1)!;
const tempDir = useTempDir('pledgebook-upgrade-');
const opened: Connection[] = [];

afterEach(async () => {
  upgrade.fail = false;
  for (const conn of opened.splice(0)) await conn.close();
});

/** A lender's existing book: the schema of the shipped version, with their settings in it. */
async function existingBook(): Promise<string> {
  const path = join(tempDir(), 'pledgebook.db');
  const conn = openDatabase(path);
  await migrateTo(conn, LAST_REAL);
  conn.sqlite.prepare("UPDATE settings SET value = ? WHERE key = 'companyName'").run('"Lucky Pawn Ltd"');
  await conn.close();
  return path;
}

function reopen(path: string): Connection {
  const conn = openDatabase(path);
  opened.push(conn);
  return conn;
}
const settingOf = (sqlite: Database.Database, key: string) =>
  JSON.parse(
    sqlite.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string,
  ) as unknown;
const backupsIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.includes(`.before-${upgrade.name}`))
    .sort();

describe('upgrading a database that holds data', () => {
  it('the test setup really starts from the shipped schema', async () => {
    const conn = reopen(await existingBook());
    expect(await appliedMigrations(conn.db as unknown as Kysely<unknown>)).toEqual(REAL);
    expect(tablesIn(conn.sqlite)).not.toContain('test_widget');
  });

  it('first writes a .before-<migration>.sqlite copy next to the database', async () => {
    const path = await existingBook();
    const app = await openApp({ databasePath: path, clock });
    await app.close();

    expect(backupsIn(tempDir())).toEqual([`pledgebook.db.before-${upgrade.name}.sqlite`]);
    const backup = new Database(join(tempDir(), `pledgebook.db.before-${upgrade.name}.sqlite`), {
      readonly: true,
    });
    try {
      expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(settingOf(backup, 'companyName')).toBe('Lucky Pawn Ltd');
      expect(settingOf(backup, 'currency')).toBe('CNY');
      expect(tablesIn(backup)).not.toContain('test_widget');
      expect(backup.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all()).toEqual(REAL);
    } finally {
      backup.close();
    }
  });

  it('then migrates the database itself and keeps its data', async () => {
    const path = await existingBook();
    const app = await openApp({ databasePath: path, clock });
    await app.close();

    const conn = reopen(path);
    expect(tablesIn(conn.sqlite)).toContain('test_widget');
    expect(settingOf(conn.sqlite, 'companyName')).toBe('Lucky Pawn Ltd');
    expect(settingOf(conn.sqlite, 'currency')).toBe('EUR');
    expect(await appliedMigrations(conn.db as unknown as Kysely<unknown>)).toEqual(MIGRATION_NAMES);
  });

  it('keeps a backup left by an earlier attempt and still upgrades', async () => {
    const path = await existingBook();
    const earlier = join(tempDir(), `pledgebook.db.before-${upgrade.name}.sqlite`);
    writeFileSync(earlier, 'a copy taken before an earlier, interrupted upgrade');

    const app = await openApp({ databasePath: path, clock });
    await app.close();

    expect(readFileSync(earlier, 'utf8')).toBe('a copy taken before an earlier, interrupted upgrade');
    const fresh = backupsIn(tempDir()).filter((f) => join(tempDir(), f) !== earlier);
    expect(fresh).toHaveLength(1);
    const backup = new Database(join(tempDir(), fresh[0]!), { readonly: true });
    try {
      expect(settingOf(backup, 'companyName')).toBe('Lucky Pawn Ltd');
    } finally {
      backup.close();
    }
  });
});

describe('a migration that fails', () => {
  it('is rolled back completely and reported by name', async () => {
    const path = await existingBook();
    upgrade.fail = true;
    const conn = reopen(path);

    const attempt = migrateToLatest(conn);
    await expect(attempt).rejects.toBeInstanceOf(MigrationFailedError);
    await expect(attempt).rejects.toThrow(`migration ${upgrade.name} failed and was rolled back`);

    expect(tablesIn(conn.sqlite)).not.toContain('test_widget');
    expect(settingOf(conn.sqlite, 'currency')).toBe('CNY');
    expect(settingOf(conn.sqlite, 'companyName')).toBe('Lucky Pawn Ltd');
    expect(await appliedMigrations(conn.db as unknown as Kysely<unknown>)).toEqual(REAL);
    expect(conn.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('keeps the migrations before it on a new database', async () => {
    upgrade.fail = true;
    const conn = reopen(join(tempDir(), 'new.db'));
    await expect(migrateToLatest(conn)).rejects.toThrow(MigrationFailedError);
    expect(await appliedMigrations(conn.db as unknown as Kysely<unknown>)).toEqual(REAL);
    expect(tablesIn(conn.sqlite)).toEqual(expect.arrayContaining(['settings', 'counters']));
    expect(tablesIn(conn.sqlite)).not.toContain('test_widget');
  });

  it('stops the app from opening, and a later version can still upgrade the same file', async () => {
    const path = await existingBook();
    upgrade.fail = true;
    await expect(openApp({ databasePath: path, clock })).rejects.toThrow(MigrationFailedError);
    expect(backupsIn(tempDir())).toHaveLength(1);

    upgrade.fail = false; // the fixed release
    const app = await openApp({ databasePath: path, clock });
    const settings = await app.dispatch('settings.get', {});
    await app.close();
    expect(settings).toMatchObject({ ok: true, value: { companyName: 'Lucky Pawn Ltd', currency: 'EUR' } });
    expect(backupsIn(tempDir())).toHaveLength(2);
  });
});
