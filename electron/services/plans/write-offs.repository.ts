import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../db/db';
import type { DB } from '../../db/schema';
import type { Actor } from '../auth/actor';
import { ruleViolation } from '../errors';
import { assignedTo, isScoped } from '../auth/scope';

/** Write-offs (proposed, then decided by a second person) and the money recovered after one. */

export function writeOffRows(db: Db) {
  return db
    .selectFrom('write_offs as w')
    .innerJoin('loans as l', 'l.id', 'w.loan_id')
    .selectAll('w')
    .select('l.number')
    .orderBy('w.id', 'desc');
}

/** Write-offs newest first, of one loan when given; a collector sees their own accounts' only. */
export function writeOffList(db: Db, filter: { loanId?: number }, actor: Actor | null) {
  let q = writeOffRows(db);
  if (filter.loanId) q = q.where('w.loan_id', '=', filter.loanId);
  if (isScoped(actor)) q = q.where(({ ref }) => assignedTo(actor, ref('w.loan_id')));
  return q.execute();
}

export function proposedWriteOffOf(db: Db, loanId: number) {
  return db
    .selectFrom('write_offs')
    .select('id')
    .where('loan_id', '=', loanId)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
}

export function approvedWriteOffOf(db: Db, loanId: number) {
  return db
    .selectFrom('write_offs')
    .select(['id', 'approved_on'])
    .where('loan_id', '=', loanId)
    .where('status', '=', 'approved')
    .executeTakeFirst();
}

export function findWriteOff(db: Db, id: number) {
  return db.selectFrom('write_offs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertWriteOff(db: Db, row: Insertable<DB['write_offs']>): Promise<number> {
  return (await db.insertInto('write_offs').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/** Decides a proposed write-off in one conditional update: of two deciders, exactly one does. */
export async function decideProposedWriteOff(
  db: Db,
  id: number,
  set: Updateable<DB['write_offs']>,
): Promise<void> {
  const done = await db
    .updateTable('write_offs')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
  if (done.numUpdatedRows !== 1n) {
    const now = await db.selectFrom('write_offs').select('status').where('id', '=', id).executeTakeFirst();
    throw ruleViolation('writeOff.decided', { id, status: now?.status ?? 'unknown' });
  }
}

export function recoveryRows(db: Db) {
  return db
    .selectFrom('recoveries as r')
    .innerJoin('loans as l', 'l.id', 'r.loan_id')
    .selectAll('r')
    .select('l.number')
    .orderBy('r.date')
    .orderBy('r.id');
}

/** Recoveries in date order, filtered by loan and dates; a collector sees their own accounts' only. */
export function recoveryList(
  db: Db,
  filter: { loanId?: number; from?: string; to?: string },
  actor: Actor | null,
) {
  let q = recoveryRows(db);
  if (filter.loanId) q = q.where('r.loan_id', '=', filter.loanId);
  if (isScoped(actor)) q = q.where(({ ref }) => assignedTo(actor, ref('r.loan_id')));
  if (filter.from) q = q.where('r.date', '>=', filter.from);
  if (filter.to) q = q.where('r.date', '<=', filter.to);
  return q.execute();
}

export async function insertRecovery(db: Db, row: Insertable<DB['recoveries']>): Promise<number> {
  return (await db.insertInto('recoveries').values(row).returning('id').executeTakeFirstOrThrow()).id;
}
