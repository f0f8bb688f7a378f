/**
 * A completed month's report figures, summed by the database over the month-end cache.
 *
 * `monthlyFigures` (shared/reports/monthly.ts) defines every figure over one object per loan;
 * at 100k loans building those objects cost more than the sums and pushed the heap past 300 MB.
 * Here the same definitions run as SQL: one GROUP BY over the month's rows (joined to the month
 * before) yields cells keyed by everything a figure depends on, which are folded into the
 * report's shape; the two top-ten lists are read with their ties and ordered as the shared code
 * orders them. The month-end cache test holds every section equal to the engine's to the cent.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Product } from '../../../shared/contract';
import { PRODUCTS } from '../../../shared/contract';
import { addDays, lastDayOfMonth, monthOf } from '../../../shared/dates';
import { AGING_BUCKETS, bucketOf, type AgingBucket } from '../../../shared/engine';
import { maskIdNumber } from '../../../shared/privacy/mask';
import {
  agingTable,
  BOOK_STATUSES,
  concentrationSection,
  emptyRollTable,
  recoverySection,
  emptyCells,
  PAR_THRESHOLDS,
  type AgingTable,
  type MonthlyFigures,
  type RollColumn,
} from '../../../shared/reports/monthly';
import { byBucketSql } from '../loans/list.query';
import type { Db } from '../../db/db';

const inList = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));
const BOOK = inList(BOOK_STATUSES);
const bucketOfSql = (dpd: RawBuilder<number>) => byBucketSql(dpd, (b) => sql.lit(b));

/** The month's rows (e) beside the month before's (p), with each loan's own columns (l). */
function monthRows(db: Db, month: string) {
  const before = monthOf(addDays(`${month}-01`, -1));
  return db
    .selectFrom('loan_month_ends as e')
    .innerJoin('loans as l', 'l.id', 'e.loan_id')
    .leftJoin('loan_month_ends as p', (j) =>
      j.onRef('p.loan_id', '=', 'e.loan_id').on('p.month', '=', before),
    )
    .where('e.month', '=', month);
}

/** In the book at the month's end: a book status on its last day, having started by then. */
const inBookAtEnd = (monthEnd: string) =>
  sql<number>`(e.status IN (${BOOK}) AND l.start_date <= ${monthEnd})`;
/** In the book at its start: a position the day before, in a book status, started before. */
const inBookAtStart = (monthStart: string) =>
  sql<number>`(p.loan_id IS NOT NULL AND p.status IN (${BOOK}) AND l.start_date < ${monthStart})`;
const exposureAtEnd = sql<number>`(e.outstanding_principal + e.overdue_interest + e.penalty_due)`;

