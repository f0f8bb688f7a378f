import { requestReference, type ApprovalRow } from '../../../shared/contract';
import type { PlanStatus } from '../../../shared/contract/plans';
import type { PlanType } from '../../../shared/engine/plans';
import type { Db } from '../../db/db';
import type { Actor } from '../auth/actor';
import { assignedTo, isScoped } from '../auth/scope';

/**
 * A plan is approved through plans.decide, which already refuses its own proposer. What the
 * checker is asked to allow is named by what the plan gives away: a settlement forgives part of
 * the payoff (a discount), a plan that waives penalty is a penalty waiver; anything else is a
 * plain plan approval. So the one approvals inbox shows "settlement discount 1,234.00".
 */
export function planApprovalKind(type: PlanType, penaltyWaived: number): ApprovalRow['kind'] {
  if (type === 'settlement') return 'settlement-discount';
  return penaltyWaived > 0 ? 'penalty-waiver' : 'plan-approval';
}

function approvalStatusOf(status: PlanStatus): ApprovalRow['status'] {
  if (status === 'proposed') return 'pending';
  return status === 'rejected' ? 'rejected' : 'approved';
}

const PLAN_STATUSES_FOR: Record<ApprovalRow['status'], PlanStatus[]> = {
  pending: ['proposed'],
  rejected: ['rejected'],
  approved: ['active', 'broken', 'completed', 'lapsed'],
  cancelled: [],
};

/** Plans as rows of the approvals list (entity `plan`; decide them with plans.decide). */
export async function planApprovalRows(
  db: Db,
  status?: ApprovalRow['status'],
  actor: Actor | null = null,
): Promise<ApprovalRow[]> {
  let q = db
    .selectFrom('repayment_plans as p')
    .innerJoin('loans as l', 'l.id', 'p.loan_id')
    .select([
      'p.id',
      'p.type',
      'p.status',
      'p.params',
      'p.penalty_waived',
      'p.written_off',
      'p.proposed_by_name',
      'p.proposed_by',
      'p.proposed_at',
      'p.proposal_note',
      'p.decided_by_name',
      'p.decided_at',
      'l.number',
    ]);
  if (status) {
    const statuses = PLAN_STATUSES_FOR[status];
    if (statuses.length === 0) return [];
    q = q.where('p.status', 'in', statuses);
  }
  // A collector sees the plans of their own accounts only.
  if (isScoped(actor)) q = q.where(({ ref }) => assignedTo(actor, ref('p.loan_id')));
  const rows = await q.orderBy('p.id', 'desc').limit(500).execute();
  return rows.map((p) => {
    const kind = planApprovalKind(p.type, p.penalty_waived);
    return {
      id: p.id,
      reference: requestReference('plan', p.id),
      kind,
      entity: 'plan',
      entityId: String(p.id),
      summary: p.params,
      // Without a note the screen names the plan's type from `summary`, in the reader's language.
      reason: p.proposal_note,
      status: approvalStatusOf(p.status),
      requestedBy: p.proposed_by_name,
      requestedByUserId: p.proposed_by || null,
      requestedAt: p.proposed_at,
      decidedBy: p.decided_by_name,
      decidedAt: p.decided_at,
      amount:
        kind === 'settlement-discount' ? p.written_off : kind === 'penalty-waiver' ? p.penalty_waived : null,
    };
  });
}
