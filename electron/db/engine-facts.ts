import type Database from 'better-sqlite3';

/** The version of the SQL engine under the book, for Settings → About and bug reports. */
export function sqliteVersion(book: { sqlite: Database.Database }): string {
  return String(book.sqlite.prepare('SELECT sqlite_version() AS v').pluck().get());
}
