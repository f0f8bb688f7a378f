/**
 * A plan applied to a loan on its as-of date: the new schedule version and the figures the lender
 * compares candidate plans by. The UI, the services and the `plan-preview` command all call
 * `applyPlan`, so there is one answer to "what would this plan do".
 */
import { compareDates } from '../../dates/civil';
import type { Minor } from '../../money/amount';
import type { ScheduledInstallment } from '../schedule';
import type { Statement } from '../statement';
import { draftPlan, type PlanDraft } from './builders';
import { positionOf } from './position';
import { presentValue, type CashFlow } from './present-value';
import type { BalancePoint, PlanComparison, PlanLoan, PlanOutcome, PlanSpec } from './types';

const numbered = (rows: readonly ScheduledInstallment[]): ScheduledInstallment[] =>
  rows.map((row, i) => ({ ...row, n: i + 1 }));

const sum = (values: readonly Minor[]): Minor => values.reduce((a, b) => a + b, 0);

const totalOf = (rows: readonly ScheduledInstallment[]): Minor =>
  sum(rows.map((r) => r.principal + r.interest));

/**
 * What the borrower pays a month under the plan. An arrears plan's installments fall on their own
 * dates (a month apart from the restart date), which need not be the regular due dates, so its
 * first row can be a regular installment alone; the borrower pays both in a month. The month
 * counted is the calendar month of the first arrears installment: every plan row due in it.
 */
function monthlyInstallment(
  draft: PlanDraft,
): Pick<PlanComparison, 'installmentAmount' | 'installmentSplit'> {
  const firstArrears = draft.arrears[0];
  if (!firstArrears) {
    const first = draft.installments[0];
    return { installmentAmount: first ? totalOf([first]) : null, installmentSplit: null };
  }
  const inMonth = (row: ScheduledInstallment) => row.dueDate.slice(0, 7) === firstArrears.dueDate.slice(0, 7);
  const total = totalOf(draft.installments.filter(inMonth));
  const arrears = totalOf(draft.arrears.filter(inMonth));
  return { installmentAmount: total, installmentSplit: { regular: total - arrears, arrears } };
}

/** Principal still owed after each date on which something falls due (overdue rows count as due now). */
function balancesOf(asOf: string, rows: readonly ScheduledInstallment[]): BalancePoint[] {
  let balance = sum(rows.map((r) => r.principal));
  const points: BalancePoint[] = [{ date: asOf, balance }];
  for (const row of rows) {
    balance -= row.principal;
    const date = compareDates(row.dueDate, asOf) < 0 ? asOf : row.dueDate;
    const last = points.at(-1)!;
    if (last.date === date) last.balance = balance;
    else points.push({ date, balance });
  }
  return points;
}

/**
 * `statement` must be the loan's statement on the plan's as-of date, computed on its active
 * schedule version; `loan` gives the contract terms. Throws `PlanRefusal` for a plan that cannot
 * be made (the field it names is the one to change).
 */
export function applyPlan(statement: Statement, loan: PlanLoan, spec: PlanSpec): PlanOutcome {
  const asOf = statement.asOf;
  const position = positionOf(statement, spec.type === 'rate-change' ? asOf : null);
  const draft = draftPlan(position, loan, spec);

  // Carried rows a rate change leaves unpaid: what is left of them, and their penalty, is due now.
  const carriedStatements = statement.installments.slice(0, position.carried.length);
  const carriedUnpaid = carriedStatements
    .map((i) => ({
      n: i.n,
      dueDate: i.dueDate,
      principal: i.principal - i.paidPrincipal,
      interest: i.interest - i.paidInterest,
      penalty: i.penaltyDue,
    }))
    .filter((i) => i.principal + i.interest + i.penalty > 0);
  const carriedPenalty = sum(carriedUnpaid.map((i) => i.penalty));
  const owedRows = [...carriedUnpaid, ...(draft.dueNow ? [draft.dueNow] : []), ...draft.installments];

  const flows: CashFlow[] = [
    ...carriedUnpaid.map((i) => ({ date: i.dueDate, amount: i.principal + i.interest + i.penalty })),
    ...(draft.dueNow ? [draft.dueNow] : []).map((i) => ({
      date: i.dueDate,
      amount: i.principal + i.interest,
    })),
    ...draft.installments.map((i) => ({ date: i.dueDate, amount: i.principal + i.interest })),
  ];
  const installments = numbered(draft.installments);
  const dueNow =
    sum(carriedUnpaid.map((i) => i.principal + i.interest + i.penalty)) +
    (draft.dueNow ? draft.dueNow.principal + draft.dueNow.interest : 0);
  const totalToPay = sum(flows.map((f) => f.amount));
  const interestComponents = sum(owedRows.map((r) => r.interest));

  const comparison: PlanComparison = {
    type: spec.type,
    ...monthlyInstallment(draft),
    installmentCount: installments.length,
    endDate: owedRows.at(-1)?.dueDate ?? null,
    dueNow,
    totalToPay,
    totalInterest: interestComponents + draft.capitalized - draft.penaltyCrystallized,
    penaltyToPay: draft.penaltyCrystallized + carriedPenalty,
    penaltyWaived: draft.penaltyWaived,
    capitalized: draft.capitalized,
    writtenOff: draft.writtenOff,
    presentValue: presentValue(flows, asOf, loan.annualRatePercent),
    before: {
      outstandingPrincipal: statement.outstandingPrincipal,
      overduePrincipal: statement.overdue.principal,
      overdueInterest: statement.overdue.interest,
      penalty: statement.overdue.penalty,
      payoff: position.payoff,
    },
  };

  const carried = [...position.carried, ...(position.settled ? [position.settled] : [])];
  return {
    spec,
    asOf,
    installments,
    version: numbered([...carried, ...(draft.dueNow ? [draft.dueNow] : []), ...draft.installments]),
    carriedRows: carried.length,
    comparison,
    balances: balancesOf(asOf, owedRows),
  };
}
