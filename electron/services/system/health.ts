import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { HealthReport } from '../../../shared/contract';
import { migrationState } from '../../db/migrate';
import type { DB } from '../../db/schema';

/**
 * The full health check behind `cli check` and the start-up check: page integrity, foreign keys,
 * the pragmas every write relies on, and whether the schema matches this version of the app.
 */
export async function checkHealth(
  sqlite: Database.Database,
  db: Kysely<unknown>,
  mode: 'quick' | 'full' = 'full',
): Promise<HealthReport> {
  const pragma = mode === 'quick' ? 'quick_check' : 'integrity_check';
  const integrity = (sqlite.pragma(pragma) as Record<string, string>[]).map((r) => Object.values(r)[0] ?? '');
  const foreignKeyViolations = (sqlite.pragma('foreign_key_check') as unknown[]).length;
  const migrations = await migrationState(db);
  const pragmas = {
    journalMode: String(sqlite.pragma('journal_mode', { simple: true })),
    synchronous: Number(sqlite.pragma('synchronous', { simple: true })),
    foreignKeys: Number(sqlite.pragma('foreign_keys', { simple: true })),
  };
  const healthy =
    integrity.length === 1 &&
    integrity[0] === 'ok' &&
    foreignKeyViolations === 0 &&
    migrations.pending.length === 0 &&
    migrations.unknown.length === 0 &&
    pragmas.foreignKeys === 1;
  return { healthy, integrity, foreignKeyViolations, migrations, pragmas };
}

/** The same checks on the open book (a ServiceContext): the data-safety module reads its raw handle. */
export const checkBookHealth = (
  book: { sqlite: Database.Database; db: Kysely<DB> },
  mode: 'quick' | 'full' = 'full',
): Promise<HealthReport> => checkHealth(book.sqlite, book.db as unknown as Kysely<unknown>, mode);
