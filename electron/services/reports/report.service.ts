import { sql } from 'kysely';
import type { DashboardData, MonthlyReport, OptionalSection } from '../../../shared/contract';
import { OPTIONAL_SECTIONS } from '../../../shared/contract';
import { addDays, lastDayOfMonth, monthOf, addMonthsClamped } from '../../../shared/dates';
import { AGING_BUCKETS } from '../../../shared/engine';
import { BOOK_STATUSES, monthlyFigures, type ReportLoan } from '../../../shared/reports/monthly';
import { loanHistory } from '../../../shared/reports/history';
import { rate4 } from '../../../shared/reports/rates';
import type { ServiceContext } from '../context';
import type { Handlers } from '../dispatch';
import { invalidField } from '../errors';
import { statementOf } from '../loans/loan-status';
import { loadSettings } from '../system/system.service';
import { loadWholeBook, statusOn, type BookLoan } from './book-snapshot';
import { reportToCsv, reportToXlsx } from './report-export';
import { agingAsOf } from './aging';
import { monthActivity } from './activity';

/**
 * Sections whose data no feature records yet. A feature that lands makes its section tracked by
 * filling it in here; until then the report says "not tracked yet" rather than print zeros.
 */
const TRACKED_SECTIONS = new Set<OptionalSection>(OPTIONAL_SECTIONS);

function reportLoans(book: BookLoan[], monthStart: string, monthEnd: string): ReportLoan[] {
  const dayBefore = addDays(monthStart, -1);
  return book
    .filter((l) => l.book.loan.start_date <= monthEnd)
    .map((l) => {
      const startedBefore = l.book.loan.start_date <= dayBefore;
      return {
        id: l.book.loan.id,
        number: l.book.loan.number,
        product: l.product,
        borrowerId: l.borrowerId,
        borrowerName: l.borrowerName,
        borrowerIdMasked: l.borrowerIdMasked,
        startDate: l.book.loan.start_date,
        upfrontFee: l.book.loan.upfront_fee,
        statusAtStart: startedBefore ? statusOn(l, dayBefore) : null,
        statusAtEnd: statusOn(l, monthEnd),
        atStart: startedBefore ? statementOf(l.book, dayBefore) : null,
        atEnd: statementOf(l.book, monthEnd),
      };
    });
}

export async function monthlyReport(ctx: ServiceContext, month: string): Promise<MonthlyReport> {
  const monthStart = `${month}-01`;
  const monthEnd = lastDayOfMonth(month);
  const today = ctx.clock.today();
  if (monthStart > today) throw invalidField('month', `${month} has not started yet (today is ${today})`);
  // A month still running is reported up to today.
  const reportEnd = monthEnd < today ? monthEnd : today;
  const book = await loadWholeBook(ctx.db);
  const loans = reportLoans(book, monthStart, reportEnd);
  const figures = monthlyFigures(month, monthStart, reportEnd, loans);
  const overdueAtEnd = loans
    .filter((l) => BOOK_STATUSES.includes(l.statusAtEnd) && l.atEnd.daysPastDue > 0)
    .map((l) => ({ loanId: l.id, statement: l.atEnd }));
  const activity = await monthActivity(ctx, monthStart, reportEnd, overdueAtEnd);
  const settings = await loadSettings(ctx);
  // Entries dated in or before the month but keyed in after it ended change its figures.
  const late = await ctx.db
    .selectFrom('payments as p')
    .leftJoin('payments as o', 'o.id', 'p.reverses_payment_id')
    .select(sql<number>`count(*)`.as('n'))
    .where((eb) => eb.or([eb('p.date', '<=', reportEnd), eb('o.date', '<=', reportEnd)]))
    .where('p.created_at', '>', `${reportEnd}T23:59:59.999Z`)
    .executeTakeFirstOrThrow();
  const recoveries = await ctx.db
    .selectFrom('recoveries')
    .select([sql<number>`count(*)`.as('count'), sql<number>`coalesce(sum(amount), 0)`.as('amount')])
    .where('date', '>=', monthStart)
    .where('date', '<=', reportEnd)
    .executeTakeFirstOrThrow();
  return {
    ...figures,
    // Recoveries are not payments (the loan has left the book), so `total` stays the ledger's.
    collections: { ...figures.collections, recoveriesAfterWriteOff: recoveries },
    companyName: settings.companyName,
    currency: settings.currency,
    generatedOn: today,
    lateEntries: late.n,
    notTracked: OPTIONAL_SECTIONS.filter((s) => !TRACKED_SECTIONS.has(s)),
    activity,
  };
}

