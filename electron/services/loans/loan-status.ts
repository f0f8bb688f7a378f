import { sql, type SqlBool } from 'kysely';
import { OPEN_STATUSES, type PaymentSplit } from '../../../shared/contract';
import {
  computeStatement,
  type Charge,
  type Payment,
  type PaymentAllocation,
  type PrepaymentTerms,
  type Statement,
  type StatementInput,
} from '../../../shared/engine';
import type { LoanRecord, PaymentRecord } from './tables';
import {
  activeVersion,
  findLoan,
  installmentsOf,
  installmentsOfVersions,
  paymentRowsOf,
} from './loan.repository';
import { type Db } from '../../db/db';
import { notFound } from '../errors';
import { reportedDelinquency } from './restructured-dpd';
import { legalChargesByLoan } from './charges';

/**
 * Payments the engine should see: every payment that has not been reversed. Reversal rows are
 * bookkeeping, not money, so they are left out too.
 */
export function effectivePayments(rows: readonly PaymentRecord[]): (Payment & { id: number })[] {
  const reversed = new Set(
    rows.filter((r) => r.reverses_payment_id !== null).map((r) => r.reverses_payment_id),
  );
  return rows
    .filter((r) => r.reverses_payment_id === null && !reversed.has(r.id))
    .map((r) => ({ id: r.id, date: r.date, amount: r.amount, ref: r.receipt_number }));
}

export interface LoanRecords {
  loan: LoanRecord;
  versionId: number;
  version: number;
  installments: Awaited<ReturnType<typeof installmentsOf>>;
  paymentRows: PaymentRecord[];
  /** Costs charged to the loan (legal costs), owed on top of the schedule. */
  charges: Charge[];
}

export async function loadLoanRecords(db: Db, loanId: number): Promise<LoanRecords> {
  const loan = await findLoan(db, loanId);
  if (!loan) throw notFound('loan.notFound', loanId);
  const version = await activeVersion(db, loanId);
  if (!version) throw new Error(`loan ${loan.number} has no active schedule`);
  return {
    loan,
    versionId: version.id,
    version: version.version,
    installments: await installmentsOf(db, version.id),
    paymentRows: await paymentRowsOf(db, loanId),
    charges: (await legalChargesByLoan(db, loanId)).get(loanId) ?? [],
  };
}

/**
 * The books of many loans in a few queries per 500 loans, for work that touches thousands at
 * once (an import posting payments); the same rows `loadLoanRecords` reads one loan at a time.
 */
export async function loadManyLoanRecords(
  db: Db,
  loanIds: readonly number[],
): Promise<Map<number, LoanRecords>> {
  const books = new Map<number, LoanRecords>();
  const charges = await legalChargesByLoan(db);
  for (let i = 0; i < loanIds.length; i += 500) {
    const ids = loanIds.slice(i, i + 500);
    const loans = await db.selectFrom('loans').selectAll().where('id', 'in', ids).execute();
    const versions = await db
      .selectFrom('schedule_versions')
      .selectAll()
      .where('loan_id', 'in', ids)
      .where('is_active', '=', 1)
      .execute();
    const installments = await installmentsOfVersions(
      db,
      versions.map((v) => v.id),
    );
    const payments = await db
      .selectFrom('payments')
      .selectAll()
      .where('loan_id', 'in', ids)
      .orderBy('id')
      .execute();
    const versionOf = new Map(versions.map((v) => [v.loan_id, v]));
    const paymentsOf = new Map<number, PaymentRecord[]>();
    for (const p of payments) paymentsOf.set(p.loan_id, [...(paymentsOf.get(p.loan_id) ?? []), p]);
    for (const loan of loans) {
      const version = versionOf.get(loan.id);
      if (!version) throw new Error(`loan ${loan.number} has no active schedule`);
      books.set(loan.id, {
        loan,
        versionId: version.id,
        version: version.version,
        installments: installments.get(version.id) ?? [],
        paymentRows: paymentsOf.get(loan.id) ?? [],
        charges: charges.get(loan.id) ?? [],
      });
    }
  }
  return books;
}

/** What the engine is given for a loan on `asOf`: its active schedule, terms and known payments. */
export function statementInputOf(book: LoanRecords, asOf: string, extra: Payment[] = []): StatementInput {
  return {
    installments: book.installments,
    penaltyDailyRatePercent: book.loan.penalty_daily_rate_percent,
    graceDays: book.loan.grace_days,
    payments: [...effectivePayments(book.paymentRows).filter((p) => p.date <= asOf), ...extra],
    asOf,
    charges: book.charges,
    startDate: book.loan.start_date,
    prepayment: prepaymentTermsOf(book.loan),
  };
}

/** The one way the app computes a loan's position: the shared statement engine. */
export function statementOf(book: LoanRecords, asOf: string, extra: Payment[] = []): Statement {
  return computeStatement(statementInputOf(book, asOf, extra));
}

/** How the loan's early settlement is priced: the terms it was made with. */
export const prepaymentTermsOf = (loan: LoanRecord): PrepaymentTerms => ({
  interest: loan.prepayment_interest,
  feePercent: loan.prepayment_fee_percent,
});

/**
 * What settles the loan on the statement's day (the engine's payoff): unpaid principal, interest
 * earned to that day, penalty, charges and any prepayment fee, never interest not yet earned.
 */
export function payoffOf(statement: Statement): number {
  return statement.payoff.total;
}

/**
 * A payment's split as receipts, previews and payment rows show it: `charges` and `fee` only when
 * some were paid, `settlement` only when the payment settled the loan.
 */
export function splitOf(a: PaymentAllocation): PaymentSplit {
  return {
    penalty: a.penalty,
    interest: a.interest,
    principal: a.principal,
    unapplied: a.unapplied,
    ...(a.charges > 0 ? { charges: a.charges } : {}),
    ...(a.fee > 0 ? { fee: a.fee } : {}),
    ...(a.settlement ? { settlement: true as const } : {}),
  };
}

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
  const { statement, row } = await currentStatusRow(db, await loadLoanRecords(db, loanId), today);
  await db
    .insertInto('loan_status')
    .values({ loan_id: loanId, ...row })
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
 * SQL over `loan_status as s`: does the row's figures move by `today`? An open loan with an
 * installment fallen due since, or penalty accruing, or a row from before the running totals
 * existed (migration 0013) that paid this month. Never NULL, so it can be negated.
 */
function needsRollForward(today: string) {
  // The loan's status is looked up per row (not as an IN list), so the planner starts from the
  // index on computed_as_of and reads only the rows behind today.
  return sql<SqlBool>`((SELECT status FROM loans WHERE id = s.loan_id) IN (${sql.join([...OPEN_STATUSES])})
    AND (ifnull(s.next_due_date <= ${today}, 0)
      OR ifnull(s.oldest_unpaid_due_date < ${today}, 0)
      OR (s.collected_month IS NULL AND ifnull(s.last_payment_date >= ${`${today.slice(0, 7)}-01`}, 0))))`;
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
  for (const { loan_id } of stale) await refreshLoanStatus(db, loan_id, today);
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
