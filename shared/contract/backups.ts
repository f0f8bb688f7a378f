import { z } from 'zod';
import { method, changes, reads } from './define';
import { noInput } from './common';

/** How often the open app backs up, and how many automatic backups retention keeps. */
export const backupSettingsSchema = z
  .object({
    everyHours: z
      .number()
      .int('must be a whole number of hours')
      .min(1, 'must be at least 1 hour')
      .max(168, 'must be at most 168 hours (one week)'),
    keepDaily: z.number().int('must be a whole number').min(1, 'keep at least 1 daily backup').max(366),
    keepWeekly: z.number().int('must be a whole number').min(0, 'cannot be negative').max(260),
    keepMonthly: z.number().int('must be a whole number').min(0, 'cannot be negative').max(120),
  })
  .strict();
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

export const DEFAULT_BACKUP_SETTINGS: BackupSettings = {
  everyHours: 4,
  keepDaily: 7,
  keepWeekly: 4,
  keepMonthly: 12,
};

export interface BackupCounts {
  loans: number;
  payments: number;
  /** People in the book: borrowers, guarantors and references. */
  contacts: number;
}

export interface BackupListing {
  /** File name inside the backup folder: requests name a backup by this, never by a path. */
  name: string;
  kind: 'automatic' | 'manual' | 'before-restore';
  takenAt: string;
  bytes: number;
  /** Null when the file cannot be read as a Pledgebook book. */
  counts: BackupCounts | null;
}

export interface BackupOverview {
  /**
   * Set when the open book is on a PostgreSQL server (office mode): the server's own backups are
   * the first line, and this PC keeps no backup files of it. `book` is the address, no password.
   */
  server: { book: string } | null;
  folder: string;
  /** True while the folder is the default one next to the book. */
  isDefaultFolder: boolean;
  settings: BackupSettings;
  backups: BackupListing[];
}

export interface BackupPreviewView extends BackupCounts {
  name: string;
  takenAt: string;
}

/** A file name in the backup folder: no folders, so a request can never point elsewhere. */
const backupName = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^<>:"/\\|?*]+\.sqlite$/, 'must be the name of a .sqlite file in the backup folder');

export const backupsContract = {
  'backups.overview': method<BackupOverview>()(noInput, reads('backups.manage')),
  'backups.updateSettings': method<BackupSettings>()(
    backupSettingsSchema.partial().strict(),
    changes('backups.manage'),
  ),
  /** Main shows a folder dialog; `useDefault` goes back to the folder next to the book. */
  'backups.chooseFolder': method<{ changed: boolean; folder: string }>()(
    z.object({ useDefault: z.boolean().default(false) }).strict(),
    changes('backups.manage'),
  ),
  'backups.run': method<BackupListing>()(noInput, changes('backups.manage')),
  /** Progress of the backup running now, for the screen to poll: 0..1, null when idle. */
  'backups.preview': method<BackupPreviewView>()(
    z.object({ name: backupName }).strict(),
    reads('backups.manage'),
  ),
  /** Saves the current book, replaces it with the backup, then the app restarts. */
  'backups.restore': method<{ restarting: true }>()(
    z.object({ name: backupName }).strict(),
    changes('backups.manage'),
  ),
};
