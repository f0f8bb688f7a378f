import type Database from 'better-sqlite3';

/**
 * Changes whenever the book does: a write on this connection (total_changes) or a commit on
 * another one (data_version). A service keeps something costly to rebuild (the whole register's
 * position, the loan list in name order) only while this stays the same.
 */
export function bookVersion(book: { sqlite: Database.Database }): string {
  const v = book.sqlite
    .prepare('SELECT total_changes() AS a, (SELECT data_version FROM pragma_data_version) AS b')
    .get() as { a: number; b: number };
  return `${v.a}|${v.b}`;
}
