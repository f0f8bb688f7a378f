import { describe, expect, it } from 'vitest';
import { buildSchedule, computeStatement, type Payment, type StatementInput } from '../../../shared/engine';
import {
  applyPlan,
  PlanRefusal,
  presentValue,
  spreadEvenly,
  type PlanLoan,
  type PlanSpec,
} from '../../../shared/engine/plans';

/*
 * The worked loan: 1,200.00 at 12% a year (1% a month), equal principal over 12 months from
 * 2026-01-15, penalty 0.1% a day, no grace. Installment k repays 100.00 principal and
 * (13 − k).00 interest: 112.00, 111.00, 110.00, … 101.00, due on the 15th.
 * Installment 1 is paid on time; installment 2 (111.00, due 2026-03-15) is not.
 * On 2026-04-15 it is 31 days overdue: penalty = 111.00 × 0.1% × 31 = 3.441 → 3.44.
 */
const LOAN: PlanLoan = {
  method: 'equal-principal',
  annualRatePercent: '12',
  penaltyDailyRatePercent: '0.1',
  graceDays: 0,
};
const AS_OF = '2026-04-15';
const installments = buildSchedule({
  method: 'equal-principal',
  principal: 120000,
  annualRatePercent: '12',
  months: 12,
  startDate: '2026-01-15',
});
const ON_TIME: Payment[] = [{ date: '2026-02-15', amount: 11200 }];

const input = (payments: Payment[] = ON_TIME, asOf = AS_OF): StatementInput => ({
  installments,
  penaltyDailyRatePercent: '0.1',
  graceDays: 0,
  payments,
  asOf,
});
const plan = (spec: PlanSpec, payments?: Payment[]) =>
  applyPlan(computeStatement(input(payments)), LOAN, spec);
const rows = (outcome: ReturnType<typeof plan>) =>
  outcome.installments.map((i) => [i.dueDate, i.principal, i.interest]);
const total = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('the worked loan before any plan', () => {
  it('is 31 days overdue on installment 2 with 3.44 penalty', () => {
    const s = computeStatement(input());
    expect(s.daysPastDue).toBe(31);
    expect(s.overdue).toEqual({ principal: 10000, interest: 1100, penalty: 344 });
    expect(s.outstandingPrincipal).toBe(110000);
  });
});

describe('arrears installments (分期)', () => {
  // Waive 50% of 3.44 → 1.72 waived, 1.72 kept. Arrears principal 100.00 over 3: 33.33, 33.33,
  // 33.34; charges 11.00 + 1.72 = 12.72 over 3: 4.24 each. They ride on top of installments 4–6
  // (due 05-15, 06-15, 07-15: 100 + 9, 100 + 8, 100 + 7); installment 3 (due today) is unchanged.
  const outcome = plan({ type: 'arrears-installments', months: 3, waivePenaltyPercent: '50' });

  it('spreads the arrears over the next three months on top of the regular installments', () => {
    expect(rows(outcome).slice(0, 5)).toEqual([
      ['2026-04-15', 10000, 1000],
      ['2026-05-15', 13333, 900 + 424],
      ['2026-06-15', 13333, 800 + 424],
      ['2026-07-15', 13334, 700 + 424],
      ['2026-08-15', 10000, 600],
    ]);
    expect(outcome.installments).toHaveLength(10);
    expect(outcome.comparison.endDate).toBe('2027-01-15');
  });

  it('reports waiver, total and interest', () => {
    const c = outcome.comparison;
    expect(c.penaltyWaived).toBe(172);
    expect(c.penaltyToPay).toBe(172);
    // Installments 3–12: 1,000.00 principal + 55.00 interest; arrears 100.00 + 12.72.
    expect(c.totalToPay).toBe(105500 + 11272);
    // 55.00 still scheduled + 11.00 overdue interest; the 1.72 penalty is not interest.
    expect(c.totalInterest).toBe(6600);
    // May: regular installment 4 (109.00) plus the first arrears installment (33.33 + 4.24).
    expect(c.installmentAmount).toBe(10900 + 3757);
    expect(c.installmentSplit).toEqual({ regular: 10900, arrears: 3757 });
  });

  it('reconciles: paid + still to pay + waived = everything the loan owed', () => {
    // Paid 112.00; owed: 1,278.00 scheduled (1,200 + 78 interest) + 3.44 penalty.
    expect(11200 + outcome.comparison.totalToPay + outcome.comparison.penaltyWaived).toBe(127800 + 344);
    const principal = total(outcome.version.map((i) => i.principal));
    expect(principal).toBe(120000);
  });

  it('leaves the loan current when the statement engine replays the payments on the new version', () => {
    const s = computeStatement({ ...input(), installments: outcome.version });
    expect(s.daysPastDue).toBe(0);
    expect(s.overdue).toEqual({ principal: 0, interest: 0, penalty: 0 });
    expect(s.outstandingPrincipal).toBe(110000);
    expect(s.installments[0]!.status).toBe('paid');
  });

  it('refuses a waiver larger than the penalty due', () => {
    expect(() => plan({ type: 'arrears-installments', months: 3, waivePenaltyPercent: '100.5' })).toThrow(
      expect.objectContaining({ field: 'plan.waivePenaltyPercent' }),
    );
  });
});

