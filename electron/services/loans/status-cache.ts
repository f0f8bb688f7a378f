import { sql, type SqlBool } from 'kysely';
import { OPEN_STATUSES } from '../../../shared/contract/index';
import type { Statement } from '../../../shared/engine/index';
import type { Db } from '../../db/db';
import { effectivePayments, loadLoanRecords, type LoanRecords } from './loan-records';
import { reportedDelinquency } from './restructured-dpd';
import { statementOf } from './statement';
import { engineOf } from '../../db/engine';
import { lockLoans } from './loan-lock';

/**
 * The status cache (`loan_status`): one row per loan with today's position as the engine computes
 * it, written in the same transaction as every change that moves it, so lists, the worklist and
 * the dashboard read DPD, arrears and this month's collections with SQL instead of the engine.
 */

/**
 * The per-loan status cache row for a statement: today's position, and what this month's
 * payments paid so far (the dashboard's "collected this month" without the engine).
 */
export const STATUS_COLUMNS = [
  'computed_as_of',
  'oldest_unpaid_due_date',
  'outstanding_principal',
  'overdue_principal',
  'overdue_interest',
  'penalty_due',
  'next_due_date',
  'next_due_amount',
  'last_payment_date',
  'collected_month',
  'collected_penalty',
  'collected_interest',
  'collected_principal',
  'collected_charges',
  'collected_payments',
] as const;

export function statusRow(s: Statement, lastPaymentDate: string | null) {
  const month = s.asOf.slice(0, 7);
  const collected = collectedIn(s, month);
  return {
    computed_as_of: s.asOf,
    oldest_unpaid_due_date: s.oldestUnpaidDueDate,
    outstanding_principal: s.outstandingPrincipal,
    overdue_principal: s.overdue.principal,
    overdue_interest: s.overdue.interest,
    penalty_due: s.overdue.penalty,
    next_due_date: s.nextDue?.dueDate ?? null,
    next_due_amount: s.nextDue?.amount ?? null,
    last_payment_date: lastPaymentDate,
    collected_month: month,
    collected_penalty: collected.penalty,
    collected_interest: collected.interest,
    collected_principal: collected.principal,
    collected_charges: collected.charges,
    collected_payments: collected.payments,
  } satisfies Record<(typeof STATUS_COLUMNS)[number], unknown>;
}

/** What the payments dated in `month` (YYYY-MM) paid, as the engine split them. */
export function collectedIn(s: Statement, month: string) {
  const sum = { penalty: 0, interest: 0, principal: 0, charges: 0, payments: 0 };
  for (const a of s.allocations) {
    if (!a.date.startsWith(month)) continue;
    sum.penalty += a.penalty;
    sum.interest += a.interest;
    sum.principal += a.principal;
    sum.charges += a.charges;
    sum.payments += 1;
  }
  return sum;
}

/** Rewrites the loan's status cache row; call in the same transaction as the change that moved it. */
export async function refreshLoanStatus(db: Db, loanId: number, today: string): Promise<Statement> {
  return keepLoanStatus(db, await loadLoanRecords(db, loanId), today);
}

/**
 * `refreshLoanStatus` for a caller that holds the loan's records as they now stand (with every
 * row it has just written), saving the reads: a payment is ten round trips to a server book.
 */
export async function keepLoanStatus(db: Db, book: LoanRecords, today: string): Promise<Statement> {
  const { statement, row } = await currentStatusRow(db, book, today);
  await db
    .insertInto('loan_status')
    .values({ loan_id: book.loan.id, ...row })
    .onConflict((oc) => oc.column('loan_id').doUpdateSet(row))
    .execute();
  return statement;
}

/**
 * The status cache row of a loan whose book the caller holds with every payment row it has
 * written: its statement as the app reports it, and the date of its last payment. A caller
 * that has just computed the book's statement for today passes it in.
 */
export async function currentStatusRow(
  db: Db,
  book: LoanRecords,
  today: string,
  statement: Statement = statementOf(book, today),
) {
  const reported = await reportedDelinquency(db, book, statement, (d) => statementOf(book, d));
  const dates = effectivePayments(book.paymentRows)
    .map((p) => p.date)
    .sort();
  return { statement: reported, row: statusRow(reported, dates.at(-1) ?? null) };
}

/**
 * A refresh made by whoever reads the cache, not by a change. On a server book it locks the loan
 * in a transaction of its own: a payment committing on another PC meanwhile either came first
 * (and is read) or waits (and writes its own row after), so two PCs refreshing the same loan
 * both end with the engine's answer for the rows as committed.
 */
async function refreshStatusAsReader(db: Db, loanId: number, today: string): Promise<void> {
  if (engineOf(db) !== 'postgres' || db.isTransaction) {
    await lockLoans(db, [loanId]);
    await refreshLoanStatus(db, loanId, today);
    return;
  }
  await db.transaction().execute(async (trx) => {
    await lockLoans(trx, [loanId]);
    await refreshLoanStatus(trx, loanId, today);
  });
}

/**
 * SQL over `loan_status as s`: does the row's figures move by `today`? An open loan with an
 * installment fallen due since, or penalty accruing, or a row from before the running totals
 * existed (migration 0013) that paid this month. Never NULL, so it can be negated.
 */
function needsRollForward(today: string) {
  // The loan's status is looked up per row (not as an IN list), so the planner starts from the
  // index on computed_as_of and reads only the rows behind today.
  return sql<SqlBool>`((SELECT status FROM loans WHERE id = s.loan_id) IN (${sql.join([...OPEN_STATUSES])})
    AND (coalesce(s.next_due_date <= ${today}, FALSE)
      OR coalesce(s.oldest_unpaid_due_date < ${today}, FALSE)
      OR (s.collected_month IS NULL AND coalesce(s.last_payment_date >= ${`${today.slice(0, 7)}-01`}, FALSE))))`;
}

/**
 * Rolls the cache forward to today for loans whose figures move with the calendar: an
 * installment fell due since the last computation, or penalty is accruing.
 */
export async function rollForwardStatuses(db: Db, today: string): Promise<number> {
  const stale = await db
    .selectFrom('loan_status as s')
    .select('s.loan_id')
    .where('s.computed_as_of', '<', today)
    .where(needsRollForward(today))
    .execute();
  for (const { loan_id } of stale) await refreshStatusAsReader(db, loan_id, today);
  // Every other row is as right today as on the day it was computed: nothing fell due since.
  // Saying so keeps this check to the rows that move (an index range on computed_as_of) instead
  // of the whole book on every call. One statement, with the same test negated, so a row that
  // needs the engine is never stamped.
  await db
    .updateTable('loan_status as s')
    .set({ computed_as_of: today })
    .where('s.computed_as_of', '<', today)
    .where(sql<SqlBool>`NOT ${needsRollForward(today)}`)
    .execute();
  return stale.length;
}
