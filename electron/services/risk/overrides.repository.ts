import type { Insertable } from 'kysely';
import { requestReference, type ApprovalRow } from '../../../shared/contract';
import type { GradeOverrideRow } from '../../../shared/contract/risk';
import type { Actor } from '../auth/actor';
import { assignedTo, isScoped } from '../auth/scope';
import type { Db } from '../../db/db';
import type { GradeOverridesTable } from './tables';

export function overrideRows(db: Db) {
  return db
    .selectFrom('grade_overrides as o')
    .innerJoin('loans as l', 'l.id', 'o.loan_id')
    .select([
      'o.id',
      'o.loan_id',
      'l.number',
      'o.grade',
      'o.reason',
      'o.status',
      'o.requested_by',
      'o.requested_by_name',
      'o.requested_at',
      'o.decided_by_name',
      'o.effective_from',
    ]);
}

type OverrideSelect = Awaited<ReturnType<ReturnType<typeof overrideRows>['executeTakeFirstOrThrow']>>;

export function toOverrideRow(r: OverrideSelect): GradeOverrideRow {
  return {
    id: r.id,
    loanId: r.loan_id,
    loanNumber: r.number,
    grade: r.grade,
    reason: r.reason,
    status: r.status,
    requestedBy: r.requested_by_name,
    requestedByUserId: r.requested_by,
    decidedBy: r.decided_by_name,
    effectiveFrom: r.effective_from,
  };
}

export async function overrideById(db: Db, id: number): Promise<GradeOverrideRow | null> {
  const row = await overrideRows(db).where('o.id', '=', id).executeTakeFirst();
  return row ? toOverrideRow(row) : null;
}

/** The loan's override in a status (at most one proposed and one approved: unique indexes). */
export async function overrideOfLoan(
  db: Db,
  loanId: number,
  status: 'proposed' | 'approved',
): Promise<GradeOverrideRow | null> {
  const row = await overrideRows(db)
    .where('o.loan_id', '=', loanId)
    .where('o.status', '=', status)
    .executeTakeFirst();
  return row ? toOverrideRow(row) : null;
}

export async function insertOverride(db: Db, row: Insertable<GradeOverridesTable>): Promise<number> {
  const { id } = await db.insertInto('grade_overrides').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Changes an override only while it is still in `from`: the second of two decisions changes nothing. */
export async function moveOverride(
  db: Db,
  id: number,
  from: GradeOverridesTable['status'],
  set: Partial<Insertable<GradeOverridesTable>>,
): Promise<boolean> {
  const result = await db
    .updateTable('grade_overrides')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Overrides in force on `asOf` per loan: approved on or before it and not removed by then. Each
 * month end is judged by the overrides of that day, so removing one never moves a past month.
 */
export async function overridesInForce(
  db: Db,
  asOf: string,
  only?: readonly number[],
): Promise<Map<number, { grade: GradeOverridesTable['grade']; reason: string }>> {
  const rows = await db
    .selectFrom('grade_overrides')
    .select(['loan_id', 'grade', 'reason'])
    .where('status', 'in', ['approved', 'removed'])
    .where('effective_from', '<=', asOf)
    .where((eb) => eb.or([eb('removed_on', 'is', null), eb('removed_on', '>', asOf)]))
    .$if(only !== undefined, (qb) => qb.where('loan_id', 'in', only!.length > 0 ? [...only!] : [0]))
    .orderBy('id')
    .execute();
  return new Map(rows.map((r) => [r.loan_id, { grade: r.grade, reason: r.reason }]));
}

/** Every override of a loan that was ever in force, with the days it began and ended. */
export function overrideHistoryOf(db: Db, loanId: number) {
  return db
    .selectFrom('grade_overrides')
    .select(['grade', 'reason', 'effective_from', 'removed_on'])
    .where('loan_id', '=', loanId)
    .where('status', 'in', ['approved', 'removed'])
    .orderBy('id')
    .execute();
}

const APPROVAL_STATUS: Record<GradeOverridesTable['status'], ApprovalRow['status']> = {
  proposed: 'pending',
  approved: 'approved',
  removed: 'approved',
  rejected: 'rejected',
};

/**
 * Overrides as rows of the approvals inbox (entity `grade-override`, decided with
 * loans.decideGradeOverride); `summary` is the grade asked for, which the screen words.
 */
export async function overrideApprovalRows(
  db: Db,
  status?: ApprovalRow['status'],
  actor: Actor | null = null,
): Promise<ApprovalRow[]> {
  const statuses = (Object.keys(APPROVAL_STATUS) as GradeOverridesTable['status'][]).filter(
    (s) => status === undefined || APPROVAL_STATUS[s] === status,
  );
  if (statuses.length === 0) return [];
  let q = overrideRows(db).select(['o.decided_at']).where('o.status', 'in', statuses);
  if (isScoped(actor)) q = q.where(({ ref }) => assignedTo(actor, ref('o.loan_id')));
  const rows = await q.orderBy('o.id', 'desc').limit(500).execute();
  return rows.map((r) => ({
    id: r.id,
    reference: requestReference('grade-override', r.id),
    kind: 'grade-override',
    entity: 'grade-override',
    entityId: r.number,
    summary: r.grade,
    reason: r.reason,
    status: APPROVAL_STATUS[r.status],
    requestedBy: r.requested_by_name,
    requestedByUserId: r.requested_by,
    requestedAt: r.requested_at,
    decidedBy: r.decided_by_name,
    decidedAt: r.decided_at,
  }));
}
