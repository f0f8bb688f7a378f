/**
 * Payoff and early settlement, worked out by hand from the rule (README "Payoff and early
 * settlement"). The loan: 12,000.00 at 12% a year (1% a month) over 12 months from 2026-01-15,
 * so installment 1 falls due 2026-02-15 (31 days later) and installment 2 on 2026-03-15 (28 days
 * after that). Amounts are minor units: 1000_00 is 1,000.00.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates/civil';
import { PREPAYMENT_INTEREST_RULES, type PrepaymentTerms } from '../../../shared/engine/payoff';
import { buildSchedule, REPAYMENT_METHODS, type RepaymentMethod } from '../../../shared/engine/schedule';
import { computeStatement, type Charge, type Payment } from '../../../shared/engine/statement';

const START = '2026-01-15';
const scheduleOf = (method: RepaymentMethod) =>
  buildSchedule({ method, principal: 12000_00, annualRatePercent: '12', months: 12, startDate: START });

const statement = (
  method: RepaymentMethod,
  asOf: string,
  payments: Payment[] = [],
  more: { prepayment?: PrepaymentTerms; charges?: Charge[]; penaltyDailyRatePercent?: string } = {},
) =>
  computeStatement({
    installments: scheduleOf(method),
    penaltyDailyRatePercent: more.penaltyDailyRatePercent ?? '0',
    graceDays: 0,
    payments,
    asOf,
    startDate: START,
    ...(more.prepayment ? { prepayment: more.prepayment } : {}),
    ...(more.charges ? { charges: more.charges } : {}),
  });

describe('payoff on a day', () => {
  it('before the first due date: principal and the interest of the days elapsed', () => {
    // 120.00 × 10/31 = 38.709… → 38.71.
    const s = statement('annuity', '2026-01-25');
    expect(s.payoff).toMatchObject({ principal: 12000_00, interestDue: 0, interestAccrued: 38_71, fee: 0 });
    expect(s.payoff.total).toBe(12038_71);
  });

  it('on a due date: the unpaid installment in full, and nothing yet of the next period', () => {
    const s = statement('annuity', '2026-02-15');
    expect(s.payoff).toMatchObject({ principal: 12000_00, interestDue: 120_00, interestAccrued: 0 });
    expect(s.payoff.total).toBe(12120_00);
  });

  it('mid-period: installment 2 earns 14 of its 28 days', () => {
    // #1 paid on time (946.19 + 120.00). Principal 11,053.81; #2's interest 110.54 × 14/28 = 55.27.
    const s = statement('annuity', '2026-03-01', [{ date: '2026-02-15', amount: 1066_19 }]);
    expect(s.payoff).toMatchObject({ principal: 11053_81, interestDue: 0, interestAccrued: 55_27 });
    expect(s.payoff.total).toBe(11109_08);
  });

  it('interest paid ahead is handed back', () => {
    // 2,000.00 on Feb 15 (payoff that day 12,120.00, so no settlement): #1 1,066.19, then #2's
    // interest 110.54 and 823.27 of its principal. On Mar 1: principal 12,000.00 − 946.19 −
    // 823.27 = 10,230.54, + 55.27 earned − 110.54 paid ahead = 10,175.27.
    const s = statement('annuity', '2026-03-01', [{ date: '2026-02-15', amount: 2000_00 }]);
    expect(s.payoff).toMatchObject({ principal: 10230_54, interestAccrued: 55_27, interestCredit: 110_54 });
    expect(s.payoff.total).toBe(10175_27);
  });

  it('with penalty and charges', () => {
    // Equal principal, #1 (1,000.00 + 120.00) unpaid 10 days at 0.05% a day: 1,120.00 × 0.0005 ×
    // 10 = 5.60. A 300.00 charge. #2 earns 110.00 × 10/28 = 39.285… → 39.29.
    const s = statement('equal-principal', '2026-02-25', [], {
      penaltyDailyRatePercent: '0.05',
      charges: [{ date: '2026-02-20', amount: 300_00 }],
    });
    expect(s.payoff).toMatchObject({
      principal: 12000_00,
      interestDue: 120_00,
      interestAccrued: 39_29,
      penalty: 5_60,
      charges: 300_00,
    });
    expect(s.payoff.total).toBe(12464_89);
  });

  it('with a fee, to date or for the whole period', () => {
    // Interest only, #1 paid. Fee 2% of the 12,000.00 repaid early = 240.00.
    const paid = [{ date: '2026-02-15', amount: 120_00 }];
    const toDate = statement('interest-only', '2026-03-01', paid, {
      prepayment: { interest: 'to-date', feePercent: '2' },
    });
    expect(toDate.payoff).toMatchObject({ interestAccrued: 60_00, fee: 240_00, total: 12300_00 });
    const whole = statement('interest-only', '2026-03-01', paid, {
      prepayment: { interest: 'whole-period', feePercent: '2' },
    });
    expect(whole.payoff).toMatchObject({ interestAccrued: 120_00, fee: 240_00, total: 12360_00 });
  });

  it('a bullet loan has one period, from the start to maturity', () => {
    // 1,440.00 × 181/365 = 714.082… → 714.08.
    expect(statement('bullet', '2026-07-15').payoff.total).toBe(12714_08);
  });

  it('the fee gives way where payoff would exceed the whole remaining schedule', () => {
    // A day before maturity: 1,440.00 × 364/365 = 1,436.054… → 1,436.05 earned. A 100% fee would be
    // 12,000.00, but the whole schedule costs 13,440.00, so the fee is 3.95.
    const s = statement('bullet', '2027-01-14', [], {
      prepayment: { interest: 'to-date', feePercent: '100' },
    });
    expect(s.payoff).toMatchObject({ interestAccrued: 1436_05, fee: 3_95, total: 13440_00 });
  });

  it('refuses a fee outside 0–100%', () => {
    expect(() =>
      statement('annuity', '2026-02-01', [], { prepayment: { interest: 'to-date', feePercent: '100.01' } }),
    ).toThrow(/from 0% to 100%/);
  });
});

/**
 * Every case for every method, worked by hand. The schedules: annuity #1 946.19 + 120.00 and
 * #2 955.65 + 110.54; equal principal 1,000.00 + 120.00, 1,000.00 + 110.00; interest only 120.00
 * a month with 12,000.00 in #12; bullet 12,000.00 + 1,440.00 due 2027-01-15 (365 days).
 */
