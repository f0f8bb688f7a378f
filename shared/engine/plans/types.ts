/**
 * Negotiated repayment plans (分期 / 展期 / 宽限期 / rate change / settlement): the terms a lender
 * and borrower agree, and what they turn the rest of the loan into.
 */
import type { IsoDate } from '../../dates/civil';
import type { Minor } from '../../money/amount';
import type { RepaymentMethod, ScheduledInstallment } from '../schedule';

export const PLAN_TYPES = [
  'arrears-installments',
  'extension',
  'holiday',
  'rate-change',
  'settlement',
] as const;
export type PlanType = (typeof PLAN_TYPES)[number];

export type PlanSpec =
  | {
      type: 'arrears-installments';
      months: number;
      waivePenaltyPercent: string;
      /**
       * 'keep' (the default): the arrears ride on top of the regular installments. 'suspend': the
       * arrears replace them for `months` months and the regular schedule resumes after.
       */
      regular?: 'keep' | 'suspend';
    }
  | {
      type: 'extension';
      months: number;
      annualRatePercent?: string;
      method?: RepaymentMethod;
      arrears: 'keep' | 'capitalize';
    }
  | { type: 'holiday'; months: number; interest: 'capitalize' | 'defer' }
  | { type: 'rate-change'; annualRatePercent: string }
  | { type: 'settlement'; amount: Minor; payBy: IsoDate };

/** The loan as the plan sees it: its contract and its current schedule version. */
export interface PlanLoan {
  method: RepaymentMethod;
  /** The contract rate: it prices re-amortized installments and discounts the plan's cash flows. */
  annualRatePercent: string;
  penaltyDailyRatePercent: string;
  graceDays: number;
}

/** The side-by-side figures of one candidate plan (all amounts in minor units). */
export interface PlanComparison {
  type: PlanType;
  /**
   * What the borrower pays a month under the plan; null when the plan creates no installment.
   * For arrears installments, everything due in the calendar month of the first arrears
   * installment: the regular installment due that month plus the arrears one (see
   * `installmentSplit`). For every other plan, the plan's first installment.
   */
  installmentAmount: Minor | null;
  /** An arrears plan's `installmentAmount` cut into the regular and the arrears part; else null. */
  installmentSplit: { regular: Minor; arrears: Minor } | null;
  installmentCount: number;
  /** Due date of the last installment still to be paid under the plan. */
  endDate: IsoDate | null;
  /** Owed on the as-of date and not moved by the plan: kept arrears and their penalty. */
  dueNow: Minor;
  totalToPay: Minor;
  /** Everything in totalToPay that is neither principal outstanding before the plan nor penalty. */
  totalInterest: Minor;
  /** Penalty the borrower still pays under the plan (spread, capitalized, deferred or kept). */
  penaltyToPay: Minor;
  penaltyWaived: Minor;
  /** Interest and penalty added to the principal. */
  capitalized: Minor;
  /** What a settlement forgives if it is paid in full on time: payoff − settlement amount. */
  writtenOff: Minor;
  /** The lender's present value of totalToPay's cash flows at the contract rate. */
  presentValue: Minor;
  /** The loan on the as-of date, before the plan. */
  before: {
    outstandingPrincipal: Minor;
    overduePrincipal: Minor;
    overdueInterest: Minor;
    penalty: Minor;
    payoff: Minor;
  };
}

export interface BalancePoint {
  date: IsoDate;
  /** Principal still owed under the plan after the installments due on this date. */
  balance: Minor;
}

/** A plan applied to a loan on a date. */
export interface PlanOutcome {
  spec: PlanSpec;
  asOf: IsoDate;
  /** The plan's new installments, numbered from 1: what the borrower signs up to pay. */
  installments: ScheduledInstallment[];
  /**
   * The complete new schedule version, numbered from 1: the kept installments, the settled part
   * of a partly paid one, arrears kept due, then the plan's installments. Every payment already
   * received, replayed by the statement engine, pays the kept and settled rows exactly.
   */
  version: ScheduledInstallment[];
  /** How many leading rows of `version` are carried over or settled (not the plan's own). */
  carriedRows: number;
  comparison: PlanComparison;
  balances: BalancePoint[];
}
