import { describe, expect, it } from 'vitest';
import { buildSchedule, computeStatement } from '../../../shared/engine';
import { applyPlan, type PlanLoan, type PlanSpec } from '../../../shared/engine/plans';

/*
 * "New installment" is what the borrower pays a month under the plan. The loan: 1,200.00 at 12%,
 * equal principal over 12 months from 2026-01-03, so installment k (due on the 3rd) is 100.00
 * principal + (13 − k).00 interest; no penalty. Installment 1 is paid; 2 (03-03) and 3 (04-03)
 * are not. The plan is made on 2026-04-20, so its arrears installments fall on the 20th while the
 * regular ones stay on the 3rd: the two are separate rows, and each month holds one of each.
 *
 * Arrears: 200.00 principal in 3 parts (66.67, 66.67, 66.66) and 21.00 interest (7.00 each).
 */
const LOAN: PlanLoan = {
  method: 'equal-principal',
  annualRatePercent: '12',
  penaltyDailyRatePercent: '0',
  graceDays: 0,
};
const statement = computeStatement({
  installments: buildSchedule({
    method: 'equal-principal',
    principal: 120000,
    annualRatePercent: '12',
    months: 12,
    startDate: '2026-01-03',
  }),
  penaltyDailyRatePercent: '0',
  graceDays: 0,
  payments: [{ date: '2026-02-03', amount: 11200 }],
  asOf: '2026-04-20',
});
const plan = (spec: PlanSpec) => applyPlan(statement, LOAN, spec).comparison;

describe('new installment of an arrears plan whose dates differ from the regular ones', () => {
  it('is the regular installment plus the arrears installment of the same month, not the first row alone', () => {
    const outcome = applyPlan(statement, LOAN, {
      type: 'arrears-installments',
      months: 3,
      waivePenaltyPercent: '0',
    });
    // The first plan row is installment 4 alone (05-03: 109.00); the first arrears one follows on 05-20.
    expect(outcome.installments.slice(0, 2).map((r) => [r.dueDate, r.principal + r.interest])).toEqual([
      ['2026-05-03', 10900],
      ['2026-05-20', 6667 + 700],
    ]);
    expect(outcome.comparison.installmentAmount).toBe(10900 + 7367);
    expect(outcome.comparison.installmentSplit).toEqual({ regular: 10900, arrears: 7367 });
  });

  it('is the arrears installment alone while the regular installments are suspended', () => {
    const c = plan({ type: 'arrears-installments', months: 3, waivePenaltyPercent: '0', regular: 'suspend' });
    expect(c.installmentAmount).toBe(7367);
    expect(c.installmentSplit).toEqual({ regular: 0, arrears: 7367 });
  });

  it('stays the plan’s first installment, with no split, for a plan that replaces the schedule', () => {
    // 1,100.00 principal + 21.00 interest capitalized = 1,121.00 over 2 months, equal principal:
    // the first is 560.50 + 11.21 interest.
    const c = plan({ type: 'extension', months: 2, arrears: 'capitalize' });
    expect(c.installmentAmount).toBe(56050 + 1121);
    expect(c.installmentSplit).toBeNull();
  });
});
