/**
 * Partial prepayment: a payment beyond what is due that the borrower wants to lower the
 * installment with, or to finish sooner. The exact rule (also in the README):
 *
 *  1. The payment on D first pays what is due on D (installments due by D, penalty, charges) and
 *     the running period's interest earned to D (by the loan's prepayment rule). What is left, X,
 *     repays principal early. Money paid ahead earlier counts towards the same.
 *  2. The new schedule version keeps every installment due by D as it is, adds one row due on D
 *     (principal X, the interest earned to D), and re-plans the balance B − X (B: the principal of
 *     the installments due after D) on the remaining due dates, with the loan's rate and method:
 *       - reduce-installment: the same dates and count, a smaller installment;
 *       - shorten-term: the same installment, fewer installments, the last taking the remainder.
 *     The first re-planned installment charges interest only for the days of its period after D
 *     (none under the whole-period rule, which already took the period's interest).
 *  3. Every figure is rounded once, with the project's rounding rule; the replayed payments pay
 *     the row due on D exactly, so nothing is lost and nothing is paid twice.
 */
import { toDayNumber, type IsoDate } from '../dates/civil';
import { toMinor, type Minor } from '../money/amount';
import { roundHalfUpDiv } from '../money/ratio';
import { InstallmentAccount } from './installment-account';
import { earnedInterestOn, periodStartDays, type PrepaymentTerms } from './payoff';
import { monthlyRateOf } from './rates';
import { annuityInstallment, type RepaymentMethod, type ScheduledInstallment } from './schedule';
import { computeStatement, type StatementInput } from './statement';
import type { ErrorCode } from '../contract/error-codes';

export const PREPAY_MODES = ['reduce-installment', 'shorten-term'] as const;
export type PrepayMode = (typeof PREPAY_MODES)[number];

/** The contract terms a re-planned balance follows. */
export interface PrepayLoan {
  method: RepaymentMethod;
  annualRatePercent: string;
  principal: Minor;
  months: number;
  startDate: IsoDate;
  prepayment: PrepaymentTerms;
}

type PrepayRefusalCode = Extract<ErrorCode, `payment.prepay${string}`>;

/** Why a prepayment cannot be re-planned; `reason` is a stable code the screen words. */
export class PrepayRefusal extends Error {
  override readonly name = 'PrepayRefusal';
  constructor(
    readonly field: string,
    readonly reason: PrepayRefusalCode,
    message: string,
  ) {
    super(message);
  }
}

export interface PrepayOutcome {
  /** The whole new schedule version, numbered from 1. */
  installments: ScheduledInstallment[];
  /** Principal repaid early, and the interest earned to the day that it paid with it. */
  prepaidPrincipal: Minor;
  interestToDate: Minor;
  /** What the borrower pays each month from the next due date (the first re-planned installment aside). */
  newInstallment: Minor;
  installmentsLeft: number;
  endDate: IsoDate;
}

/** A balance re-planned on `dates`: how much principal each installment repays, given its full-month interest. */
function replan(
  balance: bigint,
  dates: readonly IsoDate[],
  mode: PrepayMode,
  loan: PrepayLoan,
  firstInterest: bigint,
): { dueDate: IsoDate; principal: bigint; interest: bigint }[] {
  const r = monthlyRateOf(loan.annualRatePercent);
  const m = dates.length;
  let level: (fullInterest: bigint) => bigint;
  if (loan.method === 'annuity') {
    const installment =
      mode === 'reduce-installment'
        ? annuityInstallment(toMinor(balance), loan.annualRatePercent, m)
        : annuityInstallment(loan.principal, loan.annualRatePercent, loan.months);
    level = (fullInterest) => BigInt(installment) - fullInterest;
  } else if (loan.method === 'equal-principal') {
    const each =
      mode === 'reduce-installment'
        ? roundHalfUpDiv(balance, BigInt(m))
        : roundHalfUpDiv(BigInt(loan.principal), BigInt(loan.months));
    level = () => each;
  } else {
    level = () => 0n; // interest only: the balance is repaid with the last installment
  }
  const rows: { dueDate: IsoDate; principal: bigint; interest: bigint }[] = [];
  for (let i = 0; i < m && balance > 0n; i++) {
    const fullInterest = roundHalfUpDiv(balance * r.num, r.den);
    const want = level(fullInterest);
    const principal = i === m - 1 || want >= balance ? balance : want < 0n ? 0n : want;
    if (mode === 'shorten-term' && principal <= 0n) {
      throw new PrepayRefusal(
        'prepay.mode',
        'payment.prepayCannotShorten',
        'the installment no longer covers the interest, so the term cannot be shortened',
      );
    }
    rows.push({ dueDate: dates[i]!, principal, interest: i === 0 ? firstInterest : fullInterest });
    balance -= principal;
  }
  return rows;
}

