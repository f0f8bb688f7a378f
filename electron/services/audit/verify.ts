import type Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { GENESIS_HASH, rowHash } from './canonical';

export interface AuditVerdict {
  ok: boolean;
  /** Rows walked. */
  rows: number;
  /** The first row where the chain stops holding, and what is wrong there. */
  firstBroken?: { id: number; problem: string };
}

interface StoredRow {
  id: number;
  at: string;
  user_id: number;
  username: string;
  entity: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

type Head = { last_id: number; last_hash: string; row_count: number } | undefined;

/**
 * Walks the audit chain from the first row. Edits change a row's hash; deletions leave a gap in
 * the ids or a row whose prev_hash no longer matches; cutting rows off the end leaves the head
 * (and, on SQLite, the AUTOINCREMENT sequence) pointing past the last row. None of this needs
 * the append-only triggers to still be there.
 */
class ChainWalk {
  private expectedId = 1;
  private prev = GENESIS_HASH;
  private rows = 0;

  private broken(id: number, problem: string): AuditVerdict {
    return { ok: false, rows: this.rows, firstBroken: { id, problem } };
  }

  /** The verdict if `row` breaks the chain; null while it holds. */
  next(row: StoredRow): AuditVerdict | null {
    const { expectedId, prev } = this;
    if (row.id !== expectedId) {
      const gap =
        row.id > expectedId ? `rows ${expectedId}–${row.id - 1} are missing` : 'ids are out of order';
      return this.broken(expectedId, `${gap} (deleted)`);
    }
    if (row.prev_hash !== prev)
      return this.broken(row.id, 'does not follow the row before it (a row was removed or replaced)');
    const recomputed = rowHash(prev, {
      id: row.id,
      at: row.at,
      userId: row.user_id,
      username: row.username,
      entity: row.entity,
      entityId: row.entity_id,
      action: row.action,
      beforeJson: row.before_json,
      afterJson: row.after_json,
    });
    if (recomputed !== row.hash) return this.broken(row.id, 'its content does not match its hash (edited)');
    this.prev = row.hash;
    this.expectedId += 1;
    this.rows += 1;
    return null;
  }

  /** After the last row: the head agrees, and (SQLite) no id was handed out past the end. */
  end(head: Head, sequence: number | null): AuditVerdict {
    const lastId = this.expectedId - 1;
    // A server book starts with a head at row 0 (postgres migration 0001).
    if (head && !(head.last_id === 0 && this.rows === 0)) {
      if (head.last_id !== lastId || head.last_hash !== this.prev || head.row_count !== this.rows) {
        return this.broken(
          lastId + 1,
          `the log ends at row ${lastId} but its head says row ${head.last_id} (rows deleted from the end)`,
        );
      }
    } else if (this.rows > 0) {
      return this.broken(1, 'the audit head is missing');
    }
    if (sequence !== null && sequence !== lastId) {
      return this.broken(
        lastId + 1,
        `rows up to ${sequence} were written but the log ends at row ${lastId} (deleted)`,
      );
    }
    return { ok: true, rows: this.rows };
  }
}

export function verifyAuditChain(sqlite: Database.Database): AuditVerdict {
  const walk = new ChainWalk();
  const rows = sqlite.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<StoredRow>;
  for (const row of rows) {
    const verdict = walk.next(row);
    if (verdict) return verdict;
  }
  const head = sqlite
    .prepare('SELECT last_id, last_hash, row_count FROM audit_head WHERE one = 1')
    .get() as Head;
  const sequence = sqlite
    .prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'")
    .pluck()
    .get() as number | undefined;
  return walk.end(head, sequence ?? 0);
}

/** Rows read at a time from a server book. */
const PAGE = 5_000;

/**
 * The same walk on any engine, through Kysely, a page at a time. Audit ids are written
 * explicitly (head + 1), so PostgreSQL's identity sequence is not a witness; the head is.
 */
export async function verifyAuditChainOf(db: Kysely<DB>): Promise<AuditVerdict> {
  const walk = new ChainWalk();
  for (let after = 0; ;) {
    const page = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const row of page) {
      const verdict = walk.next(row);
      if (verdict) return verdict;
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  const head = await db
    .selectFrom('audit_head')
    .select(['last_id', 'last_hash', 'row_count'])
    .where('one', '=', 1)
    .executeTakeFirst();
  return walk.end(head, null);
}

/** The chain of the open book (a ServiceContext): a file book's raw rows, or the server's. */
export const verifyBookAuditChain = (book: {
  sqlite?: Database.Database;
  db: Kysely<DB>;
}): Promise<AuditVerdict> =>
  book.sqlite ? Promise.resolve(verifyAuditChain(book.sqlite)) : verifyAuditChainOf(book.db);
