/**
 * The statement engine against a literal, day-by-day reading of the contract.
 *
 * The engine accrues penalty lazily, by segments, and skips settled installments; the model below
 * does neither: it walks every calendar day, accrues every installment with exact Ratio sums, and
 * offers every payment to every installment. Early settlement is read literally from the contract:
 * payoff(D) = unpaid principal + unpaid interest due by D + the running period's interest (to the
 * day, or whole) − interest paid on installments due after D + penalty + fee, the fee capped so
 * payoff never exceeds the remaining schedule; a payment of at least that settles the loan.
 * Any disagreement on random loans is a bug in one of them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../../shared/dates/civil';
import type { ScheduledInstallment } from '../../../shared/engine/schedule';
import { computeStatement, type Payment, type StatementInput } from '../../../shared/engine/statement';
import { PREPAYMENT_INTEREST_RULES } from '../../../shared/engine/payoff';
import { Ratio } from '../../../shared/money/ratio';

interface ModelInstallment {
  due: number;
  principal: number;
  interest: number;
  paidPrincipal: number;
  paidInterest: number;
  paidPenalty: number;
  accrued: Ratio;
  waived: boolean;
  cancelled: number;
  settled: boolean;
}

function model(input: StatementInput) {
  const rate = Ratio.fromDecimal(input.penaltyDailyRatePercent).div(Ratio.fromInteger(100));
  const asOf = toDayNumber(input.asOf);
  const book: ModelInstallment[] = input.installments.map((i) => ({
    due: toDayNumber(i.dueDate),
    principal: i.principal,
    interest: i.interest,
    paidPrincipal: 0,
    paidInterest: 0,
    paidPenalty: 0,
    accrued: Ratio.ZERO,
    waived: false,
    cancelled: 0,
    settled: false,
  }));
  const unpaidInterest = (i: ModelInstallment) => i.interest - i.cancelled - i.paidInterest;
  const unpaid = (i: ModelInstallment) => i.principal - i.paidPrincipal + unpaidInterest(i);
  const penaltyDue = (i: ModelInstallment, day: number) =>
    i.waived || day <= i.due + input.graceDays ? 0 : Number(i.accrued.roundHalfUp()) - i.paidPenalty;
  const start = toDayNumber(input.startDate!);
  const terms = input.prepayment!;
  const round = (r: Ratio) => Number(r.roundHalfUp());
  /** What installment i earns if the loan is settled on `day` (it is due after `day`). */
  const earned = (i: ModelInstallment, day: number) => {
    if (i.settled) return i.interest - i.cancelled; // settled already: it earned what it earned
    const running = Math.min(...book.filter((j) => j.due > day).map((j) => j.due));
    if (i.due !== running) return 0;
    const periodStart = Math.max(start, ...book.filter((j) => j.due < running).map((j) => j.due));
    if (terms.interest === 'whole-period' || running <= periodStart) return i.interest;
    const elapsed = Math.min(Math.max(day - periodStart, 0), running - periodStart);
    return round(Ratio.of(BigInt(i.interest * elapsed), BigInt(running - periodStart)));
  };
  const payoffOn = (day: number) => {
    const later = book.filter((i) => i.due > day);
    const due = book.filter((i) => i.due <= day);
    const sum = (xs: ModelInstallment[], f: (i: ModelInstallment) => number) =>
      xs.reduce((total, i) => total + f(i), 0);
    const base =
      sum(book, (i) => i.principal - i.paidPrincipal + penaltyDue(i, day)) + sum(due, unpaidInterest);
    const withoutFee = base + sum(later, (i) => earned(i, day) - i.paidInterest);
    const fee = round(
      Ratio.fromInteger(sum(later, (i) => i.principal - i.paidPrincipal)).mul(
        Ratio.fromDecimal(terms.feePercent).div(Ratio.fromInteger(100)),
      ),
    );
    const cap = base + sum(later, unpaidInterest);
    const cappedFee = Math.max(0, Math.min(fee, cap - withoutFee));
    return { total: Math.max(0, withoutFee + cappedFee), unclamped: withoutFee + cappedFee, fee: cappedFee };
  };

  const allocations: number[][] = [];
  const firstDay = Math.min(...book.map((i) => i.due), ...input.payments.map((p) => toDayNumber(p.date)));
  for (let day = firstDay; day <= asOf; day++) {
    for (const i of book) if (day > i.due) i.accrued = i.accrued.add(Ratio.fromInteger(unpaid(i)).mul(rate));
    for (const payment of input.payments.filter((p) => toDayNumber(p.date) === day)) {
      const payoff = payoffOn(day);
      const principalOwed = book.reduce((sum, i) => sum + i.principal - i.paidPrincipal, 0);
      if (payment.amount >= payoff.total && (payoff.total > 0 || principalOwed > 0)) {
        // Settlement: everything due is paid as usual; later installments keep only what they earned.
        const spent = [0, 0, 0];
        let credit = 0;
        let laterInterest = 0;
        let laterPrincipal = 0;
        for (const i of book) {
          spent[0]! += penaltyDue(i, day);
          i.paidPenalty += penaltyDue(i, day);
          const interest = i.due > day ? earned(i, day) : i.interest;
          if (i.due > day) {
            credit += Math.max(0, i.paidInterest - interest);
            laterInterest += Math.max(0, interest - i.paidInterest);
            laterPrincipal += i.principal - i.paidPrincipal;
            Object.assign(i, { cancelled: i.interest - interest, settled: true });
          } else {
            spent[1]! += i.interest - i.paidInterest;
            spent[2]! += i.principal - i.paidPrincipal;
          }
          i.paidInterest = interest;
          i.paidPrincipal = i.principal;
          if (day <= i.due + input.graceDays) i.waived = true;
        }
        // Interest handed back pays later principal, then later interest, then the fee; what the
        // payment spent is the rest, and the refund is always amount − the unclamped payoff.
        const fromPrincipal = Math.min(credit, laterPrincipal);
        const fromInterest = Math.min(credit - fromPrincipal, laterInterest);
        const fromFee = Math.min(credit - fromPrincipal - fromInterest, payoff.fee);
        spent[1]! += laterInterest - fromInterest;
        spent[2]! += laterPrincipal - fromPrincipal;
        allocations.push([...spent, payoff.fee - fromFee, payment.amount - payoff.unclamped]);
        continue;
      }
      let left = payment.amount;
      const spent = [0, 0, 0];
      for (const i of book) {
        const penalty = Math.min(left, penaltyDue(i, day));
        const interest = Math.min(left - penalty, unpaidInterest(i));
        const principal = Math.min(left - penalty - interest, i.principal - i.paidPrincipal);
        i.paidPenalty += penalty;
        i.paidInterest += interest;
        i.paidPrincipal += principal;
        left -= penalty + interest + principal;
        spent[0]! += penalty;
        spent[1]! += interest;
        spent[2]! += principal;
        if (unpaid(i) === 0 && day <= i.due + input.graceDays) i.waived = true;
      }
      allocations.push([...spent, 0, left]);
    }
  }
  const oldestLate = book.find((i) => unpaid(i) > 0 && i.due < asOf);
  return {
    daysPastDue: oldestLate ? asOf - oldestLate.due : 0,
    installments: book.map((i) => [i.paidPrincipal, i.paidInterest, i.paidPenalty, penaltyDue(i, asOf)]),
    allocations,
  };
}

