import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { describeServerBook } from '../../db/postgres/open';
import type { Db } from '../../db/db';
import { basename, isAbsolute, join } from 'node:path';
import {
  backupSettingsSchema,
  DEFAULT_BACKUP_SETTINGS,
  type BackupCounts,
  type BackupListing,
  type BackupSettings,
} from '../../../shared/contract/backups';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { appendAudit } from '../audit/audit';
import { domainError, ruleViolation, invalidField } from '../errors';
import { backUpDatabase, BackupVerificationError, openReadOnly } from './backup';
import { backupFileName, defaultBackupFolder, freshPath, listBackups } from './backup-folder';
import type { RetentionPolicy } from './auto-backup';
import { previewBackup } from './restore';
import { readSettingsRows, writeSetting } from './settings.repository';

/** Stored as one settings row; the folder is kept apart from what the form edits. */
const SETTINGS_KEY = 'backups';

interface StoredBackupSettings extends BackupSettings {
  /** Empty: the default folder next to the book. */
  folder: string;
}

/** What the scheduler in main needs: where, how often, and what retention keeps. */
export async function automaticBackupPlan(
  ctx: Pick<ServiceContext, 'db' | 'databasePath'>,
): Promise<{ folder: string; everyHours: number; policy: RetentionPolicy }> {
  const stored = await readStored(ctx.db);
  return {
    folder: folderOf(ctx, stored),
    everyHours: stored.everyHours,
    policy: { daily: stored.keepDaily, weekly: stored.keepWeekly, monthly: stored.keepMonthly },
  };
}

async function readStored(db: Db): Promise<StoredBackupSettings> {
  const raw = (await readSettingsRows(db))[SETTINGS_KEY];
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  // A damaged value falls back to the defaults rather than stopping backups.
  const { folder, ...editable } = record;
  const parsed = backupSettingsSchema.partial().safeParse(editable);
  return {
    ...DEFAULT_BACKUP_SETTINGS,
    ...(parsed.success ? stripUndefined(parsed.data) : {}),
    folder: typeof folder === 'string' ? folder : '',
  };
}

const stripUndefined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

const folderOf = (ctx: Pick<ServiceContext, 'databasePath'>, stored: StoredBackupSettings) =>
  stored.folder || defaultBackupFolder(ctx.databasePath);

function kindOf(name: string): BackupListing['kind'] {
  if (name.startsWith('pledgebook-auto-')) return 'automatic';
  return name.includes('.before-restore') ? 'before-restore' : 'manual';
}

/** Loans, payments and people in a backup, read without checking the whole file. */
function countsOf(ctx: Pick<ServiceContext, 'nativeBinding'>, path: string): BackupCounts | null {
  try {
    const copy = openReadOnly(ctx, path);
    try {
      const count = (table: string) => Number(copy.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get());
      return { loans: count('loans'), payments: count('payments'), contacts: count('borrowers') };
    } finally {
      copy.close();
    }
  } catch {
    return null;
  }
}

/** How many backups the list reads counts for; older ones are still on disk. */
const LISTED = 100;

function listing(ctx: Pick<ServiceContext, 'nativeBinding'>, path: string): BackupListing {
  const stat = statSync(path);
  const name = basename(path);
  return {
    name,
    kind: kindOf(name),
    takenAt: stat.mtime.toISOString(),
    bytes: stat.size,
    counts: countsOf(ctx, path),
  };
}

export function backupHandlers(
  ctx: ServiceContext,
): Pick<
  Handlers,
  | 'backups.overview'
  | 'backups.updateSettings'
  | 'backups.chooseFolder'
  | 'backups.run'
  | 'backups.preview'
  | 'backups.restore'