describe('arrears installments instead of the regular installments (分期, regular suspended)', () => {
  // The same 100.00 + 12.72 arrears over 3 months (05-15, 06-15, 07-15: 33.33/33.33/33.34 + 4.24),
  // but installments 4–12 are suspended meanwhile and each moves 3 months later (4: 08-15 …
  // 12: 2027-04-15). Installment 3 is due today, so it stays. The suspended months cost simple
  // interest on the moved principal, as a holiday's 'defer': 900.00 × 1% = 9.00 a month × 3 = 27.00,
  // added to the last installment (1.00 → 28.00).
  const spec: PlanSpec = {
    type: 'arrears-installments',
    months: 3,
    waivePenaltyPercent: '50',
    regular: 'suspend',
  };
  const outcome = plan(spec);

  it('charges only the arrears during the suspended months, then resumes the regular schedule', () => {
    expect(rows(outcome).slice(0, 6)).toEqual([
      ['2026-04-15', 10000, 1000],
      ['2026-05-15', 3333, 424],
      ['2026-06-15', 3333, 424],
      ['2026-07-15', 3334, 424],
      ['2026-08-15', 10000, 900],
      ['2026-09-15', 10000, 800],
    ]);
    expect(rows(outcome).at(-1)).toEqual(['2027-04-15', 10000, 100 + 2700]);
    expect(outcome.installments).toHaveLength(13);
    // Maturity moves by the 3 suspended months: 2027-01-15 → 2027-04-15.
    expect(outcome.comparison.endDate).toBe('2027-04-15');
    // May carries only the first arrears installment: the regular ones are suspended.
    expect(outcome.comparison.installmentAmount).toBe(3757);
    expect(outcome.comparison.installmentSplit).toEqual({ regular: 0, arrears: 3757 });
  });

  it('reports the suspension interest as interest, and the same waiver as keeping the installments', () => {
    const c = outcome.comparison;
    expect(c.penaltyWaived).toBe(172);
    expect(c.penaltyToPay).toBe(172);
    expect(c.totalToPay).toBe(105500 + 11272 + 2700);
    expect(c.totalInterest).toBe(6600 + 2700);
    expect(c.capitalized).toBe(0);
  });

  it('reconciles: paid + still to pay + waived − suspension interest = everything the loan owed', () => {
    const c = outcome.comparison;
    expect(11200 + c.totalToPay + c.penaltyWaived - 2700).toBe(127800 + 344);
    expect(total(outcome.version.map((i) => i.principal))).toBe(120000);
    const s = computeStatement({ ...input(), installments: outcome.version });
    expect(s.daysPastDue).toBe(0);
    expect(s.overdue).toEqual({ principal: 0, interest: 0, penalty: 0 });
    expect(s.outstandingPrincipal).toBe(110000);
  });

  it('moves an installment due between the as-of date and the first arrears month too', () => {
    // On 04-20 installment 3 (due 04-15) is overdue as well: arrears 200.00 principal + 21.00
    // interest + penalty (111.00 × 0.1% × 36 = 3.996 plus 110.00 × 0.1% × 5 = 0.55 → 4.55, all
    // waived). Over 2 months (05-20, 06-20): 100.00 + 10.50 each. Installments 4–12 (05-15 …)
    // move 2 months (07-15 … 2027-03-15); 900.00 × 1% × 2 = 18.00 is added to the last.
    const late = applyPlan(computeStatement(input(ON_TIME, '2026-04-20')), LOAN, {
      type: 'arrears-installments',
      months: 2,
      waivePenaltyPercent: '100',
      regular: 'suspend',
    });
    expect(rows(late).slice(0, 3)).toEqual([
      ['2026-05-20', 10000, 1050],
      ['2026-06-20', 10000, 1050],
      ['2026-07-15', 10000, 900],
    ]);
    expect(rows(late).at(-1)).toEqual(['2027-03-15', 10000, 100 + 1800]);
    expect(late.comparison.penaltyWaived).toBe(455);
  });

  it('is the same as keeping the installments when none are left to suspend', () => {
    // On 2027-02-01 every installment is overdue: nothing regular remains, so nothing moves.
    const matured = computeStatement(input(ON_TIME, '2027-02-01'));
    const keep = applyPlan(matured, LOAN, { ...spec, regular: 'keep' });
    const suspend = applyPlan(matured, LOAN, spec);
    expect(suspend.installments).toEqual(keep.installments);
  });
});

