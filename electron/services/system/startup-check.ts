import { Worker } from 'node:worker_threads';
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

/**
 * The same checks on a read-only handle in a worker thread, so a large book's quick_check (about
 * 3 s at 100k loans) does not hold up the first screen. The worker is plain JavaScript passed as
 * text: there is no second bundle to ship, and it loads the very better-sqlite3 build main uses.
 */
export function startupProblemsInBackground(databasePath: string, nativeBinding?: string): Promise<string[]> {
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     const Database = require(workerData.module);
     const db = new Database(workerData.path, { readonly: true, fileMustExist: true, nativeBinding: workerData.nativeBinding });
     try {
       const quick = db.pragma('quick_check').map((r) => Object.values(r)[0]);
       const orphans = db.pragma('foreign_key_check');
       parentPort.postMessage({ quick, orphans: orphans.length, first: orphans[0] ?? null });
     } finally { db.close(); }`,
    {
      eval: true,
      workerData: { module: require.resolve('better-sqlite3'), path: databasePath, nativeBinding },
    },
  );
  return new Promise<string[]>((resolve, reject) => {
    worker.once(
      'message',
      (m: { quick: string[]; orphans: number; first: { table: string; parent: string } | null }) => {
        const problems: string[] = [];
        if (!(m.quick.length === 1 && m.quick[0] === 'ok'))
          problems.push(`quick_check: ${m.quick.slice(0, 5).join(', ')}`);
        if (m.orphans > 0)
          problems.push(
            `${m.orphans} row(s) point at missing records (first: ${m.first!.table} → ${m.first!.parent})`,
          );
        resolve(problems);
      },
    );
    // A file SQLite cannot even read is damaged; any other failure (the worker could not load
    // the driver, say) is not a verdict on the book, so the caller checks another way.
    worker.once('error', (error) => (isCorruptionError(error) ? resolve([error.message]) : reject(error)));
  }).finally(() => void worker.terminate());
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