> {
  /** One backup at a time; its progress goes to the caller over the port (services/work.ts). */
  let running = false;

  /** Backups the screen may name: the chosen folder, plus the pre-restore copies kept by the book. */
  const folders = async () => {
    const folder = folderOf(ctx, await readStored(ctx.db));
    const beside = defaultBackupFolder(ctx.databasePath);
    return folder === beside ? [folder] : [folder, beside];
  };
  const resolve = async (name: string) => {
    for (const folder of await folders()) {
      const path = join(folder, name);
      if (basename(path) === name && existsSync(path)) return path;
    }
    throw domainError('not-found', 'backup.notFound', { name });
  };
  const save = async (next: StoredBackupSettings, before: StoredBackupSettings) => {
    await ctx.db.transaction().execute(async (trx) => {
      await writeSetting(trx, SETTINGS_KEY, next);
      await appendAudit(trx, ctx, {
        entity: 'settings',
        entityId: SETTINGS_KEY,
        action: 'update',
        before,
        after: next,
      });
    });
    // The open app's timer follows the new interval, folder and retention at once.
    ctx.platform?.backupSettingsChanged?.();
  };
  const verified = <T>(work: () => T): T => {
    try {
      return work();
    } catch (error) {
      if (error instanceof BackupVerificationError)
        throw ruleViolation('backup.unusable', { detail: error.message });
      throw error;
    }
  };

  /** Backup files are a file book's; a server book's backups are the server's (pg_dump). */
  const fileBookOnly = () => {
    if (ctx.engine === 'postgres') throw domainError('unavailable', 'server.fileBookOnly');
  };

  return {
    'backups.overview': async () => {
      const stored = await readStored(ctx.db);
      if (ctx.engine === 'postgres') {
        const { folder: _folder, ...kept } = stored;
        return {
          server: { book: describeServerBook(ctx.databasePath) },
          folder: '',
          isDefaultFolder: true,
          settings: kept,
          backups: [],
        };
      }
      const folder = folderOf(ctx, stored);
      const [chosen, ...others] = await folders();
      const files = [
        ...listBackups(chosen!),
        ...others.flatMap((f) => listBackups(f).filter((b) => kindOf(basename(b.path)) === 'before-restore')),
      ]
        .sort((a, b) => b.takenAt.localeCompare(a.takenAt))
        .slice(0, LISTED);
      const { folder: _folder, ...settings } = stored;
      return {
        server: null,
        folder,
        isDefaultFolder: stored.folder === '',
        settings,
        backups: files.map((f) => listing(ctx, f.path)),
      };
    },

    'backups.updateSettings': async (patch) => {
      const before = await readStored(ctx.db);
      const next = { ...before, ...stripUndefined(patch) };
      await save(next, before);
      const { folder: _folder, ...settings } = next;
      return settings;
    },

    'backups.chooseFolder': async ({ useDefault }) => {
      fileBookOnly();
      const before = await readStored(ctx.db);
      let folder = '';
      if (!useDefault) {
        if (!ctx.platform?.chooseFolder) throw domainError('unavailable', 'desktop.chooseFolder');
        const chosen = await ctx.platform.chooseFolder(folderOf(ctx, before));
        if (chosen === null) return { changed: false, folder: folderOf(ctx, before) };
        if (!isAbsolute(chosen)) throw invalidField('folder', 'backup.folderNotAbsolute');
        try {
          accessSync(chosen, constants.W_OK);
        } catch {
          throw invalidField('folder', 'backup.folderNotWritable', { folder: chosen });
        }
        folder = chosen;
      }
      await save({ ...before, folder }, before);
      return { changed: true, folder: folderOf(ctx, { ...before, folder }) };
    },

    'backups.run': async () => {
      fileBookOnly();
      if (running) throw ruleViolation('backup.running');
      const folder = folderOf(ctx, await readStored(ctx.db));
      running = true;
      try {
        const path = freshPath(folder, backupFileName(ctx.clock.now()));
        await verifiedAsync(() => backUpDatabase(ctx, path));
        await ctx.db
          .transaction()
          .execute((trx) =>
            appendAudit(trx, ctx, { entity: 'backup', entityId: basename(path), action: 'create' }),
          );
        return listing(ctx, path);
      } finally {
        running = false;
      }
    },

    'backups.preview': async ({ name }) => {
      fileBookOnly();
      const path = await resolve(name);
      const preview = verified(() => previewBackup(ctx, path));
      return {
        name,
        takenAt: preview.takenAt,
        loans: preview.loans,
        payments: preview.payments,
        contacts: preview.contacts,
      };
    },

    'backups.restore': async ({ name }) => {
      fileBookOnly();
      const path = await resolve(name);
      if (!ctx.platform?.restartWithBackup) throw domainError('unavailable', 'desktop.restore');
      const preview = verified(() => previewBackup(ctx, path));
      // Recorded in the book being replaced; the copy saved before the restore keeps it.
      await ctx.db.transaction().execute((trx) =>
        appendAudit(trx, ctx, {
          entity: 'backup',
          entityId: name,
          action: 'restore',
          after: { loans: preview.loans, payments: preview.payments, contacts: preview.contacts },
        }),
      );
      await ctx.platform.restartWithBackup(path);
      return { restarting: true };
    },
  };
}

async function verifiedAsync<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof BackupVerificationError)
      throw domainError('unavailable', 'backup.unverified', { detail: error.message });
    throw error;
  }
}
