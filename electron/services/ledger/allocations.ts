import type { Statement } from '../../../shared/engine';
import type { MonthAllocation } from '../../../shared/ledger/journal';
import { effectivePayments, type LoanRecords } from '../loans/loan-records';

/**
 * How each payment dated on or after `monthStart` was split, as the month-end cache keeps it for
 * the journal: the statement's allocations, named by payment id (the engine only knows their
 * position in the list it was given, which `statementInputOf` builds the same way).
 */
export function monthAllocations(
  book: LoanRecords,
  statement: Statement,
  monthStart: string,
): MonthAllocation[] {
  const payments = effectivePayments(book.paymentRows).filter((p) => p.date <= statement.asOf);
  const rows: MonthAllocation[] = [];
  for (const a of statement.allocations) {
    if (a.date < monthStart) continue;
    const id = payments[a.index]?.id;
    if (id === undefined) throw new Error(`allocation ${a.index} has no payment`);
    rows.push([id, a.date, a.principal, a.interest, a.penalty, a.charges, a.fee, a.unapplied, a.ref ?? '']);
  }
  return rows;
}