export async function monthFiguresFromCache(
  db: Db,
  month: string,
): Promise<{ figures: MonthlyFigures; overdueExposure: number }> {
  const monthStart = `${month}-01`;
  const monthEnd = lastDayOfMonth(month);
  const endDpd = sql<number>`e.days_past_due`;
  const rollColumn = sql<RollColumn>`(CASE
      WHEN e.status = 'written-off' THEN 'written-off'
      WHEN e.status = 'repossessed' THEN 'repossessed'
      WHEN e.status = 'closed' THEN 'paid-off'
      WHEN e.status = 'restructured' AND p.status IS DISTINCT FROM 'restructured' THEN 'restructured'
      ELSE ${bucketOfSql(endDpd)} END)`;
  const sum = (expression: RawBuilder<number>) => sql<number>`coalesce(sum(${expression}), 0)`;

  const cells = await monthRows(db, month)
    .select([
      'l.product',
      inBookAtEnd(monthEnd).as('inEnd'),
      inBookAtStart(monthStart).as('inStart'),
      bucketOfSql(endDpd).as('endBucket'),
      sql<AgingBucket | null>`(CASE WHEN p.loan_id IS NULL THEN NULL ELSE ${bucketOfSql(sql`p.days_past_due`)} END)`.as(
        'startBucket',
      ),
      rollColumn.as('roll'),
      sql<number>`count(*)`.as('loans'),
      sum(sql`e.outstanding_principal`).as('endOutstanding'),
      sum(sql`e.overdue_principal + e.overdue_interest + e.penalty_due`).as('endOverdue'),
      sum(sql`CASE WHEN e.days_past_due > 0 THEN ${exposureAtEnd} ELSE 0 END`).as('endOverdueExposure'),
      ...PAR_THRESHOLDS.map((x) =>
        sum(sql`CASE WHEN e.days_past_due > ${sql.lit(x)} THEN e.outstanding_principal ELSE 0 END`).as(
          `par${x}`,
        ),
      ),
      sum(sql`p.outstanding_principal`).as('startOutstanding'),
      sum(sql`p.overdue_principal + p.overdue_interest + p.penalty_due`).as('startOverdue'),
      sum(sql`e.recovered`).as('recovered'),
      sum(sql`e.collected_penalty`).as('penalty'),
      sum(sql`e.collected_interest`).as('interest'),
      sum(sql`e.collected_principal`).as('principal'),
      sum(sql`e.collected_charges`).as('charges'),
      sum(sql`e.payments`).as('payments'),
      sum(
        sql`CASE WHEN l.start_date >= ${monthStart} AND l.start_date <= ${monthEnd} THEN l.upfront_fee ELSE 0 END`,
      ).as('upfrontFees'),
    ])
    .groupBy(['l.product', 'inEnd', 'inStart', 'endBucket', 'startBucket', 'roll'])
    .execute();

  // Summary and aging: the book at the month's end, by product and bucket.
  const agingFor = (product?: Product): AgingTable => {
    const mine = cells.filter((c) => c.inEnd && (!product || c.product === product));
    const buckets = emptyCells();
    for (const c of mine) {
      buckets[c.endBucket].count += c.loans;
      buckets[c.endBucket].outstanding += c.endOutstanding;
    }
    return agingTable(buckets, (x) => mine.reduce((s, c) => s + c[`par${x}`], 0));
  };
  const all = agingFor();
  const atEndCells = cells.filter((c) => c.inEnd);
  const total = <K extends keyof (typeof cells)[number]>(rows: typeof cells, key: K) =>
    rows.reduce((s, c) => s + (c[key] as number), 0);

  const collections = {
    penalty: total(cells, 'penalty'),
    interest: total(cells, 'interest'),
    principal: total(cells, 'principal'),
    // Costs charged to the loan come back as fees, with the up-front fees of loans made this month.
    fees: total(cells, 'charges') + total(cells, 'upfrontFees'),
    total: 0,
    payments: total(cells, 'payments'),
  };
  collections.total = collections.penalty + collections.interest + collections.principal + collections.fees;

  // Recovery and roll rates: the book at the month's start, by its bucket then and where it went.
  const atStartCells = cells.filter((c) => c.inStart);
  const roll = emptyRollTable();
  let overdueLoansAtStart = 0;
  let curedLoans = 0;
  let newDelinquencies = 0;
  for (const c of atStartCells) {
    const cell = roll.get(c.startBucket!)![c.roll];
    cell.count += c.loans;
    cell.outstanding += c.startOutstanding;
    const endsCurrentInBook = c.inEnd && c.endBucket === 'current';
    if (c.startBucket !== 'current') {
      overdueLoansAtStart += c.loans;
      if (c.roll === 'paid-off' || endsCurrentInBook) curedLoans += c.loans;
    } else if (c.inEnd && c.endBucket !== 'current') {
      newDelinquencies += c.loans;
    }
  }
  const overdueAtStart = total(atStartCells, 'startOverdue');
  const recovered = total(atStartCells, 'recovered');

  const topOverdue = await topOverdueLoans(db, month, monthEnd);
  const top = await topBorrowers(db, month, monthEnd);

  return {
    figures: {
      month,
      monthStart,
      monthEnd,
      summary: {
        loansInBook: total(atEndCells, 'loans'),
        outstanding: all.outstanding,
        overdueLoans: atEndCells.filter((c) => c.endBucket !== 'current').reduce((s, c) => s + c.loans, 0),
        overdueAmount: total(atEndCells, 'endOverdue'),
        par: all.par,
      },
      collections,
      recovery: recoverySection({
        overdueAtStart,
        recovered,
        overdueLoansAtStart,
        curedLoans,
        newDelinquencies,
      }),
      rollRate: AGING_BUCKETS.map((from) => ({ from, to: roll.get(from)! })),
      aging: Object.assign(
        { all },
        ...PRODUCTS.map((p) => ({ [p]: agingFor(p) })),
      ) as MonthlyFigures['aging'],
      topOverdue,
      concentration: concentrationSection(top, all.outstanding),
    },
    // The activity section's coverage: exposure of the loans overdue in the book at the end.
    overdueExposure: total(atEndCells, 'endOverdueExposure'),
  };
}

