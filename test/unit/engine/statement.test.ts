/**
 * Statement cases worked out by hand from the contract. Amounts are minor units written with a
 * separator before the cents: 1000_00 is 1,000.00.
 */
import { describe, expect, it } from 'vitest';
import { buildSchedule, type LoanTerms, type ScheduledInstallment } from '../../../shared/engine/schedule';
import {
  computeStatement,
  previewPayment,
  type Payment,
  type StatementInput,
} from '../../../shared/engine/statement';

const installment = (
  n: number,
  dueDate: string,
  principal: number,
  interest: number,
): ScheduledInstallment => ({
  n,
  dueDate,
  principal,
  interest,
});

const input = (
  over: Partial<StatementInput> & Pick<StatementInput, 'installments' | 'asOf'>,
): StatementInput => ({
  penaltyDailyRatePercent: '0',
  graceDays: 0,
  payments: [],
  ...over,
});

const statementOf = (over: Partial<StatementInput> & Pick<StatementInput, 'installments' | 'asOf'>) =>
  computeStatement(input(over));

const loan = (terms: Partial<LoanTerms>): ScheduledInstallment[] =>
  buildSchedule({
    method: 'annuity',
    principal: 1000_00,
    annualRatePercent: '12',
    months: 3,
    startDate: '2026-01-31',
    ...terms,
  });

/** The parts of a payment's split, in the order they are paid. */
const split = (a: { penalty: number; interest: number; principal: number; unapplied: number }) => [
  a.penalty,
  a.interest,
  a.principal,
  a.unapplied,
];

describe('each repayment method', () => {
  it('annuity: 100,000 at 12% over 12 months, first installment paid, second 15 days late', () => {
    // Installment 1 (due 2026-02-28): interest 100,000 × 1% = 1,000.00, principal 8,884.88 − 1,000.00 = 7,884.88.
    // Installment 2 (due 2026-03-31): B = 92,115.12, interest 921.1512 → 921.15, principal 7,963.73.
    // Paid on its due date, installment 1 is inside grace: no penalty.
    // Installment 2 is unpaid 15 days (Apr 1 … Apr 15), past its 3 grace days, so penalty runs from the due date:
    //   8,884.88 × 0.05% × 15 = 66.6366 → 66.64.
    const s = statementOf({
      installments: loan({ principal: 100_000_00, months: 12 }),
      penaltyDailyRatePercent: '0.05',
      graceDays: 3,
      payments: [{ date: '2026-02-28', amount: 8_884_88 }],
      asOf: '2026-04-15',
    });
    expect(s.installments[0]).toMatchObject({
      principal: 7_884_88,
      interest: 1_000_00,
      status: 'paid',
      penaltyDue: 0,
    });
    expect(s.installments[1]).toMatchObject({
      principal: 7_963_73,
      interest: 921_15,
      status: 'overdue',
      penaltyDue: 66_64,
    });
    expect(s.installments[2]).toMatchObject({ dueDate: '2026-04-30', status: 'upcoming', penaltyDue: 0 });
    expect(s.daysPastDue).toBe(15);
    expect(s.bucket).toBe('1-30');
    expect(s.dpdReason).toEqual({ installment: 2, dueDate: '2026-03-31', daysPastDue: 15 });
    expect(s.outstandingPrincipal).toBe(100_000_00 - 7_884_88);
    expect(s.overdue).toEqual({ principal: 7_963_73, interest: 921_15, penalty: 66_64 });
    expect(s.unapplied).toBe(0);
    expect(s.oldestUnpaidDueDate).toBe('2026-03-31');
    expect(s.nextDue).toEqual({ dueDate: '2026-04-30', amount: 8_884_88 });
    expect(split(s.allocations[0]!)).toEqual([0, 1_000_00, 7_884_88, 0]);
  });

  it('equal-principal: first paid, second 10 days late', () => {
    // Installments: 333.33 + 10.00 = 343.33 (Feb 28), 333.33 + 6.67 = 340.00 (Mar 31), 333.34 + 3.33 (Apr 30).
    // Penalty on installment 2: 340.00 × 0.1% × 10 days (Apr 1 … Apr 10) = 3.40.
    const s = statementOf({
      installments: loan({ method: 'equal-principal' }),
      penaltyDailyRatePercent: '0.1',
      payments: [{ date: '2026-02-28', amount: 343_33 }],
      asOf: '2026-04-10',
    });
    expect(s.installments.map((i) => i.status)).toEqual(['paid', 'overdue', 'upcoming']);
    expect(s.overdue).toEqual({ principal: 333_33, interest: 6_67, penalty: 3_40 });
    expect(s.outstandingPrincipal).toBe(666_67);
    expect(s.daysPastDue).toBe(10);
  });

  it('interest-only: interest paid monthly, principal due on the statement date', () => {
    // 1,000.00 at 1% a month: 10.00 interest on Feb 28 and Mar 31; 1,000.00 + 10.00 due Apr 30.
    const s = statementOf({
      installments: loan({ method: 'interest-only' }),
      penaltyDailyRatePercent: '0.1',
      payments: [
        { date: '2026-02-28', amount: 10_00 },
        { date: '2026-03-31', amount: 10_00 },
      ],
      asOf: '2026-04-30',
    });
    expect(s.installments.map((i) => i.status)).toEqual(['paid', 'paid', 'due']);
    expect(s.daysPastDue).toBe(0);
    expect(s.bucket).toBe('current');
    expect(s.dpdReason).toBeNull();
    expect(s.overdue).toEqual({ principal: 0, interest: 0, penalty: 0 });
    expect(s.outstandingPrincipal).toBe(1000_00);
    expect(s.nextDue).toEqual({ dueDate: '2026-04-30', amount: 1010_00 });
  });

  it('bullet: everything due at once, on the month-end of a short month', () => {
    // 2025-11-30 + 3 months → 2026-02-28. 1,000.00 + 1,000 × 1% × 3 = 30.00 interest.
    // Penalty: 1,030.00 × 0.05% × 10 days (Mar 1 … Mar 10) = 5.15.
    const s = statementOf({
      installments: loan({ method: 'bullet', startDate: '2025-11-30' }),
      penaltyDailyRatePercent: '0.05',
      asOf: '2026-03-10',
    });
    expect(s.installments).toEqual([
      {
        n: 1,
        dueDate: '2026-02-28',
        principal: 1000_00,
        interest: 30_00,
        total: 1030_00,
        paidPrincipal: 0,
        paidInterest: 0,
        paidPenalty: 0,
        penaltyDue: 5_15,
        interestCancelled: 0,
        status: 'overdue',
      },
    ]);
    expect(s.daysPastDue).toBe(10);
  });
});

