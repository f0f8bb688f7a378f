import { closeSync, existsSync, mkdirSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/command';
import { runCli } from '../../../electron/cli/main';
import { openApp } from '../../../electron/services/app';
import { fixedClock } from '../../../electron/services/clock';
import { BackupVerificationError, verifyBackup } from '../../../electron/services/system/backup';
import { defaultBackupFolder } from '../../../electron/services/system/backup-folder';
import { takeAutomaticBackup } from '../../../electron/services/system/auto-backup';
import { tableChecksums } from '../../../electron/services/system/checksums';
import { previewBackup } from '../../../electron/services/system/restore';
import {
  DatabaseDamagedError,
  startupProblemsInBackground,
} from '../../../electron/services/system/startup-check';
import { openTestApp, WANG_FANG, type TestApp } from '../../support/test-app';
import { sqliteShell } from '../../support/sqlite-shell';
import { sqliteOf } from '../../../electron/services/context';

const TERMS = {
  method: 'annuity',
  principal: 6_000_000,
  annualRatePercent: '12',
  months: 12,
  startDate: '2026-03-10',
} as const;

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {} };
  const code = await runCli(argv, io);
  return { code, out, err };
}

async function addLoanWithPayment(app: TestApp, name: string, idNumber: string) {
  const { id: borrowerId } = await app.call('borrowers.create', { ...WANG_FANG, name, idNumber });
  const { id: loanId } = await app.call('loans.create', { borrowerId, product: 'car-title', terms: TERMS });
  await app.call('payments.record', { loanId, date: '2026-04-10', amount: 533_093, method: 'cash' });
  return loanId;
}

function checksumsOf(path: string) {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return tableChecksums(db);
  } finally {
    db.close();
  }
}

describe('backup and restore', () => {
  let app: TestApp;
  let dir: string;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
    dir = join(app.ctx.databasePath, '..');
    await addLoanWithPayment(app, '王芳', '110101199003071234');
    await addLoanWithPayment(app, '李强', '110101198511112345');
  });
  afterEach(async () => app.dispose());

  it('round-trips: a restored book has the same table checksums as when it was backed up, and the restore can be undone', async () => {
    const backup = join(dir, 'usb', 'monday.sqlite');
    const saved = await cli(['backup', '--to', backup, '--db', app.ctx.databasePath]);
    expect(saved.err).toEqual([]);
    expect(saved.code).toBe(0);
    expect(saved.out[0]).toMatch(/^backed up to .*monday\.sqlite: \d+ page\(s\), \d+ row\(s\), verified$/);
    const atBackup = tableChecksums(sqliteOf(app.ctx));

    await addLoanWithPayment(app, '张伟', '110101197001013456');
    const afterMore = tableChecksums(sqliteOf(app.ctx));
    expect(afterMore.loans).not.toBe(atBackup.loans);
    await app.close();

    expect(previewBackup({}, backup)).toMatchObject({ path: backup, loans: 2, payments: 2, contacts: 2 });
    const restored = await cli(['restore', backup, '--db', app.ctx.databasePath]);
    expect(restored.err).toEqual([]);
    expect(restored.code).toBe(0);
    expect(restored.out[0]).toMatch(
      /^restored the backup of .*: 2 loan\(s\), 2 payment\(s\), 2 contact\(s\)$/,
    );
    expect(checksumsOf(app.ctx.databasePath)).toEqual(atBackup);

    const undo = /saved to (.*); restore that to undo$/.exec(restored.out[1] ?? '')?.[1];
    expect(undo && existsSync(undo)).toBe(true);
    expect(checksumsOf(undo!)).toEqual(afterMore);
    await cli(['restore', undo!, '--db', app.ctx.databasePath]);
    expect(checksumsOf(app.ctx.databasePath)).toEqual(afterMore);
  });

  it('keeps no backup whose row counts differ from the book', async () => {
    const backup = join(dir, 'copy.sqlite');
    await cli(['backup', '--to', backup, '--db', app.ctx.databasePath]);
    const counts = verifyBackup({}, backup);
    expect(counts.loans).toBe(2);
    expect(() => verifyBackup({}, backup, { ...counts, payments: 3 })).toThrow(
      /holds 2 row\(s\) in payments, the live database 3/,
    );
  });

  it('refuses to restore a damaged backup and leaves the book as it was', async () => {
    const bad = join(dir, 'bad.sqlite');
    writeFileSync(bad, 'SQLite format 3\u0000 but then nothing sensible at all'.repeat(200));
    const before = tableChecksums(sqliteOf(app.ctx));
    await app.close();
    const refused = await cli(['restore', bad, '--db', app.ctx.databasePath]);
    expect(refused.code).toBe(1);
    expect(refused.err.join('\n')).toMatch(/^restore: /);
    expect(checksumsOf(app.ctx.databasePath)).toEqual(before);
    expect(() => previewBackup({}, join(dir, 'missing.sqlite'))).toThrow(BackupVerificationError);
  });

  it('check reports integrity, foreign keys and the audit chain', async () => {
    const ok = await cli(['check', '--db', app.ctx.databasePath]);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('audit trail: intact, 6 row(s)');
    sqliteShell(
      app.ctx.databasePath,
      "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET username = 'ghost' WHERE id = 4;",
    );
    const broken = await cli(['check', '--db', app.ctx.databasePath]);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain(
      'audit trail: BROKEN at row 4: its content does not match its hash (edited)',
    );
    expect(broken.out.at(-1)).toBe('NOT healthy');
  });
});

