/**
 * The statement engine against a literal, day-by-day reading of the contract.
 *
 * The engine accrues penalty lazily, by segments, and skips settled installments; the model below
 * does neither: it walks every calendar day, accrues every installment with exact Ratio sums, and
 * offers every payment to every installment. Any disagreement on random loans is a bug in one of them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromDayNumber, toDayNumber } from '../../../shared/dates/civil';
import type { ScheduledInstallment } from '../../../shared/engine/schedule';
import { computeStatement, type Payment, type StatementInput } from '../../../shared/engine/statement';
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
  }));
  const unpaid = (i: ModelInstallment) => i.principal - i.paidPrincipal + i.interest - i.paidInterest;
  const penaltyDue = (i: ModelInstallment, day: number) =>
    i.waived || day <= i.due + input.graceDays ? 0 : Number(i.accrued.roundHalfUp()) - i.paidPenalty;

  const allocations: number[][] = [];
  const firstDay = Math.min(...book.map((i) => i.due), ...input.payments.map((p) => toDayNumber(p.date)));
  for (let day = firstDay; day <= asOf; day++) {
    for (const i of book) if (day > i.due) i.accrued = i.accrued.add(Ratio.fromInteger(unpaid(i)).mul(rate));
    for (const payment of input.payments.filter((p) => toDayNumber(p.date) === day)) {
      let left = payment.amount;
      const spent = [0, 0, 0];
      for (const i of book) {
        const penalty = Math.min(left, penaltyDue(i, day));
        const interest = Math.min(left - penalty, i.interest - i.paidInterest);
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
      allocations.push([...spent, left]);
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
  })
  .map(({ installments, payments, penaltyDailyRatePercent, graceDays, asOfOffset }) => {
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
          allocations: s.allocations.map((a) => [a.penalty, a.interest, a.principal, a.unapplied]),
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
          0,
        );
        expect(paidOut + s.unapplied).toBe(paidIn);
        const scheduled = input.installments.reduce((sum, i) => sum + i.principal, 0);
        const paidPrincipal = s.allocations.reduce((sum, a) => sum + a.principal, 0);
        expect(s.outstandingPrincipal).toBe(scheduled - paidPrincipal);
        expect(s.installments.every((i) => i.penaltyDue >= 0 && i.paidPrincipal <= i.principal)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
