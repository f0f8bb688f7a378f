import { CompiledQuery, sql, type Transaction } from 'kysely';
import type { Db } from '../../db/db';
import { multiRowInsert, rowsPerInsert } from '../../db/bulk-insert';
import { engineOf } from '../../db/engine';
import type { DB } from '../../db/schema';
import { contentOf, keepContent } from '../collateral/attachment-store';
import { DomainError } from '../errors';
import { stopIfCancelled, currentWork } from '../work';
import { BOOK_TABLES, STARTING_TABLES, type BookTable } from './book-tables';
import { pagesOf, rowCountOf, TableDigest } from './book-rows';

/** One side of a copy: its queries, and where it keeps attachment files if it is a file book. */
export interface BookEnd {
  db: Db;
  /** The file path (attachments sit beside it) or the server URL. */
  location: string;
}

export interface CopyProgress {
  table: string;
  done: number;
  total: number;
}

export interface CopyResult {
  /** Per table: rows copied and the checksum of the source's rows as they were read. */
  tables: Record<string, { rows: number; sha256: string }>;
  attachments: { copied: number; missing: string[] };
}

/**
 * Copies every row of `from` into the empty book `to`, in one transaction on `to`: all of it, or
 * (on any error or a cancel) nothing. The source is only read, inside one snapshot, and each
 * table's checksum is taken from the very rows copied. The target's rule triggers are off while
 * its rows arrive as they were (the status history, the search index and the month-end cache
 * come across as they are, not rebuilt); its foreign keys are checked throughout.
 */
export async function copyBook(
  from: BookEnd,
  to: BookEnd,
  onProgress: (p: CopyProgress) => void = () => undefined,
): Promise<CopyResult> {
  const work = currentWork();
  return readInOneSnapshot(from.db, async (source) => {
    const totals = new Map<string, number>();
    for (const t of BOOK_TABLES) totals.set(t.table, await rowCountOf(source, t.table));
    const total = [...totals.values()].reduce((a, b) => a + b, 0);
    let done = 0;
    const result: CopyResult = { tables: {}, attachments: { copied: 0, missing: [] } };
    await to.db.transaction().execute(async (trx) => {
      await refuseUnlessEmpty(trx);
      await withRulesOff(trx, async () => {
        // The new book's own starting rows give way to the source's (the audit head refuses a
        // delete while its triggers are on).
        for (const table of STARTING_TABLES) await sql`DELETE FROM ${sql.table(table)}`.execute(trx);
        for (const t of BOOK_TABLES) {
          const digest = new TableDigest();
          for await (const page of pagesOf(source, t)) {
            digest.add(page);
            await insertRows(trx, t, page);
            done += page.length;
            onProgress({ table: t.table, done, total });
            stopIfCancelled(work);
          }
          result.tables[t.table] = { rows: digest.rows, sha256: digest.digest() };
        }
      });
      result.attachments = await copyAttachmentContents(source, from.location, trx, to.location);
      await moveSequencesPastCopiedIds(trx);
    });
    return result;
  });
}

/** The source read in one snapshot, so a table and the ones it refers to agree. */
async function readInOneSnapshot<T>(db: Db, read: (source: Db) => Promise<T>): Promise<T> {
  if (db.isTransaction) return read(db);
  const begun = db.transaction();
  return engineOf(db) === 'postgres'
    ? begun.setIsolationLevel('repeatable read').execute(read)
    : begun.execute(read);
}

/** A move goes into a new, empty book only: nothing there is ever overwritten or merged. */
async function refuseUnlessEmpty(trx: Db): Promise<void> {
  for (const { table } of BOOK_TABLES) {
    if (STARTING_TABLES.has(table) || table === 'search_terms') continue;
    const rows = await rowCountOf(trx, table);
    if (rows > 0) throw new DomainError('conflict', 'office.targetNotEmpty', { table, rows });
  }
}

async function insertRows(trx: Db, t: BookTable, rows: readonly Record<string, unknown>[]): Promise<void> {
  const columns = Object.keys(rows[0]!);
  const engine = engineOf(trx);
  const perInsert = rowsPerInsert(columns.length);
  for (let i = 0; i < rows.length; i += perInsert) {
    const chunk = rows.slice(i, i + perInsert);
    const values = chunk.flatMap((r) => columns.map((c) => r[c] ?? null));
    await trx.executeQuery(CompiledQuery.raw(multiRowInsert(engine, t.table, columns, chunk.length), values));
  }
}

/**
 * The target's own triggers (status history, month-end invalidation, stale collateral values,
 * the search index, append-only refusals) are off while the copy arrives, and back on before
 * the transaction commits. PostgreSQL disables them per table; SQLite has no such switch, so
 * its triggers are dropped and created again from their own SQL, in the same transaction.
 */
async function withRulesOff(trx: Transaction<DB>, copy: () => Promise<void>): Promise<void> {
  if (engineOf(trx) === 'postgres') {
    const tables = BOOK_TABLES.map((t) => t.table);
    for (const table of tables) await sql`ALTER TABLE ${sql.table(table)} DISABLE TRIGGER USER`.execute(trx);
    await copy();
    for (const table of tables) await sql`ALTER TABLE ${sql.table(table)} ENABLE TRIGGER USER`.execute(trx);
    return;
  }
  const { rows: triggers } = await sql<{ name: string; sql: string }>`
    SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name`.execute(trx);
  for (const t of triggers) await sql`DROP TRIGGER ${sql.id(t.name)}`.execute(trx);
  await copy();
  for (const t of triggers) await sql.raw(t.sql).execute(trx);
}

/** Each attachment's bytes, from the source's store to the target's (files or the book). */
async function copyAttachmentContents(
  source: Db,
  sourceLocation: string,
  trx: Db,
  targetLocation: string,
): Promise<CopyResult['attachments']> {
  const stored = await trx.selectFrom('attachments').select('sha256').orderBy('id').execute();
  const missing: string[] = [];
  for (const { sha256 } of stored) {
    const bytes = await contentOf(source, sourceLocation, sha256);
    if (bytes) await keepContent(trx, targetLocation, sha256, bytes);
    else missing.push(sha256);
  }
  return { copied: stored.length - missing.length, missing };
}

/**
 * Ids were copied as they were; a server book's identity sequences then start past the highest,
 * so the next row anyone adds gets a new id (SQLite's rowids follow the rows by themselves).
 */
async function moveSequencesPastCopiedIds(trx: Db): Promise<void> {
  if (engineOf(trx) !== 'postgres') return;
  for (const { table, key } of BOOK_TABLES) {
    if (key.length !== 1 || key[0] !== 'id') continue;
    await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), max(id))
                FROM ${sql.table(table)} HAVING max(id) IS NOT NULL`.execute(trx);
  }
}
