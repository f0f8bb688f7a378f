import { engineOf } from '../../db/engine';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { ServiceContext } from '../context';
import { domainError } from '../errors';
import { canonicalJson, GENESIS_HASH, rowHash } from './canonical';

export interface AuditEntry {
  /** What kind of record changed, in the lender's words: 'borrower', 'loan', 'payment', 'settings'. */
  entity: string;
  entityId: number | string;
  /** What happened: 'create', 'update', 'set-status', 'record', 'reverse', 'reveal-id'… */
  action: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one row to the audit trail, chained to the row before it.
 *
 * Call it with the transaction that makes the change, so the change and its audit row commit or
 * roll back together. The chain head is read and moved in that same transaction; SQLite's single
 * writer keeps two appends from ever chaining to the same row.
 */
export async function appendAudit(
  db: Kysely<DB> | Transaction<DB>,
  ctx: Pick<ServiceContext, 'clock' | 'actor'>,
  entry: AuditEntry,
): Promise<void> {
  const actor = ctx.actor();
  if (!actor) throw domainError('unauthorized', 'auth.signInFirst');
  const head = await db
    .selectFrom('audit_head')
    .select(['last_id', 'last_hash', 'row_count'])
    .where('one', '=', 1)
    // Several PCs on a server book: the head is locked until this transaction ends.
    .$if(engineOf(db) === 'postgres', (qb) => qb.forUpdate())
    .executeTakeFirst();
  const prevHash = head?.last_hash ?? GENESIS_HASH;
  const content = {
    id: (head?.last_id ?? 0) + 1,
    at: ctx.clock.now(),
    userId: actor.userId,
    username: actor.username,
    entity: entry.entity,
    entityId: String(entry.entityId),
    action: entry.action,
    beforeJson: entry.before === undefined ? null : canonicalJson(entry.before),
    afterJson: entry.after === undefined ? null : canonicalJson(entry.after),
  };
  const hash = rowHash(prevHash, content);
  const row = {
    id: content.id,
    at: content.at,
    user_id: content.userId,
    username: content.username,
    entity: content.entity,
    entity_id: content.entityId,
    action: content.action,
    before_json: content.beforeJson,
    after_json: content.afterJson,
    prev_hash: prevHash,
    hash,
  };
  const next = { last_id: content.id, last_hash: hash, row_count: (head?.row_count ?? 0) + 1 };
  const headRow = { one: 1, ...next };
  if (engineOf(db) === 'postgres') {
    // The head stays locked from the read above until commit, and every audited change in the
    // office queues on it: the row and the head go in one statement, one round trip fewer held.
    await db
      .with('appended', (w) => w.insertInto('audit_log').values(row))
      .insertInto('audit_head')
      .values(headRow)
      .onConflict((oc) => oc.column('one').doUpdateSet(next))
      .execute();
    return;
  }
  await db.insertInto('audit_log').values(row).execute();
  await db
    .insertInto('audit_head')
    .values(headRow)
    .onConflict((oc) => oc.column('one').doUpdateSet(next))
    .execute();
}
