import type { BookClassification, LoanGrade, LoanGradeLine } from '../../../shared/contract/risk';
import { gradeLoans, summarize, type GradedLoan } from './grading';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { loanNumbersOf, loansOnBook, monthEndsOfLoan, standingsAtMonthEnds } from './standings.query';
import { riskRulesByMonth, riskRulesOf } from './rules';
import { addMonthsClamped, lastDayOfMonth, monthOf } from '../../../shared/dates';
import { keepMonthEndsThrough } from '../reports/month-end-cache';
import {
  insertOverride,
  moveOverride,
  overrideApprovalRows,
  overrideById,
  overrideOfLoan,
} from './overrides.repository';
import { registerApprovalInbox } from '../approvals/registry';
import { GRADES_OF, type RiskGrade } from '../../../shared/engine/classification';
import { BOOK_STATUSES } from '../../../shared/reports/monthly';
import type { Db } from '../../db/db';
import { requirePermission } from '../auth/permissions';
import { appendAudit } from '../audit/audit';
import { invalidField, notFound, ruleViolation } from '../errors';
import { lockLoanOf, lockLoans } from '../loans/loan-lock';
import { findLoan } from '../loans/loan.repository';
import { decisionStamp, refuseOwnRequest } from '../plans/decision';

/** The book's classification on `asOf`: every grade's loans, balances and provision, and the ratios. */
export async function classifyBook(
  ctx: ServiceContext,
  asOf: string,
  perLoan = false,
): Promise<BookClassification> {
  const rules = await riskRulesOf(ctx.db);
  const graded = gradeLoans(rules, await loansOnBook(ctx, asOf), asOf);
  return {
    asOf,
    ...summarize(rules, graded),
    ...(perLoan ? { perLoan: await linesOf(ctx, graded) } : {}),
  };
}

async function linesOf(ctx: ServiceContext, graded: readonly GradedLoan[]): Promise<LoanGradeLine[]> {
  const numbers = await loanNumbersOf(
    ctx,
    graded.map((g) => g.loan.loanId),
  );
  return graded
    .map(({ loan, classification, base, provision }) => ({
      ...classification,
      loanId: loan.loanId,
      number: numbers.get(loan.loanId) ?? String(loan.loanId),
      daysPastDue: loan.daysPastDue,
      outstanding: loan.outstandingPrincipal,
      base,
      provision,
    }))
    .sort((a, b) => a.number.localeCompare(b.number));
}

/** The grades today of a page of loans (the worklist's), by loan id. */
export async function gradesToday(
  ctx: ServiceContext,
  loanIds: readonly number[],
): Promise<Map<number, RiskGrade>> {
  const today = ctx.clock.today();
  const rules = await riskRulesOf(ctx.db);
  const graded = gradeLoans(rules, await loansOnBook(ctx, today, loanIds), today);
  return new Map(graded.map((g) => [g.loan.loanId, g.classification.grade]));
}

/**
 * The months a loan's grade changed, from the month-end cache (completed months, which never
 * move), each graded under its own month's rules.
 */
export async function gradeHistory(ctx: ServiceContext, loanId: number) {
  const lastMonth = monthOf(addMonthsClamped(`${monthOf(ctx.clock.today())}-01`, -1));
  await keepMonthEndsThrough(ctx.db, lastMonth);
  const rulesOf = await riskRulesByMonth(ctx.db);
  const rows = await monthEndsOfLoan(ctx, loanId, lastMonth);
  const changes: { month: string; grade: RiskGrade }[] = [];
  for (const { month, standing } of await standingsAtMonthEnds(ctx, loanId, rows)) {
    const [graded] = gradeLoans(rulesOf(month), [standing], lastDayOfMonth(month));
    if (graded && changes.at(-1)?.grade !== graded.classification.grade) {
      changes.push({ month, grade: graded.classification.grade });
    }
  }
  return changes;
}

/** One loan's grade today, or null when it is not on the book (a draft, closed, written off). */
export async function gradeOfLoan(ctx: ServiceContext, loanId: number): Promise<LoanGrade | null> {
  const asOf = ctx.clock.today();
  const rules = await riskRulesOf(ctx.db);
  const [graded] = gradeLoans(rules, await loansOnBook(ctx, asOf, [loanId]), asOf);
  if (!graded) return null;
  return {
    ...graded.classification,
    loanId,
    asOf,
    profile: rules.profile,
    daysPastDue: graded.loan.daysPastDue,
    base: graded.base,
    provision: graded.provision,
    provisionPercent: rules.provisionPercent[graded.classification.grade] ?? '0',
    override: await overrideOfLoan(ctx.db, loanId, 'approved'),
    pendingOverride: await overrideOfLoan(ctx.db, loanId, 'proposed'),
  };
}

type RiskHandlers = Pick<
  Handlers,
  | 'reports.classification'
  | 'loans.grade'
  | 'loans.gradeHistory'
  | 'loans.requestGradeOverride'
  | 'loans.decideGradeOverride'
  | 'loans.removeGradeOverride'