describe('term extension (展期)', () => {
  it('capitalizes arrears and re-amortizes over the new term', () => {
    // Principal 1,100.00 + 11.00 interest + 3.44 penalty = 1,114.44.
    // Annuity over 2 at 1%: 111444 × 1.0201 / 2.01 = 56559.22 → 565.59.
    // Month 1: interest 11.1444 → 11.14, principal 554.45; balance 559.99; month 2: interest 5.60.
    const outcome = plan({
      type: 'extension',
      months: 2,
      annualRatePercent: '12',
      method: 'annuity',
      arrears: 'capitalize',
    });
    expect(rows(outcome)).toEqual([
      ['2026-05-15', 55445, 1114],
      ['2026-06-15', 55999, 560],
    ]);
    const c = outcome.comparison;
    expect(c.capitalized).toBe(1444);
    expect(c.totalToPay).toBe(113118);
    // 11.14 + 5.60 new interest + 11.00 overdue interest (the 3.44 penalty is not interest).
    expect(c.totalInterest).toBe(2774);
    expect(c.dueNow).toBe(0);
    // 565.59 / 1.01 + 565.59 / 1.0201 = 565.59 × 2.01 / 1.0201 = 1,114.4357… → 1,114.44.
    expect(c.presentValue).toBe(111444);
  });

  it('keeps overdue interest and penalty due now, outside the new installments', () => {
    // 110000 × 1.0201 / 2.01 = 55826.37 → 558.26; interest 11.00 then 5.5274 → 5.53.
    const outcome = plan({ type: 'extension', months: 2, arrears: 'keep', method: 'annuity' });
    expect(rows(outcome)).toEqual([
      ['2026-05-15', 54726, 1100],
      ['2026-06-15', 55274, 553],
    ]);
    expect(outcome.comparison.dueNow).toBe(1444);
    expect(outcome.comparison.totalToPay).toBe(1444 + 55826 + 55827);
    // The version has the kept arrears as a row due on the as-of date, so DPD restarts at 0.
    const s = computeStatement({ ...input(), installments: outcome.version });
    expect(s.nextDue).toEqual({ dueDate: AS_OF, amount: 1444 });
    expect(s.daysPastDue).toBe(0);
  });

  it('settles a partly paid installment so the old money is counted exactly once', () => {
    // On 04-01 the borrower pays 50.00 on installment 2: 17 days late, penalty 111.00 × 0.1% × 17 =
    // 1.887 → 1.89; interest 11.00; principal 37.11. By 04-15 the penalty has grown by
    // 62.89 × 0.1% × 14 = 0.88046: round(1.887 + 0.88046) − 1.89 = 2.77 − 1.89 = 0.88 due.
    const payments = [...ON_TIME, { date: '2026-04-01', amount: 5000 }];
    const outcome = plan({ type: 'extension', months: 2, arrears: 'capitalize' }, payments);
    expect(outcome.comparison.before.penalty).toBe(88);
    expect(outcome.comparison.capitalized).toBe(88);
    // Kept: installment 1; settled: 37.11 principal + (11.00 + 1.89) "interest", due on the as-of date.
    expect(outcome.version.slice(0, 2)).toEqual([
      { n: 1, dueDate: '2026-02-15', principal: 10000, interest: 1200 },
      { n: 2, dueDate: AS_OF, principal: 3711, interest: 1289 },
    ]);
    // New principal 1,062.89 + 0.88 = 1,063.77, so the version's principal is 1,200.00 + 0.88.
    expect(total(outcome.installments.map((i) => i.principal))).toBe(106377);
    expect(total(outcome.version.map((i) => i.principal))).toBe(120000 + 88);
    const s = computeStatement({ ...input(payments), installments: outcome.version });
    expect(s.daysPastDue).toBe(0);
    expect(s.unapplied).toBe(0);
    expect(s.outstandingPrincipal).toBe(106377);
    expect(s.installments.slice(0, 2).map((i) => i.status)).toEqual(['paid', 'paid']);
  });

  it('refuses a zero or negative term', () => {
    expect(() => plan({ type: 'extension', months: 0, arrears: 'keep' })).toThrow(PlanRefusal);
    expect(() => plan({ type: 'extension', months: -3, arrears: 'keep' })).toThrow(
      expect.objectContaining({ field: 'plan.months' }),
    );
  });
});

