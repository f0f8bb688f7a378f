import { lastDayOfMonth, monthOf, addMonthsClamped, addDays } from '../../../shared/dates';
import type Database from 'better-sqlite3';
import type { LoanStatus, Product } from '../../../shared/contract';
import { BOOK_STATUSES, monthOfLoan } from '../../../shared/reports/monthly';
import type { Statement } from '../../../shared/engine';
import { statementOf } from '../loans/loan-status';
import type { Db } from '../loans/loan.repository';
import { loadWholeBook, statusOn, type BookLoan } from './book-snapshot';
import type { LoanMonthEndsTable } from './tables';

/** Loans per transaction: small enough that a payment keyed in meanwhile waits only briefly. */
const CHUNK = 500;

export interface MonthEndsProgress {
  done: number;
  total: number;
}

/**
 * The build in flight per database, so a second caller (the dashboard opened twice, a report)
 * joins it instead of computing the same loans again, and the screen can show its progress.
 */
const building = new WeakMap<
  object,
  { through: string; progress: MonthEndsProgress; done: Promise<number> }
>();

/** How far the month-end build in flight has got; null when nothing is being built. */
export function monthEndsProgress(db: Db): MonthEndsProgress | null {
  const running = building.get(db);
  // A copy: the build keeps counting after the answer has left.
  return running ? { ...running.progress } : null;
}

const nextMonth = (month: string) => monthOf(addMonthsClamped(`${month}-01`, 1));
const inBook = (status: LoanStatus | null) => status !== null && BOOK_STATUSES.includes(status);

/**
 * Brings every loan's month-end rows up to `through` (a completed month). Only loans whose
 * watermark is behind are computed — after the first run that is the month that just ended, or
 * the loans a back-dated change touched. Each chunk is one transaction that reads and writes the
 * same loans, so a row always matches the book it was computed from.
 */
export async function keepMonthEndsThrough(db: Db, through: string): Promise<number> {
  const running = building.get(db);
  if (running) {
    await running.done;
    if (running.through >= through) return 0;
  }
  const progress = { done: 0, total: 0 };
  const done = build(db, through, progress);
  building.set(db, { through, progress, done });
  try {
    return await done;
  } finally {
    building.delete(db);
  }
}

async function build(db: Db, through: string, progress: MonthEndsProgress): Promise<number> {
  const stale = await db
    .selectFrom('loan_status as s')
    .innerJoin('loans as l', 'l.id', 's.loan_id')
    .select('l.id')
    .where('l.status', '<>', 'draft')
    .where('l.start_date', '<=', lastDayOfMonth(through))
    .where((eb) => eb.or([eb('s.month_ends_through', 'is', null), eb('s.month_ends_through', '<', through)]))
    .orderBy('l.id')
    .execute();
  const ids = stale.map((r) => r.id);
  progress.total = ids.length;
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    await db.transaction().execute(async (trx) => {
      const marks = new Map(
        (
          await trx
            .selectFrom('loan_status')
            .select(['loan_id', 'month_ends_through'])
            .where('loan_id', 'in', chunk)
            .execute()
        ).map((r) => [r.loan_id, r.month_ends_through]),
      );
      const rows: LoanMonthEndsTable[] = [];
      for (const loan of await loadWholeBook(trx, chunk)) {
        rows.push(...monthEndRows(loan, marks.get(loan.book.loan.id) ?? null, through));
      }
      await trx
        .deleteFrom('loan_month_ends')
        .where(({ eb, and, or }) =>
          or(
            chunk.map((id) => {
              const mark = marks.get(id);
              return mark ? and([eb('loan_id', '=', id), eb('month', '>', mark)]) : eb('loan_id', '=', id);
            }),
          ),
        )
        .execute();
      // SQLite caps bound parameters per statement; 14 columns × 500 rows stays well under it.
      for (let r = 0; r < rows.length; r += 500) {
        await trx
          .insertInto('loan_month_ends')
          .values(rows.slice(r, r + 500))
          .execute();
      }
      await trx
        .updateTable('loan_status')
        .set({ month_ends_through: through })
        .where('loan_id', 'in', chunk)
        .execute();
    });
    progress.done = Math.min(i + CHUNK, ids.length);
    // Let a waiting request (the UI's next click) in between chunks.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return ids.length;
}

/**
 * One loan's rows for the months after `mark` through `through`. A month in which the loan was
 * out of the book at both ends and received nothing adds nothing to any figure, so it gets no
 * row: a loan paid off years ago costs nothing per month.
 */
