/**
 * What each kind of plan turns the re-planned part of a loan into. Every amount comes from the
 * schedule builder or from one `roundHalfUpDiv`; nothing here has a rounding rule of its own.
 */
import { addMonthsClamped, compareDates } from '../../dates/civil';
import { toMinor, type Minor } from '../../money/amount';
import { Ratio, roundHalfUpDiv } from '../../money/ratio';
import { monthlyRateOf } from '../rates';
import { buildSchedule, type ScheduledInstallment } from '../schedule';
import type { LoanPosition } from './position';
import { planRefusal } from './refusal';
import type { PlanLoan, PlanSpec } from './types';

export interface PlanDraft {
  /** Arrears that stay owed on the restart date (an extension that keeps them). */
  dueNow: ScheduledInstallment | null;
  /** The plan's own installments, in due-date order (numbered later). */
  installments: ScheduledInstallment[];
  capitalized: Minor;
  penaltyWaived: Minor;
  /** Penalty moved into a principal or interest component, so it stops being "penalty". */
  penaltyCrystallized: Minor;
  writtenOff: Minor;
  /** An arrears plan's own arrears installments, before they are merged into `installments`. */
  arrears: readonly ScheduledInstallment[];
}

const NO_EXTRAS = {
  dueNow: null,
  capitalized: 0,
  penaltyWaived: 0,
  penaltyCrystallized: 0,
  writtenOff: 0,
  arrears: [],
};

/** total split into n parts of round(total/n), the last taking what is left (never below zero). */
export function spreadEvenly(total: Minor, n: number): Minor[] {
  const level = toMinor(roundHalfUpDiv(BigInt(total), BigInt(n)));
  let left = total;
  return Array.from({ length: n }, (_, i) => {
    const part = i === n - 1 ? left : Math.min(level, left);
    left -= part;
    return part;
  });
}

/** Combines two due-date ordered lists; installments due on the same day become one. */
function mergeByDate(
  a: readonly ScheduledInstallment[],
  b: readonly ScheduledInstallment[],
): ScheduledInstallment[] {
  const all = [...a, ...b].sort((x, y) => compareDates(x.dueDate, y.dueDate));
  const merged: ScheduledInstallment[] = [];
  for (const row of all) {
    const last = merged.at(-1);
    if (last && last.dueDate === row.dueDate) {
      merged[merged.length - 1] = {
        ...last,
        principal: last.principal + row.principal,
        interest: last.interest + row.interest,
      };
    } else merged.push({ ...row });
  }
  return merged;
}

function requireOpen(pos: LoanPosition): void {
  if (pos.payoff === 0) throw planRefusal('loan', 'plan.fullyPaid');
}

/**
 * 分期: the arrears — overdue principal, overdue interest and the penalty not waived — are spread
 * evenly over `months` monthly installments from the restart date. The arrears carry no further
 * interest; the penalty kept becomes part of the installments' interest, so the new version
 * accrues penalty only on missed plan payments.
 *
 * With `regular: 'keep'` the arrears ride on top of the regular installments still to come. With
 * 'suspend' they are paid instead of them: every regular installment due after the restart date
 * moves `months` months later (an installment due on the restart date itself is due now and stays),
 * so maturity moves by `months` months too. As with a holiday's 'defer', the suspended months cost
 * simple interest — a month's interest on the principal of the moved installments, per month —
 * added to the last installment; the moved installments keep their own amounts.
 */
