import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { backUpDatabase, BackupVerificationError, openReadOnly, verifyBackup } from './backup';
import { beforeRestorePath } from './backup-folder';
import { rowCounts } from './checksums';
import { isCorruptionError } from './startup-check';

export interface BackupPreview {
  path: string;
  /** When the backup file was written. */
  takenAt: string;
  loans: number;
  payments: number;
  /** People in the book: borrowers, guarantors and references. */
  contacts: number;
}

/** What a backup holds, read without changing it; refuses a backup that is not sound. */
export function previewBackup(ctx: { nativeBinding?: string }, path: string): BackupPreview {
  if (!existsSync(path)) throw new BackupVerificationError(`there is no backup at ${path}`);
  const counts = verifyBackup(ctx, path);
  return {
    path,
    takenAt: statSync(path).mtime.toISOString(),
    loans: counts.loans ?? 0,
    payments: counts.payments ?? 0,
    contacts: counts.borrowers ?? 0,
  };
}

export interface RestoreOptions {
  databasePath: string;
  backupPath: string;
  /** The current instant, to name the saved copy of the book being replaced. */
  now: string;
  nativeBinding?: string;
}

/**
 * Replaces the book with a backup. The database must be closed. The current book is first saved
 * (verified, like any backup) so the restore can itself be undone by restoring that copy; the
 * copy is made with SQLite's backup API in both directions, never a file copy.
 */
export async function restoreDatabase(
  options: RestoreOptions,
): Promise<{ preview: BackupPreview; savedCurrentTo: string | null }> {
  const preview = previewBackup(options, options.backupPath);
  let savedCurrentTo: string | null = null;
  if (existsSync(options.databasePath)) {
    savedCurrentTo = beforeRestorePath(options.databasePath, options.now);
    mkdirSync(dirname(savedCurrentTo), { recursive: true });
    const live = open(options, options.databasePath);
    try {
      await backUpDatabase({ sqlite: live, nativeBinding: options.nativeBinding }, savedCurrentTo);
    } catch (error) {
      // A damaged book still gets saved page for page, for whoever investigates; only its
      // verification fails, and that must not block restoring a good backup over it.
      if (!(error instanceof BackupVerificationError) && !isCorruptionError(error)) throw error;
    } finally {
      live.close();
    }
  }
  const source = openReadOnly(options, options.backupPath);
  try {
    const expected = rowCounts(source);
    await source.backup(options.databasePath);
    verifyBackup(options, options.databasePath, expected);
  } finally {
    source.close();
  }
  return { preview, savedCurrentTo };
}

const open = (options: { nativeBinding?: string }, path: string) =>
  new Database(path, {
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
