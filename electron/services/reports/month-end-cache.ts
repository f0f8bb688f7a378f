import { lastDayOfMonth, monthOf, addMonthsClamped, addDays } from '../../../shared/dates';
import type { LoanStatus } from '../../../shared/contract';
import { BOOK_STATUSES, monthOfLoan } from '../../../shared/reports/monthly';
import type { Statement } from '../../../shared/engine';
import type { Db } from '../../db/db';
import { bookOn, loadWholeBook, statementOn, statusOn, type BookLoan } from './book-snapshot';
import { interestReceivable } from '../../../shared/ledger/accrual';
import { monthAllocations } from '../ledger/allocations';
import type { LoanMonthEndsTable } from './tables';
import { DomainError, domainError } from '../errors';
import { currentWork, type Work } from '../work';
import { engineOf } from '../../db/engine';

/** Loans per transaction: small enough that a payment keyed in meanwhile waits only briefly. */
const CHUNK = 500;

export interface MonthEndsProgress {
  done: number;
  total: number;
}

/**
 * The build in flight per database, so a second caller (the dashboard opened twice, a report)
 * joins it instead of computing the same loans again. Each caller is a participant: all of them
 * hear its progress, and it stops (between chunks, keeping what is done) only when every one of
 * them has cancelled.
 */
interface Build {
  through: string;
  progress: MonthEndsProgress;
  /** One seat per waiting caller (callers without a Work each get their own seat). */
  participants: Set<{ work: Work | undefined }>;
  done: Promise<number>;
}
const building = new WeakMap<object, Build>();

/** How far the month-end build in flight has got; null when nothing is being built. */
export function monthEndsProgress(db: Db): MonthEndsProgress | null {
  const running = building.get(db);
  // A copy: the build keeps counting after the answer has left.
  return running ? { ...running.progress } : null;
}

const nextMonth = (month: string) => monthOf(addMonthsClamped(`${month}-01`, 1));
const inBook = (status: LoanStatus | null) => status !== null && BOOK_STATUSES.includes(status);
/** The loan's principal is on the ledger: on the book, or under repossession (see `homeOf`). */
const onLedger = (status: LoanStatus | null) => inBook(status) || status === 'repossessed';
const cancelled = (work: Work | undefined) => work?.signal?.aborted === true;

/**
 * Brings every loan's month-end rows up to `through` (a completed month): the month-end cache.
 * Only loans whose watermark is behind are computed — after the first run that is the month that
 * just ended, or the loans a back-dated change touched. Each chunk is one transaction that reads
 * and writes the same loans, so a row always matches the book it was computed from, and a build
 * stopped between chunks leaves a cache that is right as far as it goes.
 */
export async function keepMonthEndsThrough(db: Db, through: string): Promise<number> {
  const me = currentWork();
  const seat = { work: me };
  for (;;) {
    let entry = building.get(db);
    const mine = entry === undefined;
    if (entry === undefined) {
      const started: Build = {
        through,
        progress: { done: 0, total: 0 },
        participants: new Set([seat]),
        done: Promise.resolve(0),
      };
      started.done = build(db, through, started).finally(() => {
        if (building.get(db) === started) building.delete(db);
      });
      // Everyone may have left (all cancelled): the build's refusal then has nobody to hear it.
      started.done.catch(() => undefined);
      building.set(db, started);
      entry = started;
    } else {
      entry.participants.add(seat);
    }
    let counted: number;
    try {
      counted = await whileWanted(entry.done, me);
    } catch (error) {
      // Stopped because everyone else cancelled, while this caller still wants it: build again.
      if (!(error instanceof DomainError && error.code === 'cancelled') || cancelled(me)) throw error;
      continue;
    } finally {
      entry.participants.delete(seat);
    }
    if (entry.through >= through) return mine ? counted : 0;
    // Joined a build that stopped short of `through`: it has ended, so start one that goes on.
    if (building.get(db) === entry) building.delete(db);
  }
}

/** `done`, unless `work` is cancelled first: its caller is answered at once, the build goes on. */
function whileWanted<T>(done: Promise<T>, work: Work | undefined): Promise<T> {
  const signal = work?.signal;
  if (!signal) return done;
  return new Promise<T>((resolve, reject) => {
    const leave = () => reject(domainError('cancelled', 'work.cancelled'));
    if (signal.aborted) return leave();
    signal.addEventListener('abort', leave, { once: true });
    done.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
  });
}

async function build(db: Db, through: string, entry: Build): Promise<number> {
  const { progress } = entry;
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
            // A backdated change on another PC resets these marks as it commits; holding the
            // rows makes it wait, so its reset lands after (not under) this chunk's rows.
            .$if(engineOf(trx) === 'postgres', (qb) => qb.forUpdate())
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
    for (const p of entry.participants) p.work?.progress?.({ phase: 'monthEnds', ...progress });
    // Let a waiting request (the UI's next click) in between chunks.
    await new Promise((resolve) => setImmediate(resolve));
    if ([...entry.participants].every((p) => cancelled(p.work)))
      throw domainError('cancelled', 'work.cancelled');
  }
  return ids.length;
}

/**
 * One loan's rows for the months after `mark` through `through`. A month in which the loan was
 * off the ledger at both ends (neither on the book nor under repossession) and received nothing
 * adds nothing to any figure, so it gets no row: a loan paid off years ago costs nothing per month.
 */
function monthEndRows(loan: BookLoan, mark: string | null, through: string): LoanMonthEndsTable[] {
  const startMonth = monthOf(loan.book.loan.start_date);
  let month = mark && mark >= startMonth ? nextMonth(mark) : startMonth;
  const dayBefore = addDays(`${month}-01`, -1);
  let previous: { statement: Statement; status: LoanStatus } | null =
    loan.book.loan.start_date <= dayBefore
      ? { statement: statementOn(loan, dayBefore), status: statusOn(loan, dayBefore) }
      : null;
  const rows: LoanMonthEndsTable[] = [];
  for (; month <= through; month = nextMonth(month)) {
    const end = lastDayOfMonth(month);
    const statement = statementOn(loan, end);
    const status = statusOn(loan, end);
    const m = monthOfLoan(previous?.statement ?? null, statement, `${month}-01`);
    const allocations = monthAllocations(bookOn(loan, end), statement, `${month}-01`);
    if (onLedger(previous?.status ?? null) || onLedger(status) || m.collected.payments > 0 || !previous) {
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
        interest_receivable: interestReceivable(statement, loan.book.loan.start_date),
        charges_outstanding: statement.chargesOutstanding,
        unapplied: statement.unapplied,
        collected_fee: allocations.reduce((sum, a) => sum + a[6], 0),
        allocations: JSON.stringify(allocations),
      });
    }
    previous = { statement, status };
  }
  return rows;
}
