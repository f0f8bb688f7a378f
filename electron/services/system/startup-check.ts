import type Database from 'better-sqlite3';
import { defaultBackupFolder, listBackups } from './backup-folder';

/** The book is damaged: the app must stop and say so, never carry on writing to it. */
export class DatabaseDamagedError extends Error {
  constructor(
    readonly databasePath: string,
    readonly problems: string[],
    /** The newest backup on disk, offered for restore; null when there is none. */
    readonly latestBackup: string | null,
  ) {
    super(
      [
        `The database at ${databasePath} is damaged, so Pledgebook will not open it.`,
        `Problems found: ${problems.join('; ')}.`,
        latestBackup
          ? `The latest backup is ${latestBackup}; restore it with: npm run cli -- restore "${latestBackup}" --db "${databasePath}"`
          : 'No backup was found next to it.',
      ].join(' '),
    );
  }
}

/**
 * The start-up checks: quick_check (page structure, fast even on a big book) and foreign keys.
 * The full integrity_check is for `cli check`, which can take its time.
 */
export function startupProblems(sqlite: Database.Database): string[] {
  const problems: string[] = [];
  const quick = (sqlite.pragma('quick_check') as Record<string, string>[]).map(
    (r) => Object.values(r)[0] ?? '',
  );
  if (!(quick.length === 1 && quick[0] === 'ok'))
    problems.push(`quick_check: ${quick.slice(0, 5).join(', ')}`);
  const orphans = sqlite.pragma('foreign_key_check') as { table: string; parent: string }[];
  if (orphans.length > 0) {
    const first = orphans[0]!;
    problems.push(
      `${orphans.length} row(s) point at missing records (first: ${first.table} → ${first.parent})`,
    );
  }
  return problems;
}

export function damagedError(databasePath: string, problems: string[]): DatabaseDamagedError {
  const latest = databasePath === ':memory:' ? undefined : listBackups(defaultBackupFolder(databasePath))[0];
  return new DatabaseDamagedError(databasePath, problems, latest?.path ?? null);
}

/** SQLite's own words for a file that is not a sound database. */
export const isCorruptionError = (error: unknown) =>
  error instanceof Error &&
  /SQLITE_(CORRUPT|NOTADB)|malformed|not a database/i.test(
    `${(error as { code?: string }).code ?? ''} ${error.message}`,
  );