>;

export function riskHandlers(ctx: ServiceContext): RiskHandlers {
  const { db, clock } = ctx;
  const found = async (trx: Db, id: number) => {
    const row = await overrideById(trx, id);
    if (!row) throw notFound('gradeOverride.notFound', id);
    return row;
  };
  return {
    'reports.classification': ({ asOf, perLoan }) => classifyBook(ctx, asOf ?? clock.today(), perLoan),
    'loans.grade': ({ loanId }) => gradeOfLoan(ctx, loanId),
    'loans.gradeHistory': ({ loanId }) => gradeHistory(ctx, loanId),

    'loans.requestGradeOverride': async ({ loanId, grade, reason }) => {
      const actor = requirePermission(ctx.actor(), 'approvals.decide');
      return db.transaction().execute(async (trx) => {
        await lockLoans(trx, [loanId]);
        const loan = await findLoan(trx, loanId);
        if (!loan) throw notFound('loan.notFound', loanId);
        if (!BOOK_STATUSES.includes(loan.status)) {
          throw ruleViolation('gradeOverride.notOnBook', { number: loan.number, status: loan.status });
        }
        const rules = await riskRulesOf(trx);
        if (!GRADES_OF[rules.profile].includes(grade)) {
          throw invalidField('grade', 'classification.gradeOfOtherProfile', { grade });
        }
        const waiting = await overrideOfLoan(trx, loanId, 'proposed');
        if (waiting) throw ruleViolation('gradeOverride.pending', { id: waiting.id, number: loan.number });
        const id = await insertOverride(trx, {
          loan_id: loanId,
          grade,
          reason,
          status: 'proposed',
          requested_by: actor.userId,
          requested_by_name: actor.displayName,
          requested_at: clock.now(),
          decided_by: null,
          decided_by_name: null,
          decided_at: null,
          effective_from: null,
          removed_on: null,
          removed_by_name: null,
        });
        await appendAudit(trx, ctx, {
          entity: 'grade-override',
          entityId: id,
          action: 'request',
          after: { loanId, grade, reason },
        });
        return (await overrideById(trx, id))!;
      });
    },

    'loans.decideGradeOverride': async ({ overrideId, decision, note }) => {
      const actor = requirePermission(ctx.actor(), 'approvals.decide');
      return db.transaction().execute(async (trx) => {
        await lockLoanOf(trx, 'grade_overrides', overrideId);
        const asked = await found(trx, overrideId);
        if (asked.status !== 'proposed') {
          throw ruleViolation('gradeOverride.decided', { id: overrideId, status: asked.status });
        }
        refuseOwnRequest(
          asked.requestedByUserId,
          actor,
          ruleViolation('gradeOverride.ownRequest', { id: overrideId }),
        );
        const today = clock.today();
        if (decision === 'approve') {
          // The override it replaces ends the day this one starts.
          const current = await overrideOfLoan(trx, asked.loanId, 'approved');
          if (current) {
            await moveOverride(trx, current.id, 'approved', {
              status: 'removed',
              removed_on: today,
              removed_by_name: actor.displayName,
              removal_reason: `replaced by #${overrideId}`,
            });
          }
        }
        const moved = await moveOverride(trx, overrideId, 'proposed', {
          status: decision === 'approve' ? 'approved' : 'rejected',
          ...decisionStamp(actor, clock.now(), note),
          effective_from: decision === 'approve' ? today : null,
        });
        if (!moved) throw ruleViolation('gradeOverride.decided', { id: overrideId, status: 'decided' });
        await appendAudit(trx, ctx, {
          entity: 'grade-override',
          entityId: overrideId,
          action: decision,
          before: { status: 'proposed' },
          after: { status: decision === 'approve' ? 'approved' : 'rejected', note },
        });
        return (await overrideById(trx, overrideId))!;
      });
    },

    'loans.removeGradeOverride': async ({ overrideId, reason }) => {
      const actor = requirePermission(ctx.actor(), 'approvals.decide');
      return db.transaction().execute(async (trx) => {
        await lockLoanOf(trx, 'grade_overrides', overrideId);
        const current = await found(trx, overrideId);
        const moved =
          current.status === 'approved' &&
          (await moveOverride(trx, overrideId, 'approved', {
            status: 'removed',
            removed_on: clock.today(),
            removed_by_name: actor.displayName,
            removal_reason: reason,
          }));
        if (!moved) throw ruleViolation('gradeOverride.notInForce', { id: overrideId });
        await appendAudit(trx, ctx, {
          entity: 'grade-override',
          entityId: overrideId,
          action: 'remove',
          before: { status: 'approved', grade: current.grade },
          after: { status: 'removed', reason },
        });
        return (await overrideById(trx, overrideId))!;
      });
    },
  };
}

// Overrides wait in the approvals inbox beside the requests approvals keep.
registerApprovalInbox(overrideApprovalRows);