const BASE_DAY = toDayNumber('2027-12-15'); // so the random dates cross Feb 29 2028

const statementInput: fc.Arbitrary<StatementInput> = fc
  .record({
    installments: fc.array(
      fc.record({
        gap: fc.integer({ min: 0, max: 45 }),
        principal: fc.integer({ min: 0, max: 500_00 }),
        interest: fc.integer({ min: 0, max: 50_00 }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    payments: fc.array(
      fc.record({ offset: fc.integer({ min: -10, max: 260 }), amount: fc.integer({ min: 1, max: 600_00 }) }),
      { maxLength: 6 },
    ),
    penaltyDailyRatePercent: fc.constantFrom('0', '0.05', '0.1', '0.033', '1', '2.5'),
    graceDays: fc.integer({ min: 0, max: 10 }),
    asOfOffset: fc.integer({ min: 0, max: 270 }),
    startGap: fc.integer({ min: 0, max: 40 }),
    interestRule: fc.constantFrom(...PREPAYMENT_INTEREST_RULES),
    feePercent: fc.constantFrom('0', '1', '2.5', '100'),
  })
  .map(({ installments, payments, penaltyDailyRatePercent, graceDays, asOfOffset, ...prepay }) => {
    let due = BASE_DAY;
    const schedule: ScheduledInstallment[] = installments.map((i, k) => {
      due += i.gap;
      return { n: k + 1, dueDate: fromDayNumber(due), principal: i.principal, interest: i.interest };
    });
    const asOf = BASE_DAY + asOfOffset;
    const known: Payment[] = payments
      .filter((p) => BASE_DAY + p.offset <= asOf) // the model, like a file, only holds known payments
      .map((p) => ({ date: fromDayNumber(BASE_DAY + p.offset), amount: p.amount }));
    return {
      installments: schedule,
      payments: known,
      penaltyDailyRatePercent,
      graceDays,
      asOf: fromDayNumber(asOf),
      startDate: fromDayNumber(BASE_DAY - prepay.startGap),
      prepayment: { interest: prepay.interestRule, feePercent: prepay.feePercent },
    };
  });

describe('statement engine vs. a day-by-day model of the contract', () => {
  it('agrees on every split, every installment and days past due', () => {
    fc.assert(
      fc.property(statementInput, (input) => {
        const s = computeStatement(input);
        const expected = model(input);
        expect({
          daysPastDue: s.daysPastDue,
          installments: s.installments.map((i) => [
            i.paidPrincipal,
            i.paidInterest,
            i.paidPenalty,
            i.penaltyDue,
          ]),
          allocations: s.allocations.map((a) => [a.penalty, a.interest, a.principal, a.fee, a.unapplied]),
        }).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('never loses or invents money', () => {
    fc.assert(
      fc.property(statementInput, (input) => {
        const s = computeStatement(input);
        const paidIn = input.payments.reduce((sum, p) => sum + p.amount, 0);
        const paidOut = s.installments.reduce(
          (sum, i) => sum + i.paidPrincipal + i.paidInterest + i.paidPenalty,
          s.totalPaid.fee,
        );
        expect(paidOut + s.unapplied).toBe(paidIn);
        // Each payment is spent to the cent; a settlement may also refund interest handed back.
        for (const a of s.allocations) {
          const spent = a.penalty + a.interest + a.principal + a.charges + a.fee + a.unapplied;
          if (a.settlement) expect(spent).toBeGreaterThanOrEqual(a.amount);
          else expect(spent).toBe(a.amount);
        }
        const scheduled = input.installments.reduce((sum, i) => sum + i.principal, 0);
        expect(s.outstandingPrincipal).toBe(scheduled - s.totalPaid.principal);
        expect(s.installments.every((i) => i.penaltyDue >= 0 && i.paidPrincipal <= i.principal)).toBe(true);
        // Interest is earned, never invented: nothing pays more than the schedule's interest.
        expect(s.totalPaid.interest).toBeLessThanOrEqual(
          input.installments.reduce((t, i) => t + i.interest, 0),
        );
        if (s.settledOn !== null)
          expect([s.outstandingPrincipal, s.daysPastDue, s.payoff.total]).toEqual([0, 0, 0]);
      }),
      { numRuns: 2000 },
    );
  });
});
