import { sql, type Kysely } from 'kysely';
import { ServerBookError } from './server-errors';

/** PostgreSQL 14 is the oldest release still supported upstream when office mode shipped. */
export const OLDEST_SERVER = 140000;

/**
 * Refuses a server Pledgebook cannot keep a book on, before anything is written: too old, no
 * pg_trgm (the search index), or a database that already holds someone else's tables.
 */
export async function assertServerSupported(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<ServerFacts>`
    SELECT current_setting('server_version_num')::int AS version,
           current_setting('server_version') AS shown,
           (SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm') AS trgm,
           to_regclass('kysely_migration')::text AS migrations,
           (SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()) AS tables`.execute(db);
  const problem = serverProblemIn(rows[0]!);
  if (problem) throw problem;
}

/** What the server says of itself, as `assertServerSupported` reads it. */
export interface ServerFacts {
  /** server_version_num, e.g. 150004. */
  version: number;
  /** server_version as shown to the user, e.g. "15.4". */
  shown: string;
  /** 1 when pg_trgm can be created. */
  trgm: number;
  /** Kysely's migration table, or null in a database Pledgebook never migrated. */
  migrations: string | null;
  tables: number;
}

/** Why a server with these facts cannot keep a book, or null when it can. */
export function serverProblemIn(server: ServerFacts): ServerBookError | null {
  if (server.version < OLDEST_SERVER) {
    return new ServerBookError('server.tooOld', { version: server.shown, oldest: '14' });
  }
  if (server.trgm === 0) return new ServerBookError('server.noTrgm');
  if (server.migrations === null && server.tables > 0) {
    return new ServerBookError('server.notPledgebook', { tables: server.tables });
  }
  return null;
}
