import { sql } from 'kysely';
import { lastDayOfMonth } from '../../../shared/dates';
import type { LoanStanding } from '../../../shared/engine/classification';
import type { Product } from '../../../shared/contract';
import { BOOK_STATUSES } from '../../../shared/reports/monthly';
import type { ServiceContext } from '../context';
import { dpdSql } from '../loans/list.query';
import { rollForwardStatuses } from '../loans/status-cache';
import { loadWholeBook, statementOn, statusOn } from '../reports/book-snapshot';
import { overrideHistoryOf, overridesInForce } from './overrides.repository';

/** What classification needs of one loan on the book on a day. */
export interface LoanOnBook extends LoanStanding {
  loanId: number;
  product: Product;
  outstandingPrincipal: number;
  overdueInterest: number;
}

/** Plans that restructured the loan: approved, whether still running, broken or completed. */
const RESTRUCTURING_PLANS = ['active', 'broken', 'completed'] as const;

/**
 * Every loan on the book on `asOf` (active, restructured or in legal, started by then). From
 * today on the status cache answers in one pass, as aging does; before today the engine
 * recomputes each loan as of that day, on the schedule and status it had then. The two paths
 * are checked against each other in tests.
 */
export async function loansOnBook(
  ctx: ServiceContext,
  asOf: string,
  only?: readonly number[],
): Promise<LoanOnBook[]> {
  const today = ctx.clock.today();
  if (asOf < today) return loansOnBookFromEngine(ctx, asOf, only);
  await rollForwardStatuses(ctx.db, today);
  return loansOnBookFromCache(ctx, asOf, only);
}

export async function loansOnBookFromEngine(
  ctx: ServiceContext,
  asOf: string,
  only?: readonly number[],
): Promise<LoanOnBook[]> {
  const restructured = await restructuredOnOf(ctx, asOf, only);
  const overrides = await overridesInForce(ctx.db, asOf, only);
  const book = await loadWholeBook(ctx.db, only);
  return book
    .filter((l) => l.book.loan.start_date <= asOf && BOOK_STATUSES.includes(statusOn(l, asOf)))
    .map((l) => {
      const statement = statementOn(l, asOf);
      const row = {
        loan_id: l.book.loan.id,
        product: l.product,
        status: statusOn(l, asOf),
        days_past_due: statement.daysPastDue,
        outstanding_principal: statement.outstandingPrincipal,
        overdue_interest: statement.overdue.interest,
      };
      return standingOf(row, restructured, overrides);
    });
}

/** From the status cache, brought forward to today by the caller. */
export async function loansOnBookFromCache(
  ctx: ServiceContext,
  asOf: string,
  only?: readonly number[],
): Promise<LoanOnBook[]> {
  const restructured = await restructuredOnOf(ctx, asOf, only);
  const overrides = await overridesInForce(ctx.db, asOf, only);
  const rows = await ctx.db
    .selectFrom('loans as l')
    .innerJoin('loan_status as s', 's.loan_id', 'l.id')
    .select([
      'l.id as loan_id',
      'l.product',
      'l.status',
      's.outstanding_principal',
      's.overdue_interest',
      dpdSql(ctx.engine, asOf).as('days_past_due'),
    ])
    .where('l.status', 'in', [...BOOK_STATUSES])
    .where('l.start_date', '<=', asOf)
    .$if(only !== undefined, (qb) => qb.where('l.id', 'in', only!.length > 0 ? [...only!] : [0]))
    .orderBy('l.id')
    .execute();
  return rows.map((r) => standingOf(r, restructured, overrides));
}

/** A loan's standing from a row of a cache (the status cache's or the month end's). */
function standingOf(
  r: {
    loan_id: number;
    product: Product;
    status: string;
    days_past_due: number;
    outstanding_principal: number;
    overdue_interest: number;
  },
  restructured: Map<number, string>,
  overrides: Awaited<ReturnType<typeof overridesInForce>>,
): LoanOnBook {
  return {
    loanId: r.loan_id,
    product: r.product,
    daysPastDue: Number(r.days_past_due),
    outstandingPrincipal: r.outstanding_principal,
    overdueInterest: r.overdue_interest,
    restructuredOn: restructured.get(r.loan_id) ?? null,
    inLegal: r.status === 'legal',
    override: overrides.get(r.loan_id) ?? null,
  };
}

