import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import type { ServiceContext } from '../context';
import { issuesOf, type Handlers } from '../dispatch';
import { requestReference, type LoanChangeSinceRequest, type RequestSeries } from '../../../shared/contract';
import { appendAudit } from '../audit/audit';
import { requirePermission } from '../auth/permissions';
import { keepInScope } from '../auth/scope';
import { DomainError, domainError, notFound, ruleViolation } from '../errors';
import { loanChangeEn, loanChanges, loanOfEntity, loanStateOf, type LoanState } from './request';
import type { ApprovalKind } from './tables';
import { actionFor, registeredInboxes } from './registry';
import { claimPendingRequest, findRequest, requestsForInbox, updateRequest } from './approvals.repository';
import { lockLoans } from '../loans/loan-lock';

/** Approval-table requests are back-dated payments and reversals; anything else counts as a write-off. */
function seriesOf(kind: ApprovalKind): RequestSeries {
  return kind === 'backdated-payment' || kind === 'payment-reversal' ? kind : 'write-off';
}

export function approvalHandlers(ctx: ServiceContext): Pick<Handlers, 'approvals.list' | 'approvals.decide'> {
  const { db, clock } = ctx;
  return {
    'approvals.list': async ({ status }) => {
      const rows = await requestsForInbox(db, status);
      const actor = ctx.actor();
      const mine = await keepInScope(db, actor, rows, (r) => r.loan_id);
      const requests = mine.map((r) => ({
        id: r.id,
        reference: requestReference(seriesOf(r.kind), Number(r.kind_number)),
        kind: r.kind,
        entity: r.entity,
        entityId: r.entity_id,
        summary: r.payload,
        reason: r.reason,
        status: r.status,
        requestedBy: r.maker ?? 'System',
        requestedByUserId: r.requested_by || null,
        requestedAt: r.requested_at,
        decidedBy: r.decided_by === null ? null : (r.checker ?? 'System'),
        decidedAt: r.decided_at,
      }));
      // Requests other features keep (plans: penalty waivers, settlement discounts) wait in the
      // same inbox, newest first.
      const elsewhere = await Promise.all(registeredInboxes().map((inbox) => inbox(db, status, actor)));
      return [...requests, ...elsewhere.flat()].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
    },

    'approvals.decide': async ({ id, approve, note }) => {
      const outcome = await db.transaction().execute(async (trx) => {
        const checker = requirePermission(ctx.actor(), 'approvals.decide');
        const status = approve ? 'approved' : 'rejected';
        // The claim is the transaction's first statement, so it takes the write lock before it
        // reads: of two deciders (a double click, two approvers, two processes on one file)
        // exactly one finds the request pending. Whatever is refused below rolls it back.
        const claimed = await claimPendingRequest(trx, id, {
          status,
          checkerId: checker.userId,
          at: clock.now(),
          note,
        });
        const request = await findRequest(trx, id);
        if (!request) throw notFound('approval.notFound', id);
        if (request.requested_by === checker.userId) {
          throw domainError('forbidden', 'approval.ownRequest', { id });
        }
        if (!claimed) throw ruleViolation('approval.decided', { id, status: request.status });
        const act = approve ? actionFor(request.kind) : undefined;
        let result: unknown = null;
        if (act) {
          const { loanAsRequested, ...payload } = JSON.parse(request.payload) as Record<string, unknown> & {
            loanAsRequested?: LoanState;
          };
          const loanId = await loanOfEntity(trx, request.entity, request.entity_id);
          // The loan as it stands once no other PC is changing it, compared with what was asked.
          if (loanId !== null) await lockLoans(trx, [loanId]);
          const changes = loanChanges(
            loanAsRequested,
            loanId === null ? undefined : await loanStateOf(trx, loanId),
          );
          if (changes.length > 0) return cancelStale(trx, ctx, id, changes);
          const parsed = act.schema.safeParse(payload);
          if (!parsed.success)
            throw new DomainError(
              'conflict',
              'approval.invalidPayload',
              { id },
              {
                reason: 'invalid-payload',
                issues: issuesOf(parsed.error),
              },
            );
          result = await act.run(trx, ctx, parsed.data);
          await updateRequest(trx, id, { result: JSON.stringify(result) });
        }
        await appendAudit(trx, ctx, {
          entity: 'approval',
          entityId: id,
          action: status,
          before: { status: 'pending' },
          after: { status, note, result },
        });
        return { id, status } as const;
      });
      if ('staleBecause' in outcome)
        throw new DomainError(
          'conflict',
          'approval.loanChanged',
          { id, changes: outcome.staleBecause.map(loanChangeEn).join('; ') },
          { reason: 'loan-changed', changes: outcome.staleBecause },
        );
      return outcome;
    },
  };
}

/**
 * A request its loan has moved on from is cancelled, not approved: what the maker asked for
 * may no longer be right. The cancellation commits; the caller then refuses with the reason.
 */
async function cancelStale(
  trx: Transaction<DB>,
  ctx: ServiceContext,
  id: number,
  changes: LoanChangeSinceRequest[],
) {
  const reason = `loan changed: ${changes.map(loanChangeEn).join('; ')}`;
  await updateRequest(trx, id, { status: 'cancelled', decision_note: reason });
  await appendAudit(trx, ctx, {
    entity: 'approval',
    entityId: id,
    action: 'cancelled',
    before: { status: 'pending' },
    after: { status: 'cancelled', reason },
  });
  return { staleBecause: changes };
}
