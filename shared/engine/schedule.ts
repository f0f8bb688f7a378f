/**
 * Repayment schedules. A schedule is just a list of installments — who built it (a repayment
 * method here, a renegotiated plan later) does not matter to the statement engine.
 */
import { addMonthsClamped, monthlyDatesAfter, type IsoDate } from '../dates/civil';
import { toMinor, type Minor } from '../money/amount';
import { roundHalfUpDiv, type Ratio } from '../money/ratio';
import { monthlyRateOf } from './rates';

export const REPAYMENT_METHODS = ['annuity', 'equal-principal', 'interest-only', 'bullet'] as const;
export type RepaymentMethod = (typeof REPAYMENT_METHODS)[number];

/** A century of monthly installments; beyond that the input is a typo, not a loan. */
export const MAX_MONTHS = 1200;

export interface LoanTerms {
  method: RepaymentMethod;
  principal: Minor;
  annualRatePercent: string;
  months: number;
  startDate: IsoDate;
}

export interface ScheduledInstallment {
  /** 1-based position in the schedule. */
  n: number;
  dueDate: IsoDate;
  principal: Minor;
  interest: Minor;
}

/** round(balance · r): one month's interest on a balance. */
function monthInterest(balance: bigint, r: Ratio): bigint {
  return roundHalfUpDiv(balance * r.num, r.den);
}

/**
 * The level installment A = round(P·r·(1+r)^n / ((1+r)^n − 1)), or round(P/n) at 0%.
 * With r = a/b the whole expression is one fraction, P·a·(a+b)^n / (b·((a+b)^n − b^n)),
 * so it is rounded once, without reducing thousand-digit intermediate numbers.
 */
export function annuityInstallment(principal: Minor, annualRatePercent: string, months: number): Minor {
  const r = monthlyRateOf(annualRatePercent);
  const P = BigInt(principal);
  const n = BigInt(months);
  if (r.isZero()) return toMinor(roundHalfUpDiv(P, n));
  const growth = (r.num + r.den) ** n;
  return toMinor(roundHalfUpDiv(P * r.num * growth, r.den * (growth - r.den ** n)));
}

/**
 * Walks the balance down month by month. Each installment's interest is round(B·r) on the balance
 * B before it; `principalFor` says how much principal installments 1…n−1 repay, and installment n
 * repays whatever is left, so principal always sums exactly to the loan.
 *
 * Rounding can make the level amounts (round(P/n), A − interest) overshoot a small loan before the
 * last month — e.g. 100.00 over 360 months at 0% is 0.28 a month, and 359 × 0.28 > 100.00. An
 * installment never repays more than the remaining balance (nor less than nothing), so such a loan
 * is simply paid off early and the tail installments are zero, instead of ending with a negative
 * "repayment" the borrower would be owed.
 */
function amortize(
  terms: LoanTerms,
  r: Ratio,
  principalFor: (interest: bigint) => bigint,
): ScheduledInstallment[] {
  let balance = BigInt(terms.principal);
  return monthlyDatesAfter(terms.startDate, terms.months).map((dueDate, i) => {
    const n = i + 1;
    const interest = monthInterest(balance, r);
    const level = principalFor(interest);
    const principal = n === terms.months ? balance : level < 0n ? 0n : level > balance ? balance : level;
    balance -= principal;
    return { n, dueDate, principal: toMinor(principal), interest: toMinor(interest) };
  });
}

function assertValidTerms(terms: LoanTerms): void {
  if (!REPAYMENT_METHODS.includes(terms.method)) throw new RangeError(`unknown method: ${terms.method}`);
  if (!Number.isSafeInteger(terms.principal) || terms.principal <= 0) {
    throw new RangeError(`principal must be a positive amount: ${terms.principal}`);
  }
  if (!Number.isInteger(terms.months) || terms.months < 1 || terms.months > MAX_MONTHS) {
    throw new RangeError(`months must be a whole number from 1 to ${MAX_MONTHS}: ${terms.months}`);
  }
}

export function buildSchedule(terms: LoanTerms): ScheduledInstallment[] {
  assertValidTerms(terms);
  const r = monthlyRateOf(terms.annualRatePercent);
  const P = BigInt(terms.principal);
  const n = BigInt(terms.months);
  switch (terms.method) {
    case 'annuity': {
      const level = BigInt(annuityInstallment(terms.principal, terms.annualRatePercent, terms.months));
      return amortize(terms, r, (interest) => level - interest);
    }
    case 'equal-principal': {
      const level = roundHalfUpDiv(P, n);
      return amortize(terms, r, () => level);
    }
    case 'interest-only':
      // The balance stays P until the end, so round(B·r) is round(P·r) every month.
      return amortize(terms, r, () => 0n);
    case 'bullet':
      return [
        {
          n: 1,
          dueDate: addMonthsClamped(terms.startDate, terms.months),
          principal: terms.principal,
          interest: toMinor(roundHalfUpDiv(P * r.num * n, r.den)),
        },
      ];
  }
}
