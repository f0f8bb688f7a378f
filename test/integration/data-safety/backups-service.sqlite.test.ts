import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp } from '../../../electron/services/app';
import { Session } from '../../../electron/services/auth/actor';
import { fixedClock } from '../../../electron/services/clock';
import type { Platform } from '../../../electron/services/context';
import { automaticBackupPlan } from '../../../electron/services/system/backups.service';
import { DEFAULT_BACKUP_SETTINGS } from '../../../shared/contract/backups';
import { CAR_TITLE_60K, givenACarTitleLoan } from '../../support/fixtures';
import { openTestApp, WANG_FANG, type TestApp } from '../../support/test-app';
import { movableClock, openAccessApp, type AccessApp } from '../access/support';
import { sqliteOf } from '../../../electron/services/context';

let app!: TestApp;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function openBook() {
  app = await openTestApp('2026-06-15');
  cleanups.push(() => app.dispose());
}

/** Two borrowers, two loans, one payment. */
async function givenASmallBook() {
  const { loanId } = await givenACarTitleLoan(app.dispatch);
  await app.call('payments.record', { loanId, date: '2026-04-10', amount: 533_093, method: 'cash' });
  const { id: borrowerId } = await app.call('borrowers.create', {
    ...WANG_FANG,
    name: '李强',
    idNumber: '110101198511112345',
  });
  await app.call('loans.create', { borrowerId, ...CAR_TITLE_60K });
}

const settingsRow = () =>
  sqliteOf(app.ctx).prepare("SELECT value FROM settings WHERE key = 'backups'").pluck().get() ?? null;

describe('backup settings', () => {
  it('start at every 4 hours, keeping 7 daily, 4 weekly and 12 monthly backups', async () => {
    await openBook();
    const { settings, isDefaultFolder, folder } = await app.call('backups.overview', {});
    expect(settings).toEqual({ everyHours: 4, keepDaily: 7, keepWeekly: 4, keepMonthly: 12 });
    expect(settings).toEqual(DEFAULT_BACKUP_SETTINGS);
    expect(isDefaultFolder).toBe(true);
    expect(folder).toBe(join(app.ctx.databasePath, '..', 'backups'));
  });

  it('saves a valid change and the scheduler follows it', async () => {
    await openBook();
    expect(await app.call('backups.updateSettings', { everyHours: 12, keepMonthly: 24 })).toEqual({
      everyHours: 12,
      keepDaily: 7,
      keepWeekly: 4,
      keepMonthly: 24,
    });
    expect(await automaticBackupPlan(app.ctx)).toMatchObject({
      everyHours: 12,
      policy: { daily: 7, weekly: 4, monthly: 24 },
    });
  });

  it.each([
    [{ everyHours: 0 }, 'everyHours', /at least 1 hour/],
    [{ everyHours: 200 }, 'everyHours', /at most 168/],
    [{ everyHours: 1.5 }, 'everyHours', /whole number/],
    [{ keepDaily: 0 }, 'keepDaily', /at least 1/],
    [{ keepWeekly: -1 }, 'keepWeekly', /negative/],
    [{ folder: '/tmp' }, '(request)', /folder/],
  ])('refuses %j with a message for %s and saves nothing', async (patch, field, message) => {
    await openBook();
    const result = await app.attempt('backups.updateSettings', patch);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const issues = (result as { error: { details: { field: string; message: string }[] } }).error.details;
    expect(issues).toEqual([expect.objectContaining({ field })]);
    expect(issues[0]!.field === '(request)' ? JSON.stringify(issues) : issues[0]!.message).toMatch(message);
    expect(settingsRow()).toBeNull();
  });
});