const PENALTY_AND_CHARGE = {
  penaltyDailyRatePercent: '0.05',
  charges: [{ date: '2026-02-20', amount: 300_00 }],
};
const FEE_2 = { prepayment: { interest: 'to-date' as const, feePercent: '2' } };
const BY_HAND: [string, RepaymentMethod, string, Payment[], Parameters<typeof statement>[3], number][] = [
  // Before the first due date: 10 of the first period's 31 days (bullet: of 365).
  ['before the first due date', 'annuity', '2026-01-25', [], {}, 12038_71],
  ['before the first due date', 'equal-principal', '2026-01-25', [], {}, 12038_71],
  ['before the first due date', 'interest-only', '2026-01-25', [], {}, 12038_71],
  ['before the first due date', 'bullet', '2026-01-25', [], {}, 12039_45], // 1,440 × 10/365 = 39.45
  // On a due date, that installment unpaid: it is owed whole, the next period has earned nothing.
  ['on a due date', 'annuity', '2026-02-15', [], {}, 12120_00],
  ['on a due date', 'equal-principal', '2026-02-15', [], {}, 12120_00],
  ['on a due date', 'interest-only', '2026-02-15', [], {}, 12120_00],
  ['on a due date', 'bullet', '2027-01-15', [], {}, 13440_00],
  // Mid-period, #1 paid: 14 of installment 2's 28 days (bullet: 181 of 365 days).
  ['mid-period', 'annuity', '2026-03-01', [{ date: '2026-02-15', amount: 1066_19 }], {}, 11109_08],
  ['mid-period', 'equal-principal', '2026-03-01', [{ date: '2026-02-15', amount: 1120_00 }], {}, 11055_00],
  ['mid-period', 'interest-only', '2026-03-01', [{ date: '2026-02-15', amount: 120_00 }], {}, 12060_00],
  ['mid-period', 'bullet', '2026-07-15', [], {}, 12714_08],
  // 2,000.00 paid on Feb 15, then payoff on Mar 1: interest paid ahead comes back.
  // Equal principal: #1 1,120.00, #2's 110.00 interest and 770.00 principal → 10,230.00 + 55.00 − 110.00.
  // Interest only: #1, then #2…#11's interest (1,200.00), #12's 120.00 and 560.00 principal →
  // 11,440.00 + 60.00 − 11 × 120.00 = 10,180.00.
  ['interest paid ahead', 'annuity', '2026-03-01', [{ date: '2026-02-15', amount: 2000_00 }], {}, 10175_27],
  [
    'interest paid ahead',
    'equal-principal',
    '2026-03-01',
    [{ date: '2026-02-15', amount: 2000_00 }],
    {},
    10175_00,
  ],
  [
    'interest paid ahead',
    'interest-only',
    '2026-03-01',
    [{ date: '2026-02-15', amount: 2000_00 }],
    {},
    10180_00,
  ],
  // Bullet: 1,000.00 on Jul 15 pays interest ahead; on Oct 15, 1,440 × 273/365 = 1,077.04 earned.
  ['interest paid ahead', 'bullet', '2026-10-15', [{ date: '2026-07-15', amount: 1000_00 }], {}, 12077_04],
  // #1 unpaid 10 days at 0.05% a day, and a 300.00 charge. Annuity: penalty 1,066.19 × 0.005 =
  // 5.33, earned 110.54 × 10/28 = 39.48. Interest only: penalty 0.60, earned 120 × 10/28 = 42.86.
  // Bullet: 13,440.00 unpaid 10 days = 67.20.
  ['penalty and charges', 'annuity', '2026-02-25', [], PENALTY_AND_CHARGE, 12464_81],
  ['penalty and charges', 'equal-principal', '2026-02-25', [], PENALTY_AND_CHARGE, 12464_89],
  ['penalty and charges', 'interest-only', '2026-02-25', [], PENALTY_AND_CHARGE, 12463_46],
  [
    'penalty and charges',
    'bullet',
    '2027-01-25',
    [],
    { penaltyDailyRatePercent: '0.05', charges: [{ date: '2027-01-20', amount: 300_00 }] },
    13807_20,
  ],
  // A 2% fee on the principal repaid early: 221.08 (of 11,053.81), 220.00, 240.00, 240.00.
  ['a fee', 'annuity', '2026-03-01', [{ date: '2026-02-15', amount: 1066_19 }], FEE_2, 11330_16],
  ['a fee', 'equal-principal', '2026-03-01', [{ date: '2026-02-15', amount: 1120_00 }], FEE_2, 11275_00],
  ['a fee', 'interest-only', '2026-03-01', [{ date: '2026-02-15', amount: 120_00 }], FEE_2, 12300_00],
  ['a fee', 'bullet', '2026-07-15', [], FEE_2, 12954_08],
];

