/**
 * Partial prepayment (README "Partial prepayment"): the rule worked by hand on one loan, then
 * replayed on random loans to show the new schedule absorbs every payment exactly. The loan:
 * 12,000.00 at 12% a year over 12 months from 2026-01-15; installment 1 (1,066.19) paid on time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/dates/civil';
import { DEFAULT_PREPAYMENT } from '../../../shared/engine/payoff';
import { PREPAY_MODES, prepaySchedule, PrepayRefusal, type PrepayLoan } from '../../../shared/engine/prepay';
import { annuityInstallment, buildSchedule, type RepaymentMethod } from '../../../shared/engine/schedule';
import { computeStatement, type Payment } from '../../../shared/engine/statement';

const loanOf = (method: RepaymentMethod, principal = 12000_00, months = 12): PrepayLoan => ({
  method,
  annualRatePercent: '12',
  principal,
  months,
  startDate: '2026-01-15',
  prepayment: DEFAULT_PREPAYMENT,
});
const inputOf = (loan: PrepayLoan, payments: Payment[], asOf: string) => ({
  installments: buildSchedule({ ...loan }),
  penaltyDailyRatePercent: '0',
  graceDays: 0,
  payments,
  asOf,
  startDate: loan.startDate,
  prepayment: loan.prepayment,
});
const ON_TIME = [{ date: '2026-02-15', amount: 1066_19 }];

describe('partial prepayment, by hand', () => {
  // On Mar 1, 2,055.27: nothing is due; installment 2 has earned 110.54 × 14/28 = 55.27, so
  // 2,000.00 repays principal early. Balance 11,053.81 − 2,000.00 = 9,053.81 on the 11 dates
  // left; the first re-planned installment charges 14 of its 28 days: 9,053.81 × 1% × ½ = 45.27.
  const loan = loanOf('annuity');
  const input = inputOf(loan, ON_TIME, '2026-03-01');

  it('reduce the installment: same dates and count, a smaller installment', () => {
    const out = prepaySchedule(input, loan, 2055_27, 'reduce-installment');
    expect([out.prepaidPrincipal, out.interestToDate, out.installmentsLeft, out.endDate]).toEqual([
      2000_00,
      55_27,
      11,
      '2027-01-15',
    ]);
    const level = annuityInstallment(9053_81, '12', 11);
    expect(out.installments.slice(0, 3)).toEqual([
      { n: 1, dueDate: '2026-02-15', principal: 946_19, interest: 120_00 },
      { n: 2, dueDate: '2026-03-01', principal: 2000_00, interest: 55_27 },
      { n: 3, dueDate: '2026-03-15', principal: level - 90_54, interest: 45_27 },
    ]);
    expect(out.newInstallment).toBe(level);
    expect(out.installments.reduce((t, i) => t + i.principal, 0)).toBe(12000_00);
  });

  it('shorten the term: the same 1,066.19, fewer installments', () => {
    const out = prepaySchedule(input, loan, 2055_27, 'shorten-term');
    expect(out.newInstallment).toBe(1066_19);
    expect(out.installmentsLeft).toBeLessThan(11);
    expect(out.installments.reduce((t, i) => t + i.principal, 0)).toBe(12000_00);
    const last = out.installments.at(-1)!;
    expect(last.principal + last.interest).toBeLessThanOrEqual(1066_19);
  });

  it('refuses what the rule cannot take, and says which', () => {
    const refusal = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof PrepayRefusal ? e.reason : 'other';
      }
      return 'none';
    };
    expect(refusal(() => prepaySchedule(input, loan, 55_27, 'reduce-installment'))).toBe(
      'payment.prepayNothingBeyondDue',
    );
    expect(refusal(() => prepaySchedule(input, loan, 20000_00, 'reduce-installment'))).toBe(
      'payment.prepaySettles',
    );
    const bullet = loanOf('bullet');
    expect(
      refusal(() => prepaySchedule(inputOf(bullet, [], '2026-03-01'), bullet, 1000_00, 'shorten-term')),
    ).toBe('payment.prepayBullet');
    const io = loanOf('interest-only');
    expect(refusal(() => prepaySchedule(inputOf(io, [], '2026-03-01'), io, 1000_00, 'shorten-term'))).toBe(
      'payment.prepayInterestOnlyTerm',
    );
  });
});

describe('partial prepayment over random loans', () => {
  it('the new schedule takes every payment exactly and owes the re-planned balance', () => {
    let reached = 0;
    fc.assert(
      fc.property(
        fc.record({
          method: fc.constantFrom<RepaymentMethod>('annuity', 'equal-principal', 'interest-only'),
          mode: fc.constantFrom(...PREPAY_MODES),
          principal: fc.integer({ min: 1000_00, max: 2_000_000_00 }),
          months: fc.integer({ min: 2, max: 36 }),
          paidInstallments: fc.integer({ min: 0, max: 3 }),
          day: fc.integer({ min: 1, max: 200 }),
          share: fc.integer({ min: 1, max: 90 }),
        }),
        (c) => {
          const loan = loanOf(c.method, c.principal, c.months);
          const schedule = buildSchedule({ ...loan });
          const payments: Payment[] = schedule
            .slice(0, c.paidInstallments)
            .map((i) => ({ date: i.dueDate, amount: i.principal + i.interest }));
          const lastPaid = payments.at(-1)?.date ?? loan.startDate;
          const date = addDays(lastPaid, c.day);
          const input = inputOf(loan, payments, date);
          const before = computeStatement(input);
          if (before.payoff.total === 0 || (c.mode === 'shorten-term' && c.method === 'interest-only'))
            return;
          const amount = Math.floor((before.payoff.total * c.share) / 100);
          let out;
          try {
            out = prepaySchedule(input, loan, amount, c.mode);
          } catch (e) {
            if (e instanceof PrepayRefusal) return; // nothing beyond what is due, or settles
            throw e;
          }
          const after = computeStatement({
            ...input,
            installments: out.installments,
            payments: [...payments, { date, amount }],
          });
          reached++;
          expect(after.unapplied).toBe(0);
          expect(after.allocations.every((a) => !a.settlement)).toBe(true);
          expect(after.daysPastDue).toBe(0);
          expect(after.outstandingPrincipal).toBe(
            before.outstandingPrincipal -
              out.prepaidPrincipal -
              before.installments
                .filter((i) => i.dueDate <= date)
                .reduce((t, i) => t + i.principal - i.paidPrincipal, 0),
          );
          expect(out.installments.reduce((t, i) => t + i.principal, 0)).toBe(c.principal);
          expect(out.installmentsLeft).toBeLessThanOrEqual(schedule.filter((i) => i.dueDate > date).length);
        },
      ),
      { numRuns: 2000 },
    );
    // Most random cases must reach the checks, not be refused.
    expect(reached).toBeGreaterThan(1000);
  }, 120_000);
});
