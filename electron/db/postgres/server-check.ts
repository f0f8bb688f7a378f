import { sql, type Kysely } from 'kysely';
import { ServerBookError } from './server-errors';

/** PostgreSQL 14 is the oldest release still supported upstream when office mode shipped. */
export const OLDEST_SERVER = 140000;

/**
 * Refuses a server Pledgebook cannot keep a book on, before anything is written: too old, no
 * pg_trgm (the search index), or a database that already holds someone else's tables.
 */
export async function assertServerSupported(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{
    version: number;
    shown: string;
    trgm: number;
    migrations: string | null;
    tables: number;
  }>`
    SELECT current_setting('server_version_num')::int AS version,
           current_setting('server_version') AS shown,
           (SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm') AS trgm,
           to_regclass('kysely_migration')::text AS migrations,
           (SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()) AS tables`.execute(db);
  const server = rows[0]!;
  if (server.version < OLDEST_SERVER) {
    throw new ServerBookError('server.tooOld', { version: server.shown, oldest: '14' });
  }
  if (server.trgm === 0) throw new ServerBookError('server.noTrgm');
  if (server.migrations === null && server.tables > 0) {
    throw new ServerBookError('server.notPledgebook', { tables: server.tables });
  }
}
