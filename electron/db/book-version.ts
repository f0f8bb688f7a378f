import type Database from 'better-sqlite3';

let serverReads = 0;

/**
 * Changes whenever the book does: a write on this connection (total_changes) or a commit on
 * another one (data_version). A service keeps something costly to rebuild (the whole register's
 * position, the loan list in name order) only while this stays the same.
 *
 * A server book has no such cheap counter that sees other PCs' commits, so every read gets a new
 * version there: nothing is reused, and nothing stale is shown.
 */
export function bookVersion(book: { sqlite?: Database.Database }): string {
  if (!book.sqlite) return `server|${++serverReads}`;
  const v = book.sqlite
    .prepare('SELECT total_changes() AS a, (SELECT data_version FROM pragma_data_version) AS b')
    .get() as { a: number; b: number };
  return `${v.a}|${v.b}`;
}
