import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import type { DB } from '../schema';

export interface PostgresConnection {
  engine: 'postgres';
  db: Kysely<DB>;
  pool: pg.Pool;
  /** The URL as given, password included: never log it (see `describeServerBook`). */
  url: string;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;

/**
 * Money is integer minor units in bigint columns, and sum() of a bigint is numeric. node-postgres
 * returns both as strings, to be safe past 2^53; a book's amounts are far below that, so they come
 * back as numbers — and a value that would not fit exactly is an error, never a rounded amount.
 */
function exactNumber(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`the server returned ${text}, which is outside the range Pledgebook keeps exact`);
  }
  return value;
}

const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return exactNumber;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export interface PostgresOptions {
  /** Connections kept open; an office of a few PCs needs few per PC. */
  max?: number;
  /** Every transaction read-only: the source of `office move`, which must never change. */
  readOnly?: boolean;
}

/**
 * Settings of each session the app opens. JIT compilation off: the server compiles any query
 * its planner costs high, and the book's large-but-quick queries (a count over an index of
 * 60,000 late payments, the worklist's ranking) spent 60–70 ms compiling to run in 5 ms.
 */
function sessionSettings(options: PostgresOptions): string {
  return ['-c jit=off', ...(options.readOnly ? ['-c default_transaction_read_only=on'] : [])].join(' ');
}

/** A pool on the server book at `url`. Nothing is sent until the first query. */
export function openPostgres(url: string, options: PostgresOptions = {}): PostgresConnection {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 8,
    types: typeParsers,
    connectionTimeoutMillis: 10_000,
    application_name: 'Pledgebook',
    options: sessionSettings(options),
  });
  // A connection the server drops (a restart, the network) must not take the process down with
  // it: the pool hears it while idle; while a call holds it, the call's own query fails instead,
  // and the dispatcher words that, so the client's 'error' event needs a listener too.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    // PLEDGEBOOK_LOG_SQL=1 prints each statement the server refused, for a developer's eyes.
    ...(process.env.PLEDGEBOOK_LOG_SQL
      ? {
          log: (event: LogEvent) => {
            if (event.level === 'error') console.error('[sql]', event.query.sql, String(event.error));
          },
        }
      : {}),
  });
  return {
    engine: 'postgres',
    db,
    pool,
    url,
    close: () => db.destroy(),
  };
}

/** The URL without its password, for messages and Settings → About. */
export function describeServerBook(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}
