import {
  OPEN_STATUSES,
  planSpecSchema,
  toPlanSpec,
  type PlanPreview,
  type PlanSpecInput,
} from '../../../shared/contract';
import { applyPlan, PlanRefusal, type PlanOutcome } from '../../../shared/engine/plans';
import { requirePermission } from '../auth/permissions';
import { assignedTo, isScoped } from '../auth/scope';
import { appendAudit } from '../audit/audit';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { notFound, ruleViolation, fieldRefusal } from '../errors';
import { insertScheduleVersion, setLoanStatus, nextScheduleVersion } from '../loans/loan.repository';
import { loadLoanRecords, type LoanRecords } from '../loans/loan-records';
import { refreshLoanStatus } from '../loans/status-cache';
import { statementOf } from '../loans/statement';
import { planLoanOf } from './plan-loan';
import { reportedDelinquency } from '../loans/restructured-dpd';
import { addDays } from '../../../shared/dates/civil';
import { reviewPlans } from './adherence';
import { agreementOf } from './agreement';
import {
  activePlanOf,
  findPlan,
  insertPlan,
  planRowById,
  planRowsQuery,
  toPlanRow,
  decideProposedPlan,
} from './plans.repository';
import { decisionStamp, refuseOwnRequest } from './decision';
import { registerApprovalInbox } from '../approvals/registry';
import { planApprovalRows } from './plan-requests';
import { lockLoanOf, lockLoans } from '../loans/loan-lock';

type PlanHandlers = Pick<
  Handlers,
  'plans.preview' | 'plans.propose' | 'plans.decide' | 'plans.list' | 'plans.get'
>;

function requireOpenLoan(book: LoanRecords): void {
  if (!OPEN_STATUSES.includes(book.loan.status)) {
    throw ruleViolation('plan.loanNotOpen', { number: book.loan.number, status: book.loan.status });
  }
}

/** The plan on the loan's statement today, computed on its active schedule version. */
function outcomeOn(book: LoanRecords, today: string, spec: ReturnType<typeof toPlanSpec>): PlanOutcome {
  try {
    return applyPlan(statementOf(book, today), planLoanOf(book.loan), spec);
  } catch (error) {
    if (error instanceof PlanRefusal) throw fieldRefusal(error.field, error.reason, error.params);
    throw error;
  }
}

