import { sql } from 'kysely';
import { maskIdNumber } from '../../../shared/privacy/mask';
import type { LoanStatus, Product } from '../../../shared/contract';
import { loadLoanBooks, type LoanBook } from '../loans/loan-status';
import type { Db } from '../loans/loan.repository';

export interface BookLoan {
  book: LoanBook;
  product: Product;
  borrowerId: number;
  borrowerName: string;
  borrowerIdMasked: string;
  /** Status changes, oldest first: [changed_on, to_status]. */
  history: [string, LoanStatus][];
}

/**
 * Every non-draft loan (or those of `only`) with its book and its status history: reports walk
 * the whole book, so the books come in bulk (`loadLoanBooks`), a few queries per 500 loans.
 */
export async function loadWholeBook(db: Db, only?: readonly number[]): Promise<BookLoan[]> {
  if (only?.length === 0) return [];
  const loans = await db
    .selectFrom('loans as l')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .select(['l.id', 'l.product', 'l.borrower_id', 'b.name as borrower_name', 'b.id_number'])
    .where('l.status', '<>', 'draft')
    .$if(only !== undefined, (q) => q.where('l.id', 'in', only!))
    .orderBy('l.id')
    .execute();
  const books = await loadLoanBooks(
    db,
    loans.map((l) => l.id),
  );
  const changes = await db
    .selectFrom('loan_status_changes')
    .select(['loan_id', 'to_status', 'changed_on'])
    .$if(only !== undefined, (q) => q.where('loan_id', 'in', only!))
    .orderBy('loan_id')
    .orderBy(sql`changed_on`)
    .orderBy('id')
    .execute();
  const historyByLoan = groupByLoan(changes);

  return loans.map((l) => ({
    book: books.get(l.id)!,
    product: l.product,
    borrowerId: l.borrower_id,
    borrowerName: l.borrower_name,
    borrowerIdMasked: maskIdNumber(l.id_number),
    history: (historyByLoan.get(l.id) ?? []).map((c): [string, LoanStatus] => [
      c.changed_on,
      c.to_status as LoanStatus,
    ]),
  }));
}

/** The status a loan had at the end of `date`: its latest change on or before it, else its first. */
export function statusOn(loan: BookLoan, date: string): LoanStatus {
  let status = loan.history[0]?.[1] ?? loan.book.loan.status;
  for (const [on, to] of loan.history) {
    if (on > date) break;
    status = to;
  }
  return status;
}

/** Map.groupBy is not in Node 20. */
function groupByLoan<T extends { loan_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(row.loan_id);
    if (group) group.push(row);
    else groups.set(row.loan_id, [row]);
  }
  return groups;
}
