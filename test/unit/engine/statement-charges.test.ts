/**
 * Charges (legal costs charged to the loan): owed from their date, paid after the installments
 * already due and before any prepayment, and never making a loan later. Amounts are minor units:
 * 1000_00 is 1,000.00.
 */
import { describe, expect, it } from 'vitest';
import type { ScheduledInstallment } from '../../../shared/engine/schedule';
import {
  computeStatement,
  type Charge,
  type Payment,
  type StatementInput,
} from '../../../shared/engine/statement';

// Three installments of 1,010.00 (1,000.00 principal + 10.00 interest), no penalty.
const installments: ScheduledInstallment[] = [
  { n: 1, dueDate: '2026-01-31', principal: 1000_00, interest: 10_00 },
  { n: 2, dueDate: '2026-02-28', principal: 1000_00, interest: 10_00 },
  { n: 3, dueDate: '2026-03-31', principal: 1000_00, interest: 10_00 },
];
const LAWYER_FEE: Charge = { date: '2026-02-10', amount: 300_00, reference: 'legal case #1' };

const statementOf = (asOf: string, payments: Payment[], charges?: Charge[]) => {
  const input: StatementInput = { installments, penaltyDailyRatePercent: '0', graceDays: 0, payments, asOf };
  return computeStatement(charges === undefined ? input : { ...input, charges });
};
const split = (a: {
  penalty: number;
  interest: number;
  principal: number;
  charges: number;
  unapplied: number;
}) => [a.penalty, a.interest, a.principal, a.charges, a.unapplied];

describe('charges in the statement', () => {
  it('a payment pays the overdue installment, then the charge, then prepays the next installment', () => {
    // 1,500.00 on 2026-02-15: installment 1 (1,010.00), the 300.00 charge, 190.00 left for
    // installment 2: its 10.00 interest, then 180.00 principal.
    const s = statementOf('2026-02-15', [{ date: '2026-02-15', amount: 1500_00 }], [LAWYER_FEE]);
    expect(split(s.allocations[0]!)).toEqual([0, 20_00, 1180_00, 300_00, 0]);
    expect(s.chargesOutstanding).toBe(0);
    expect(s.installments.map((i) => i.paidPrincipal)).toEqual([1000_00, 180_00, 0]);
    expect(s.daysPastDue).toBe(0);
  });

  it('an unpaid charge is owed but leaves days past due, bucket and installments as they were', () => {
    const without = statementOf('2026-02-20', []);
    const withCharge = statementOf('2026-02-20', [], [LAWYER_FEE]);
    expect(withCharge.chargesOutstanding).toBe(300_00);
    expect([withCharge.daysPastDue, withCharge.bucket, withCharge.dpdReason]).toEqual([
      without.daysPastDue,
      without.bucket,
      without.dpdReason,
    ]);
    expect(withCharge.daysPastDue).toBe(20);
    expect(withCharge.installments).toEqual(without.installments);
    expect(withCharge.overdue).toEqual(without.overdue);
  });

  it('a payment that runs out on the charge pays part of it and prepays nothing', () => {
    const s = statementOf('2026-02-15', [{ date: '2026-02-15', amount: 1200_00 }], [LAWYER_FEE]);
    expect(split(s.allocations[0]!)).toEqual([0, 10_00, 1000_00, 190_00, 0]);
    expect(s.chargesOutstanding).toBe(110_00);
    expect(s.installments[1]!.paidPrincipal + s.installments[1]!.paidInterest).toBe(0);
  });

  it('a payment that does not cover the overdue installments pays no charge', () => {
    const s = statementOf('2026-02-15', [{ date: '2026-02-15', amount: 500_00 }], [LAWYER_FEE]);
    expect(split(s.allocations[0]!)).toEqual([0, 10_00, 490_00, 0, 0]);
    expect(s.chargesOutstanding).toBe(300_00);
  });

  it('a charge is owed from its date: earlier money prepays installments, later money pays the charge', () => {
    const s = statementOf(
      '2026-02-15',
      [
        { date: '2026-02-05', amount: 1500_00 },
        { date: '2026-02-12', amount: 100_00 },
      ],
      [LAWYER_FEE],
    );
    expect(s.allocations.map(split)).toEqual([
      [0, 20_00, 1480_00, 0, 0],
      [0, 0, 0, 100_00, 0],
    ]);
    expect(s.chargesOutstanding).toBe(200_00);
    expect(statementOf('2026-02-09', [], [LAWYER_FEE]).chargesOutstanding).toBe(0);
  });

  it('charges are paid oldest first, and money left after settling the loan is unapplied', () => {
    const court: Charge = { date: '2026-01-20', amount: 50_00 };
    const s = statementOf('2026-02-15', [{ date: '2026-02-15', amount: 3400_00 }], [LAWYER_FEE, court]);
    // Payoff on Feb 15: 3,000.00 principal + 10.00 interest of installment 1 + installment 2's
    // interest for 15 of its 28 days (10.00 × 15/28 = 5.357… → 5.36) + 350.00 of charges
    // = 3,365.36. 3,400.00 settles the loan; 34.64 is left over.
    expect(s.allocations[0]!.settlement).toBe(true);
    expect(split(s.allocations[0]!)).toEqual([0, 15_36, 3000_00, 350_00, 34_64]);
    expect([s.chargesOutstanding, s.unapplied, s.settledOn]).toEqual([0, 34_64, '2026-02-15']);
  });

  it('without charges every figure is what it was: no charges and an empty list agree', () => {
    const payments = [{ date: '2026-02-15', amount: 1500_00 }];
    const omitted = statementOf('2026-03-05', payments);
    expect(statementOf('2026-03-05', payments, [])).toEqual(omitted);
    expect(omitted.chargesOutstanding).toBe(0);
    expect(omitted.allocations.map((a) => a.charges)).toEqual([0]);
    expect(split(omitted.allocations[0]!)).toEqual([0, 20_00, 1480_00, 0, 0]);
  });

  it('refuses a charge that is not a positive whole amount', () => {
    expect(() => statementOf('2026-02-15', [], [{ date: '2026-02-10', amount: 0 }])).toThrow(
      /charge 0 must be a positive amount/,
    );
    expect(() => statementOf('2026-02-15', [], [{ date: '2026-02-10', amount: 1.5 }])).toThrow(RangeError);
  });
});
