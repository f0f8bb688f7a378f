import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openApp, type PledgebookApp } from '../../../electron/services/app';
import { backUpDatabase } from '../../../electron/services/system/backup';
import { nextCounter } from '../../../electron/services/system/settings.repository';
import { clock, useTempDir } from './support';
import { sqliteOf } from '../../../electron/services/context';

const tempDir = useTempDir('pledgebook-backup-');
let app: PledgebookApp;

beforeEach(async () => {
  app = await openApp({ databasePath: join(tempDir(), 'pledgebook.db'), clock });
  const updated = await app.dispatch('settings.update', { companyName: '福星典当行', currency: 'HKD' });
  expect(updated.ok).toBe(true);
  for (let i = 0; i < 3; i++) await nextCounter(app.ctx.db, 'loanNumber');
  // Enough rows to span many pages, so the copy is more than a header.
  sqliteOf(app.ctx).exec('CREATE TABLE ledger_note (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
  const insert = sqliteOf(app.ctx).prepare('INSERT INTO ledger_note (text) VALUES (?)');
  sqliteOf(app.ctx).transaction(() => {
    for (let i = 1; i <= 2000; i++) insert.run(`payment ${i} received in cash, counted twice`);
  })();
});
afterEach(async () => {
  await app.close();
});

function readAll(db: Database.Database) {
  return {
    settings: db.prepare('SELECT key, value FROM settings ORDER BY key').all(),
    counters: db.prepare('SELECT name, value FROM counters ORDER BY name').all(),
    notes: db.prepare('SELECT id, text FROM ledger_note ORDER BY id').all(),
  };
}

describe('backing up the database', () => {
  it('writes a copy that opens, passes integrity_check and holds the same rows', async () => {
    const destination = join(tempDir(), 'usb-stick', '..', 'pledgebook-2025-03-14.db');
    const result = await backUpDatabase(app.ctx, destination);

    expect(result.path).toBe(destination);
    expect(result.pages).toBeGreaterThan(1);
    const copy = new Database(destination, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(readAll(copy)).toEqual(readAll(sqliteOf(app.ctx)));
      expect(readAll(copy).notes).toHaveLength(2000);
      expect(copy.prepare("SELECT value FROM counters WHERE name = 'loanNumber'").pluck().get()).toBe(3);
    } finally {
      copy.close();
    }
  });

  it('includes changes still sitting in the write-ahead log', async () => {
    sqliteOf(app.ctx).prepare("UPDATE settings SET value = '\"MOP\"' WHERE key = 'currency'").run();
    const destination = join(tempDir(), 'after-change.db');
    await backUpDatabase(app.ctx, destination);
    const copy = new Database(destination, { readonly: true });
    try {
      expect(copy.prepare("SELECT value FROM settings WHERE key = 'currency'").pluck().get()).toBe('"MOP"');
    } finally {
      copy.close();
    }
  });

  it('is a copy that the app itself can open and use', async () => {
    const destination = join(tempDir(), 'restore-me.db');
    await backUpDatabase(app.ctx, destination);
    const restored = await openApp({ databasePath: destination, clock });
    try {
      expect(await restored.dispatch('settings.get', {})).toMatchObject({
        ok: true,
        value: { companyName: '福星典当行', currency: 'HKD' },
      });
      expect(await restored.dispatch('system.check', {})).toMatchObject({
        ok: true,
        value: { healthy: true },
      });
    } finally {
      await restored.close();
    }
  });

  it("replaces yesterday's backup when saved over the same file", async () => {
    const destination = join(tempDir(), 'daily.db');
    await backUpDatabase(app.ctx, destination);
    sqliteOf(app.ctx).prepare('DELETE FROM ledger_note WHERE id > 10').run();
    await backUpDatabase(app.ctx, destination);
    const copy = new Database(destination, { readonly: true });
    try {
      expect(copy.prepare('SELECT COUNT(*) FROM ledger_note').pluck().get()).toBe(10);
    } finally {
      copy.close();
    }
  });

  it('reports progress from the start to done', async () => {
    const seen: number[] = [];
    await backUpDatabase(app.ctx, join(tempDir(), 'progress.db'), (f) => seen.push(f));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.at(-1)).toBe(1);
    for (const f of seen) expect(f).toBeGreaterThanOrEqual(0);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('leaves the live database as it was and still writable', async () => {
    const before = readAll(sqliteOf(app.ctx));
    await backUpDatabase(app.ctx, join(tempDir(), 'copy.db'));
    expect(readAll(sqliteOf(app.ctx))).toEqual(before);
    expect(await nextCounter(app.ctx.db, 'loanNumber')).toBe(4);
  });

  it('fails, without touching the live database, when the destination cannot be written', async () => {
    const blocker = join(tempDir(), 'not-a-folder');
    writeFileSync(blocker, 'a file where a folder should be');
    await expect(backUpDatabase(app.ctx, join(blocker, 'copy.db'))).rejects.toThrow();
    expect(existsSync(join(blocker, 'copy.db'))).toBe(false);
    expect(sqliteOf(app.ctx).pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
