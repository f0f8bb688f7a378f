import { createHash, type Hash } from 'node:crypto';
import { CompiledQuery, sql } from 'kysely';
import type { Db } from '../../db/db';
import { quoted } from '../../db/bulk-insert';
import { engineOf } from '../../db/engine';
import type { BookTable } from './book-tables';

/** Rows read at a time: a page of installments is about a megabyte. */
const PAGE = 5_000;

type Row = Record<string, unknown>;

/**
 * A table's rows in key order, a page at a time, by keyset (`(k1, k2) > (…)`, which both engines
 * read the same way): never OFFSET, which rereads everything before the page.
 */
export async function* pagesOf(db: Db, { table, key, columns }: BookTable): AsyncGenerator<Row[]> {
  const select = columns ? columns.map(quoted).join(', ') : '*';
  const order = key.map(quoted).join(', ');
  let after: unknown[] | null = null;
  for (;;) {
    const where: string = after ? `WHERE (${order}) > (${key.map(() => '?').join(', ')})` : '';
    const text = `SELECT ${select} FROM ${quoted(table)} ${where} ORDER BY ${order} LIMIT ${PAGE}`;
    const query = CompiledQuery.raw(numbered(db, text), after ?? []);
    const { rows } = await db.executeQuery<Row>(query);
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1]!;
    after = key.map((k) => last[k]);
  }
}

/** `?` placeholders as the engine wants them (`$1`… on PostgreSQL). */
function numbered(db: Db, text: string): string {
  if (engineOf(db) === 'sqlite') return text;
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

/** Rows in a table. */
export async function rowCountOf(db: Db, table: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * A table's checksum, computed the same way on both engines: SHA-256 over its rows in key order,
 * each as JSON with its columns in name order (the engines keep columns in different places).
 */
export class TableDigest {
  private readonly hash: Hash = createHash('sha256');
  rows = 0;

  add(rows: readonly Row[]): void {
    for (const row of rows) {
      const names = Object.keys(row).sort();
      this.hash.update(JSON.stringify(names.map((n) => [n, row[n] ?? null])));
      this.hash.update('\n');
    }
    this.rows += rows.length;
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

/** The checksum of one table of a book, read on its own. */
export async function tableDigestOf(db: Db, table: BookTable): Promise<{ rows: number; sha256: string }> {
  const digest = new TableDigest();
  for await (const page of pagesOf(db, table)) digest.add(page);
  return { rows: digest.rows, sha256: digest.digest() };
}
