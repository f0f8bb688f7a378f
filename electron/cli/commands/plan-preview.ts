import { computeStatement } from '../../../shared/engine';
import { applyPlan, PlanRefusal, type PlanOutcome } from '../../../shared/engine/plans';
import { planSpecSchema, toPlanSpec } from '../../../shared/contract/plans';
import { formatAmount } from '../../../shared/money/amount';
import { UsageError, type CliCommand } from '../command';
import { readLoanFileWith } from './statement';

/** The plan as `plan-preview` prints it: amounts as strings with exactly two decimals. */
export function formatPlanOutput(outcome: PlanOutcome) {
  const c = outcome.comparison;
  const money = (v: number | null) => (v === null ? null : formatAmount(v));
  return {
    schedule: outcome.installments.map((i) => ({
      n: i.n,
      dueDate: i.dueDate,
      principal: formatAmount(i.principal),
      interest: formatAmount(i.interest),
      total: formatAmount(i.principal + i.interest),
    })),
    comparison: {
      type: c.type,
      asOf: outcome.asOf,
      installmentAmount: money(c.installmentAmount),
      installmentSplit: c.installmentSplit && {
        regular: formatAmount(c.installmentSplit.regular),
        arrears: formatAmount(c.installmentSplit.arrears),
      },
      installmentCount: c.installmentCount,
      endDate: c.endDate,
      dueNow: formatAmount(c.dueNow),
      totalToPay: formatAmount(c.totalToPay),
      totalInterest: formatAmount(c.totalInterest),
      penaltyToPay: formatAmount(c.penaltyToPay),
      penaltyWaived: formatAmount(c.penaltyWaived),
      capitalized: formatAmount(c.capitalized),
      writtenOff: formatAmount(c.writtenOff),
      presentValue: formatAmount(c.presentValue),
      before: {
        outstandingPrincipal: formatAmount(c.before.outstandingPrincipal),
        overduePrincipal: formatAmount(c.before.overduePrincipal),
        overdueInterest: formatAmount(c.before.overdueInterest),
        penalty: formatAmount(c.before.penalty),
        payoff: formatAmount(c.before.payoff),
      },
    },
  };
}

/**
 * `plan-preview FILE --as-of YYYY-MM-DD`: a statement-contract loan file plus a `"plan"` object,
 * through the same plan engine the app uses. No database. Bad input is exit 2 with one line
 * naming the field.
 */
export const planPreviewCommand: CliCommand = {
  name: 'plan-preview',
  usage: 'plan-preview FILE --as-of YYYY-MM-DD',
  async run(args, io) {
    const { loan, extra: plan } = await readLoanFileWith(args, 'plan');
    if (plan === undefined) throw new UsageError('plan: is required');
    const spec = planSpecSchema.safeParse(plan);
    if (!spec.success) {
      const issue = spec.error.issues[0]!;
      throw new UsageError(`${['plan', ...issue.path.map(String)].join('.')}: ${issue.message}`);
    }
    try {
      const outcome = applyPlan(
        computeStatement(loan),
        {
          method: loan.terms.method,
          annualRatePercent: loan.terms.annualRatePercent,
          penaltyDailyRatePercent: loan.penaltyDailyRatePercent,
          graceDays: loan.graceDays,
        },
        toPlanSpec(spec.data),
      );
      io.out(JSON.stringify(formatPlanOutput(outcome), null, 2));
    } catch (error) {
      if (error instanceof PlanRefusal) throw new UsageError(`${error.field}: ${error.message}`);
      throw error;
    }
    return 0;
  },
};