describe('payment holiday (宽限期)', () => {
  it('capitalizes the holiday interest month by month', () => {
    // 1,100.00 + 11.00 + 3.44 = 1,114.44; +11.14 (1,125.58); +11.2558 → 11.26 (1,136.84).
    // Eleven installments were unpaid, so 11 equal-principal installments from 2026-06-15:
    // round(1,136.84 / 11) = 103.35; first interest 11.3684 → 11.37; the last takes 103.34.
    const outcome = plan({ type: 'holiday', months: 2, interest: 'capitalize' });
    expect(outcome.installments).toHaveLength(11);
    expect(rows(outcome)[0]).toEqual(['2026-07-15', 10335, 1137]);
    expect(rows(outcome)[10]).toEqual(['2027-05-15', 10334, 103]);
    expect(outcome.comparison.capitalized).toBe(3684);
    expect(total(outcome.installments.map((i) => i.principal))).toBe(113684);
  });

  it('defers the holiday interest and the arrears to the last installment', () => {
    // 100.00 a month; interest 11.00, 10.00 … 1.00; deferred = 11.00 + 3.44 + 2 × 11.00 = 36.44.
    const outcome = plan({ type: 'holiday', months: 2, interest: 'defer' });
    expect(rows(outcome)[0]).toEqual(['2026-07-15', 10000, 1100]);
    expect(rows(outcome)[10]).toEqual(['2027-05-15', 10000, 100 + 3644]);
    expect(outcome.comparison.capitalized).toBe(0);
    // 1,100.00 + (11 + 10 + … + 1 = 66.00) + 36.44.
    expect(outcome.comparison.totalToPay).toBe(110000 + 6600 + 3644);
  });
});

describe('rate change', () => {
  // To 6% (0.5% a month) for the nine installments due after 04-15: 100.00 each, interest
  // 4.50, 4.00 … 0.50. Installments 2 and 3 (due on or before the as-of date) stay as they are.
  const outcome = plan({ type: 'rate-change', annualRatePercent: '6' });

  it('re-prices the installments still to come on their own due dates', () => {
    expect(rows(outcome).slice(0, 2)).toEqual([
      ['2026-05-15', 10000, 450],
      ['2026-06-15', 10000, 400],
    ]);
    expect(rows(outcome)[8]).toEqual(['2027-01-15', 10000, 50]);
    // Installment 2 (111.00 + 3.44 penalty) and 3 (110.00) are due now.
    expect(outcome.comparison.dueNow).toBe(11100 + 344 + 11000);
    expect(outcome.comparison.totalInterest).toBe(1100 + 1000 + 2250);
  });

  it('leaves the arrears and their penalty exactly as the engine had them', () => {
    const s = computeStatement({ ...input(), installments: outcome.version });
    expect(s.daysPastDue).toBe(31);
    expect(s.overdue).toEqual({ principal: 10000, interest: 1100, penalty: 344 });
  });
});

describe('settlement', () => {
  // Payoff on 04-15: 1,100.00 principal + the interest of installments 2 and 3 (11.00 + 10.00,
  // both due by then) + 3.44 penalty = 1,124.44. Installment 4's period starts that day, so it
  // has earned nothing yet; the 45.00 of interest scheduled after it is not owed.
  it('offers a discounted lump sum and says what would be written off', () => {
    const outcome = plan({ type: 'settlement', amount: 101000, payBy: '2026-05-15' });
    expect(rows(outcome)).toEqual([['2026-05-15', 101000, 0]]);
    const c = outcome.comparison;
    expect(c.before.payoff).toBe(112444);
    expect(c.writtenOff).toBe(112444 - 101000);
    expect(c.penaltyWaived).toBe(344);
    // 1,010.00 one month away at 1% a month is worth exactly 1,000.00 today.
    expect(c.presentValue).toBe(100000);
  });

  it('refuses an amount above the payoff', () => {
    expect(() => plan({ type: 'settlement', amount: 112445, payBy: '2026-05-15' })).toThrow(
      expect.objectContaining({ field: 'plan.amount' }),
    );
  });
});

describe('a closed loan', () => {
  it('cannot be restructured', () => {
    const payments = [{ date: '2026-02-01', amount: 127800 }];
    expect(() => plan({ type: 'rate-change', annualRatePercent: '6' }, payments)).toThrow(
      expect.objectContaining({ field: 'loan' }),
    );
  });
});

describe('helpers', () => {
  it('spreads evenly with the remainder last', () => {
    expect(spreadEvenly(10000, 3)).toEqual([3333, 3333, 3334]);
    expect(spreadEvenly(2, 3)).toEqual([1, 1, 0]);
  });

  it('discounts by whole months at the contract rate', () => {
    // 102.01 two months away at 1% = 100.00; 50.00 due today is not discounted.
    expect(
      presentValue(
        [
          { date: '2026-06-15', amount: 10201 },
          { date: '2026-04-15', amount: 5000 },
        ],
        AS_OF,
        '12',
      ),
    ).toBe(15000);
    // 2026-05-16 is in the second month after 04-15: 102.01 / 1.0201.
    expect(presentValue([{ date: '2026-05-16', amount: 10201 }], AS_OF, '12')).toBe(10000);
  });
});
