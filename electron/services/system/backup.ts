import Database from 'better-sqlite3';
import type { ServiceContext } from '../context';

export class BackupVerificationError extends Error {}

/**
 * Copies the live database with SQLite's online backup API (consistent even while the app
 * writes; a plain file copy of a WAL database is not), then proves the copy opens and is sound.
 */
export async function backUpDatabase(
  ctx: Pick<ServiceContext, 'sqlite' | 'nativeBinding'>,
  destination: string,
  onProgress?: (fraction: number) => void,
): Promise<{ path: string; pages: number }> {
  let pages = 0;
  await ctx.sqlite.backup(destination, {
    progress: ({ totalPages, remainingPages }) => {
      pages = totalPages;
      onProgress?.(totalPages === 0 ? 1 : (totalPages - remainingPages) / totalPages);
      return 200;
    },
  });
  onProgress?.(1); // better-sqlite3 does not call progress for the final step
  const copy = new Database(destination, {
    readonly: true,
    fileMustExist: true,
    ...(ctx.nativeBinding ? { nativeBinding: ctx.nativeBinding } : {}),
  });
  try {
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok')
      throw new BackupVerificationError(
        `the backup at ${destination} failed its integrity check: ${String(integrity)}`,
      );
  } finally {
    copy.close();
  }
  return { path: destination, pages };
}