describe('payoff by hand, for every method', () => {
  it.each(BY_HAND)('%s: %s on %s', (_case, method, day, payments, more, expected) => {
    expect(statement(method, day, payments, more).payoff.total).toBe(expected);
  });
});

describe('settlement by payment', () => {
  it('a payment of the payoff settles the loan that day and cancels unearned interest', () => {
    const s = statement('equal-principal', '2026-04-01', [{ date: '2026-02-25', amount: 12464_89 }], {
      penaltyDailyRatePercent: '0.05',
      charges: [{ date: '2026-02-20', amount: 300_00 }],
    });
    const [a] = s.allocations;
    expect(a).toMatchObject({
      settlement: true,
      penalty: 5_60,
      interest: 159_29,
      principal: 12000_00,
      charges: 300_00,
      unapplied: 0,
    });
    expect([s.settledOn, s.outstandingPrincipal, s.daysPastDue, s.payoff.total]).toEqual([
      '2026-02-25',
      0,
      0,
      0,
    ]);
    expect(s.overdue).toEqual({ principal: 0, interest: 0, penalty: 0 });
    expect(s.installments.map((i) => i.status)).toEqual(['paid', ...Array(11).fill('settled')]);
    expect(s.installments[1]!.interestCancelled).toBe(110_00 - 39_29);
    expect(s.totalPaid).toEqual({
      principal: 12000_00,
      interest: 159_29,
      penalty: 5_60,
      charges: 300_00,
      fee: 0,
    });
  });

  it('a cent less keeps the ordinary rule: the next installments are paid in order', () => {
    const s = statement('equal-principal', '2026-02-25', [{ date: '2026-02-25', amount: 12164_88 }], {
      penaltyDailyRatePercent: '0.05',
    });
    expect(s.allocations[0]!.settlement).toBe(false);
    expect(s.settledOn).toBeNull();
    expect(s.outstandingPrincipal).toBeGreaterThan(0);
  });

  it('money after settlement is unapplied, a refund due', () => {
    const s = statement('annuity', '2026-05-01', [
      { date: '2026-01-25', amount: 12100_00 },
      { date: '2026-02-15', amount: 50_00 },
    ]);
    expect(s.allocations.map((a) => [a.settlement, a.unapplied])).toEqual([
      [true, 12100_00 - 12038_71],
      [false, 50_00],
    ]);
    expect(s.unapplied).toBe(61_29 + 50_00);
  });

  it('paid ahead, then settled: the interest handed back pays principal, and the borrower pays the rest', () => {
    const s = statement('annuity', '2026-03-01', [
      { date: '2026-02-15', amount: 2000_00 },
      { date: '2026-03-01', amount: 10175_27 },
    ]);
    expect(s.allocations[1]).toMatchObject({
      settlement: true,
      interest: 0,
      principal: 10175_27,
      unapplied: 0,
    });
    expect(s.totalPaid).toMatchObject({ principal: 12000_00, interest: 120_00 + 55_27 });
    expect(s.settledOn).toBe('2026-03-01');
  });

  it('a loan repaid by its last regular installment is settled on that day', () => {
    const schedule = scheduleOf('bullet');
    const s = statement('bullet', '2027-02-01', [{ date: '2027-01-15', amount: 13440_00 }]);
    expect(schedule).toHaveLength(1);
    expect([s.settledOn, s.outstandingPrincipal, s.unapplied]).toEqual(['2027-01-15', 0, 0]);
  });
});