export function planHandlers(ctx: ServiceContext): PlanHandlers {
  const { db, clock } = ctx;
  return {
    'plans.preview': async ({ loanId, candidates }) => {
      const book = await loadLoanRecords(db, loanId);
      requireOpenLoan(book);
      const statement = statementOf(book, clock.today());
      return candidates.map((input): PlanPreview => {
        const spec = input as PlanSpecInput;
        try {
          const outcome = applyPlan(statement, planLoanOf(book.loan), toPlanSpec(input));
          return {
            ok: true,
            spec,
            installments: outcome.installments,
            comparison: outcome.comparison,
            balances: outcome.balances,
          };
        } catch (error) {
          if (!(error instanceof PlanRefusal)) throw error;
          return {
            ok: false,
            spec,
            field: error.field,
            message: error.message,
            reason: error.reason,
            params: error.params,
          };
        }
      });
    },

    'plans.propose': async ({ loanId, spec, note }) => {
      const actor = requirePermission(ctx.actor(), 'plans.propose');
      const id = await db.transaction().execute(async (trx) => {
        const today = clock.today();
        await lockLoans(trx, [loanId]);
        const book = await loadLoanRecords(trx, loanId);
        requireOpenLoan(book);
        const outcome = outcomeOn(book, today, toPlanSpec(spec));
        const id = await insertPlan(trx, {
          loan_id: loanId,
          type: spec.type,
          params: JSON.stringify(spec),
          status: 'proposed',
          as_of: today,
          comparison: JSON.stringify(outcome.comparison),
          penalty_waived: outcome.comparison.penaltyWaived,
          written_off: outcome.comparison.writtenOff,
          proposed_by: actor.userId,
          proposed_by_name: actor.displayName,
          proposed_at: clock.now(),
          proposal_note: note,
        });
        await appendAudit(trx, ctx, {
          entity: 'plan',
          entityId: id,
          action: 'propose',
          after: { loanId, spec, note },
        });
        return id;
      });
      return (await planRowById(db, id))!;
    },

    'plans.decide': async ({ planId, decision, note }) => {
      const actor = requirePermission(ctx.actor(), 'approvals.decide');
      await db.transaction().execute(async (trx) => {
        const today = clock.today();
        // Two managers deciding the same plan: the second reads it after the first's commit.
        await lockLoanOf(trx, 'repayment_plans', planId);
        const plan = await findPlan(trx, planId);
        if (!plan) throw notFound('plan.notFound', planId);
        if (plan.status !== 'proposed')
          throw ruleViolation('plan.notProposed', { id: planId, status: plan.status });
        refuseOwnRequest(plan.proposed_by, actor, ruleViolation('plan.ownProposal', { id: planId }));
        const decided = decisionStamp(actor, clock.now(), note);
        if (decision === 'reject') {
          await decideProposedPlan(trx, planId, { status: 'rejected', ...decided });
          await appendAudit(trx, ctx, {
            entity: 'plan',
            entityId: planId,
            action: 'reject',
            after: { note },
          });
          return;
        }
        const book = await loadLoanRecords(trx, plan.loan_id);
        requireOpenLoan(book);
        const active = await activePlanOf(trx, plan.loan_id);
        if (active) {
          throw ruleViolation('plan.alreadyActive', { number: book.loan.number, id: active.id });
        }
        // The figures are recomputed on the approval date: payments or penalty since the proposal count.
        const spec = planSpecSchema.parse(JSON.parse(plan.params));
        const outcome = outcomeOn(book, today, toPlanSpec(spec));
        // DPD as reported today: a loan already held by an earlier plan stays held from that date.
        const { daysPastDue } = await reportedDelinquency(trx, book, statementOf(book, today), (d) =>
          statementOf(book, d),
        );
        const versionId = await insertScheduleVersion(
          trx,
          {
            loanId: plan.loan_id,
            version: await nextScheduleVersion(trx, plan.loan_id),
            reason: `plan #${planId}: ${plan.type}`,
            name: {
              kind: 'plan',
              planId,
              planType: spec.type,
              installments: spec.type === 'arrears-installments' ? spec.months : outcome.installments.length,
            },
            effectiveFrom: today,
            createdAt: clock.now(),
          },
          outcome.version,
        );
        await setLoanStatus(trx, plan.loan_id, 'restructured', clock.now());
        await decideProposedPlan(trx, planId, {
          status: 'active',
          ...decided,
          as_of: today,
          comparison: JSON.stringify(outcome.comparison),
          penalty_waived: outcome.comparison.penaltyWaived,
          written_off: outcome.comparison.writtenOff,
          version_id: versionId,
          carried_rows: outcome.carriedRows,
          held_due_date: daysPastDue > 0 ? addDays(today, -daysPastDue) : null,
        });
        await refreshLoanStatus(trx, plan.loan_id, today);
        await appendAudit(trx, ctx, {
          entity: 'plan',
          entityId: planId,
          action: 'approve',
          before: { loanStatus: book.loan.status, version: book.version },
          after: { note, versionId, comparison: outcome.comparison },
        });
      });
      return (await planRowById(db, planId))!;
    },

    'plans.get': async ({ planId }) => agreementOf(db, planId, clock.today()),

    'plans.list': async ({ status, loanId }) => {
      // Plans are judged whenever they are looked at, so a missed installment shows at once.
      await db.transaction().execute((trx) => reviewPlans(trx, ctx, clock.today()));
      let q = planRowsQuery(db);
      if (status) q = q.where('p.status', '=', status);
      if (loanId) q = q.where('p.loan_id', '=', loanId);
      const actor = ctx.actor();
      if (isScoped(actor)) q = q.where(({ ref }) => assignedTo(actor, ref('p.loan_id')));
      return Promise.all((await q.limit(500).execute()).map((r) => toPlanRow(db, r)));
    },
  };
}

// Plans wait in the approvals inbox beside the requests approvals keep (decided with plans.decide).
registerApprovalInbox(planApprovalRows);
