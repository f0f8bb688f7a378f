import { sql, type SqlBool, type Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { appendAudit } from '../audit/audit';
import { requirePermission } from '../auth/permissions';
import { keepInScope } from '../auth/scope';
import { DomainError, invalidField, notFound, ruleViolation } from '../errors';
import { checkPayment, recordPayment, reversePayment } from '../payments/payments.service';
import { loadLoanBook } from '../loans/loan-status';
import { isBackdated } from './backdating';
import { requestApproval } from './request';
import type { ApprovalKind } from './tables';
import { planApprovalRows } from './plan-requests';

/**
 * What each kind of request does once approved, run in the approver's transaction. Kinds
 * without an action here (plans keep their own approval flow) are recorded as decided only.
 */
export type ApprovalAction = (trx: Transaction<DB>, ctx: ServiceContext, payload: never) => Promise<unknown>;

const ACTIONS: Partial<Record<ApprovalKind, ApprovalAction>> = {
  'payment-reversal': (trx, ctx, p: { paymentId: number; reason: string }) =>
    reversePayment(trx, ctx, p.paymentId, p.reason),
  'backdated-payment': (trx, ctx, p: Parameters<typeof recordPayment>[2]) => recordPayment(trx, ctx, p),
};

/** Lets another feature (write-off, waivers, discounts) say what its approved requests do. */
export function registerApprovalAction(kind: ApprovalKind, action: ApprovalAction): void {
  ACTIONS[kind] = action;
}

export function approvalHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'approvals.list' | 'approvals.decide' | 'payments.requestBackdated'> {
  const { db, clock } = ctx;
  return {
    'payments.requestBackdated': async (input) =>
      db.transaction().execute(async (trx) => {
        const today = clock.today();
        if (!(await isBackdated(trx, input.date, today)))
          throw invalidField('date', 'this payment is recent enough to record directly');
        // Checked now so a payment that could never be posted is refused, not queued.
        checkPayment(await loadLoanBook(trx, input.loanId), input.date, input.amount, today);
        const approvalId = await requestApproval(trx, ctx, {
          kind: 'backdated-payment',
          entity: 'loan',
          entityId: input.loanId,
          payload: { ...input },
          reason: `payment dated ${input.date}`,
        });
        return { approvalId };
      }),

    'approvals.list': async ({ status }) => {
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
          sql<
            number | null
          >`CASE r.entity WHEN 'loan' THEN CAST(r.entity_id AS INTEGER) ELSE p.loan_id END`.as('loan_id'),
        );
      if (status) q = q.where('r.status', '=', status);
      const rows = await q.orderBy('r.id', 'desc').limit(500).execute();
      const actor = ctx.actor();
      const mine = await keepInScope(db, actor, rows, (r) => r.loan_id);
      const requests = mine.map((r) => ({
        id: r.id,
        kind: r.kind,
        entity: r.entity,
        entityId: r.entity_id,
        summary: r.payload,
        reason: r.reason,
        status: r.status,
        requestedBy: r.maker ?? 'System',
        requestedAt: r.requested_at,
        decidedBy: r.decided_by === null ? null : (r.checker ?? 'System'),
        decidedAt: r.decided_at,
      }));
      // Plans (penalty waivers, settlement discounts) wait in the same inbox, newest first.
      return [...requests, ...(await planApprovalRows(db, status, actor))].sort((a, b) =>
        b.requestedAt.localeCompare(a.requestedAt),
      );
    },

    'approvals.decide': async ({ id, approve, note }) =>
      db.transaction().execute(async (trx) => {
        const checker = requirePermission(ctx.actor(), 'approvals.decide');
        const request = await trx
          .selectFrom('approval_requests')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirst();
        if (!request) throw notFound('Approval request', id);
        if (request.status !== 'pending')
          throw ruleViolation(`Request #${id} was already ${request.status}.`);
        if (request.requested_by === checker.userId) {
          throw new DomainError(
            'forbidden',
            `You made request #${id}; another user must approve or reject it.`,
          );
        }
        const status = approve ? 'approved' : 'rejected';
        const action = ACTIONS[request.kind];
        const result =
          approve && action ? await action(trx, ctx, JSON.parse(request.payload) as never) : null;
        await trx
          .updateTable('approval_requests')
          .set({
            status,
            decided_by: checker.userId,
            decided_at: clock.now(),
            decision_note: note,
            result: result === null ? null : JSON.stringify(result),
          })
          .where('id', '=', id)
          .execute();
        await appendAudit(trx, ctx, {
          entity: 'approval',
          entityId: id,
          action: status,
          before: { status: 'pending' },
          after: { status, note, result },
        });
        return { id, status };
      }),
  };
}
