/**
 * Is a plan being kept? Plan installments are judged like any other installment: each is kept if
 * the statement engine shows it paid by its due date plus the tolerance; one still unpaid after
 * that breaks the plan. Judging on the statement of that day (payments after it are not yet
 * known) means a late payment cannot make a broken installment "kept" afterwards.
 */
import { addDays, compareDates, type IsoDate } from '../../dates/civil';
import type { ScheduledInstallment, Statement } from '../index';

export interface PlanStanding {
  /** Plan installments kept in a row, counting from the first. */
  keptInARow: number;
  planInstallments: number;
  /** The first plan installment missed beyond the tolerance, if any. */
  missed: { n: number; dueDate: IsoDate } | null;
  /** Every plan installment is paid. */
  completed: boolean;
}

export function planStanding(
  version: readonly ScheduledInstallment[],
  carriedRows: number,
  statementAt: (date: IsoDate) => Statement,
  today: IsoDate,
  toleranceDays: number,
): PlanStanding {
  const planRows = version.slice(carriedRows);
  const now = statementAt(today);
  // An installment the loan's settlement paid early (and cancelled the unearned interest of) is kept.
  const paidIn = (s: Statement, index: number) =>
    ['paid', 'settled'].includes(s.installments[index]?.status ?? '');
  let keptInARow = 0;
  let missed: PlanStanding['missed'] = null;
  for (const [i, row] of planRows.entries()) {
    const index = carriedRows + i;
    const deadline = addDays(row.dueDate, toleranceDays);
    const judgedOn = compareDates(deadline, today) < 0 ? deadline : today;
    if (paidIn(judgedOn === today ? now : statementAt(judgedOn), index)) {
      keptInARow++;
      continue;
    }
    if (compareDates(deadline, today) < 0) missed = { n: row.n, dueDate: row.dueDate };
    break;
  }
  return {
    keptInARow,
    planInstallments: planRows.length,
    missed,
    completed: planRows.every((_, i) => paidIn(now, carriedRows + i)),
  };
}
