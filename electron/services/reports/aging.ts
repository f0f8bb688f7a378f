import { sql } from 'kysely';
import { AGING_BUCKETS, type AgingBucket } from '../../../shared/engine';
import { agingOf, BOOK_STATUSES, PAR_THRESHOLDS, type AgingTable } from '../../../shared/reports/monthly';
import { rate4 } from '../../../shared/reports/rates';
import type { ServiceContext } from '../context';
import { dpdSql } from '../loans/list.query';
import { rollForwardStatuses } from '../loans/status-cache';
import { loadWholeBook, statementOn, statusOn } from './book-snapshot';

/**
 * Aging and PAR for the whole book on a date. From today on, the status cache answers in one
 * SQL pass: a loan's oldest unpaid due date does not move until someone pays, so DPD on a later
 * day is a subtraction. Before today, later payments would have to be unwound, so the engine
 * recomputes every loan as of that date. Both paths are checked against each other in tests.
 */
export async function agingAsOf(ctx: ServiceContext, asOf: string): Promise<AgingTable> {
  const today = ctx.clock.today();
  if (asOf < today) return agingFromEngine(ctx, asOf);
  await rollForwardStatuses(ctx.db, today);
  return agingFromCache(ctx, asOf);
}

export async function agingFromCache(ctx: ServiceContext, asOf: string): Promise<AgingTable> {
  const buckets = Object.fromEntries(
    AGING_BUCKETS.map((b) => [b, { count: 0, outstanding: 0 }]),
  ) as AgingTable['buckets'];
  const perLoan = ctx.db
    .selectFrom('loans as l')
    .innerJoin('loan_status as s', 's.loan_id', 'l.id')
    .select(['s.outstanding_principal as outstanding', dpdSql(ctx.engine, asOf).as('dpd')])
    .where('l.status', 'in', [...BOOK_STATUSES])
    .where('l.start_date', '<=', asOf);
  const rows = await ctx.db
    .selectFrom(perLoan.as('x'))
    .select([
      sql<AgingBucket>`CASE WHEN dpd = 0 THEN 'current' WHEN dpd <= 30 THEN '1-30' WHEN dpd <= 60 THEN '31-60'
        WHEN dpd <= 90 THEN '61-90' WHEN dpd <= 180 THEN '91-180' ELSE '181+' END`.as('bucket'),
      sql<number>`count(*)`.as('count'),
      sql<number>`sum(outstanding)`.as('outstanding'),
      ...PAR_THRESHOLDS.map((x) =>
        sql<number>`sum(CASE WHEN dpd > ${x} THEN outstanding ELSE 0 END)`.as(`par${x}`),
      ),
    ])
    .groupBy('bucket')
    .execute();
  let outstanding = 0;
  const atRisk = { par1: 0, par30: 0, par60: 0, par90: 0 };
  for (const r of rows) {
    buckets[r.bucket] = { count: r.count, outstanding: r.outstanding };
    outstanding += r.outstanding;
    const row = r as unknown as Record<keyof typeof atRisk, number>;
    for (const k of Object.keys(atRisk) as (keyof typeof atRisk)[]) atRisk[k] += row[k];
  }
  return {
    buckets,
    outstanding,
    par: {
      par1: rate4(atRisk.par1, outstanding),
      par30: rate4(atRisk.par30, outstanding),
      par60: rate4(atRisk.par60, outstanding),
      par90: rate4(atRisk.par90, outstanding),
    },
  };
}

export async function agingFromEngine(ctx: ServiceContext, asOf: string): Promise<AgingTable> {
  const book = await loadWholeBook(ctx.db);
  return agingOf(
    book
      .filter((l) => l.book.loan.start_date <= asOf && BOOK_STATUSES.includes(statusOn(l, asOf)))
      .map((l) => statementOn(l, asOf)),
  );
}