describe('payoff over random loans and histories', () => {
  const loanCase = fc.record({
    method: fc.constantFrom(...REPAYMENT_METHODS),
    principal: fc.integer({ min: 100_00, max: 5_000_000_00 }),
    rate: fc.constantFrom('0', '6', '12', '18.5', '24', '36'),
    months: fc.integer({ min: 1, max: 24 }),
    startOffset: fc.integer({ min: 0, max: 1500 }),
    payments: fc.array(
      fc.record({ day: fc.integer({ min: 0, max: 800 }), share: fc.integer({ min: 1, max: 150 }) }),
      {
        maxLength: 8,
      },
    ),
    settleDay: fc.integer({ min: 0, max: 800 }),
    penalty: fc.constantFrom('0', '0.05'),
    interest: fc.constantFrom(...PREPAYMENT_INTEREST_RULES),
    feePercent: fc.constantFrom('0', '1', '3', '100'),
  });

  it('settling at any day leaves principal exactly 0, never charges unearned interest, never exceeds the schedule', () => {
    fc.assert(
      fc.property(loanCase, (c) => {
        const startDate = addDays('2020-01-01', c.startOffset);
        const installments = buildSchedule({
          method: c.method,
          principal: c.principal,
          annualRatePercent: c.rate,
          months: c.months,
          startDate,
        });
        const base = {
          installments,
          penaltyDailyRatePercent: c.penalty,
          graceDays: 0,
          startDate,
          prepayment: { interest: c.interest, feePercent: c.feePercent },
        };
        // A history of ordinary payments (each below the payoff on its day, as the app allows
        // only such a payment to be anything but a settlement).
        const history: Payment[] = [];
        for (const p of [...c.payments].sort((x, y) => x.day - y.day)) {
          const date = addDays(startDate, p.day);
          const { payoff } = computeStatement({ ...base, payments: history, asOf: date });
          const amount = Math.floor(
            ((installments[0]!.principal + installments[0]!.interest) * p.share) / 100,
          );
          if (amount > 0 && amount < payoff.total) history.push({ date, amount });
        }
        const lastPaid = history.at(-1)?.date ?? startDate;
        const day = addDays(startDate, c.settleDay) < lastPaid ? lastPaid : addDays(startDate, c.settleDay);
        const before = computeStatement({ ...base, payments: history, asOf: day });
        const remaining = before.installments.reduce(
          (sum, i) => sum + i.total - i.paidPrincipal - i.paidInterest + i.penaltyDue,
          before.chargesOutstanding,
        );
        expect(before.payoff.total).toBeLessThanOrEqual(remaining);
        if (before.payoff.total === 0) return;
        const after = computeStatement({
          ...base,
          payments: [...history, { date: day, amount: before.payoff.total }],
          asOf: day,
        });
        expect(after.outstandingPrincipal).toBe(0);
        expect(after.settledOn).toBe(day);
        expect(after.unapplied).toBe(0);
        const scheduledInterest = installments.reduce((sum, i) => sum + i.interest, 0);
        expect(after.totalPaid.interest).toBeLessThanOrEqual(scheduledInterest);
        expect(after.totalPaid.principal).toBe(c.principal);
      }),
      { numRuns: 10_000 },
    );
  }, 120_000);
});
