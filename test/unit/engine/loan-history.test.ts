import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildSchedule, computeStatement, type Payment } from '../../../shared/engine';
import { addDays } from '../../../shared/dates';
import { loanHistory } from '../../../shared/reports/history';

/**
 * The dashboard reads a loan's DPD and outstanding principal at twelve month-ends from one
 * statement. Property: for random loans, payments and dates, that equals a fresh engine run as
 * of each date.
 */
describe('loan history from one statement', () => {
  it('agrees with the engine run as of each earlier date', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('annuity', 'equal-principal', 'interest-only', 'bullet'),
        fc.integer({ min: 1_000_00, max: 500_000_00 }),
        fc.integer({ min: 1, max: 36 }),
        fc.array(
          fc.record({ day: fc.integer({ min: 1, max: 1200 }), share: fc.integer({ min: 1, max: 150 }) }),
          { maxLength: 40 },
        ),
        fc.array(fc.integer({ min: 0, max: 1300 }), { minLength: 1, maxLength: 12 }),
        (method, principal, months, raw, probeDays) => {
          const start = '2024-01-31';
          const installments = buildSchedule({
            method,
            principal,
            annualRatePercent: '14.4',
            months,
            startDate: start,
          });
          const asOf = addDays(start, 1300);
          const unit = installments[0]!.principal + installments[0]!.interest;
          const payments: Payment[] = raw.map((p) => ({
            date: addDays(start, p.day),
            amount: Math.max(1, Math.floor((unit * p.share) / 100)),
          }));
          const input = { installments, penaltyDailyRatePercent: '0.05', graceDays: 3, payments };
          const history = loanHistory(computeStatement({ ...input, asOf }));
          for (const day of probeDays) {
            const date = addDays(start, day);
            const truth = computeStatement({ ...input, asOf: date });
            expect(history.dpdOn(date)).toBe(truth.daysPastDue);
            expect(history.outstandingOn(date)).toBe(truth.outstandingPrincipal);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
