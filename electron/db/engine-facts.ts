import type Database from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema';

/** The version of the SQL engine under the book, for Settings → About and bug reports. */
export async function engineVersion(book: { sqlite?: Database.Database; db: Kysely<DB> }): Promise<string> {
  if (book.sqlite) return String(book.sqlite.prepare('SELECT sqlite_version() AS v').pluck().get());
  const { rows } = await sql<{ v: string }>`SELECT current_setting('server_version') AS v`.execute(book.db);
  return `PostgreSQL ${rows[0]?.v ?? '?'}`;
}