describe('backing up and listing backups', () => {
  it('"back up now" writes a verified backup that the list shows with its counts', async () => {
    await openBook();
    await givenASmallBook();
    const made = await app.call('backups.run', {});
    expect(made).toMatchObject({
      kind: 'manual',
      counts: { loans: 2, payments: 1, contacts: 2 },
    });
    expect(made.name).toMatch(/^pledgebook-2026-06-15T09-00-00\.000Z\.sqlite$/);
    const { backups } = await app.call('backups.overview', {});
    expect(backups).toEqual([made]);
  });

  it('reports the copy’s progress to the caller, and a cancelled backup leaves no file behind', async () => {
    await openBook();
    await givenASmallBook();
    const seen: { phase: string; done: number; total: number }[] = [];
    const stop = new AbortController();
    const cancelled = await app.dispatch(
      'backups.run',
      {},
      {
        signal: stop.signal,
        progress: (p) => {
          seen.push(p);
          stop.abort();
        },
      },
    );
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(seen[0]).toMatchObject({ phase: 'backup' });
    expect(seen[0]!.total).toBeGreaterThan(0);
    const { backups, folder } = await app.call('backups.overview', {});
    expect(backups).toEqual([]);
    expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
    // Not left marked as running: the next backup goes ahead.
    expect(await app.call('backups.run', {})).toMatchObject({ kind: 'manual' });
  });

  it('lists a file that is not a book without counts instead of failing', async () => {
    await openBook();
    const { folder } = await app.call('backups.overview', {});
    await app.call('backups.run', {});
    writeFileSync(join(folder, 'notes.sqlite'), 'not a database');
    const { backups } = await app.call('backups.overview', {});
    expect(backups.map((b) => [b.name, b.counts === null]).sort()).toEqual(
      [
        ['notes.sqlite', true],
        [backups.find((b) => b.kind === 'manual' && b.name !== 'notes.sqlite')!.name, false],
      ].sort(),
    );
  });

  it('previews what a backup holds, and refuses a name outside the folder or a damaged file', async () => {
    await openBook();
    await givenASmallBook();
    const { name } = await app.call('backups.run', {});
    // Later changes are not in the backup.
    const { id: borrowerId } = await app.call('borrowers.create', {
      ...WANG_FANG,
      name: '赵敏',
      idNumber: '110101197702023456',
    });
    await app.call('loans.create', { borrowerId, ...CAR_TITLE_60K });
    expect(await app.call('backups.preview', { name })).toMatchObject({
      name,
      loans: 2,
      payments: 1,
      contacts: 2,
    });
    expect(await app.attempt('backups.preview', { name: '../book.db' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await app.attempt('backups.preview', { name: 'missing.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    const { folder } = await app.call('backups.overview', {});
    writeFileSync(join(folder, 'broken.sqlite'), 'not a database');
    expect(await app.attempt('backups.preview', { name: 'broken.sqlite' })).toMatchObject({ ok: false });
  });

  it('restore without the desktop app says so and changes nothing', async () => {
    await openBook();
    const { name } = await app.call('backups.run', {});
    expect(await app.attempt('backups.restore', { name })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });
});

describe('restore and folder choice through the desktop shell', () => {
  it('hands the verified backup to main to restore, and a chosen folder is used for the next backup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pledgebook-backups-'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'pledgebook-elsewhere-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    cleanups.push(() => rmSync(elsewhere, { recursive: true, force: true }));
    const restored: string[] = [];
    let rescheduled = 0;
    const platform: Platform = {
      savePdf: async () => ({ saved: false }),
      chooseFolder: async () => elsewhere,
      restartWithBackup: async (path) => void restored.push(path),
      backupSettingsChanged: () => void rescheduled++,
    };
    const desk = await openApp({
      databasePath: join(dir, 'book.db'),
      clock: fixedClock('2026-06-15'),
      platform,
      session: new Session({ userId: 0, username: 'system', displayName: 'System', role: 'owner' }),
    });
    cleanups.push(() => desk.close());
    const call = async (method: string, input: unknown) => {
      const r = await desk.dispatch(method, input);
      if (!r.ok) throw new Error(r.error.message);
      return r.value as never;
    };
    expect(await call('backups.chooseFolder', {})).toEqual({ changed: true, folder: elsewhere });
    expect(rescheduled).toBe(1);
    const made: { name: string } = await call('backups.run', {});
    expect((await automaticBackupPlan(desk.ctx)).folder).toBe(elsewhere);
    await call('backups.restore', { name: made.name });
    expect(restored).toEqual([join(elsewhere, made.name)]);
    expect(await call('backups.chooseFolder', { useDefault: true })).toEqual({
      changed: true,
      folder: join(dir, 'backups'),
    });
  });
});

describe('who may manage backups', () => {
  it('a collector or viewer may not back up, list or restore', async () => {
    const access: AccessApp = await openAccessApp(movableClock('2026-06-15T09:00:00.000Z'));
    cleanups.push(() => access.dispose());
    await access.as('chen', 'owner');
    await access.as('li', 'collector');
    for (const method of ['backups.overview', 'backups.run'] as const) {
      expect(await access.attempt(method, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    await access.as('wu', 'manager');
    expect((await access.call('backups.run', {})).kind).toBe('manual');
  });
});
