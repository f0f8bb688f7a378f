import type { Insertable, Updateable } from 'kysely';
import type { DB } from '../../db/schema';
import { sql } from 'kysely';
import { ruleViolation } from '../errors';
import type { PlanRow, PlanSpecInput } from '../../../shared/contract/plans';
import type { Db } from '../../db/db';
import { withMonthlyInstallment, type StoredComparison } from './legacy-comparison';

export function planRowsQuery(db: Db) {
  return db
    .selectFrom('repayment_plans as p')
    .innerJoin('loans as l', 'l.id', 'p.loan_id')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .selectAll('p')
    .select(['l.number as loan_number', 'b.name as borrower_name'])
    .orderBy(sql`p.status = 'proposed'`, 'desc')
    .orderBy('p.id', 'desc');
}

type PlanQueryRow = Awaited<ReturnType<ReturnType<typeof planRowsQuery>['executeTakeFirstOrThrow']>>;

export async function toPlanRow(db: Db, r: PlanQueryRow): Promise<PlanRow> {
  return {
    id: r.id,
    loanId: r.loan_id,
    loanNumber: r.loan_number,
    borrowerName: r.borrower_name,
    type: r.type,
    spec: JSON.parse(r.params) as PlanSpecInput,
    status: r.status,
    asOf: r.as_of,
    proposedBy: r.proposed_by_name,
    proposedByUserId: r.proposed_by,
    proposedAt: r.proposed_at,
    proposalNote: r.proposal_note,
    decidedBy: r.decided_by_name,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    versionId: r.version_id,
    endedOn: r.ended_on,
    comparison: await withMonthlyInstallment(db, r, JSON.parse(r.comparison) as StoredComparison),
  };
}

export async function planRowById(db: Db, id: number): Promise<PlanRow | undefined> {
  const row = await planRowsQuery(db).where('p.id', '=', id).executeTakeFirst();
  return row && toPlanRow(db, row);
}

export function findPlan(db: Db, id: number) {
  return db.selectFrom('repayment_plans').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The plan a loan is on now, if any: a loan has at most one. */
export function activePlanOf(db: Db, loanId: number) {
  return db
    .selectFrom('repayment_plans')
    .select('id')
    .where('loan_id', '=', loanId)
    .where('status', '=', 'active')
    .executeTakeFirst();
}

export async function insertPlan(db: Db, row: Insertable<DB['repayment_plans']>): Promise<number> {
  return (await db.insertInto('repayment_plans').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/**
 * Decides a proposed plan in one conditional update: it changes only while the plan is still
 * proposed, so of two deciders (the loan's lock already makes the second wait) exactly one does.
 */
export async function decideProposedPlan(
  db: Db,
  id: number,
  set: Updateable<DB['repayment_plans']>,
): Promise<void> {
  const done = await db
    .updateTable('repayment_plans')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
  if (done.numUpdatedRows !== 1n) {
    const now = await db
      .selectFrom('repayment_plans')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirst();
    throw ruleViolation('plan.notProposed', { id, status: now?.status ?? 'unknown' });
  }
}