describe('month ends and leap years', () => {
  it('a loan started Jan 31 falls due Feb 28, one day before Mar 1', () => {
    const s = statementOf({ installments: loan({}), asOf: '2026-03-01' });
    expect(s.dpdReason).toEqual({ installment: 1, dueDate: '2026-02-28', daysPastDue: 1 });
  });

  it('a loan started Jan 31 2028 falls due Feb 29 2028', () => {
    // 1,000.00 at 0% for one month; 1% a day of penalty for the one day (Mar 1).
    const s = statementOf({
      installments: loan({ method: 'bullet', annualRatePercent: '0', months: 1, startDate: '2028-01-31' }),
      penaltyDailyRatePercent: '1',
      asOf: '2028-03-01',
    });
    expect(s.installments[0]).toMatchObject({ dueDate: '2028-02-29', penaltyDue: 10_00 });
    expect(s.daysPastDue).toBe(1);
  });

  it('counts Feb 29 as a day of lateness and of penalty', () => {
    // Due Feb 28 2028; Feb 29 and Mar 1 are 2 days. 100.00 × 1% × 2 = 2.00.
    const s = statementOf({
      installments: [installment(1, '2028-02-28', 100_00, 0)],
      penaltyDailyRatePercent: '1',
      asOf: '2028-03-01',
    });
    expect(s.daysPastDue).toBe(2);
    expect(s.installments[0]!.penaltyDue).toBe(2_00);
  });
});

