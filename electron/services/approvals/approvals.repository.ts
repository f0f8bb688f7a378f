import { sql, type SqlBool, type Updateable } from 'kysely';
import type { Db } from '../../db/db';
import type { ApprovalRequestsTable, ApprovalStatus } from './tables';

/**
 * The requests waiting for (or given) a second person's decision, newest first, at most 500,
 * with who made and decided each, the loan it concerns and its place in its own kind's series.
 */
export function requestsForInbox(db: Db, status: ApprovalStatus | undefined) {
  let q = db
    .selectFrom('approval_requests as r')
    .leftJoin('users as m', 'm.id', 'r.requested_by')
    .leftJoin('users as c', 'c.id', 'r.decided_by')
    .selectAll('r')
    .leftJoin('payments as p', (j) =>
      j.on('r.entity', '=', 'payment').on(sql<SqlBool>`p.id = CAST(r.entity_id AS INTEGER)`),
    )
    .select(['m.display_name as maker', 'c.display_name as checker'])
    .select(
      sql<number | null>`CASE r.entity WHEN 'loan' THEN CAST(r.entity_id AS INTEGER) ELSE p.loan_id END`.as(
        'loan_id',
      ),
    )
    // The request's place in its own kind's series, counted over every request ever made
    // (rows are never deleted), so the number stays the same whatever the filter.
    .select(
      sql<number>`(SELECT COUNT(*) FROM approval_requests k WHERE k.kind = r.kind AND k.id <= r.id)`.as(
        'kind_number',
      ),
    );
  if (status) q = q.where('r.status', '=', status);
  return q.orderBy('r.id', 'desc').limit(500).execute();
}

/**
 * Decides a pending request in one conditional update: true when this caller claimed it, false
 * when it was no longer pending or is the checker's own (the database refuses that too). Run as
 * the transaction's first statement, it takes the write lock before anything is read, so of two
 * deciders exactly one claims the request.
 */
export async function claimPendingRequest(
  db: Db,
  id: number,
  decision: { status: 'approved' | 'rejected'; checkerId: number; at: string; note: string },
): Promise<boolean> {
  const claim = await db
    .updateTable('approval_requests')
    .set({
      status: decision.status,
      decided_by: decision.checkerId,
      decided_at: decision.at,
      decision_note: decision.note,
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('requested_by', '!=', decision.checkerId)
    .executeTakeFirst();
  return claim.numUpdatedRows === 1n;
}

export function findRequest(db: Db, id: number) {
  return db.selectFrom('approval_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateRequest(
  db: Db,
  id: number,
  set: Updateable<ApprovalRequestsTable>,
): Promise<void> {
  await db.updateTable('approval_requests').set(set).where('id', '=', id).execute();
}
