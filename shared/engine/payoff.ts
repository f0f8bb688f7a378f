/**
 * Payoff: what settles a loan in full on a given day. Interest not yet earned is never owed:
 * the running period's interest is counted to the day (or for the whole period, if the loan's
 * terms say so), interest paid ahead on later installments is handed back, and a prepayment fee
 * may apply to the principal repaid early. Nothing here is rounded except the two figures the
 * rule names (the accrued interest and the fee), each once, with the project's one rounding rule.
 */
import { toDayNumber, type IsoDate } from '../dates/civil';
import { toMinor, type Minor } from '../money/amount';
import { Ratio, roundHalfUpDiv } from '../money/ratio';
import type { InstallmentAccount } from './installment-account';

export const PREPAYMENT_INTEREST_RULES = ['to-date', 'whole-period'] as const;
export type PrepaymentInterestRule = (typeof PREPAYMENT_INTEREST_RULES)[number];

/** How early settlement is priced: the loan's own terms, kept from the day it was made. */
export interface PrepaymentTerms {
  /** The running period's interest: earned to the day ("to-date") or in full ("whole-period"). */
  interest: PrepaymentInterestRule;
  /** Percentage of the principal repaid early, e.g. "2" for 2%. */
  feePercent: string;
}

export const DEFAULT_PREPAYMENT: PrepaymentTerms = { interest: 'to-date', feePercent: '0' };

export interface Payoff {
  /** Every installment's unpaid principal, due or not. */
  principal: Minor;
  /** Unpaid interest of installments due on or before the day. */
  interestDue: Minor;
  /** Interest earned in the running period, by the loan's rule. */
  interestAccrued: Minor;
  /** Interest already paid on installments due after the day, handed back. */
  interestCredit: Minor;
  penalty: Minor;
  charges: Minor;
  /** The prepayment fee; gives way where it would take payoff above the remaining schedule's cost. */
  fee: Minor;
  total: Minor;
}

/** `feePercent` must be a decimal from 0 to 100: the form, the file and the settings say so. */
export function prepaymentFeeRatio(feePercent: string): Ratio {
  const fee = Ratio.fromDecimal(feePercent).div(Ratio.fromInteger(100));
  if (fee.sign() < 0 || fee.compare(Ratio.ONE) > 0) {
    throw new RangeError(`a prepayment fee must be from 0% to 100%: ${feePercent}`);
  }
  return fee;
}

/**
 * The day each installment's period starts: the latest earlier due date in the schedule, or the
 * loan's start date for the first (a bullet loan therefore has one period, start to maturity).
 * Installments due on the same day share a period.
 */
export function periodStartDays(accounts: readonly InstallmentAccount[], startDate: IsoDate): number[] {
  let start = toDayNumber(startDate);
  let lastDue = start;
  return accounts.map((account) => {
    if (account.dueDay > lastDue) {
      start = lastDue;
      lastDue = account.dueDay;
    }
    return Math.min(start, account.dueDay);
  });
}

/**
 * What each installment due after `day` earns if the loan is settled that day: the installments
 * of the running period (the first due date after `day`) earn their interest to the day or in
 * full, every later one earns nothing. Indexed like `accounts`; undefined for those due by `day`.
 */
export function earnedInterestOn(
  accounts: readonly InstallmentAccount[],
  periodStarts: readonly number[],
  day: number,
  rule: PrepaymentInterestRule,
): (Minor | undefined)[] {
  let runningDue: number | undefined;
  return accounts.map((account, i) => {
    if (account.dueDay <= day) return undefined;
    runningDue ??= account.dueDay;
    // Settled early already: the installment earned what it had earned on that day, no more.
    if (account.settledEarly) return account.installment.interest - account.interestCancelled;
    if (account.dueDay !== runningDue) return 0;
    const interest = account.installment.interest;
    const start = periodStarts[i]!;
    const length = account.dueDay - start;
    if (rule === 'whole-period' || length <= 0) return interest;
    const elapsed = Math.min(Math.max(day - start, 0), length);
    return toMinor(roundHalfUpDiv(BigInt(interest) * BigInt(elapsed), BigInt(length)));
  });
}

/** Payoff on `day` of accounts whose penalty has been brought up to `day`; `charges` owed by then. */
export function payoffOn(
  accounts: readonly InstallmentAccount[],
  periodStarts: readonly number[],
  day: number,
  chargesOwed: Minor,
  terms: PrepaymentTerms,
): Payoff {
  const earned = earnedInterestOn(accounts, periodStarts, day, terms.interest);
  const payoff: Payoff = {
    principal: 0,
    interestDue: 0,
    interestAccrued: 0,
    interestCredit: 0,
    penalty: 0,
    charges: chargesOwed,
    fee: 0,
    total: 0,
  };
  let laterPrincipal = 0;
  let laterInterestUnpaid = 0;
  accounts.forEach((account, i) => {
    payoff.principal += account.unpaidPrincipal;
    payoff.penalty += account.penaltyDueOn(day);
    const e = earned[i];
    if (e === undefined) {
      payoff.interestDue += account.unpaidInterest;
      return;
    }
    laterPrincipal += account.unpaidPrincipal;
    laterInterestUnpaid += account.unpaidInterest;
    payoff.interestAccrued += e;
    payoff.interestCredit += account.paidInterest;
  });
  const withoutFee =
    payoff.principal +
    payoff.interestDue +
    payoff.interestAccrued -
    payoff.interestCredit +
    payoff.penalty +
    payoff.charges;
  // Never more than the remaining schedule would cost in full: the fee gives way first.
  const wholeSchedule =
    payoff.principal + payoff.interestDue + laterInterestUnpaid + payoff.penalty + payoff.charges;
  const fee = prepaymentFeeRatio(terms.feePercent);
  const feeDue = toMinor(roundHalfUpDiv(BigInt(laterPrincipal) * fee.num, fee.den));
  payoff.fee = Math.max(0, Math.min(feeDue, wholeSchedule - withoutFee));
  payoff.total = Math.max(0, withoutFee + payoff.fee);
  return payoff;
}
