import type Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
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
  book: { sqlite?: Database.Database; db: Kysely<DB> },
  mode: 'quick' | 'full' = 'full',
): Promise<HealthReport> =>
  book.sqlite
    ? checkHealth(book.sqlite, book.db as unknown as Kysely<unknown>, mode)
    : checkServerHealth(book.db as unknown as Kysely<unknown>);

/**
 * A server book's checks: the server keeps its own pages (checksums, WAL), so integrity here is
 * amcheck over every B-tree index where the extension is installed; foreign keys are always
 * enforced, so a violation can only hide behind a constraint left NOT VALID.
 */
export async function checkServerHealth(db: Kysely<unknown>): Promise<HealthReport> {
  const installed = await sql<{
    n: number;
  }>`SELECT count(*) AS n FROM pg_extension WHERE extname = 'amcheck'`.execute(db);
  const integrity: string[] = [];
  if ((installed.rows[0]?.n ?? 0) > 0) {
    const indexes = await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid
        JOIN pg_am am ON am.oid = c.relam
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE am.amname = 'btree' AND n.nspname = current_schema()`.execute(db);
    for (const { name } of indexes.rows) {
      try {
        await sql`SELECT bt_index_check(${sql.table(name)}::regclass::oid)`.execute(db);
      } catch (error) {
        integrity.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  if (integrity.length === 0) integrity.push('ok');
  const unvalidated = await sql<{ n: number }>`
    SELECT count(*) AS n FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
     WHERE c.contype = 'f' AND NOT c.convalidated AND n.nspname = current_schema()`.execute(db);
  const foreignKeyViolations = unvalidated.rows[0]?.n ?? 0;
  const migrations = await migrationState(db);
  const commit = await sql<{ v: string }>`SELECT current_setting('synchronous_commit') AS v`.execute(db);
  const pragmas = {
    journalMode: 'server',
    synchronous: commit.rows[0]?.v === 'off' ? 0 : 2,
    foreignKeys: 1,
  };
  const healthy =
    integrity[0] === 'ok' &&
    foreignKeyViolations === 0 &&
    migrations.pending.length === 0 &&
    migrations.unknown.length === 0;
  return { healthy, integrity, foreignKeyViolations, migrations, pragmas };
}
