import { PostgresAdapter, type Kysely, type Transaction } from 'kysely';

/** The two engines a book lives on: a file on one PC, or a server the office shares. */
export type Engine = 'sqlite' | 'postgres';

/** A `postgres://` or `postgresql://` URL names a server book; anything else is a file path. */
export function isServerBook(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location.trim());
}

/** Which engine runs the queries of `db` (the open book or a transaction on it). */
export function engineOf(
  db: Kysely<never> | Transaction<never> | { getExecutor(): { adapter: unknown } },
): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