describe('grace', () => {
  // One installment of 1,000.00 principal + 100.00 interest due 2026-03-31; 0.1% a day; 5 grace days
  // (the last grace day is Apr 5). One day of penalty on the full 1,100.00 is 1.10.
  const due = {
    installments: [installment(1, '2026-03-31', 1000_00, 100_00)],
    penaltyDailyRatePercent: '0.1',
    graceDays: 5,
  };

  it('paid in full on the last grace day: no penalty, ever', () => {
    const s = statementOf({
      ...due,
      payments: [{ date: '2026-04-05', amount: 1100_00 }],
      asOf: '2026-06-30',
    });
    expect(s.installments[0]).toMatchObject({ status: 'paid', paidPenalty: 0, penaltyDue: 0 });
    expect(split(s.allocations[0]!)).toEqual([0, 100_00, 1000_00, 0]);
  });

  it('paid a day after grace: penalty from the due date, and paid first', () => {
    // Apr 6: 6 days × 1.10 = 6.60 penalty. 1,106.60 pays 6.60 + 100.00 + 1,000.00.
    const s = statementOf({
      ...due,
      payments: [{ date: '2026-04-06', amount: 1106_60 }],
      asOf: '2026-06-30',
    });
    expect(split(s.allocations[0]!)).toEqual([6_60, 100_00, 1000_00, 0]);
    expect(s.installments[0]).toMatchObject({ status: 'paid', paidPenalty: 6_60, penaltyDue: 0 });
  });

  it('short a day after grace: the penalty keeps accruing on what is left, rounded once', () => {
    // Apr 6: 1,100.00 pays penalty 6.60, interest 100.00, principal 993.40, leaving 6.60 principal.
    // Apr 7 … Apr 16: 10 days × 6.60 × 0.1% = 0.066. Accrued 6.60 + 0.066 = 6.666 → 6.67; paid 6.60 → 0.07 due.
    const s = statementOf({
      ...due,
      payments: [{ date: '2026-04-06', amount: 1100_00 }],
      asOf: '2026-04-16',
    });
    expect(split(s.allocations[0]!)).toEqual([6_60, 100_00, 993_40, 0]);
    expect(s.installments[0]).toMatchObject({ status: 'overdue', paidPrincipal: 993_40, penaltyDue: 7 });
    expect(s.daysPastDue).toBe(16);
  });

  it('shows no penalty while the statement date is within grace, the full penalty right after', () => {
    const on = (asOf: string) => statementOf({ ...due, asOf });
    expect(on('2026-04-03')).toMatchObject({ daysPastDue: 3, overdue: { penalty: 0 } });
    expect(on('2026-04-05').overdue.penalty).toBe(0);
    expect(on('2026-04-06').overdue.penalty).toBe(6_60); // 6 days × 1.10, from the due date
    expect(on('2026-04-03').installments[0]!.status).toBe('overdue'); // grace spares penalty, not lateness
  });

  it('a partial payment within grace pays no penalty; the rest accrues from the due date', () => {
    // Apr 2 (in grace): 600.00 pays interest 100.00 and principal 500.00 — no penalty is due yet.
    // Apr 1, Apr 2: 2 days × 1.10 = 2.20 (Apr 2's accrual comes before Apr 2's payment);
    // Apr 3 … Apr 10: 8 days × 500.00 × 0.1% = 4.00. Total 6.20.
    const s = statementOf({ ...due, payments: [{ date: '2026-04-02', amount: 600_00 }], asOf: '2026-04-10' });
    expect(split(s.allocations[0]!)).toEqual([0, 100_00, 500_00, 0]);
    expect(s.installments[0]!.penaltyDue).toBe(6_20);
  });
});

