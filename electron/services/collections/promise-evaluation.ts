import { addDays } from '../../../shared/dates';
import type { PromiseStatus } from '../../../shared/contract/collections';

export interface PromiseTerms {
  amount: number;
  madeOn: string;
  dueDate: string;
}

/**
 * Kept once effective payments dated from the day the promise was made through its date plus
 * the tolerance cover the amount; broken once that window has closed without them; pending
 * until then. Reversed payments never count (callers pass effectivePayments).
 */
export function evaluatePromise(
  promise: PromiseTerms,
  payments: readonly { date: string; amount: number }[],
  today: string,
  toleranceDays: number,
): { status: PromiseStatus; paidTowards: number } {
  const windowEnd = addDays(promise.dueDate, toleranceDays);
  const paidTowards = payments
    .filter((p) => p.date >= promise.madeOn && p.date <= windowEnd && p.date <= today)
    .reduce((sum, p) => sum + p.amount, 0);
  if (paidTowards >= promise.amount) return { status: 'kept', paidTowards };
  return { status: today > windowEnd ? 'broken' : 'pending', paidTowards };
}
