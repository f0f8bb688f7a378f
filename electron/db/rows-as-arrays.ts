import type Database from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';

/**
 * A compiled query's rows as arrays, not objects: for a read over the whole book (every
 * collateral link on a past date) where an object per row was most of the time, in garbage
 * collection. The raw handle stays in electron/db; services pass the book they were given.
 */
export function rowsAsArrays<Row extends unknown[]>(
  book: { sqlite: Database.Database },
  query: CompiledQuery,
): Row[] {
  return book.sqlite
    .prepare(query.sql)
    .raw()
    .all(...(query.parameters as unknown[])) as Row[];
}