describe('how a payment is split', () => {
  // 1,000.00 + 100.00 due 2026-03-31, 0.1% a day, no grace.
  const due = {
    installments: [installment(1, '2026-03-31', 1000_00, 100_00)],
    penaltyDailyRatePercent: '0.1',
  };
  const payments: Payment[] = [
    { date: '2026-04-10', amount: 50_00, ref: 'R-1' },
    { date: '2026-04-20', amount: 100_00, ref: 'R-2' },
  ];

  it('pays penalty, then interest, then principal', () => {
    // Apr 10: 10 days × 1,100.00 × 0.1% = 11.00 penalty; 50.00 pays 11.00 penalty + 39.00 interest.
    // Apr 20: 10 more days on 1,061.00 = 10.61; accrued 21.61 − paid 11.00 = 10.61 due.
    //         100.00 pays 10.61 penalty + 61.00 interest + 28.39 principal.
    const s = statementOf({ ...due, payments, asOf: '2026-04-20' });
    expect(s.allocations.map(split)).toEqual([
      [11_00, 39_00, 0, 0],
      [10_61, 61_00, 28_39, 0],
    ]);
    expect(s.allocations.map((a) => a.ref)).toEqual(['R-1', 'R-2']);
    expect(s.installments[0]).toMatchObject({
      paidPenalty: 21_61,
      paidInterest: 100_00,
      paidPrincipal: 28_39,
      penaltyDue: 0,
    });
    expect(s.outstandingPrincipal).toBe(971_61);
    expect(s.overdue).toEqual({ principal: 971_61, interest: 0, penalty: 0 });
  });

  it('can be previewed before it is posted', () => {
    const preview = previewPayment(
      input({ ...due, payments: [payments[0]!], asOf: '2026-04-20' }),
      payments[1]!,
    );
    expect(split(preview)).toEqual([10_61, 61_00, 28_39, 0]);
    expect(preview).toMatchObject({ index: 1, ref: 'R-2', date: '2026-04-20', amount: 100_00 });
  });

  // Three installments of 100.00 + 10.00, due Jan 31, Feb 28 and Mar 31 2026.
  const three = [
    installment(1, '2026-01-31', 100_00, 10_00),
    installment(2, '2026-02-28', 100_00, 10_00),
    installment(3, '2026-03-31', 100_00, 10_00),
  ];

  it('pays future installments ahead, oldest first', () => {
    // 250.00 = 110.00 (#1) + 110.00 (#2) + 30.00 (#3: interest 10.00, principal 20.00).
    const s = statementOf({
      installments: three,
      payments: [{ date: '2026-01-31', amount: 250_00 }],
      asOf: '2026-02-15',
    });
    expect(s.installments.map((i) => i.status)).toEqual(['paid', 'paid', 'upcoming']);
    expect(s.installments[2]).toMatchObject({ paidInterest: 10_00, paidPrincipal: 20_00 });
    expect(s.daysPastDue).toBe(0);
    expect(s.outstandingPrincipal).toBe(80_00);
    expect(s.oldestUnpaidDueDate).toBe('2026-03-31');
    expect(s.nextDue).toEqual({ dueDate: '2026-03-31', amount: 80_00 });
  });

  it('settles the loan with money beyond the payoff, and reports the rest as unapplied', () => {
    // Payoff on Jan 31: 300.00 principal + #1's 10.00 interest; #2's period starts that day, so
    // it has earned nothing yet. 400.00 − 310.00 = 90.00; a later 5.00 finds nothing to pay.
    const s = statementOf({
      installments: three,
      payments: [
        { date: '2026-01-31', amount: 400_00 },
        { date: '2026-02-10', amount: 5_00 },
      ],
      asOf: '2026-05-01',
    });
    expect(s.allocations.map(split)).toEqual([
      [0, 10_00, 300_00, 90_00],
      [0, 0, 0, 5_00],
    ]);
    expect(s.unapplied).toBe(95_00);
    expect(s.outstandingPrincipal).toBe(0);
    expect(s.installments.map((i) => [i.status, i.interestCancelled])).toEqual([
      ['paid', 0],
      ['settled', 10_00],
      ['settled', 10_00],
    ]);
    expect([s.settledOn, s.payoff.total, s.totalPaid.interest]).toEqual(['2026-01-31', 0, 10_00]);
    expect([s.nextDue, s.oldestUnpaidDueDate, s.dpdReason]).toEqual([null, null, null]);
  });

  it('applies payments in date order, and same-day payments in file order', () => {
    // 100.00 + 10.00 due Jan 31, 1% a day (1.10 a day on the full amount).
    // C (Feb 5, listed last): 5 days → 5.50 penalty due; pays 1.00 of it.
    // A (Feb 10): 10 days → 11.00 accrued − 1.00 paid = 10.00 due; pays 5.00 penalty.
    // B (Feb 10): 5.00 penalty + 10.00 interest + 100.00 principal, 85.00 unapplied.
    // (Had B gone first it would leave 80.00 unapplied and A all 5.00.)
    const s = statementOf({
      installments: [installment(1, '2026-01-31', 100_00, 10_00)],
      penaltyDailyRatePercent: '1',
      payments: [
        { date: '2026-02-10', amount: 5_00, ref: 'A' },
        { date: '2026-02-10', amount: 200_00, ref: 'B' },
        { date: '2026-02-05', amount: 1_00, ref: 'C' },
      ],
      asOf: '2026-02-10',
    });
    expect(s.allocations.map((a) => [a.ref, a.index, ...split(a)])).toEqual([
      ['C', 2, 1_00, 0, 0, 0],
      ['A', 0, 5_00, 0, 0, 0],
      ['B', 1, 5_00, 10_00, 100_00, 85_00],
    ]);
    expect(s.installments[0]).toMatchObject({ status: 'paid', paidPenalty: 11_00, penaltyDue: 0 });
    expect(s.unapplied).toBe(85_00);
  });

  it('ignores payments dated after the statement date', () => {
    const s = statementOf({
      installments: three,
      payments: [{ date: '2026-03-01', amount: 110_00 }],
      asOf: '2026-02-01',
    });
    expect(s.allocations).toEqual([]);
    expect(s.installments[0]!.status).toBe('overdue');
  });
});