function monthEndRows(loan: BookLoan, mark: string | null, through: string): LoanMonthEndsTable[] {
  const startMonth = monthOf(loan.book.loan.start_date);
  let month = mark && mark >= startMonth ? nextMonth(mark) : startMonth;
  const dayBefore = addDays(`${month}-01`, -1);
  let previous: { statement: Statement; status: LoanStatus } | null =
    loan.book.loan.start_date <= dayBefore
      ? { statement: statementOf(loan.book, dayBefore), status: statusOn(loan, dayBefore) }
      : null;
  const rows: LoanMonthEndsTable[] = [];
  for (; month <= through; month = nextMonth(month)) {
    const end = lastDayOfMonth(month);
    const statement = statementOf(loan.book, end);
    const status = statusOn(loan, end);
    const m = monthOfLoan(previous?.statement ?? null, statement, `${month}-01`);
    if (inBook(previous?.status ?? null) || inBook(status) || m.collected.payments > 0 || !previous) {
      rows.push({
        loan_id: loan.book.loan.id,
        month,
        status,
        days_past_due: statement.daysPastDue,
        outstanding_principal: statement.outstandingPrincipal,
        overdue_principal: statement.overdue.principal,
        overdue_interest: statement.overdue.interest,
        penalty_due: statement.overdue.penalty,
        collected_penalty: m.collected.penalty,
        collected_interest: m.collected.interest,
        collected_principal: m.collected.principal,
        collected_charges: m.collected.charges,
        payments: m.collected.payments,
        recovered: m.recovered,
      });
    }
    previous = { statement, status };
  }
  return rows;
}

/** A loan's month as the report reads it from the cache: its two month-end rows and its loan facts. */
export interface MonthEndPair {
  loanId: number;
  number: string;
  product: Product;
  borrowerId: number;
  borrowerName: string;
  idNumber: string;
  startDate: string;
  upfrontFee: number;
  end: MonthEndFigures;
  /** The row of the month before, when the loan had one (it was in the book or paid something). */
  start: MonthEndFigures | null;
}

export interface MonthEndFigures {
  status: LoanStatus;
  daysPastDue: number;
  outstandingPrincipal: number;
  overdue: { principal: number; interest: number; penalty: number };
  collected: { penalty: number; interest: number; principal: number; charges: number; payments: number };
  recovered: number;
}

const FIGURES = [
  'status',
  'days_past_due',
  'outstanding_principal',
  'overdue_principal',
  'overdue_interest',
  'penalty_due',
  'collected_penalty',
  'collected_interest',
  'collected_principal',
  'collected_charges',
  'payments',
  'recovered',
] as const;

function figuresAt(row: unknown[], at: number): MonthEndFigures | null {
  const v = row.slice(at, at + FIGURES.length) as [LoanStatus | null, ...number[]];
  if (v[0] === null) return null;
  const [
    status,
    dpd,
    outstanding,
    principal,
    interest,
    penalty,
    cPenalty,
    cInterest,
    cPrincipal,
    cCharges,
    payments,
    recovered,
  ] = v as [LoanStatus, ...number[]];
  return {
    status,
    daysPastDue: dpd!,
    outstandingPrincipal: outstanding!,
    overdue: { principal: principal!, interest: interest!, penalty: penalty! },
    collected: {
      penalty: cPenalty!,
      interest: cInterest!,
      principal: cPrincipal!,
      charges: cCharges!,
      payments: payments!,
    },
    recovered: recovered!,
  };
}

/**
 * The month-end rows of `month` and of the month before, with what the report needs of each
 * loan. The query is built with Kysely but read as arrays: at 100k loans, making a 30-key object
 * per row cost more than the query itself.
 */
export function monthEndPairs(db: Db, sqlite: Database.Database, month: string): MonthEndPair[] {
  const before = monthOf(addDays(`${month}-01`, -1));
  const { sql: text, parameters } = db
    .selectFrom('loan_month_ends as e')
    .innerJoin('loans as l', 'l.id', 'e.loan_id')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .leftJoin('loan_month_ends as p', (j) =>
      j.onRef('p.loan_id', '=', 'e.loan_id').on('p.month', '=', before),
    )
    .select([
      'e.loan_id',
      'l.number',
      'l.product',
      'l.borrower_id',
      'b.name',
      'b.id_number',
      'l.start_date',
      'l.upfront_fee',
      ...FIGURES.map((c) => `e.${c}` as const),
      ...FIGURES.map((c) => `p.${c}` as const),
    ])
    .where('e.month', '=', month)
    .orderBy('e.loan_id')
    .compile();
  const rows = sqlite
    .prepare(text)
    .raw()
    .all(...(parameters as unknown[])) as unknown[][];
  return rows.map((r) => ({
    loanId: r[0] as number,
    number: r[1] as string,
    product: r[2] as Product,
    borrowerId: r[3] as number,
    borrowerName: r[4] as string,
    idNumber: r[5] as string,
    startDate: r[6] as string,
    upfrontFee: r[7] as number,
    end: figuresAt(r, 8)!,
    start: figuresAt(r, 8 + FIGURES.length),
  }));
}
