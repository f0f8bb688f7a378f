import type { Insertable } from 'kysely';
import type { Db } from '../../db/db';
import type { RepossessionKind } from '../../../shared/contract';
import type { RepossessionStepRecord, RepossessionStepsTable } from './tables';

/** Repossession cases matching `where`, with their loan's number, oldest first. */
export function repossessionCases(db: Db, where: { itemId?: number; loanId?: number; id?: number }) {
  let q = db
    .selectFrom('repossessions as r')
    .innerJoin('loans as l', 'l.id', 'r.loan_id')
    .select(['r.id', 'r.item_id', 'r.loan_id', 'r.kind', 'l.number']);
  if (where.itemId !== undefined) q = q.where('r.item_id', '=', where.itemId);
  if (where.loanId !== undefined) q = q.where('r.loan_id', '=', where.loanId);
  if (where.id !== undefined) q = q.where('r.id', '=', where.id);
  return q.orderBy('r.id').execute();
}

/** Every step of the given cases, reversed ones included, in the order they were recorded. */
export function stepsOfCases(db: Db, repossessionIds: readonly number[]): Promise<RepossessionStepRecord[]> {
  return db
    .selectFrom('repossession_steps')
    .selectAll()
    .where('repossession_id', 'in', [...repossessionIds])
    .orderBy('id')
    .execute();
}

export async function insertRepossession(
  db: Db,
  row: { item_id: number; loan_id: number; kind: RepossessionKind; created_at: string },
): Promise<number> {
  return (await db.insertInto('repossessions').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertRepossessionStep(db: Db, row: Insertable<RepossessionStepsTable>): Promise<void> {
  await db.insertInto('repossession_steps').values(row).execute();
}

export async function markStepReversed(
  db: Db,
  stepId: number,
  reversal: { at: string; by: string; reason: string },
): Promise<void> {
  await db
    .updateTable('repossession_steps')
    .set({ reversed_at: reversal.at, reversed_by: reversal.by, reversal_reason: reversal.reason })
    .where('id', '=', stepId)
    .execute();
}

/** The item's link to the loan, with the loan's number and status; undefined when not linked. */
export function securedLoan(db: Db, itemId: number, loanId: number) {
  return db
    .selectFrom('collateral_links as k')
    .innerJoin('loans as l', 'l.id', 'k.loan_id')
    .select(['l.number', 'l.status'])
    .where('k.item_id', '=', itemId)
    .where('k.loan_id', '=', loanId)
    .executeTakeFirst();
}