describe('days past due and buckets', () => {
  const due = {
    installments: [installment(1, '2026-01-31', 100_00, 0), installment(2, '2026-12-31', 100_00, 0)],
  };
  // Counted from Jan 31 2026: Feb has 28 days, so Mar 2 is day 30, Apr 1 day 60, May 1 day 90, Jul 30 day 180.
  it.each([
    ['2026-01-31', 0, 'current'],
    ['2026-02-01', 1, '1-30'],
    ['2026-03-02', 30, '1-30'],
    ['2026-03-03', 31, '31-60'],
    ['2026-04-01', 60, '31-60'],
    ['2026-04-02', 61, '61-90'],
    ['2026-05-01', 90, '61-90'],
    ['2026-05-02', 91, '91-180'],
    ['2026-07-30', 180, '91-180'],
    ['2026-07-31', 181, '181+'],
  ])('as of %s: %s days, %s', (asOf, dpd, bucket) => {
    const s = statementOf({ ...due, asOf });
    expect([s.daysPastDue, s.bucket]).toEqual([dpd, bucket]);
    expect(s.dpdReason).toEqual(
      dpd === 0 ? null : { installment: 1, dueDate: '2026-01-31', daysPastDue: dpd },
    );
  });

  it('counts from the oldest unpaid installment, not the most recent', () => {
    const s = statementOf({
      installments: [installment(1, '2026-01-31', 100_00, 0), installment(2, '2026-02-28', 100_00, 0)],
      asOf: '2026-03-10',
    });
    expect(s.dpdReason).toEqual({ installment: 1, dueDate: '2026-01-31', daysPastDue: 38 }); // 28 + 10
  });

  it('is 0 again once a late installment is paid in full, penalty first', () => {
    // 100.00 due Jan 31, 1% a day. On Feb 5, 5 days × 1.00 = 5.00 penalty is due, so a 100.00 payment
    // pays 5.00 penalty + 95.00 principal. A second 5.00 the same day pays the last 5.00 of principal
    // (payments on one day all come after that day's accrual, so nothing new is due in between).
    const s = statementOf({
      installments: [installment(1, '2026-01-31', 100_00, 0)],
      penaltyDailyRatePercent: '1',
      payments: [
        { date: '2026-02-05', amount: 100_00 },
        { date: '2026-02-05', amount: 5_00 },
      ],
      asOf: '2026-03-01',
    });
    expect(s.allocations.map(split)).toEqual([
      [5_00, 0, 95_00, 0],
      [0, 0, 5_00, 0],
    ]);
    expect([s.daysPastDue, s.installments[0]!.status, s.installments[0]!.penaltyDue]).toEqual([0, 'paid', 0]);
  });
});

describe('installment status', () => {
  it('is paid, overdue, due or upcoming', () => {
    // #1 paid on time; #2 (Feb 28) unpaid → overdue 31 days on Mar 31; #3 due today; #4 later.
    const s = statementOf({
      installments: [
        installment(1, '2026-01-31', 100_00, 10_00),
        installment(2, '2026-02-28', 100_00, 10_00),
        installment(3, '2026-03-31', 100_00, 10_00),
        installment(4, '2026-04-30', 100_00, 10_00),
      ],
      payments: [{ date: '2026-01-31', amount: 110_00 }],
      asOf: '2026-03-31',
    });
    expect(s.installments.map((i) => i.status)).toEqual(['paid', 'overdue', 'due', 'upcoming']);
    expect([s.daysPastDue, s.bucket]).toEqual([31, '31-60']);
    expect(s.overdue).toEqual({ principal: 100_00, interest: 10_00, penalty: 0 }); // only #2: #3 is due, not overdue
    expect(s.nextDue).toEqual({ dueDate: '2026-03-31', amount: 110_00 });
    expect(s.oldestUnpaidDueDate).toBe('2026-02-28');
  });
});

describe('engine input checks', () => {
  it('needs installments in due-date order', () => {
    expect(() =>
      statementOf({
        installments: [installment(1, '2026-02-28', 1, 0), installment(2, '2026-01-31', 1, 0)],
        asOf: '2026-03-01',
      }),
    ).toThrow(RangeError);
  });

  it('needs positive payments, a real date and whole grace days', () => {
    const installments = [installment(1, '2026-02-28', 1_00, 0)];
    expect(() =>
      statementOf({ installments, payments: [{ date: '2026-02-28', amount: 0 }], asOf: '2026-03-01' }),
    ).toThrow();
    expect(() => statementOf({ installments, asOf: '2026-02-30' })).toThrow();
    expect(() =>
      statementOf({ installments: [installment(1, '2026-02-28', -1, 0)], asOf: '2026-03-01' }),
    ).toThrow();
    expect(() => statementOf({ installments, graceDays: -1, asOf: '2026-03-01' })).toThrow();
    expect(() => statementOf({ installments, penaltyDailyRatePercent: '-1', asOf: '2026-03-01' })).toThrow();
  });
});
