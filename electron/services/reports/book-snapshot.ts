import { sql } from 'kysely';
import { maskIdNumber } from '../../../shared/privacy/mask';
import type { LoanStatus, Product } from '../../../shared/contract';
import type { ScheduledInstallment, Statement } from '../../../shared/engine';
import { loadManyLoanRecords, type LoanRecords } from '../loans/loan-records';
import { statementOf } from '../loans/statement';
import { installmentsOfVersions } from '../loans/loan.repository';
import { type Db } from '../../db/db';

export interface BookLoan {
  book: LoanRecords;
  product: Product;
  borrowerId: number;
  borrowerName: string;
  borrowerIdMasked: string;
  /** Status changes, oldest first: [changed_on, to_status]. */
  history: [string, LoanStatus][];
  /**
   * Every schedule version, oldest first, when the loan has had more than one (a plan, a
   * lapse, an updated import); empty when its contract is all it ever had.
   */
  schedules: DatedSchedule[];
}

/** A schedule version and the day it came into force. */
export interface DatedSchedule {
  versionId: number;
  version: number;
  effectiveFrom: string;
  installments: ScheduledInstallment[];
}

/**
 * Every non-draft loan (or those of `only`) with its book and its status history: reports walk
 * the whole book, so the books come in bulk (`loadManyLoanRecords`), a few queries per 500 loans.
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
  const books = await loadManyLoanRecords(
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
  const schedulesByLoan = await loadSchedules(db, only, books);

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
    schedules: schedulesByLoan.get(l.id) ?? [],
  }));
}

/** The versions of the loans that have had more than one; the active one's rows come from its book. */
async function loadSchedules(
  db: Db,
  only: readonly number[] | undefined,
  books: ReadonlyMap<number, LoanRecords>,
): Promise<Map<number, DatedSchedule[]>> {
  const versions = await db
    .selectFrom('schedule_versions')
    .select(['id', 'loan_id', 'version', 'effective_from'])
    .where('loan_id', 'in', (eb) =>
      eb
        .selectFrom('schedule_versions')
        .select('loan_id')
        .$if(only !== undefined, (q) => q.where('loan_id', 'in', only!))
        .groupBy('loan_id')
        .having((h) => h.fn.countAll(), '>', 1),
    )
    .orderBy('loan_id')
    .orderBy('version')
    .execute();
  const retired = versions.filter((v) => books.get(v.loan_id)?.versionId !== v.id).map((v) => v.id);
  const rows = new Map<number, ScheduledInstallment[]>();
  for (let i = 0; i < retired.length; i += 500) {
    for (const [id, list] of await installmentsOfVersions(db, retired.slice(i, i + 500))) rows.set(id, list);
  }
  const byLoan = new Map<number, DatedSchedule[]>();
  for (const v of versions) {
    const book = books.get(v.loan_id);
    if (!book) continue;
    const schedule: DatedSchedule = {
      versionId: v.id,
      version: v.version,
      effectiveFrom: v.effective_from,
      installments: v.id === book.versionId ? book.installments : (rows.get(v.id) ?? []),
    };
    const list = byLoan.get(v.loan_id);
    if (list) list.push(schedule);
    else byLoan.set(v.loan_id, [schedule]);
  }
  return byLoan;
}

/**
 * The loan's book as it stood on `date`: the schedule version in force that day — the latest
 * one effective on or before it (a plan from its approval day), else the first. A version made
 * later never reaches back into a day before it took effect.
 */
export function bookOn(loan: BookLoan, date: string): LoanRecords {
  if (loan.schedules.length === 0) return loan.book;
  let inForce = loan.schedules[0]!;
  for (const s of loan.schedules) if (s.effectiveFrom <= date) inForce = s;
  if (inForce.versionId === loan.book.versionId) return loan.book;
  return {
    ...loan.book,
    versionId: inForce.versionId,
    version: inForce.version,
    installments: inForce.installments,
  };
}

/** The loan's position at the end of `date`, on the schedule in force that day. */
export function statementOn(loan: BookLoan, date: string): Statement {
  return statementOf(bookOn(loan, date), date);
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
