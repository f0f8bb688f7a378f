import { sql, type RawBuilder } from 'kysely';
import { AGING_BUCKETS, bucketOf, type AgingBucket } from '../../../shared/engine';
import type { LoanListRow } from '../../../shared/contract';
import type { Db } from './loan.repository';

/**
 * Days past due straight from the status cache: the oldest unpaid installment's due date does not
 * change with the calendar, so DPD on any later date is a subtraction in SQL. Matches the
 * engine's definition (tested against it) for open loans; settled loans are never past due.
 */
export function dpdSql(today: string): RawBuilder<number> {
  return sql<number>`(CASE WHEN l.status IN ('active','restructured','legal','repossessed')
      AND s.oldest_unpaid_due_date < ${today}
    THEN CAST(julianday(${today}) - julianday(s.oldest_unpaid_due_date) AS INTEGER) ELSE 0 END)`;
}

/** The DPD range of a bucket, for filtering in SQL. */
export function bucketRange(bucket: AgingBucket): [number, number] {
  const ranges: Record<AgingBucket, [number, number]> = {
    current: [0, 0],
    '1-30': [1, 30],
    '31-60': [31, 60],
    '61-90': [61, 90],
    '91-180': [91, 180],
    '181+': [181, 1_000_000],
  };
  return ranges[bucket];
}

/**
 * SQL: a CASE over days past due (`dpd`, an SQL expression) with one arm per aging bucket, in
 * the buckets' order, each giving `valueOf(bucket)`. The last bucket has no upper end.
 */
export function byBucketSql<T>(dpd: RawBuilder<number>, valueOf: (bucket: AgingBucket) => RawBuilder<T>) {
  const arms = AGING_BUCKETS.slice(0, -1).map(
    (b) => sql`WHEN ${dpd} <= ${sql.lit(bucketRange(b)[1])} THEN ${valueOf(b)}`,
  );
  return sql<T>`(CASE ${sql.join(arms, sql` `)} ELSE ${valueOf(AGING_BUCKETS.at(-1)!)} END)`;
}

export function loanListBase(db: Db, today: string) {
  return db
    .selectFrom('loans as l')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .innerJoin('loan_status as s', 's.loan_id', 'l.id')
    .select([
      'l.id',
      'l.number',
      'l.borrower_id',
      'b.name as borrower_name',
      'l.product',
      'l.status',
      'l.principal',
      'l.officer',
      's.outstanding_principal',
      's.overdue_principal',
      's.overdue_interest',
      's.penalty_due',
      's.next_due_date',
      's.next_due_amount',
      dpdSql(today).as('dpd'),
    ]);
}

type BaseRow = Awaited<ReturnType<ReturnType<typeof loanListBase>['execute']>>[number];

export function toLoanListRow(r: BaseRow): LoanListRow {
  return {
    id: r.id,
    number: r.number,
    borrowerId: r.borrower_id,
    borrowerName: r.borrower_name,
    product: r.product,
    status: r.status,
    principal: r.principal,
    outstandingPrincipal: r.outstanding_principal,
    daysPastDue: r.dpd,
    bucket: bucketOf(r.dpd),
    overdueAmount: r.dpd > 0 ? r.overdue_principal + r.overdue_interest + r.penalty_due : 0,
    nextDueDate: r.next_due_date,
    nextDueAmount: r.next_due_amount,
    officer: r.officer,
  };
}
