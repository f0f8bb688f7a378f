import type Database from 'better-sqlite3';
import { CompiledQuery, sql, type Insertable } from 'kysely';
import type { Db } from './db';
import type { DB } from './schema';
import type { Engine } from './engine';

/**
 * Rows one INSERT statement takes. Each statement in a transaction opens a savepoint, and FTS5
 * flushes its pending search terms to disk at every savepoint (the trigram index of migration
 * 0015 is fed by triggers on borrowers, loans and collateral): one row a statement cost borrowers
 * and loans two to three times the SQL time of a few hundred rows a statement.
 */
const ROWS_PER_STATEMENT = 500;
/** Bound parameters SQLite takes in one statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32). */
const MAX_PARAMETERS = 32_766;
/** Ids a server book's writer reserves from the table's sequence at a time. */
const IDS_PER_RESERVATION = 1_000;

type Table = keyof DB & string;
type Row<T extends Table> = Insertable<DB[T]>;

export const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Writes many rows of one table through a few prepared multi-row INSERTs, for bulk work that
 * would otherwise build, compile and run one query per row (an import). Rows are held until a
 * statement's worth is ready or `flush()` is called: flush before reading the table back.
 * Triggers fire for each row exactly as they do for single inserts.
 *
 * The columns are those of the first row. Kysely leaves a column whose value is undefined out
 * of the INSERT, so it takes its default; here that is allowed only where the default is NULL.
 *
 * On a file book the statements are prepared on the raw handle (the one connection, already in
 * the caller's transaction); on a server book they run on the caller's transaction `trx`, and new
 * ids come from the table's identity sequence — never max(id) + 1, which two PCs could share.
 */
/**
 * An INSERT of `rows` rows of `columns`: `?` placeholders for SQLite, `$n` for PostgreSQL; with
 * `upsert`, a row whose `conflict` key exists has its `update` columns replaced.
 */
export function multiRowInsert(
  engine: Engine,
  table: string,
  columns: readonly string[],
  rows: number,
  upsert?: { conflict: string; update: readonly string[] },
): string {
  let n = 0;
  const tuple = () => `(${columns.map(() => (engine === 'sqlite' ? '?' : `$${++n}`)).join(', ')})`;
  const tuples = Array.from({ length: rows }, tuple);
  let text = `INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) VALUES ${tuples.join(', ')}`;
  if (upsert) {
    const set = upsert.update.map((c) => `${quoted(c)} = excluded.${quoted(c)}`).join(', ');
    text += ` ON CONFLICT (${quoted(upsert.conflict)}) DO UPDATE SET ${set}`;
  }
  return text;
}

/** Rows of `columns` columns one INSERT may carry on either engine. */
export const rowsPerInsert = (columns: number) =>
  Math.min(ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / columns));

export class BulkInsert<T extends Table> {
  private columns: readonly string[] | null = null;
  /** Columns a row may leave undefined: nullable, with no default. */
  private nullByDefault: ReadonlySet<string> = new Set();
  private rowsPerStatement = 0;
  private pending: unknown[] = [];
  private rows = 0;
  private nextFreeId: number | null = null;
  private reservedIds: number[] = [];
  private readonly statements = new Map<number, Database.Statement>();

  private readonly sqlite: Database.Database | undefined;

  /**
   * `book`: the open book (a ServiceContext); its raw handle stays inside electron/db.
   * `trx`: the caller's transaction, which a server book's rows are written in.
   */
  constructor(
    book: { sqlite?: Database.Database },
    private readonly trx: Db,
    private readonly table: T,
    private readonly options: {
      /** Writers of the rows these refer to (foreign keys): flushed first. */
      after?: readonly { flush(): Promise<void> }[];
      /** An upsert: a row whose `conflict` key exists has its `update` columns replaced. */
      upsert?: { conflict: keyof Row<T> & string; update: readonly (keyof Row<T> & string)[] };
    } = {},
  ) {
    this.sqlite = book.sqlite;
  }

  /**
   * An id for a row not yet written, so rows of other tables can refer to it before it is
   * written. On a file book, the one SQLite would give it (one more than the largest; only while
   * every row this table gets comes through this writer, and for tables without AUTOINCREMENT).
   */
  async newId(): Promise<number> {
    if (this.sqlite) {
      this.nextFreeId ??= this.sqlite
        .prepare(`SELECT coalesce(max(id), 0) + 1 FROM ${quoted(this.table)}`)
        .pluck()
        .get() as number;
      return this.nextFreeId++;
    }
    if (this.reservedIds.length === 0) {
      const { rows } = await sql<{ id: number }>`
        SELECT nextval(pg_get_serial_sequence(${this.table}, 'id')) AS id
          FROM generate_series(1, ${IDS_PER_RESERVATION})`.execute(this.trx);
      this.reservedIds = rows.map((r) => r.id).reverse();
    }
    return this.reservedIds.pop()!;
  }

  async add(row: Row<T>): Promise<void> {
    if (this.columns === null) await this.learnColumns(Object.keys(row));
    const values = row as Record<string, unknown>;
    for (const column of this.columns!) {
      const value = values[column];
      if (value !== undefined) this.pending.push(value);
      else if (this.nullByDefault.has(column)) this.pending.push(null);
      else
        throw new Error(`${this.table}.${column} has no value in a bulk insert, and its default is not NULL`);
    }
    this.rows += 1;
    if (this.rows === this.rowsPerStatement) await this.flush();
  }

  /** Writes every row held so far, after those of the writers it comes after. */
  async flush(): Promise<void> {
    for (const parent of this.options.after ?? []) await parent.flush();
    if (this.rows === 0) return;
    const values = this.pending;
    const rows = this.rows;
    this.pending = [];
    this.rows = 0;
    if (this.sqlite) this.statementFor(rows).run(values);
    else await this.trx.executeQuery(CompiledQuery.raw(this.insertSql(rows), values));
  }

  private async learnColumns(columns: string[]): Promise<void> {
    this.columns = columns;
    let info: { name: string; nullable: boolean; defaultValue: string | null }[];
    if (this.sqlite) {
      info = (
        this.sqlite.pragma(`table_info(${quoted(this.table)})`) as {
          name: string;
          notnull: number;
          dflt_value: string | null;
        }[]
      ).map((c) => ({ name: c.name, nullable: c.notnull === 0, defaultValue: c.dflt_value }));
    } else {
      const { rows } = await sql<{ name: string; nullable: string; default_value: string | null }>`
        SELECT column_name AS name, is_nullable AS nullable, column_default AS default_value
          FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = ${this.table}`.execute(this.trx);
      info = rows.map((c) => ({
        name: c.name,
        nullable: c.nullable === 'YES',
        defaultValue: c.default_value,
      }));
    }
    this.nullByDefault = new Set(
      info
        .filter((c) => c.nullable && (c.defaultValue ?? 'NULL').toUpperCase() === 'NULL')
        .map((c) => c.name),
    );
    this.rowsPerStatement = rowsPerInsert(columns.length);
  }

  private insertSql(rows: number): string {
    return multiRowInsert(
      this.sqlite ? 'sqlite' : 'postgres',
      this.table,
      this.columns!,
      rows,
      this.options.upsert,
    );
  }

  private statementFor(rows: number): Database.Statement {
    let statement = this.statements.get(rows);
    if (!statement) {
      statement = this.sqlite!.prepare(this.insertSql(rows));
      this.statements.set(rows, statement);
    }
    return statement;
  }
}
