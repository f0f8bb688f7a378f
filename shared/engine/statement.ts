/**
 * The statement engine: given a schedule, the payments received and a date, what does the
 * borrower owe, how late are they, and where did each payment go. Everything the app shows about
 * a loan's balance is derived here, so there is one answer to "how much is owed".
 */
import { addMonthsClamped, compareDates, fromDayNumber, toDayNumber, type IsoDate } from '../dates/civil';
import type { Minor } from '../money/amount';
import { bucketOf, type AgingBucket } from './buckets';
import { InstallmentAccount, type Split } from './installment-account';
import {
  DEFAULT_PREPAYMENT,
  earnedInterestOn,
  payoffOn,
  periodStartDays,
  type Payoff,
  type PrepaymentTerms,
} from './payoff';
import { dailyPenaltyRateOf } from './rates';
import type { ScheduledInstallment } from './schedule';

export interface Payment {
  date: IsoDate;
  amount: Minor;
  /** The lender's reference (receipt number, bank reference…), echoed in the allocation. */
  ref?: string;
}

/**
 * A cost added to what the borrower owes (legal costs charged to the loan). It is owed from its
 * date, is paid after the installments already due and before any prepayment, and never makes
 * the loan later: days past due and buckets follow the installments alone.
 */
export interface Charge {
  date: IsoDate;
  amount: Minor;
  reference?: string;
}

export interface StatementInput {
  /** In due-date order (oldest first); any list works — a method's schedule or a repayment plan. */
  installments: readonly ScheduledInstallment[];
  penaltyDailyRatePercent: string;
  graceDays: number;
  /** In any order; payments dated after `asOf` are not yet known to the statement and are ignored. */
  payments: readonly Payment[];
  asOf: IsoDate;
  /** In any order; none when omitted. */
  charges?: readonly Charge[];
  /**
   * The day the loan's interest starts (its disbursement): the first installment's period runs
   * from here. When omitted, the first period is taken to be as long as a month before it.
   */
  startDate?: IsoDate;
  /** How early settlement is priced; interest to date and no fee when omitted. */
  prepayment?: PrepaymentTerms;
}

/** `settled`: due after the day the loan was settled early, so paid then, with unearned interest cancelled. */
export const INSTALLMENT_STATUSES = ['paid', 'overdue', 'due', 'upcoming', 'settled'] as const;
export type InstallmentStatus = (typeof INSTALLMENT_STATUSES)[number];

export interface InstallmentStatement {
  n: number;
  dueDate: IsoDate;
  principal: Minor;
  interest: Minor;
  total: Minor;
  paidPrincipal: Minor;
  paidInterest: Minor;
  paidPenalty: Minor;
  penaltyDue: Minor;
  /** Interest not earned because the loan was settled before this installment's period ended. */
  interestCancelled: Minor;
  status: InstallmentStatus;
}

/** How one payment was split — for receipts and for previewing a payment before it is posted. */
export interface PaymentAllocation extends Split {
  /** Position of the payment in `StatementInput.payments`. */
  index: number;
  ref: string | null;
  date: IsoDate;
  amount: Minor;
  /** Paid towards charges (0 when there are none). */
  charges: Minor;
  /** The prepayment fee paid (0 unless this payment settled the loan early). */
  fee: Minor;
  /** Money left after the whole schedule was paid (a refund due). */
  unapplied: Minor;
  /** This payment was at least the payoff on its day, so it settled the loan. */
  settlement: boolean;
}

/** Why the loan is as late as it is: "installment 3 due 2026-04-30 is unpaid: 40 days past due". */
export interface DpdReason {
  installment: number;
  dueDate: IsoDate;
  daysPastDue: number;
}

export interface Statement {
  asOf: IsoDate;
  daysPastDue: number;
  bucket: AgingBucket;
  dpdReason: DpdReason | null;
  /** Scheduled principal minus principal paid (future installments included). */
  outstandingPrincipal: Minor;
  /** Unpaid principal and interest of overdue installments, and all penalty due. */
  overdue: { principal: Minor; interest: Minor; penalty: Minor };
  unapplied: Minor;
  /** Charges dated on or before `asOf` and not yet paid. */
  chargesOutstanding: Minor;
  installments: InstallmentStatement[];
  /** One per payment on or before `asOf`, in the order they were applied (date, then input order). */
  allocations: PaymentAllocation[];
  /** Due date of the oldest installment with principal or interest unpaid, due yet or not. */
  oldestUnpaidDueDate: IsoDate | null;
  /** The first unpaid installment due on or after `asOf`, with what remains of it. */
  nextDue: { dueDate: IsoDate; amount: Minor } | null;
  /** What settles the loan in full on `asOf` (0 once it is settled). */
  payoff: Payoff;
  /** The day the last payment cleared everything owed, or null while anything is owed. */
  settledOn: IsoDate | null;
  /** Everything paid so far, by what it paid (interest handed back at settlement counts as principal). */
  totalPaid: { principal: Minor; interest: Minor; penalty: Minor; charges: Minor; fee: Minor };
}

