import type { Charge, Payment } from '../../../shared/engine/index';
import type { Db } from '../../db/db';
import { notFound } from '../errors';
import { engineOf } from '../../db/engine';
import type { LoanRecord, PaymentRecord } from './tables';
import { sql } from 'kysely';
import { installmentsOf, installmentsOfVersions, paymentRowsOf } from './loan.repository';
import { legalChargesByLoan } from './charges';

/**
 * A loan's records: the loan row, its active schedule, every payment row and the charges it owes —
 * everything the statement engine needs to say where the loan stands on any day.
 */

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

export async function loadLoanRecords(
  db: Db,
  loanId: number,
  options: { lock?: boolean } = {},
): Promise<LoanRecords> {
  // The loan, its active version and whether it has a legal case in one read: on a server book
  // each read is a round trip, and recording a payment reads the loan first. `lock` takes the
  // loan's row lock in that same read (see `lockLoans`), one round trip fewer for a payment.
  const head = await db
    .selectFrom('loans as l')
    .leftJoin('schedule_versions as v', (j) => j.onRef('v.loan_id', '=', 'l.id').on('v.is_active', '=', 1))
    .selectAll('l')
    .select([
      'v.id as active_version_id',
      'v.version as active_version',
      sql<number>`CASE WHEN EXISTS (SELECT 1 FROM legal_cases c WHERE c.loan_id = l.id) THEN 1 ELSE 0 END`.as(
        'in_legal',
      ),
    ])
    .where('l.id', '=', loanId)
    .$if(options.lock === true && engineOf(db) === 'postgres', (qb) => qb.forNoKeyUpdate('l'))
    .executeTakeFirst();
  if (!head) throw notFound('loan.notFound', loanId);
  const { active_version_id: versionId, active_version: version, in_legal: inLegal, ...loan } = head;
  if (versionId === null || version === null) throw new Error(`loan ${loan.number} has no active schedule`);
  // Outside a transaction a server book runs these at once, each on its own pooled connection;
  // inside one (and on a file book) they simply queue.
  const [installments, paymentRows, charges] = await Promise.all([
    installmentsOf(db, versionId),
    paymentRowsOf(db, loanId),
    inLegal ? legalChargesByLoan(db, loanId).then((byLoan) => byLoan.get(loanId) ?? []) : [],
  ]);
  return { loan, versionId, version, installments, paymentRows, charges };
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