function arrearsInstallments(
  pos: LoanPosition,
  loan: PlanLoan,
  spec: Extract<PlanSpec, { type: 'arrears-installments' }>,
): PlanDraft {
  const { months, waivePenaltyPercent } = spec;
  const waiver = Ratio.fromDecimal(waivePenaltyPercent);
  if (waiver.sign() < 0 || waiver.compare(Ratio.fromInteger(100)) > 0) {
    throw planRefusal('plan.waivePenaltyPercent', 'plan.waiverRange', { got: waivePenaltyPercent });
  }
  const { principal, interest, penalty } = pos.overdue;
  const penaltyWaived = toMinor(roundHalfUpDiv(BigInt(penalty) * waiver.num, 100n * waiver.den));
  const penaltyKept = penalty - penaltyWaived;
  if (principal + interest + penaltyKept === 0) {
    throw planRefusal('plan.type', 'plan.noArrears');
  }
  const principalParts = spreadEvenly(principal, months);
  const chargeParts = spreadEvenly(interest + penaltyKept, months);
  const arrears = principalParts.map((p, i) => ({
    n: i + 1,
    dueDate: addMonthsClamped(pos.restartDate, i + 1),
    principal: p,
    interest: chargeParts[i]!,
  }));
  const regular = spec.regular === 'suspend' ? suspended(pos, loan, months) : pos.upcoming;
  return {
    ...NO_EXTRAS,
    installments: mergeByDate(regular, arrears),
    arrears,
    penaltyWaived,
    penaltyCrystallized: penaltyKept,
  };
}

/** The regular installments after `months` suspended months, the last carrying their interest. */
function suspended(pos: LoanPosition, loan: PlanLoan, months: number): ScheduledInstallment[] {
  const moved = (row: ScheduledInstallment) => compareDates(row.dueDate, pos.restartDate) > 0;
  const rows = pos.upcoming.map((row) =>
    moved(row) ? { ...row, dueDate: addMonthsClamped(row.dueDate, months) } : row,
  );
  const r = monthlyRateOf(loan.annualRatePercent);
  const movedPrincipal = pos.upcoming.filter(moved).reduce((sum, row) => sum + row.principal, 0);
  const suspensionInterest = toMinor(roundHalfUpDiv(BigInt(movedPrincipal) * r.num, r.den) * BigInt(months));
  const last = rows.at(-1);
  if (last && suspensionInterest > 0) {
    rows[rows.length - 1] = { ...last, interest: last.interest + suspensionInterest };
  }
  return rows;
}

/**
 * 展期: all principal still owed (overdue included) is re-amortized over `months` installments,
 * the first one month after the restart date. Overdue interest and penalty either stay due on the
 * restart date ('keep') or join the principal ('capitalize').
 */
function extension(
  pos: LoanPosition,
  loan: PlanLoan,
  spec: Extract<PlanSpec, { type: 'extension' }>,
): PlanDraft {
  const arrears = pos.overdue.interest + pos.overdue.penalty;
  const capitalized = spec.arrears === 'capitalize' ? arrears : 0;
  const principal = pos.outstandingPrincipal + capitalized;
  if (principal === 0) throw planRefusal('plan.type', 'plan.noPrincipal');
  const installments = buildSchedule({
    method: spec.method ?? loan.method,
    principal,
    annualRatePercent: spec.annualRatePercent ?? loan.annualRatePercent,
    months: spec.months,
    startDate: pos.restartDate,
  });
  const dueNow =
    spec.arrears === 'keep' && arrears > 0
      ? { n: 0, dueDate: pos.restartDate, principal: 0, interest: arrears }
      : null;
  return { ...NO_EXTRAS, dueNow, installments, capitalized, penaltyCrystallized: pos.overdue.penalty };
}

/**
 * 宽限期: nothing is due for `months` months; then the principal is re-amortized with the loan's
 * method over as many installments as were still unpaid. Interest for the holiday is a month's
 * interest per month; with 'capitalize' it compounds into the principal (and so do the overdue
 * interest and penalty), with 'defer' it is simple interest on the principal, added with the
 * overdue interest and penalty to the last installment.
 */