function openAccounts(input: StatementInput): InstallmentAccount[] {
  if (!Number.isInteger(input.graceDays) || input.graceDays < 0) {
    throw new RangeError(`grace days must be a whole number ≥ 0: ${input.graceDays}`);
  }
  const penaltyRate = dailyPenaltyRateOf(input.penaltyDailyRatePercent);
  let previous: ScheduledInstallment | undefined;
  return input.installments.map((installment) => {
    if (previous && compareDates(previous.dueDate, installment.dueDate) > 0) {
      throw new RangeError(
        `installments must be in due-date order: ${installment.n} is due before ${previous.n}`,
      );
    }
    if (![installment.principal, installment.interest].every((v) => Number.isSafeInteger(v) && v >= 0)) {
      throw new RangeError(`installment ${installment.n} must have whole, non-negative amounts`);
    }
    previous = installment;
    return new InstallmentAccount(installment, input.graceDays, penaltyRate);
  });
}

/** A charge while a statement is computed: what it is and how much of it has been paid. */
interface ChargeAccount {
  day: number;
  amount: Minor;
  paid: Minor;
}

function openCharges(charges: readonly Charge[]): ChargeAccount[] {
  return charges
    .map((charge, i) => {
      if (!Number.isSafeInteger(charge.amount) || charge.amount <= 0) {
        throw new RangeError(`charge ${i} must be a positive amount: ${charge.amount}`);
      }
      return { day: toDayNumber(charge.date), amount: charge.amount, paid: 0 };
    })
    .sort((a, b) => a.day - b.day); // stable: same-day charges keep their input order
}

/** The loan while payments are applied: its installments, its charges and its settlement terms. */
interface Ledger {
  accounts: readonly InstallmentAccount[];
  charges: readonly ChargeAccount[];
  periodStarts: readonly number[];
  prepayment: PrepaymentTerms;
  /** The day a payment settled the loan early; installments due after it were cancelled. */
  settledEarlyDay: number | null;
  feePaid: Minor;
}

const chargesOwedOn = (charges: readonly ChargeAccount[], day: number): Minor =>
  charges.filter((c) => c.day <= day).reduce((sum, c) => sum + c.amount - c.paid, 0);

function openLedger(input: StatementInput): Ledger {
  const accounts = openAccounts(input);
  const first = accounts[0];
  const startDate = input.startDate ?? (first ? addMonthsClamped(first.dueDate, -1) : input.asOf);
  return {
    accounts,
    charges: openCharges(input.charges ?? []),
    periodStarts: periodStartDays(accounts, startDate),
    prepayment: input.prepayment ?? DEFAULT_PREPAYMENT,
    settledEarlyDay: null,
    feePaid: 0,
  };
}

/**
 * Settles the installments due after `day` with `left` (at least what they need, as payoff
 * said): each earns only its share of the running period's interest; interest paid ahead is
 * handed back and pays principal, then that interest, then the fee; the payment pays the rest.
 * Returns what the payment itself spent on them, and what is left of it (with any refund).
 */
function settleLaterInstallments(ledger: Ledger, day: number, left: Minor, fee: Minor) {
  const spent = { interest: 0, principal: 0, fee };
  const earned = earnedInterestOn(ledger.accounts, ledger.periodStarts, day, ledger.prepayment.interest);
  const later: InstallmentAccount[] = [];
  let credit = 0;
  ledger.accounts.forEach((account, i) => {
    const e = earned[i];
    if (e === undefined) return;
    credit += account.settleEarly(e);
    later.push(account);
  });
  // Interest handed back pays what settling costs before any of the payment does: the principal
  // still owed, then the running period's interest, then the fee. What the payment itself spent
  // is what the allocation reports.
  for (const account of later) credit -= account.creditPrincipal(credit);
  for (const account of later) credit -= account.creditInterest(credit);
  const feeFromCredit = Math.min(credit, fee);
  credit -= feeFromCredit;
  spent.fee = fee - feeFromCredit;
  left -= spent.fee;
  for (const account of later) {
    const split = account.pay(day, left);
    spent.interest += split.interest;
    spent.principal += split.principal;
    left -= split.interest + split.principal;
  }
  ledger.settledEarlyDay = day;
  ledger.feePaid += fee;
  // Interest handed back beyond everything settling costs is the borrower's money: a refund due.
  return { ...spent, left: left + credit };
}

