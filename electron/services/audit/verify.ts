import type Database from 'better-sqlite3';
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

/**
 * Walks the audit chain from the first row. Edits change a row's hash; deletions leave a gap in
 * the ids or a row whose prev_hash no longer matches; cutting rows off the end leaves the head
 * and SQLite's AUTOINCREMENT sequence pointing past the last row. None of this needs the
 * append-only triggers to still be there.
 */
export function verifyAuditChain(sqlite: Database.Database): AuditVerdict {
  let expectedId = 1;
  let prev = GENESIS_HASH;
  let rows = 0;
  const broken = (id: number, problem: string): AuditVerdict => ({
    ok: false,
    rows,
    firstBroken: { id, problem },
  });
  const walk = sqlite.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<StoredRow>;
  for (const row of walk) {
    if (row.id !== expectedId) {
      const gap =
        row.id > expectedId ? `rows ${expectedId}–${row.id - 1} are missing` : 'ids are out of order';
      return broken(expectedId, `${gap} (deleted)`);
    }
    if (row.prev_hash !== prev)
      return broken(row.id, 'does not follow the row before it (a row was removed or replaced)');
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
    if (recomputed !== row.hash) return broken(row.id, 'its content does not match its hash (edited)');
    prev = row.hash;
    expectedId += 1;
    rows += 1;
  }
  const lastId = expectedId - 1;
  const head = sqlite.prepare('SELECT last_id, last_hash, row_count FROM audit_head WHERE one = 1').get() as
    { last_id: number; last_hash: string; row_count: number } | undefined;
  if (head) {
    if (head.last_id !== lastId || head.last_hash !== prev || head.row_count !== rows) {
      return broken(
        lastId + 1,
        `the log ends at row ${lastId} but its head says row ${head.last_id} (rows deleted from the end)`,
      );
    }
  } else if (rows > 0) {
    return broken(1, 'the audit head is missing');
  }
  const sequence = sqlite
    .prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'")
    .pluck()
    .get() as number | undefined;
  if ((sequence ?? 0) !== lastId) {
    return broken(
      lastId + 1,
      `rows up to ${sequence ?? 0} were written but the log ends at row ${lastId} (deleted)`,
    );
  }
  return { ok: true, rows };
}

/** The chain of the open book (a ServiceContext): the audit check reads the raw rows. */
export const verifyBookAuditChain = (book: { sqlite: Database.Database }): AuditVerdict =>
  verifyAuditChain(book.sqlite);