function holiday(pos: LoanPosition, loan: PlanLoan, months: number, mode: 'capitalize' | 'defer'): PlanDraft {
  const r = monthlyRateOf(loan.annualRatePercent);
  const arrears = pos.overdue.interest + pos.overdue.penalty;
  const monthInterest = (balance: bigint) => roundHalfUpDiv(balance * r.num, r.den);
  let balance = BigInt(pos.outstandingPrincipal);
  let deferred = 0n;
  if (mode === 'capitalize') {
    balance += BigInt(arrears);
    for (let m = 0; m < months; m++) balance += monthInterest(balance);
  } else {
    deferred = BigInt(arrears) + monthInterest(balance) * BigInt(months);
  }
  if (balance === 0n) throw planRefusal('plan.type', 'plan.nothingAfterHoliday');
  const installments = buildSchedule({
    method: loan.method,
    principal: toMinor(balance),
    annualRatePercent: loan.annualRatePercent,
    months: Math.max(1, pos.unpaidCount),
    startDate: addMonthsClamped(pos.restartDate, months),
  });
  const last = installments.at(-1)!;
  installments[installments.length - 1] = { ...last, interest: last.interest + toMinor(deferred) };
  return {
    ...NO_EXTRAS,
    installments,
    capitalized: toMinor(balance) - pos.outstandingPrincipal,
    penaltyCrystallized: pos.overdue.penalty,
  };
}

/**
 * Rate reduction: installments due on or before the as-of date stay as they are (arrears keep
 * accruing penalty as before); the principal of the installments still to come is re-amortized at
 * the new rate over the same due dates, the new rate applying to each of their whole periods.
 */
function rateChange(pos: LoanPosition, loan: PlanLoan, annualRatePercent: string): PlanDraft {
  if (loan.method === 'bullet') {
    throw planRefusal('plan.type', 'plan.bulletRate');
  }
  const principal = pos.upcoming.reduce((sum, row) => sum + row.principal, 0);
  if (principal === 0) throw planRefusal('plan.type', 'plan.nothingToReprice');
  const amounts = buildSchedule({
    method: loan.method,
    principal,
    annualRatePercent,
    months: pos.upcoming.length,
    startDate: pos.restartDate,
  });
  const installments = amounts.map((row, i) => ({ ...row, dueDate: pos.upcoming[i]!.dueDate }));
  return { ...NO_EXTRAS, installments };
}

/**
 * A discounted lump sum by `payBy`. Its principal part is at most the principal outstanding; the
 * rest of the amount counts as interest. Paid in full on time, the remainder is written off.
 */
function settlement(pos: LoanPosition, amount: Minor, payBy: string): PlanDraft {
  if (compareDates(payBy, pos.asOf) < 0) {
    throw planRefusal('plan.payBy', 'plan.payByBeforeAsOf', { asOf: pos.asOf });
  }
  if (amount <= 0) throw planRefusal('plan.amount', 'plan.amountNotPositive');
  if (amount > pos.payoff) {
    throw planRefusal('plan.amount', 'plan.amountAbovePayoff', {
      amount,
      payoff: pos.payoff,
      date: pos.asOf,
    });
  }
  const principal = Math.min(amount, pos.outstandingPrincipal);
  const dueDate = compareDates(payBy, pos.restartDate) < 0 ? pos.restartDate : payBy;
  const writtenOff = pos.payoff - amount;
  return {
    ...NO_EXTRAS,
    installments: [{ n: 1, dueDate, principal, interest: amount - principal }],
    penaltyWaived: Math.min(pos.overdue.penalty, writtenOff),
    writtenOff,
  };
}

export function draftPlan(pos: LoanPosition, loan: PlanLoan, spec: PlanSpec): PlanDraft {
  requireOpen(pos);
  if ('months' in spec && (!Number.isInteger(spec.months) || spec.months < 1)) {
    throw planRefusal('plan.months', 'plan.monthsInvalid');
  }
  switch (spec.type) {
    case 'arrears-installments':
      return arrearsInstallments(pos, loan, spec);
    case 'extension':
      return extension(pos, loan, spec);
    case 'holiday':
      return holiday(pos, loan, spec.months, spec.interest);
    case 'rate-change':
      return rateChange(pos, loan, spec.annualRatePercent);
    case 'settlement':
      return settlement(pos, spec.amount, spec.payBy);
  }
}