/**
 * Applies payments in date order (same date: input order). A payment of at least the payoff on
 * its day settles the loan (see `settleLaterInstallments`); any other pays the installments due
 * by its date oldest first, then charges owed by then oldest first, then prepays later
 * installments. Installments before `settled` owe nothing and can accrue nothing, so each
 * payment starts where the previous one stopped.
 */
function applyPayments(ledger: Ledger, payments: readonly Payment[], asOfDay: number): PaymentAllocation[] {
  const { accounts, charges } = ledger;
  const known = payments
    .map((payment, index) => ({ payment, index, day: toDayNumber(payment.date) }))
    .filter(({ day }) => day <= asOfDay)
    .sort((a, b) => a.day - b.day); // stable: same-day payments keep their input order
  let settled = 0;
  let chargesSettled = 0;
  // Payoff is never below the unpaid principal less the interest paid ahead (the most it can hand
  // back), so a payment below that cannot settle the loan and needs no payoff: most payments are
  // an installment's worth, and the statement stays linear in installments + payments.
  let unpaidPrincipal = accounts.reduce((sum, a) => sum + a.unpaidPrincipal, 0);
  let paidAhead = 0;
  return known.map(({ payment, index, day }) => {
    if (!Number.isSafeInteger(payment.amount) || payment.amount <= 0) {
      throw new RangeError(`payment ${index} must be a positive amount: ${payment.amount}`);
    }
    const payoff =
      payment.amount >= unpaidPrincipal - paidAhead
        ? payoffOn(accounts, ledger.periodStarts, day, chargesOwedOn(charges, day), ledger.prepayment)
        : null;
    // Payoff is 0 with principal still owed only when interest paid ahead covers it all: any
    // payment then settles the loan, and what was handed back is refunded.
    const settlement =
      payoff !== null && payment.amount >= payoff.total && (payoff.total > 0 || unpaidPrincipal > 0);
    const spent: Split = { penalty: 0, interest: 0, principal: 0 };
    let left = payment.amount;
    const payInstallmentsDueBy = (lastDueDay: number): void => {
      for (
        let account = accounts[settled];
        left > 0 && account && account.dueDay <= lastDueDay;
        account = accounts[settled]
      ) {
        const split = account.pay(day, left);
        spent.penalty += split.penalty;
        spent.interest += split.interest;
        spent.principal += split.principal;
        left -= split.penalty + split.interest + split.principal;
        // Penalty is paid before principal and interest, and nothing accrues on a paid installment,
        // so a paid installment is settled for good; an unpaid one means the money ran out here.
        if (!account.isPaid) break;
        settled++;
      }
    };
    payInstallmentsDueBy(day);
    let paidCharges = 0;
    for (let charge = charges[chargesSettled]; left > 0 && charge && charge.day <= day;) {
      const paid = Math.min(left, charge.amount - charge.paid);
      charge.paid += paid;
      paidCharges += paid;
      left -= paid;
      if (charge.paid < charge.amount) break;
      charge = charges[++chargesSettled];
    }
    let fee = 0;
    if (settlement) {
      const later = settleLaterInstallments(ledger, day, left, payoff.fee);
      spent.interest += later.interest;
      spent.principal += later.principal;
      fee = later.fee;
      left = later.left;
      settled = accounts.length;
    } else {
      // Everything due by today was paid above, so whatever interest is paid here is paid ahead.
      const interestBefore = spent.interest;
      payInstallmentsDueBy(Number.POSITIVE_INFINITY);
      paidAhead += spent.interest - interestBefore;
    }
    unpaidPrincipal -= spent.principal;
    return {
      index,
      ref: payment.ref ?? null,
      date: payment.date,
      amount: payment.amount,
      ...spent,
      charges: paidCharges,
      fee,
      unapplied: left,
      settlement,
    };
  });
}