const TOP = 10;

/** SQL: the TOP-th largest `column` of the named CTE (0 with fewer rows), to read ties with it. */
const tenthLargest = (cte: string, column: string) =>
  sql<number>`coalesce((SELECT ${sql.ref(column)} FROM ${sql.table(cte)} ORDER BY ${sql.ref(column)} DESC LIMIT 1 OFFSET ${sql.lit(TOP - 1)}), 0)`;

/**
 * The ten most exposed overdue loans in the book at the month's end. Every loan tied with the
 * tenth is read, so the shared order (exposure, then loan number) picks among them.
 */
async function topOverdueLoans(db: Db, month: string, monthEnd: string) {
  const overdue = monthRows(db, month)
    .select(['e.loan_id', exposureAtEnd.as('exposure')])
    .where(inBookAtEnd(monthEnd), '=', 1)
    .where('e.days_past_due', '>', 0);
  const rows = await db
    .with('overdue', () => overdue)
    .selectFrom('overdue as o')
    .innerJoin('loan_month_ends as e', (j) =>
      j.onRef('e.loan_id', '=', 'o.loan_id').on('e.month', '=', month),
    )
    .innerJoin('loans as l', 'l.id', 'o.loan_id')
    .innerJoin('borrowers as b', 'b.id', 'l.borrower_id')
    .select(['l.number', 'b.name', 'b.id_number', 'e.days_past_due', 'e.outstanding_principal', 'o.exposure'])
    .where('o.exposure', '>=', tenthLargest('overdue', 'exposure'))
    .execute();
  return rows
    .sort((a, b) => b.exposure - a.exposure || a.number.localeCompare(b.number))
    .slice(0, TOP)
    .map((r) => ({
      loanNumber: r.number,
      borrower: r.name,
      borrowerIdMasked: maskIdNumber(r.id_number),
      daysPastDue: r.days_past_due,
      bucket: bucketOf(r.days_past_due),
      outstanding: r.outstanding_principal,
      exposure: r.exposure,
    }));
}

/**
 * The ten borrowers with the most outstanding principal in the book at the month's end. Every
 * borrower tied with the tenth is read, so the shared order (amount, then name) picks among them.
 */
async function topBorrowers(db: Db, month: string, monthEnd: string) {
  const byBorrower = monthRows(db, month)
    .select(['l.borrower_id', sql<number>`sum(e.outstanding_principal)`.as('outstanding')])
    .where(inBookAtEnd(monthEnd), '=', 1)
    .groupBy('l.borrower_id');
  const rows = await db
    .with('owed', () => byBorrower)
    .selectFrom('owed as o')
    .innerJoin('borrowers as b', 'b.id', 'o.borrower_id')
    .select(['b.name', 'b.id_number', 'o.outstanding'])
    .where('o.outstanding', '>=', tenthLargest('owed', 'outstanding'))
    .execute();
  return rows
    .map((r) => ({
      borrower: r.name,
      borrowerIdMasked: maskIdNumber(r.id_number),
      outstanding: r.outstanding,
    }))
    .sort((a, b) => b.outstanding - a.outstanding || a.borrower.localeCompare(b.borrower))
    .slice(0, TOP);
}
