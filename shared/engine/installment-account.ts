/**
 * The running account of one installment while a statement is computed: what is still owed,
 * what has been paid, and the penalty it has accrued.
 *
 * Penalty accrues daily on (unpaid principal + unpaid interest at the start of the day) × rate,
 * for each day after the due date. The unpaid amount only changes when a payment touches this
 * installment, so instead of looping over days we keep Σ unpaid × days ("unpaid-days", an exact
 * integer) and bring it up to date lazily, one segment between events at a time. The penalty
 * owed is then round(unpaid-days × rate) − penalty paid: a single rounding of the exact total.
 */
import { toDayNumber, type IsoDate } from '../dates/civil';
import { toMinor, type Minor } from '../money/amount';
import { roundHalfUpDiv, type Ratio } from '../money/ratio';
import type { ScheduledInstallment } from './schedule';

/** How one payment's money was spent on an installment (or on the whole schedule). */
export interface Split {
  penalty: Minor;
  interest: Minor;
  principal: Minor;
}

export class InstallmentAccount {
  readonly dueDay: number;
  /** The last day on which paying in full still cancels all penalty. */
  readonly graceEndDay: number;
  paidPrincipal: Minor = 0;
  paidInterest: Minor = 0;
  paidPenalty: Minor = 0;
  /**
   * Interest the installment no longer earns because the loan was settled before its period
   * ended: unearned interest is never owed (see `settleEarly`).
   */
  interestCancelled: Minor = 0;
  settledEarly = false;
  /** Σ over accrued days of the unpaid principal + interest at the start of that day, in minor × days. */
  private unpaidDays = 0n;
  /** Penalty has been accrued for every day up to and including this one. */
  private accruedThroughDay: number;
  /** Paid in full within grace: owes no penalty, ever. */
  private penaltyWaived: boolean;

  constructor(
    readonly installment: ScheduledInstallment,
    graceDays: number,
    private readonly dailyPenaltyRate: Ratio,
  ) {
    this.dueDay = toDayNumber(installment.dueDate);
    this.graceEndDay = this.dueDay + graceDays;
    this.accruedThroughDay = this.dueDay;
    this.penaltyWaived = this.isPaid;
  }

  get dueDate(): IsoDate {
    return this.installment.dueDate;
  }

  get unpaidPrincipal(): Minor {
    return this.installment.principal - this.paidPrincipal;
  }

  get unpaidInterest(): Minor {
    return this.installment.interest - this.interestCancelled - this.paidInterest;
  }

  /** Principal and interest still owed — the amount penalty accrues on. */
  get unpaid(): Minor {
    return this.unpaidPrincipal + this.unpaidInterest;
  }

  /**
   * Principal and interest fully paid. A payment settles penalty before them, and nothing accrues
   * on a paid installment, so a paid installment owes no penalty either.
   */
  get isPaid(): boolean {
    return this.unpaid === 0;
  }

  private accrueThrough(day: number): void {
    if (day <= this.accruedThroughDay) return;
    if (!this.dailyPenaltyRate.isZero()) {
      this.unpaidDays += BigInt(this.unpaid) * BigInt(day - this.accruedThroughDay);
    }
    this.accruedThroughDay = day;
  }

  /** Penalty owed after day `day`'s accrual; zero while the installment is within grace. */
  penaltyDueOn(day: number): Minor {
    this.accrueThrough(day);
    if (this.penaltyWaived || day <= this.graceEndDay) return 0;
    const accrued = roundHalfUpDiv(this.unpaidDays * this.dailyPenaltyRate.num, this.dailyPenaltyRate.den);
    return toMinor(accrued) - this.paidPenalty;
  }

  /**
   * Early settlement: the installment earns only `earned` of its interest. Interest paid beyond
   * that (paid ahead, before the period was over) is handed back as credit for principal.
   */
  settleEarly(earned: Minor): Minor {
    const credit = Math.max(0, this.paidInterest - earned);
    this.paidInterest -= credit;
    this.interestCancelled = this.installment.interest - earned;
    this.settledEarly = true;
    return credit;
  }

  /** Principal paid from interest handed back at settlement (never more than is unpaid). */
  creditPrincipal(available: Minor): Minor {
    const principal = Math.min(available, this.unpaidPrincipal);
    this.paidPrincipal += principal;
    return principal;
  }

  /** Interest paid from interest handed back at settlement (never more than is unpaid). */
  creditInterest(available: Minor): Minor {
    const interest = Math.min(available, this.unpaidInterest);
    this.paidInterest += interest;
    return interest;
  }

  /** Spends up to `available` on day `day`: penalty due first, then interest, then principal. */
  pay(day: number, available: Minor): Split {
    const penalty = Math.min(available, this.penaltyDueOn(day));
    const interest = Math.min(available - penalty, this.unpaidInterest);
    const principal = Math.min(available - penalty - interest, this.unpaidPrincipal);
    this.paidPenalty += penalty;
    this.paidInterest += interest;
    this.paidPrincipal += principal;
    if (this.isPaid && day <= this.graceEndDay) this.penaltyWaived = true;
    return { penalty, interest, principal };
  }
}
