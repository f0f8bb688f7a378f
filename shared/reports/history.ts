import { daysBetween } from '../dates/civil';
import type { Statement } from '../engine/statement';

/**
 * A loan's days past due and outstanding principal on any earlier date, read from ONE engine
 * statement instead of one per date. Exact, because the engine applies payments in date order to
 * the oldest installment first: a payment's split never depends on later payments, so the
 * statement as of today contains every earlier day's allocations. An installment is fully paid
 * once the principal and interest allocated so far cover it and every installment before it.
 */
export interface LoanHistory {
  /** Days past due at the end of `date` (payments dated that day counted). */
  dpdOn(date: string): number;
  outstandingOn(date: string): number;
}

export function loanHistory(latest: Statement): LoanHistory {
  const installments = latest.installments;
  const scheduledPrincipal = installments.reduce((s, i) => s + i.principal, 0);
  // Date each installment's principal and interest were fully paid, or null.
  const paidOn: (string | null)[] = installments.map(() => null);
  let covered = 0; // principal + interest allocated so far
  let next = 0; // first installment not yet fully paid
  let owedThroughNext = installments[0] ? installments[0].principal + installments[0].interest : 0;
  const principalByDate: [string, number][] = [];
  for (const a of latest.allocations) {
    covered += a.principal + a.interest;
    principalByDate.push([a.date, a.principal]);
    while (next < installments.length && covered >= owedThroughNext) {
      paidOn[next] = a.date;
      next += 1;
      const following = installments[next];
      if (following) owedThroughNext += following.principal + following.interest;
    }
  }
  return {
    dpdOn(date) {
      for (let i = 0; i < installments.length; i++) {
        const inst = installments[i]!;
        if (inst.dueDate >= date) return 0;
        const paid = paidOn[i];
        if (paid === null || paid === undefined || paid > date) return daysBetween(inst.dueDate, date);
      }
      return 0;
    },
    outstandingOn(date) {
      let paid = 0;
      for (const [d, p] of principalByDate) if (d <= date) paid += p;
      return scheduledPrincipal - paid;
    },
  };
}
