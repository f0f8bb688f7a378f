import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { sqliteOf, type ServiceContext } from '../context';
import { rowCounts } from './checksums';
import { currentWork, reportProgress, stopIfCancelled } from '../work';

export class BackupVerificationError extends Error {}

type BackupSource = Pick<ServiceContext, 'sqlite' | 'nativeBinding'>;

/**
 * Copies the live database with SQLite's online backup API (consistent even while the app
 * writes; a plain file copy of a WAL database is not), then proves the copy opens, is sound and
 * holds as many rows in every table as the live database.
 */
export async function backUpDatabase(
  ctx: BackupSource,
  destination: string,
  onProgress?: (fraction: number) => void,
): Promise<{ path: string; pages: number; counts: Record<string, number> }> {
  let pages = 0;
  mkdirSync(dirname(destination), { recursive: true });
  const work = currentWork();
  try {
    await sqliteOf(ctx).backup(destination, {
      progress: ({ totalPages, remainingPages }) => {
        pages = totalPages;
        onProgress?.(totalPages === 0 ? 1 : (totalPages - remainingPages) / totalPages);
        reportProgress({ phase: 'backup', done: totalPages - remainingPages, total: totalPages });
        // better-sqlite3 closes the backup when this throws; the partial copy goes below.
        stopIfCancelled(work);
        return 200;
      },
    });
  } catch (error) {
    rmSync(destination, { force: true });
    throw error;
  }
  // Counted straight after the copy, before any other request can write.
  const expected = rowCounts(sqliteOf(ctx));
  selfContained(ctx, destination);
  onProgress?.(1); // better-sqlite3 does not call progress for the final step
  const counts = verifyBackup(ctx, destination, expected);
  return { path: destination, pages, counts };
}

/** Opens a backup read-only and proves it sound; with `expected`, also that its rows match. */
export function verifyBackup(
  ctx: Pick<ServiceContext, 'nativeBinding'>,
  path: string,
  expected?: Record<string, number>,
): Record<string, number> {
  const copy = openReadOnly(ctx, path);
  try {
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok')
      throw new BackupVerificationError(
        `the backup at ${path} failed its integrity check: ${String(integrity)}`,
      );
    const counts = rowCounts(copy);
    if (expected) {
      for (const [table, n] of Object.entries(expected)) {
        if (counts[table] !== n) {
          throw new BackupVerificationError(
            `the backup at ${path} holds ${counts[table] ?? 0} row(s) in ${table}, the live database ${n}`,
          );
        }
      }
    }
    return counts;
  } finally {
    copy.close();
  }
}

export function openReadOnly(ctx: Pick<ServiceContext, 'nativeBinding'>, path: string): Database.Database {
  return new Database(path, {
    readonly: true,
    fileMustExist: true,
    ...(ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}),
  });
}

/**
 * The copy inherits WAL mode, which would make every later opening of it leave -wal and -shm
 * files beside it. Rollback-journal mode keeps a backup one file, safe to carry on a USB stick.
 */
function selfContained(ctx: Pick<ServiceContext, 'nativeBinding'>, path: string): void {
  const copy = new Database(path, {
    fileMustExist: true,
    ...(ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}),
  });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}