/**
 * The schedule after a partial prepayment of `amount` on `input.asOf` (the payments in `input`
 * are those already posted). Refuses a loan or an amount the rule cannot take, saying why.
 */
export function prepaySchedule(
  input: StatementInput,
  loan: PrepayLoan,
  amount: Minor,
  mode: PrepayMode,
): PrepayOutcome {
  if (loan.method === 'bullet') {
    throw new PrepayRefusal(
      'prepay.mode',
      'payment.prepayBullet',
      'a bullet loan has a single repayment: apply the money to it, or settle the loan',
    );
  }
  if (loan.method === 'interest-only' && mode === 'shorten-term') {
    throw new PrepayRefusal(
      'prepay.mode',
      'payment.prepayInterestOnlyTerm',
      'an interest-only loan repays its principal at the end: reduce the installment instead',
    );
  }
  const day = toDayNumber(input.asOf);
  const s = computeStatement({ ...input, prepayment: loan.prepayment, startDate: loan.startDate });
  if (amount >= s.payoff.total) {
    throw new PrepayRefusal(
      'amount',
      'payment.prepaySettles',
      `this amount settles the loan (payoff ${s.payoff.total}): post it as a settlement`,
    );
  }
  const due = s.installments.filter((i) => toDayNumber(i.dueDate) <= day);
  const later = s.installments.filter((i) => toDayNumber(i.dueDate) > day);
  const dueNow =
    due.reduce((sum, i) => sum + i.total - i.paidPrincipal - i.paidInterest, 0) +
    s.overdue.penalty +
    s.chargesOutstanding;
  const paidAhead = later.reduce((sum, i) => sum + i.paidPrincipal + i.paidInterest, 0);
  // The running period's interest to the day, by the loan's rule (the same figure payoff uses).
  const accounts = input.installments.map((i) => new InstallmentAccount(i, 0, monthlyRateOf('0')));
  const starts = periodStartDays(accounts, loan.startDate);
  const earned = earnedInterestOn(accounts, starts, day, loan.prepayment.interest);
  const interestToDate = earned.reduce<number>((sum, e) => sum + (e ?? 0), 0);
  const prepaid = paidAhead + amount - dueNow - interestToDate;
  if (prepaid <= 0) {
    throw new PrepayRefusal(
      'amount',
      'payment.prepayNothingBeyondDue',
      `nothing is left to repay principal early: ${amount} covers only what is due and the interest to date (${dueNow + interestToDate - paidAhead})`,
    );
  }
  const laterPrincipal = later.reduce((sum, i) => sum + i.principal, 0);
  if (prepaid >= laterPrincipal) {
    throw new PrepayRefusal(
      'amount',
      'payment.prepaySettles',
      'this amount repays all the principal: settle the loan',
    );
  }
  const dates = [...new Set(later.map((i) => i.dueDate))];
  const running = accounts.findIndex((a) => a.dueDay > day);
  const periodStart = starts[running]!;
  const firstDue = toDayNumber(dates[0]!);
  const balance = BigInt(laterPrincipal - prepaid);
  const r = monthlyRateOf(loan.annualRatePercent);
  const firstInterest =
    loan.prepayment.interest === 'whole-period' || firstDue <= periodStart
      ? 0n
      : roundHalfUpDiv(balance * r.num * BigInt(firstDue - day), r.den * BigInt(firstDue - periodStart));
  const replanned = replan(balance, dates, mode, loan, firstInterest);
  const rows: Omit<ScheduledInstallment, 'n'>[] = [
    ...due.map((i) => ({ dueDate: i.dueDate, principal: i.principal, interest: i.interest })),
    { dueDate: input.asOf, principal: prepaid, interest: interestToDate },
    ...replanned.map((x) => ({
      dueDate: x.dueDate,
      principal: toMinor(x.principal),
      interest: toMinor(x.interest),
    })),
  ];
  const steady = replanned[1] ?? replanned[0]!;
  return {
    installments: rows.map((row, k) => ({ n: k + 1, ...row })),
    prepaidPrincipal: prepaid,
    interestToDate,
    newInstallment: toMinor(steady.principal + steady.interest),
    installmentsLeft: replanned.length,
    endDate: replanned.at(-1)!.dueDate,
  };
}
