/**
 * Where a loan stands on the day it is restructured, cut into what the new schedule version
 * carries over unchanged and what the plan re-plans.
 *
 * The rule that makes a new version reconcile with the money already received: the statement
 * engine replays every payment on whatever schedule is active, oldest installment first, so the
 * rows before the plan's own must absorb exactly the money paid so far —
 *  - carried rows are original installments kept as they are (due dates and amounts), so the
 *    replay allocates to them exactly as before, penalty included;
 *  - the first re-planned installment may have been partly paid: what was paid on it (its paid
 *    principal, and its paid interest + paid penalty as "interest") becomes a settled row due on
 *    the restart date. Payments reach it before that date, when no penalty can accrue, so they pay
 *    it off exactly and nothing spills onto the plan's installments;
 *  - everything else still owed (unpaid principal and interest, and the penalty due on the as-of
 *    date) is what the plan re-plans, so it is neither lost nor counted twice.
 */
import { compareDates, type IsoDate } from '../../dates/civil';
import type { Minor } from '../../money/amount';
import type { ScheduledInstallment } from '../schedule';
import type { InstallmentStatement, Statement } from '../statement';

export interface LoanPosition {
  asOf: IsoDate;
  /** Original installments the new version keeps as they are. */
  carried: ScheduledInstallment[];
  /** Money already paid on the first re-planned installment, as a paid-off row; null if none. */
  settled: ScheduledInstallment | null;
  /** The unpaid rest of the re-planned installments that were overdue on the as-of date. */
  overdue: { principal: Minor; interest: Minor; penalty: Minor };
  /** The unpaid rest of the re-planned installments not yet overdue, in due-date order. */
  upcoming: ScheduledInstallment[];
  /** How many re-planned installments still had something unpaid. */
  unpaidCount: number;
  /** The latest of the as-of date and the carried and settled rows' due dates: plans count from here. */
  restartDate: IsoDate;
  /** Principal still owed on the as-of date, overdue or not. */
  outstandingPrincipal: Minor;
  /**
   * What clears the loan on the as-of date, as the engine's payoff says (principal, interest
   * earned to that day, penalty, any prepayment fee), less the charges a plan leaves as they are.
   */
  payoff: Minor;
}

const asRow = (i: InstallmentStatement): ScheduledInstallment => ({
  n: i.n,
  dueDate: i.dueDate,
  principal: i.principal,
  interest: i.interest,
});

const paidOn = (i: InstallmentStatement): Minor => i.paidPrincipal + i.paidInterest + i.paidPenalty;

/**
 * `keepThrough`: installments due on or before this date stay as they are even if unpaid (a rate
 * change leaves arrears alone); null re-plans every installment not fully paid.
 */
export function positionOf(statement: Statement, keepThrough: IsoDate | null = null): LoanPosition {
  const rows = statement.installments;
  let k = 0;
  while (k < rows.length) {
    const row = rows[k]!;
    const keep =
      row.status === 'paid' || (keepThrough !== null && compareDates(row.dueDate, keepThrough) <= 0);
    if (!keep) break;
    k++;
  }
  // Zero-amount tail rows (a tiny loan paid off early by rounding) are "paid" but owe nothing; they
  // are dropped with the rest of the re-planned part.
  const carried = rows.slice(0, k).map(asRow);
  const replanned = rows.slice(k);
  const first = replanned[0];
  const lastCarriedDue = carried.at(-1)?.dueDate ?? statement.asOf;
  const restartDate = compareDates(lastCarriedDue, statement.asOf) > 0 ? lastCarriedDue : statement.asOf;
  const settled =
    first && paidOn(first) > 0
      ? {
          n: first.n,
          dueDate: restartDate,
          principal: first.paidPrincipal,
          interest: first.paidInterest + first.paidPenalty,
        }
      : null;

  const overdue = { principal: 0, interest: 0, penalty: 0 };
  const upcoming: ScheduledInstallment[] = [];
  let unpaidCount = 0;
  for (const row of replanned) {
    const principal = row.principal - row.paidPrincipal;
    const interest = row.interest - row.paidInterest;
    overdue.penalty += row.penaltyDue;
    if (principal + interest === 0) continue;
    unpaidCount++;
    if (row.status === 'overdue') {
      overdue.principal += principal;
      overdue.interest += interest;
    } else {
      upcoming.push({ n: row.n, dueDate: row.dueDate, principal, interest });
    }
  }
  return {
    asOf: statement.asOf,
    carried,
    settled,
    overdue,
    upcoming,
    unpaidCount,
    restartDate,
    outstandingPrincipal: statement.outstandingPrincipal,
    payoff: statement.payoff.total - statement.payoff.charges,
  };
}
