import { addMonthsClamped, compareDates } from '../../../shared/dates/civil';
import { spreadEvenly, type PlanComparison } from '../../../shared/engine/plans';
import type { PlanSpecInput } from '../../../shared/contract/plans';
import { installmentsOf } from '../loans/loan.repository';
import { type Db } from '../../db/db';

/** A comparison as stored; those saved before the regular/arrears split lack `installmentSplit`. */
export type StoredComparison = Omit<PlanComparison, 'installmentSplit'> & Partial<PlanComparison>;

interface StoredPlan {
  type: string;
  params: string;
  as_of: string;
  version_id: number | null;
  carried_rows: number | null;
}

/**
 * The monthly installment of an approved arrears plan stored before "New installment" meant what
 * the borrower pays a month (it was the plan's first row, often a regular installment alone).
 * Everything needed is in the book: the arrears installments are the stored arrears spread as
 * the plan engine spreads them, the first due a month after the restart date (the approval day,
 * or the last carried row's due date if later), and the month's total is in the plan's version.
 * Any other stored comparison just gets no split.
 */
export async function withMonthlyInstallment(
  db: Db,
  plan: StoredPlan,
  stored: StoredComparison,
): Promise<PlanComparison> {
  if (stored.installmentSplit !== undefined) return { ...stored, installmentSplit: stored.installmentSplit };
  const spec = JSON.parse(plan.params) as PlanSpecInput;
  if (spec.type !== 'arrears-installments' || plan.version_id === null || plan.carried_rows === null) {
    return { ...stored, installmentSplit: null };
  }
  const rows = await installmentsOf(db, plan.version_id);
  const lastCarried = rows[plan.carried_rows - 1]?.dueDate;
  const restart = lastCarried && compareDates(lastCarried, plan.as_of) > 0 ? lastCarried : plan.as_of;
  const month = addMonthsClamped(restart, 1).slice(0, 7);
  const { before, penaltyWaived } = stored;
  const arrears =
    spreadEvenly(before.overduePrincipal, spec.months)[0]! +
    spreadEvenly(before.overdueInterest + before.penalty - penaltyWaived, spec.months)[0]!;
  const total = rows
    .slice(plan.carried_rows)
    .filter((r) => r.dueDate.startsWith(month))
    .reduce((sum, r) => sum + r.principal + r.interest, 0);
  return { ...stored, installmentAmount: total, installmentSplit: { regular: total - arrears, arrears } };
}