/** The day of each loan's latest restructuring on or before `asOf` (the plan's as-of date). */
async function restructuredOnOf(
  ctx: ServiceContext,
  asOf: string,
  only?: readonly number[],
): Promise<Map<number, string>> {
  const rows = await ctx.db
    .selectFrom('repayment_plans')
    .select(['loan_id', sql<string>`max(as_of)`.as('on')])
    .where('status', 'in', [...RESTRUCTURING_PLANS])
    .where('as_of', '<=', asOf)
    .$if(only !== undefined, (qb) => qb.where('loan_id', 'in', only!.length > 0 ? [...only!] : [0]))
    .groupBy('loan_id')
    .execute();
  return new Map(rows.map((r) => [r.loan_id, r.on]));
}

/** Loan numbers by id, a few thousand ids per query (SQLite's limit on bound values). */
export async function loanNumbersOf(
  ctx: ServiceContext,
  ids: readonly number[],
): Promise<Map<number, string>> {
  const numbers = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 5000) {
    const rows = await ctx.db
      .selectFrom('loans')
      .select(['id', 'number'])
      .where('id', 'in', ids.slice(i, i + 5000))
      .execute();
    for (const r of rows) numbers.set(r.id, r.number);
  }
  return numbers;
}

/** Every loan on the book at the end of a completed month, from the month-end cache. */
export async function loansAtMonthEnd(ctx: ServiceContext, month: string): Promise<LoanOnBook[]> {
  const monthEnd = lastDayOfMonth(month);
  const restructured = await restructuredOnOf(ctx, monthEnd);
  const overrides = await overridesInForce(ctx.db, monthEnd);
  const rows = await ctx.db
    .selectFrom('loan_month_ends as e')
    .innerJoin('loans as l', 'l.id', 'e.loan_id')
    .select([
      'e.loan_id',
      'l.product',
      'e.status',
      'e.days_past_due',
      'e.outstanding_principal',
      'e.overdue_interest',
    ])
    .where('e.month', '=', month)
    .where('e.status', 'in', [...BOOK_STATUSES])
    .orderBy('e.loan_id')
    .execute();
  return rows.map((r) => standingOf(r, restructured, overrides));
}

/** The status loans ended `month` in (a month still running, null: their status now). */
export async function statusesAtMonthEnd(
  ctx: ServiceContext,
  month: string | null,
  ids: readonly number[],
): Promise<Map<number, string>> {
  const statuses = new Map<number, string>();
  for (let i = 0; i < ids.length; i += 5000) {
    const chunk = ids.slice(i, i + 5000);
    const rows =
      month === null
        ? await ctx.db
            .selectFrom('loans')
            .select(['id as loan_id', 'status'])
            .where('id', 'in', chunk)
            .execute()
        : await ctx.db
            .selectFrom('loan_month_ends')
            .select(['loan_id', 'status'])
            .where('month', '=', month)
            .where('loan_id', 'in', chunk)
            .execute();
    for (const r of rows) statuses.set(r.loan_id, r.status);
  }
  return statuses;
}

/** One loan's rows of the month-end cache while it was on the book, oldest first. */
export async function monthEndsOfLoan(ctx: ServiceContext, loanId: number, through: string) {
  return ctx.db
    .selectFrom('loan_month_ends as e')
    .innerJoin('loans as l', 'l.id', 'e.loan_id')
    .select([
      'e.month',
      'e.loan_id',
      'l.product',
      'e.status',
      'e.days_past_due',
      'e.outstanding_principal',
      'e.overdue_interest',
    ])
    .where('e.loan_id', '=', loanId)
    .where('e.month', '<=', through)
    .where('e.status', 'in', [...BOOK_STATUSES])
    .orderBy('e.month')
    .execute();
}

/**
 * Standings of one loan at each of its month ends (`monthEndsOfLoan`), each with the restructuring
 * and override of that day: the loan's plans and overrides are read once, not once a month.
 */
export async function standingsAtMonthEnds(
  ctx: ServiceContext,
  loanId: number,
  rows: Awaited<ReturnType<typeof monthEndsOfLoan>>,
): Promise<{ month: string; standing: LoanOnBook }[]> {
  const plans = await ctx.db
    .selectFrom('repayment_plans')
    .select('as_of')
    .where('loan_id', '=', loanId)
    .where('status', 'in', [...RESTRUCTURING_PLANS])
    .orderBy('as_of')
    .execute();
  const overrides = await overrideHistoryOf(ctx.db, loanId);
  return rows.map((row) => {
    const end = lastDayOfMonth(row.month);
    const restructuredOn = plans.filter((p) => p.as_of <= end).at(-1)?.as_of;
    const override = overrides.find(
      (o) =>
        o.effective_from !== null && o.effective_from <= end && (o.removed_on === null || o.removed_on > end),
    );
    return {
      month: row.month,
      standing: standingOf(
        row,
        new Map(restructuredOn ? [[loanId, restructuredOn]] : []),
        new Map(override ? [[loanId, { grade: override.grade, reason: override.reason }]] : []),
      ),
    };
  });
}
