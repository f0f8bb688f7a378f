import { sql } from 'kysely';
import type Database from 'better-sqlite3';
import type { Db } from './db';

/**
 * Changes whenever the book does. A service keeps something costly to rebuild (the whole
 * register's position, the loan list in name order, the worklist's day flags) only while this
 * stays the same.
 *
 * A file book: a write on this connection (total_changes) or a commit on another (data_version).
 * A server book: the transaction snapshot (`pg_current_snapshot()`), the highest transaction id
 * handed out and those still running. Any commit on the server, from this PC or another, either
 * takes an id past the old highest or leaves the running list, so an equal snapshot means exactly
 * the same committed data. It may change without the book changing (another database on the
 * server, vacuum): that only costs a rebuild, never a stale figure.
 */
export async function bookVersion(book: { sqlite?: Database.Database; db: Db }): Promise<string> {
  if (!book.sqlite) {
    const row = await sql<{ v: string }>`SELECT CAST(pg_current_snapshot() AS text) AS v`.execute(book.db);
    return `server|${row.rows[0]!.v}`;
  }
  const v = book.sqlite
    .prepare('SELECT total_changes() AS a, (SELECT data_version FROM pragma_data_version) AS b')
    .get() as { a: number; b: number };
  return `${v.a}|${v.b}`;
}
