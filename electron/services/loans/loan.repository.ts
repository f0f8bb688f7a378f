import type { LoanStatus } from '../../../shared/contract';
import { sql, type Insertable } from 'kysely';
import { nextCounterValue } from '../../db/counters';
import type { Db } from '../../db/db';
import type { DB } from '../../db/schema';
import type { PaymentRecord } from './tables';
import type { ScheduledInstallment } from '../../../shared/engine';
import type { ScheduleVersionName } from '../../../shared/contract/plans';

export async function findLoan(db: Db, loanId: number) {
  return db.selectFrom('loans').selectAll().where('id', '=', loanId).executeTakeFirst();
}

export async function activeVersion(db: Db, loanId: number) {
  return db
    .selectFrom('schedule_versions')
    .selectAll()
    .where('loan_id', '=', loanId)
    .where('is_active', '=', 1)
    .executeTakeFirst();
}

export async function installmentsOf(db: Db, versionId: number): Promise<ScheduledInstallment[]> {
  return (await installmentsOfVersions(db, [versionId])).get(versionId) ?? [];
}

/** Several schedules in one query, by version id, each in installment order. */
export async function installmentsOfVersions(
  db: Db,
  versionIds: readonly number[],
): Promise<Map<number, ScheduledInstallment[]>> {
  const rows = await db
    .selectFrom('installments')
    .select(['version_id', 'n', 'due_date', 'principal', 'interest'])
    .where('version_id', 'in', [...versionIds])
    .orderBy('version_id')
    .orderBy('n')
    .execute();
  const byVersion = new Map<number, ScheduledInstallment[]>();
  for (const r of rows) {
    const list = byVersion.get(r.version_id) ?? [];
    list.push({ n: r.n, dueDate: r.due_date, principal: r.principal, interest: r.interest });
    byVersion.set(r.version_id, list);
  }
  return byVersion;
}

export interface NewScheduleVersion {
  loanId: number;
  version: number;
  reason: string;
  /** What the screen calls it; the reason codes 'contract' and 'import' name themselves. */
  name?: ScheduleVersionName;
  effectiveFrom: string;
  createdAt: string;
}

const nameOf = (v: NewScheduleVersion): ScheduleVersionName | null =>
  v.name ?? (v.reason === 'contract' || v.reason === 'import' ? { kind: v.reason } : null);

/** The row a schedule version is written as, active: the one the loan runs on from now. */
export const scheduleVersionRow = (v: NewScheduleVersion) => ({
  loan_id: v.loanId,
  version: v.version,
  reason: v.reason,
  name: JSON.stringify(nameOf(v)),
  effective_from: v.effectiveFrom,
  is_active: 1,
  created_at: v.createdAt,
});

export const installmentRow = (versionId: number, x: ScheduledInstallment) => ({
  version_id: versionId,
  n: x.n,
  due_date: x.dueDate,
  principal: x.principal,
  interest: x.interest,
});

/** Retires the loan's active schedule version, before a new one is written active. */
export async function retireActiveVersion(db: Db, loanId: number): Promise<void> {
  await db
    .updateTable('schedule_versions')
    .set({ is_active: 0 })
    .where('loan_id', '=', loanId)
    .where('is_active', '=', 1)
    .execute();
}

export async function insertScheduleVersion(
  db: Db,
  v: NewScheduleVersion,
  installments: readonly ScheduledInstallment[],
): Promise<number> {
  await retireActiveVersion(db, v.loanId);
  const { id } = await db
    .insertInto('schedule_versions')
    .values(scheduleVersionRow(v))
    .returning('id')
    .executeTakeFirstOrThrow();
  // SQLite caps bound parameters per statement; chunk long schedules (a 30-year mortgage has 360 rows).
  for (let i = 0; i < installments.length; i += 150) {
    await db
      .insertInto('installments')
      .values(installments.slice(i, i + 150).map((x) => installmentRow(id, x)))
      .execute();
  }
  return id;
}

/** All payment rows of a loan, reversals included, in the order they were entered. */
export async function paymentRowsOf(db: Db, loanId: number) {
  return db.selectFrom('payments').selectAll().where('loan_id', '=', loanId).orderBy('id').execute();
}

export async function partiesOf(db: Db, loanId: number) {
  return db
    .selectFrom('loan_parties as p')
    .innerJoin('borrowers as b', 'b.id', 'p.borrower_id')
    .select(['p.borrower_id', 'p.role', 'p.relationship', 'b.name', 'b.id_number', 'b.phone'])
    .where('p.loan_id', '=', loanId)
    .orderBy('p.role')
    .orderBy('b.name')
    .execute();
}

