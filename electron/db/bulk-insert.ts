import type Database from 'better-sqlite3';
import type { Insertable } from 'kysely';
import type { DB } from './schema';

/**
 * Rows one INSERT statement takes. Each statement in a transaction opens a savepoint, and FTS5
 * flushes its pending search terms to disk at every savepoint (the trigram index of migration
 * 0015 is fed by triggers on borrowers, loans and collateral): one row a statement cost borrowers
 * and loans two to three times the SQL time of a few hundred rows a statement.
 */
const ROWS_PER_STATEMENT = 500;
/** Bound parameters SQLite takes in one statement (SQLITE_MAX_VARIABLE_NUMBER since 3.32). */
const MAX_PARAMETERS = 32_766;

type Table = keyof DB & string;
type Row<T extends Table> = Insertable<DB[T]>;

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Writes many rows of one table through a few prepared multi-row INSERTs, for bulk work that
 * would otherwise build, compile and run one query per row (an import). Rows are held until a
 * statement's worth is ready or `flush()` is called: flush before reading the table back.
 * Triggers fire for each row exactly as they do for single inserts.
 *
 * The columns are those of the first row. Kysely leaves a column whose value is undefined out
 * of the INSERT, so it takes its default; here that is allowed only where the default is NULL.
 */
export class BulkInsert<T extends Table> {
  private columns: readonly string[] | null = null;
  /** Columns a row may leave undefined: nullable, with no default. */
  private nullByDefault: ReadonlySet<string> = new Set();
  private rowsPerStatement = 0;
  private pending: unknown[] = [];
  private rows = 0;
  private nextFreeId: number | null = null;
  private readonly statements = new Map<number, Database.Statement>();

  private readonly sqlite: Database.Database;

  /** `book`: the open book (a ServiceContext); its raw handle stays inside electron/db. */
  constructor(
    book: { sqlite: Database.Database },
    private readonly table: T,
    private readonly options: {
      /** Writers of the rows these refer to (foreign keys): flushed first. */
      after?: readonly { flush(): void }[];
      /** An upsert: a row whose `conflict` key exists has its `update` columns replaced. */
      upsert?: { conflict: keyof Row<T> & string; update: readonly (keyof Row<T> & string)[] };
    } = {},
  ) {
    this.sqlite = book.sqlite;
  }

  /**
   * An id for a row not yet written: the one SQLite would give it (one more than the largest),
   * so rows of other tables can refer to it before it is written. Only while every row this
   * table gets comes through this writer, and for tables without AUTOINCREMENT.
   */
  newId(): number {
    this.nextFreeId ??= this.sqlite
      .prepare(`SELECT coalesce(max(id), 0) + 1 FROM ${quoted(this.table)}`)
      .pluck()
      .get() as number;
    return this.nextFreeId++;
  }

  add(row: Row<T>): void {
    if (this.columns === null) {
      this.columns = Object.keys(row);
      const info = this.sqlite.pragma(`table_info(${quoted(this.table)})`) as {
        name: string;
        notnull: number;
        dflt_value: string | null;
      }[];
      this.nullByDefault = new Set(
        info.filter((c) => c.notnull === 0 && (c.dflt_value ?? 'NULL') === 'NULL').map((c) => c.name),
      );
      this.rowsPerStatement = Math.min(ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / this.columns.length));
    }
    const values = row as Record<string, unknown>;
    for (const column of this.columns) {
      const value = values[column];
      if (value !== undefined) this.pending.push(value);
      else if (this.nullByDefault.has(column)) this.pending.push(null);
      else
        throw new Error(`${this.table}.${column} has no value in a bulk insert, and its default is not NULL`);
    }
    this.rows += 1;
    if (this.rows === this.rowsPerStatement) this.flush();
  }

  /** Writes every row held so far, after those of the writers it comes after. */
  flush(): void {
    for (const parent of this.options.after ?? []) parent.flush();
    if (this.rows === 0) return;
    this.statementFor(this.rows).run(this.pending);
    this.pending = [];
    this.rows = 0;
  }

  private statementFor(rows: number): Database.Statement {
    let statement = this.statements.get(rows);
    if (!statement) {
      const columns = this.columns!;
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      let sql = `INSERT INTO ${quoted(this.table)} (${columns.map(quoted).join(', ')}) VALUES ${Array<string>(rows).fill(tuple).join(', ')}`;
      const { upsert } = this.options;
      if (upsert) {
        const set = upsert.update.map((c) => `${quoted(c)} = excluded.${quoted(c)}`).join(', ');
        sql += ` ON CONFLICT (${quoted(upsert.conflict)}) DO UPDATE SET ${set}`;
      }
      statement = this.sqlite.prepare(sql);
      this.statements.set(rows, statement);
    }
    return statement;
  }
}