describe('start-up checks', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
    await addLoanWithPayment(app, '王芳', '110101199003071234');
  });
  afterEach(async () => app.dispose());

  const reopen = () => openApp({ databasePath: app.ctx.databasePath, clock: fixedClock('2026-06-15') });

  it('refuses a book with broken pages, and offers the latest backup', async () => {
    const backup = join(defaultBackupFolder(app.ctx.databasePath), 'pledgebook-2026-06-14T09-00-00Z.sqlite');
    await cli(['backup', '--to', backup, '--db', app.ctx.databasePath]);
    const root = sqliteOf(app.ctx)
      .prepare("SELECT rootpage FROM sqlite_master WHERE name = 'installments'")
      .pluck()
      .get() as number;
    const pageSize = sqliteOf(app.ctx).pragma('page_size', { simple: true }) as number;
    await app.close();
    const fd = openSync(app.ctx.databasePath, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
    closeSync(fd);

    const refused = await reopen().then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DatabaseDamagedError);
    const damaged = refused as DatabaseDamagedError;
    expect(damaged.latestBackup).toBe(backup);
    expect(damaged.message).toMatch(/is damaged, so Pledgebook will not open it/);
    expect(damaged.message).toContain(`restore "${backup}"`);
  });

  it('refuses a book whose rows point at missing records', async () => {
    await app.close();
    sqliteShell(app.ctx.databasePath, 'PRAGMA foreign_keys = OFF; DELETE FROM borrowers;');
    await expect(reopen()).rejects.toThrow(/row\(s\) point at missing records \(first: loans → borrowers\)/);
    await expect(reopen()).rejects.toMatchObject({ latestBackup: null });
  });

  describe('in the background, as the desktop app runs them', () => {
    const openInBackground = () =>
      openApp({
        databasePath: app.ctx.databasePath,
        clock: fixedClock('2026-06-15'),
        startupCheck: 'background',
      });
    const rename = { companyName: 'Renamed Credit Co.' };

    it('opens a sound book at once and lets changes through once the checks pass', async () => {
      await app.close();
      const opened = await openInBackground();
      try {
        expect(await opened.ctx.startupCheck).toEqual([]);
        const result = await opened.dispatch('settings.update', rename);
        expect(result.ok).toBe(true);
      } finally {
        await opened.close();
      }
    });

    it('gives no verdict when the worker cannot run, so the app checks another way', async () => {
      await app.close();
      await expect(
        startupProblemsInBackground(app.ctx.databasePath, '/nowhere/better_sqlite3.node'),
      ).rejects.toThrow(/nowhere/);
      expect(await startupProblemsInBackground(app.ctx.databasePath)).toEqual([]);
    });

    it('refuses every change on a damaged book and writes nothing', async () => {
      await app.close();
      sqliteShell(app.ctx.databasePath, 'PRAGMA foreign_keys = OFF; DELETE FROM borrowers;');
      const opened = await openInBackground();
      try {
        const result = await opened.dispatch('settings.update', rename);
        expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
        if (!result.ok)
          expect(result.error.message).toMatch(/damaged .*point at missing records.*nothing was saved/);
        expect(await opened.ctx.startupCheck).toHaveLength(1);
        const name = sqliteOf(opened.ctx)
          .prepare("SELECT value FROM settings WHERE key = 'companyName'")
          .pluck()
          .get();
        expect(name).not.toContain('Renamed');
        // Reading stays possible, so the owner can still see what the book held.
        expect((await opened.dispatch('loans.list', {})).ok).toBe(true);
      } finally {
        await opened.close();
      }
    });
  });
});

describe('automatic backups', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  it('writes a verified backup and prunes older automatic ones by the retention policy, never manual ones', async () => {
    const folder = defaultBackupFolder(app.ctx.databasePath);
    mkdirSync(folder, { recursive: true });
    const old = ['2026-06-15T07-00-00.000Z', '2026-06-14T09-00-00.000Z', '2026-06-14T17-00-00.000Z'];
    for (const stamp of old) writeFileSync(join(folder, `pledgebook-auto-${stamp}.sqlite`), 'older backup');
    writeFileSync(join(folder, 'my-own-copy.sqlite'), 'kept by hand');

    const { path, removed } = await takeAutomaticBackup(app.ctx, folder);
    expect(path).toBe(join(folder, 'pledgebook-auto-2026-06-15T09-00-00.000Z.sqlite'));
    expect(verifyBackup({}, path).borrowers).toBe(0);
    expect(removed.sort()).toEqual(
      [
        join(folder, 'pledgebook-auto-2026-06-14T09-00-00.000Z.sqlite'),
        join(folder, 'pledgebook-auto-2026-06-15T07-00-00.000Z.sqlite'),
      ].sort(),
    );
    expect(readdirSync(folder).sort()).toEqual(
      [
        'my-own-copy.sqlite',
        'pledgebook-auto-2026-06-14T17-00-00.000Z.sqlite',
        'pledgebook-auto-2026-06-15T09-00-00.000Z.sqlite',
      ].sort(),
    );
  });
});