export async function loanIdsOfBorrower(db: Db, borrowerId: number): Promise<number[]> {
  return (await db.selectFrom('loans').select('id').where('borrower_id', '=', borrowerId).execute()).map(
    (l) => l.id,
  );
}

/** Moves a loan to `status` (the status history is kept by a trigger); callers refresh its status cache. */
export async function setLoanStatus(db: Db, loanId: number, status: LoanStatus, at: string): Promise<void> {
  await db.updateTable('loans').set({ status, updated_at: at }).where('id', '=', loanId).execute();
}

/** The loan's number and status, for the rules that depend on where it stands. */
export function loanStanding(db: Db, loanId: number) {
  return db
    .selectFrom('loans')
    .select(['status', 'number'])
    .where('id', '=', loanId)
    .executeTakeFirstOrThrow();
}

/** The number the loan's next schedule version takes: its own counter, taken atomically. */
export function nextScheduleVersion(db: Db, loanId: number): Promise<number> {
  return nextCounterValue(
    db,
    `schedule-version:${loanId}`,
    sql<number>`SELECT coalesce(max(version), 0) FROM schedule_versions WHERE loan_id = ${loanId}`,
  );
}

export async function insertLoanRow(db: Db, row: Insertable<DB['loans']>): Promise<number> {
  return (await db.insertInto('loans').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function insertParties(db: Db, rows: readonly Insertable<DB['loan_parties']>[]): Promise<void> {
  await db
    .insertInto('loan_parties')
    .values([...rows])
    .execute();
}

export async function borrowerExists(db: Db, borrowerId: number): Promise<boolean> {
  return (
    (await db.selectFrom('borrowers').select('id').where('id', '=', borrowerId).executeTakeFirst()) !==
    undefined
  );
}

/** The borrower's row; the loan's borrower always exists (a foreign key). */
export function borrowerRow(db: Db, borrowerId: number) {
  return db.selectFrom('borrowers').selectAll().where('id', '=', borrowerId).executeTakeFirstOrThrow();
}

export function scheduleVersionsOf(db: Db, loanId: number) {
  return db
    .selectFrom('schedule_versions')
    .select(['version', 'reason', 'name', 'effective_from', 'is_active'])
    .where('loan_id', '=', loanId)
    .orderBy('version')
    .execute();
}

export function scheduleVersionNumbered(db: Db, loanId: number, version: number) {
  return db
    .selectFrom('schedule_versions')
    .select('id')
    .where('loan_id', '=', loanId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** Why a schedule version was made ('contract', a prepayment, a plan…). */
export async function scheduleVersionReason(db: Db, versionId: number): Promise<string> {
  return (
    await db
      .selectFrom('schedule_versions')
      .select('reason')
      .where('id', '=', versionId)
      .executeTakeFirstOrThrow()
  ).reason;
}

/** Moves many loans to one status, 500 at a time (SQLite's bound-parameter limit). */
export async function setLoansStatus(
  db: Db,
  loanIds: readonly number[],
  status: LoanStatus,
  at: string,
): Promise<void> {
  for (let i = 0; i < loanIds.length; i += 500) {
    await db
      .updateTable('loans')
      .set({ status, updated_at: at })
      .where('id', 'in', loanIds.slice(i, i + 500))
      .execute();
  }
}

export function findPayment(db: Db, paymentId: number) {
  return db.selectFrom('payments').selectAll().where('id', '=', paymentId).executeTakeFirst();
}

/** The entry that reverses a payment, if it has been reversed. */
export function reversalOf(db: Db, paymentId: number) {
  return db
    .selectFrom('payments')
    .select('id')
    .where('reverses_payment_id', '=', paymentId)
    .executeTakeFirst();
}

/** Writes a payment or reversal entry; the caller has numbered it and will refresh the loan. */
export async function insertPayment(db: Db, row: Insertable<DB['payments']>): Promise<number> {
  return (await insertPaymentRow(db, row)).id;
}

/** Inserts a payment and returns its row as stored, as `paymentRowsOf` would read it back. */
export async function insertPaymentRow(db: Db, row: Insertable<DB['payments']>): Promise<PaymentRecord> {
  return db.insertInto('payments').values(row).returningAll().executeTakeFirstOrThrow();
}
