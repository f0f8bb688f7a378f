import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { sql } from 'kysely';
import { openApp } from '../../../electron/services/app';
import { fixedClock } from '../../../electron/services/clock';
import { ServerBookError } from '../../../electron/db/postgres/server-errors';
import { verifyBookAuditChain } from '../../../electron/services/audit/verify';
import { backUpServerBook, restoreServerBook } from '../../../electron/services/system/server-backup';
import { adminQuery } from '../../support/postgres-cluster';
import { nextCounterValue } from '../../../electron/db/counters';
import { bookDigests, newTestBook, openTestApp, WANG_FANG } from '../../support/test-app';

const clock = fixedClock('2026-06-15');
const admin = () => new URL(inject('postgresAdminUrl'));
const urlOf = (change: (url: URL) => void) => {
  const url = admin();
  change(url);
  return url.toString();
};

/** The problem code a server book is refused with, or 'opened'. */
async function refusal(location: string): Promise<string> {
  try {
    const app = await openApp({ databasePath: location, clock });
    await app.close();
    return 'opened';
  } catch (error) {
    if (error instanceof ServerBookError) return error.problem;
    throw error;
  }
}

describe('a server book that cannot be opened is refused in words, and nothing is written', () => {
  const made: string[] = [];
  afterAll(async () => {
    for (const name of made)
      await adminQuery(admin().toString(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('refuses an address with no database name before connecting', async () => {
    expect(await refusal(urlOf((u) => (u.pathname = '/')))).toBe('server.urlWithoutDatabase');
    expect(await refusal('postgres://')).toBe('server.badUrl');
  });

  it('names an unreachable server, a wrong password and a missing database', async () => {
    expect(await refusal(urlOf((u) => (u.port = '1')))).toBe('server.unreachable');
    expect(await refusal(urlOf((u) => (u.password = 'not-the-password')))).toBe('server.wrongPassword');
    expect(await refusal(urlOf((u) => (u.pathname = '/no_such_book')))).toBe('server.noDatabase');
  });

  it('refuses a database holding someone else’s tables, and leaves it as it was', async () => {
    made.push('someone_else');
    await adminQuery(admin().toString(), 'CREATE DATABASE someone_else');
    const theirs = urlOf((u) => (u.pathname = '/someone_else'));
    await adminQuery(theirs, 'CREATE TABLE customers (id int)');
    expect(await refusal(theirs)).toBe('server.notPledgebook');
    // Nothing was written: no migration table appeared.
    await adminQuery(
      theirs,
      "DO $$ BEGIN IF to_regclass('kysely_migration') IS NOT NULL THEN RAISE EXCEPTION 'written'; END IF; END $$",
    );
  });

  it('refuses a book written by a newer version of Pledgebook', async () => {
    const book = await newTestBook();
    const app = await openApp({ databasePath: book.location, clock });
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_from_the_future', '2030-01-01')`.execute(
      app.ctx.db,
    );
    await app.close();
    expect(await refusal(book.location)).toBe('server.newerThanApp');
    await book.remove();
  });
});

describe('the rules the server keeps itself', () => {
  it('refuses changing, deleting or truncating the audit log and saved contacts', async () => {
    const app = await openTestApp();
    try {
      await app.call('borrowers.create', WANG_FANG);
      await expect(sql`UPDATE audit_log SET username = 'nobody'`.execute(app.ctx.db)).rejects.toThrow(
        /append-only/,
      );
      await expect(sql`DELETE FROM audit_log`.execute(app.ctx.db)).rejects.toThrow(/append-only/);
      await expect(sql`TRUNCATE audit_log`.execute(app.ctx.db)).rejects.toThrow(/append-only/);
      await expect(sql`TRUNCATE collection_contacts CASCADE`.execute(app.ctx.db)).rejects.toThrow(
        /cannot be deleted/,
      );
      await expect(sql`DELETE FROM audit_head`.execute(app.ctx.db)).rejects.toThrow(/cannot be deleted/);
      expect(await verifyBookAuditChain(app.ctx)).toEqual({ ok: true, rows: 1 });
    } finally {
      await app.dispose();
    }
  });

  it('audit verify finds an edit made by someone who switched the rule off first', async () => {
    const app = await openTestApp();
    try {
      await app.call('borrowers.create', WANG_FANG);
      await app.call('borrowers.create', { ...WANG_FANG, name: '李四', idNumber: '110101199003079999' });
      await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(app.ctx.db);
      await sql`UPDATE audit_log SET username = 'nobody' WHERE id = 1`.execute(app.ctx.db);
      expect(await verifyBookAuditChain(app.ctx)).toMatchObject({ ok: false, firstBroken: { id: 1 } });
    } finally {
      await app.dispose();
    }
  });
});

describe('server backups: pg_dump, verified, restored only into an empty database', () => {
  it('round-trips a book through a dump with every table unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pledgebook-dump-'));
    const app = await openTestApp();
    const empty = await newTestBook();
    try {
      await app.call('borrowers.create', WANG_FANG);
      const dump = await backUpServerBook(app.ctx.databasePath, join(dir, 'book.dump'));
      expect(dump.bytes).toBeGreaterThan(0);
      // The test books are copies of a migrated template; an empty database is a fresh one.
      const name = `restore_${Date.now().toString(36)}`;
      await adminQuery(admin().toString(), `CREATE DATABASE ${name} TEMPLATE template0`);
      const target = urlOf((u) => (u.pathname = `/${name}`));
      await restoreServerBook(target, dump.path);
      const restored = await openApp({ databasePath: target, clock });
      try {
        expect(await bookDigests(restored.ctx.db)).toEqual(await bookDigests(app.ctx.db));
      } finally {
        await restored.close();
        await adminQuery(admin().toString(), `DROP DATABASE ${name} WITH (FORCE)`);
      }
      await expect(restoreServerBook(app.ctx.databasePath, dump.path)).rejects.toMatchObject({
        problem: 'server.restoreNotEmpty',
      });
    } finally {
      await app.dispose();
      await empty.remove();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Settings on a server book', () => {
  it('says the server keeps the backups, keeps no files, and never shows the password', async () => {
    const app = await openTestApp();
    try {
      const password = new URL(app.ctx.databasePath).password;
      const overview = await app.call('backups.overview', {});
      expect(overview.server?.book).toMatch(/^postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/book_/);
      expect(overview.backups).toEqual([]);
      const info = await app.call('system.info', {});
      expect(info.databasePath).not.toContain(password);
      expect(info.sqliteVersion).toMatch(/^PostgreSQL 1\d/);
      expect(info.engine).toBe('postgres');
      const run = await app.attempt('backups.run', {});
      expect(run).toMatchObject({ ok: false, error: { code: 'unavailable', reason: 'server.fileBookOnly' } });
    } finally {
      await app.dispose();
    }
  });
});

describe('counters on a server book', () => {
  it('give two PCs numbering at once different values, the second waiting for the first', async () => {
    const app = await openTestApp();
    try {
      const taken: number[] = [];
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const first = app.ctx.db.transaction().execute(async (trx) => {
        taken.push(await nextCounterValue(trx, 'schedule-version:1', sql<number>`SELECT 0`));
        await held;
      });
      // Let the first take its value and hold its transaction open.
      while (taken.length === 0) await new Promise((r) => setTimeout(r, 10));
      const second = app.ctx.db.transaction().execute(async (trx) => {
        taken.push(await nextCounterValue(trx, 'schedule-version:1', sql<number>`SELECT 0`));
      });
      await new Promise((r) => setTimeout(r, 200));
      expect(taken).toEqual([1]); // the second waits on the first's row
      release();
      await Promise.all([first, second]);
      expect(taken).toEqual([1, 2]);
    } finally {
      await app.dispose();
    }
  });
});
