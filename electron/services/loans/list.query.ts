import { sql, type RawBuilder } from 'kysely';
import { AGING_BUCKETS, bucketOf, type AgingBucket } from '../../../shared/engine';
import type { LoanListRow, LoanStatus, Locale, Product } from '../../../shared/contract';
import type { Actor } from '../auth/actor';
import { assignedTo, isScoped } from '../auth/scope';
import { textMatches } from '../../db/search-terms';
import { engineOf, type Engine } from '../../db/engine';
import { daysFrom } from '../../db/dialect';
import { compareNames } from '../../../shared/format/format';
import type { Db } from '../../db/db';

/**
 * Days past due straight from the status cache: the oldest unpaid installment's due date does not
 * change with the calendar, so DPD on any later date is a subtraction in SQL. Matches the
 * engine's definition (tested against it) for open loans; settled loans are never past due.
 */
export function dpdSql(engine: Engine, today: string): RawBuilder<number> {
  return sql<number>`(CASE WHEN l.status IN ('active','restructured','legal','repossessed')
      AND s.oldest_unpaid_due_date < ${today}
    THEN ${daysFrom(engine, sql.ref('s.oldest_unpaid_due_date'), today)} ELSE 0 END)`;
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
      dpdSql(engineOf(db), today).as('dpd'),
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

/**
 * The ids of the matching loans in the borrower order the reader expects (`compareNames`: pinyin
 * in zh-CN, strokes in zh-TW), loan number next. SQL cannot give that order: SQLite compares by
 * code point, better-sqlite3 cannot register an ICU collation, and JavaScript exposes no ICU sort
 * key that could be kept in an indexed column. So only the id, number and borrower name of each
 * matching loan are read and sorted with Intl.Collator in the service: about 0.5 s for 100,000
 * loans on a shared core, which the service then keeps while the book is unchanged, so the
 * further pages of a scrolled list cost a page's read. The renderer could not do it: it holds
 * one page of a virtual list, and sorting a page orders only within it.
 */
export async function idsInNameOrder(
  db: Db,
  matching: ReturnType<typeof loanListBase>,
  locale: Locale,
): Promise<number[]> {
  const names = await db
    .selectFrom(matching.as('m'))
    .select(['m.id', 'm.number', 'm.borrower_name'])
    .execute();
  names.sort(
    (a, b) =>
      compareNames(a.borrower_name, b.borrower_name, locale) ||
      (a.number < b.number ? -1 : a.number > b.number ? 1 : 0),
  );
  return names.map((r) => r.id);
}

/** The loans of one page of `ordered` ids, in that order. */
export async function pageOfIds(
  matching: ReturnType<typeof loanListBase>,
  ordered: readonly number[],
  { offset, limit }: { offset: number; limit: number },
): Promise<{ rows: LoanListRow[]; total: number }> {
  const page = ordered.slice(offset, offset + limit);
  const rows = page.length ? await matching.where('l.id', 'in', page).execute() : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    rows: page.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toLoanListRow(row)] : [];
    }),
    total: ordered.length,
  };
}

/** The loan list's filters, as the screen sends them. */
export interface LoanListFilter {
  query: string;
  status?: LoanStatus;
  product?: Product;
  bucket?: AgingBucket;
  overdueOnly: boolean;
}

/** The loans matching the list's filters; a collector's list holds only their own accounts. */
export function matchingLoans(db: Db, today: string, filter: LoanListFilter, actor: Actor | null) {
  let q = loanListBase(db, today);
  if (isScoped(actor)) q = q.where(({ ref }) => assignedTo(actor, ref('l.id')));
  if (filter.query) {
    const query = filter.query;
    q = q.where((eb) =>
      eb.or([
        textMatches(engineOf(db), 'loans', 'l', ['number'], query),
        textMatches(engineOf(db), 'borrowers', 'b', ['name', 'phone'], query),
      ]),
    );
  }
  if (filter.status) q = q.where('l.status', '=', filter.status);
  if (filter.product) q = q.where('l.product', '=', filter.product);
  if (filter.bucket || filter.overdueOnly) {
    const [lo, hi] = filter.bucket ? bucketRange(filter.bucket) : [1, 1_000_000];
    // The expression, not its alias: PostgreSQL does not let WHERE name a SELECT column.
    q = q.where(dpdSql(engineOf(db), today), '>=', lo).where(dpdSql(engineOf(db), today), '<=', hi);
  }
  return q;
}

/** One page of `matching` in an order SQL can sort by (borrower order is sorted by name apart). */
export async function sortedPage(
  db: Db,
  matching: ReturnType<typeof loanListBase>,
  sort: 'number' | 'daysPastDue' | 'outstanding' | 'nextDue' | 'borrower',
  { offset, limit }: { offset: number; limit: number },
): Promise<{ rows: LoanListRow[]; total: number }> {
  const ordered =
    sort === 'daysPastDue'
      ? matching.orderBy(sql`dpd`, 'desc').orderBy('l.id')
      : sort === 'outstanding'
        ? matching.orderBy('s.outstanding_principal', 'desc').orderBy('l.id')
        : sort === 'nextDue'
          ? matching
              .orderBy(sql`s.next_due_date IS NULL`)
              .orderBy('s.next_due_date')
              .orderBy('l.id')
          : matching.orderBy('l.number');
  const [rows, total] = await Promise.all([
    ordered.limit(limit).offset(offset).execute(),
    db
      .selectFrom(matching.as('x'))
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toLoanListRow), total: total.n };
}