function statusOn(
  account: InstallmentAccount,
  asOfDay: number,
  settledEarlyDay: number | null,
): InstallmentStatus {
  if (settledEarlyDay !== null && account.dueDay > settledEarlyDay) return 'settled';
  if (account.isPaid) return 'paid';
  if (account.dueDay < asOfDay) return 'overdue';
  return account.dueDay === asOfDay ? 'due' : 'upcoming';
}

/** The day the last payment cleared everything, if everything owed on `asOf` is paid. */
function settledOnOf(
  ledger: Ledger,
  allocations: readonly PaymentAllocation[],
  asOfDay: number,
): IsoDate | null {
  if (!ledger.accounts.every((a) => a.isPaid) || chargesOwedOn(ledger.charges, asOfDay) > 0) return null;
  if (ledger.settledEarlyDay !== null) return fromDayNumber(ledger.settledEarlyDay);
  // The payment that paid the last of it: the latest one that spent anything on the loan.
  const last = allocations.findLast((a) => a.amount > a.unapplied);
  return last?.date ?? null;
}

export function computeStatement(input: StatementInput): Statement {
  const asOfDay = toDayNumber(input.asOf);
  const ledger = openLedger(input);
  const { accounts, charges } = ledger;
  const allocations = applyPayments(ledger, input.payments, asOfDay);

  const overdue = { principal: 0, interest: 0, penalty: 0 };
  const totalPaid = { principal: 0, interest: 0, penalty: 0, charges: 0, fee: ledger.feePaid };
  let outstandingPrincipal = 0;
  const installments = accounts.map((account): InstallmentStatement => {
    const { n, dueDate, principal, interest } = account.installment;
    const penaltyDue = account.penaltyDueOn(asOfDay);
    const status = statusOn(account, asOfDay, ledger.settledEarlyDay);
    if (status === 'overdue') {
      overdue.principal += account.unpaidPrincipal;
      overdue.interest += account.unpaidInterest;
    }
    overdue.penalty += penaltyDue;
    outstandingPrincipal += account.unpaidPrincipal;
    totalPaid.principal += account.paidPrincipal;
    totalPaid.interest += account.paidInterest;
    totalPaid.penalty += account.paidPenalty;
    return {
      n,
      dueDate,
      principal,
      interest,
      total: principal + interest,
      paidPrincipal: account.paidPrincipal,
      paidInterest: account.paidInterest,
      paidPenalty: account.paidPenalty,
      penaltyDue,
      interestCancelled: account.interestCancelled,
      status,
    };
  });
  totalPaid.charges = charges.reduce((sum, c) => sum + c.paid, 0);

  // Installments are in due-date order, so the first unpaid one is the oldest.
  const oldestUnpaid = accounts.find((a) => !a.isPaid);
  const dpdReason: DpdReason | null =
    oldestUnpaid && oldestUnpaid.dueDay < asOfDay
      ? {
          installment: oldestUnpaid.installment.n,
          dueDate: oldestUnpaid.dueDate,
          daysPastDue: asOfDay - oldestUnpaid.dueDay,
        }
      : null;
  const daysPastDue = dpdReason?.daysPastDue ?? 0;
  const next = accounts.find((a) => !a.isPaid && a.dueDay >= asOfDay);
  const chargesOutstanding = chargesOwedOn(charges, asOfDay);

  return {
    asOf: input.asOf,
    daysPastDue,
    bucket: bucketOf(daysPastDue),
    dpdReason,
    outstandingPrincipal,
    overdue,
    unapplied: allocations.reduce((sum, a) => sum + a.unapplied, 0),
    chargesOutstanding,
    installments,
    allocations,
    oldestUnpaidDueDate: oldestUnpaid?.dueDate ?? null,
    nextDue: next ? { dueDate: next.dueDate, amount: next.unpaid } : null,
    payoff: payoffOn(accounts, ledger.periodStarts, asOfDay, chargesOutstanding, ledger.prepayment),
    settledOn: settledOnOf(ledger, allocations, asOfDay),
    totalPaid,
  };
}

/**
 * How a payment would be split if it were posted: the statement as of its date, with it added
 * after every payment already known for that date. Later payments cannot change the split.
 */
export function previewPayment(input: StatementInput, payment: Payment): PaymentAllocation {
  const payments = [...input.payments, payment];
  const { allocations } = computeStatement({ ...input, payments, asOf: payment.date });
  const allocation = allocations.find((a) => a.index === payments.length - 1);
  if (!allocation) throw new Error('unreachable: the previewed payment is dated on the statement date');
  return allocation;
}
