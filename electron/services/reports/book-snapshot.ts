import { sql } from 'kysely';
import { maskIdNumber } from '../../../shared/privacy/mask';
import type { LoanStatus, Product } from '../../../shared/contract';
import type { ScheduledInstallment } from '../../../shared/engine';
import type { LoanBook } from '../loans/loan-status';
import type { Db } from '../loans/loan.repository';
import { legalChargesByLoan } from '../collections/legal';

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
 * Every non-draft loan (or those of `only`) with its active schedule, its payments and its
 * status history, in four queries rather than four per loan: reports walk the whole book.
 */
export async function loadWholeBook(db: Db, only?: readonly number[]): Promise<BookLoan[]> {
  if (only?.length === 0) return [];
  const loans = await db
    .selectFrom('loans as l')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .selectAll('l')
    .select(['b.name as borrower_name', 'b.id_number'])
    .where('l.status', '<>', 'draft')
    .$if(only !== undefined, (q) => q.where('l.id', 'in', only!))
    .orderBy('l.id')
    .execute();
  const installments = await db
    .selectFrom('installments as i')
    .innerJoin('schedule_versions as v', 'v.id', 'i.version_id')
    .select([
      'v.loan_id',
      'v.id as version_id',
      'v.version',
      'i.n',
      'i.due_date',
      'i.principal',
      'i.interest',
    ])
    .where('v.is_active', '=', 1)
    .$if(only !== undefined, (q) => q.where('v.loan_id', 'in', only!))
    .orderBy('v.loan_id')
    .orderBy('i.n')
    .execute();
  const payments = await db
    .selectFrom('payments')
    .selectAll()
    .$if(only !== undefined, (q) => q.where('loan_id', 'in', only!))
    .orderBy('id')
    .execute();
  const changes = await db
    .selectFrom('loan_status_changes')
    .select(['loan_id', 'to_status', 'changed_on'])
    .$if(only !== undefined, (q) => q.where('loan_id', 'in', only!))
    .orderBy('loan_id')
    .orderBy(sql`changed_on`)
    .orderBy('id')
    .execute();

  const schedules = new Map<number, { versionId: number; version: number; items: ScheduledInstallment[] }>();
  for (const r of installments) {
    let s = schedules.get(r.loan_id);
    if (!s) schedules.set(r.loan_id, (s = { versionId: r.version_id, version: r.version, items: [] }));
    s.items.push({ n: r.n, dueDate: r.due_date, principal: r.principal, interest: r.interest });
  }
  const paymentsByLoan = groupByLoan(payments);
  const historyByLoan = groupByLoan(changes);
  const chargesByLoan = await legalChargesByLoan(db);

  return loans.flatMap((l) => {
    const schedule = schedules.get(l.id);
    if (!schedule) return [];
    const { borrower_name, id_number, ...loan } = l;
    return [
      {
        book: {
          loan,
          versionId: schedule.versionId,
          version: schedule.version,
          installments: schedule.items,
          paymentRows: paymentsByLoan.get(l.id) ?? [],
          charges: chargesByLoan.get(l.id) ?? [],
        },
        product: l.product,
        borrowerId: l.borrower_id,
        borrowerName: borrower_name,
        borrowerIdMasked: maskIdNumber(id_number),
        history: (historyByLoan.get(l.id) ?? []).map((c): [string, LoanStatus] => [
          c.changed_on,
          c.to_status as LoanStatus,
        ]),
      },
    ];
  });
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
