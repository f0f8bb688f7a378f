import type Database from 'better-sqlite3';
import type { CompiledQuery, Kysely } from 'kysely';
import type { DB } from './schema';

/**
 * A compiled query's rows as arrays, not objects: for a read over the whole book (every
 * collateral link on a past date) where an object per row was most of the time, in garbage
 * collection. The raw handle stays in electron/db; services pass the book they were given.
 * A server book returns objects anyway; their values are taken in column order.
 */
export async function rowsAsArrays<Row extends unknown[]>(
  book: { sqlite?: Database.Database; db: Kysely<DB> },
  query: CompiledQuery,
): Promise<Row[]> {
  if (!book.sqlite) {
    const result = await book.db.executeQuery<Record<string, unknown>>(query);
    return result.rows.map((r) => Object.values(r) as Row);
  }
  return book.sqlite
    .prepare(query.sql)
    .raw()
    .all(...(query.parameters as unknown[])) as Row[];
}
