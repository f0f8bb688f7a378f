/**
 * Interest earned and not yet paid on a day: what the accrual basis carries as interest
 * receivable (应收利息). Installments due by the day earn all their interest (less any cancelled at
 * an early settlement); the running period earns its interest day by day, to the day, whatever
 * the loan's prepayment rule; later installments earn nothing yet. Interest paid ahead counts
 * against it, so the receivable may be negative (interest received in advance).
 */
import { toDayNumber, type IsoDate } from '../dates/civil';
import type { Minor } from '../money/amount';
import { toMinor } from '../money/amount';
import { roundHalfUpDiv } from '../money/ratio';
import type { Statement } from '../engine/statement';

export function interestReceivable(statement: Statement, startDate: IsoDate): Minor {
  const day = toDayNumber(statement.asOf);
  // Each installment's period runs from the previous due date (the start for the first);
  // installments due the same day share a period, as `periodStartDays` has it.
  let start = toDayNumber(startDate);
  let lastDue = start;
  let runningDue: number | undefined;
  let receivable = 0;
  for (const i of statement.installments) {
    const due = toDayNumber(i.dueDate);
    if (due > lastDue) {
      start = lastDue;
      lastDue = due;
    }
    let earned: Minor;
    if (due <= day || i.status === 'settled') {
      earned = i.interest - i.interestCancelled;
    } else if ((runningDue ??= due) === due) {
      const periodStart = Math.min(start, due);
      const length = due - periodStart;
      const elapsed = Math.min(Math.max(day - periodStart, 0), length);
      earned =
        length <= 0
          ? i.interest
          : toMinor(roundHalfUpDiv(BigInt(i.interest) * BigInt(elapsed), BigInt(length)));
    } else {
      earned = 0;
    }
    receivable += earned - i.paidInterest;
  }
  return receivable;
}