/**
 * The dashboard: today's figures from the status cache (one SQL pass), and the 12-month charts
 * from ONE engine statement per loan — each statement carries every payment's dated split and,
 * through loanHistory, the loan's DPD and principal at every month-end.
 */
export async function dashboard(ctx: ServiceContext): Promise<DashboardData> {
  const today = ctx.clock.today();
  const aging = await agingAsOf(ctx, today);
  const overdue = await ctx.db
    .selectFrom('loans as l')
    .innerJoin('loan_status as s', 's.loan_id', 'l.id')
    .select([
      sql<number>`coalesce(sum(s.overdue_principal + s.overdue_interest + s.penalty_due), 0)`.as('amount'),
      sql<number>`count(*)`.as('loans'),
    ])
    .where('l.status', 'in', [...BOOK_STATUSES])
    .where('s.oldest_unpaid_due_date', '<', today)
    .executeTakeFirstOrThrow();

  const thisMonth = monthOf(today);
  const months = Array.from({ length: 12 }, (_, i) => monthOf(addMonthsClamped(`${thisMonth}-01`, i - 11)));
  const monthEnds = months.map((m) => (lastDayOfMonth(m) < today ? lastDayOfMonth(m) : today));
  const collections12 = months.map((month) => ({ month, penalty: 0, interest: 0, principal: 0 }));
  const byMonth = new Map(collections12.map((m) => [m.month, m]));
  const atRisk = monthEnds.map(() => ({ outstanding: 0, par30: 0, par90: 0 }));

  for (const l of await loadWholeBook(ctx.db)) {
    const latest = statementOf(l.book, today);
    for (const a of latest.allocations) {
      const bucket = byMonth.get(monthOf(a.date));
      if (!bucket) continue;
      bucket.penalty += a.penalty;
      bucket.interest += a.interest;
      bucket.principal += a.principal;
    }
    const history = loanHistory(latest);
    monthEnds.forEach((end, i) => {
      if (l.book.loan.start_date > end || !BOOK_STATUSES.includes(statusOn(l, end))) return;
      const outstanding = history.outstandingOn(end);
      const dpd = history.dpdOn(end);
      const m = atRisk[i]!;
      m.outstanding += outstanding;
      if (dpd > 30) m.par30 += outstanding;
      if (dpd > 90) m.par90 += outstanding;
    });
  }
  const thisMonthCollections = byMonth.get(thisMonth)!;
  return {
    today,
    loansInBook: AGING_BUCKETS.reduce((n, b) => n + aging.buckets[b].count, 0),
    outstanding: aging.outstanding,
    overdueAmount: overdue.amount,
    overdueLoans: overdue.loans,
    par30: aging.par.par30,
    par90: aging.par.par90,
    collectedThisMonth:
      thisMonthCollections.penalty + thisMonthCollections.interest + thisMonthCollections.principal,
    aging: AGING_BUCKETS.map((bucket) => ({ bucket, ...aging.buckets[bucket] })),
    collections12,
    parTrend12: months.map((month, i) => ({
      month,
      par30: rate4(atRisk[i]!.par30, atRisk[i]!.outstanding),
      par90: rate4(atRisk[i]!.par90, atRisk[i]!.outstanding),
    })),
  };
}

export function reportHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'reports.monthly' | 'reports.dashboard' | 'reports.export' | 'reports.aging'> {
  return {
    'reports.monthly': ({ month }) => monthlyReport(ctx, month),
    'reports.dashboard': () => dashboard(ctx),
    'reports.aging': ({ asOf }) => agingAsOf(ctx, asOf),
    'reports.export': async ({ month, format }) => {
      const report = await monthlyReport(ctx, month);
      const fileName = `pledgebook-recovery-${month}.${format}`;
      return format === 'xlsx'
        ? {
            fileName,
            mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            base64: (await reportToXlsx(report)).toString('base64'),
          }
        : {
            fileName,
            mimeType: 'text/csv;charset=utf-8',
            base64: Buffer.from(reportToCsv(report), 'utf8').toString('base64'),
          };
    },
  };
}
