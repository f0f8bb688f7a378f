import {
  collectedAndOutstandingByMonth,
  collectedInMonthSoFar,
  lateEntries,
  loanIdsInBookOrder,
  overdueToday,
  recoveriesBetween,
} from './report.query';
import { reportProgress, stopIfCancelled } from '../work';
import type { DashboardData, MonthlyReport, OptionalSection } from '../../../shared/contract';
import { OPTIONAL_SECTIONS } from '../../../shared/contract';
import { addDays, lastDayOfMonth, monthOf, addMonthsClamped } from '../../../shared/dates';
import { AGING_BUCKETS } from '../../../shared/engine';
import {
  BOOK_STATUSES,
  exposureOf,
  monthlyFigures,
  monthOfLoan,
  type ReportLoan,
} from '../../../shared/reports/monthly';
import { keepMonthEndsThrough } from './month-end-cache';
import { monthFiguresFromCache } from './month-figures';
import { collateralAtDate } from '../collateral/at-date';
import { rulesOf } from '../collateral/items.service';
import { rate4 } from '../../../shared/reports/rates';
import type { ServiceContext } from '../context';
import type { Db } from '../../db/db';
import type { Handlers } from '../dispatch';
import { invalidField } from '../errors';
import { loadSettings } from '../system/system.service';
import { loadWholeBook, statementOn, statusOn, type BookLoan } from './book-snapshot';
import { reportToCsv, reportToXlsx } from './report-export';
import { agingAsOf } from './aging';
import { monthActivity } from './activity';
import { classifyMonth } from '../risk/month-classification';
import { classifyBook } from '../risk/risk.service';

/**
 * Sections whose data no feature records yet. A feature that lands makes its section tracked by
 * filling it in here; until then the report says "not tracked yet" rather than print zeros.
 */
const TRACKED_SECTIONS = new Set<OptionalSection>(OPTIONAL_SECTIONS);

/** The month's loans from the engine: two statements per loan. Used for a month still running. */
export function reportLoansFromEngine(book: BookLoan[], monthStart: string, monthEnd: string): ReportLoan[] {
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
        ...monthOfLoan(
          startedBefore ? statementOn(l, dayBefore) : null,
          statementOn(l, monthEnd),
          monthStart,
        ),
      };
    });
}

/** A completed month is summed by the database over the month-end cache the engine filled. */
export async function completedMonth(ctx: ServiceContext, month: string) {
  await keepMonthEndsThrough(ctx.db, month);
  const { figures, overdueExposure } = await monthFiguresFromCache(ctx.db, month);
  const monthEnd = lastDayOfMonth(month);
  const atEnd = await collateralAtDate(ctx, monthEnd, await rulesOf(ctx), { month });
  return { figures, collateral: { ...atEnd, overdueExposure } };
}

/** A month still running has no month-end rows yet: the engine computes it, up to today. */
/** Loans read and run through the engine at a time for a month still running. */
const RUNNING_MONTH_CHUNK = 2_000;

/**
 * A month still running has no month-end rows yet, so every loan's position comes from the
 * engine: on a big book that is long work (about 25 s at 100,000 loans), so it goes a chunk of
 * loans at a time, saying how far it has got, stopping between chunks when cancelled, and
 * letting other calls in between.
 */
async function runningMonthLoans(db: Db, monthStart: string, reportEnd: string): Promise<ReportLoan[]> {
  const ids = await loanIdsInBookOrder(db);
  const loans: ReportLoan[] = [];
  for (let i = 0; i < ids.length; i += RUNNING_MONTH_CHUNK) {
    stopIfCancelled();
    const chunk = ids.slice(i, i + RUNNING_MONTH_CHUNK);
    loans.push(...reportLoansFromEngine(await loadWholeBook(db, chunk), monthStart, reportEnd));
    reportProgress({ phase: 'runningMonth', done: i + chunk.length, total: ids.length });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return loans;
}

async function runningMonth(ctx: ServiceContext, month: string, monthStart: string, reportEnd: string) {
  const loans = await runningMonthLoans(ctx.db, monthStart, reportEnd);
  const atEnd = new Map(
    loans
      .filter((l) => BOOK_STATUSES.includes(l.statusAtEnd))
      .map((l) => [l.id, { exposure: exposureOf(l.atEnd), overdue: l.atEnd.daysPastDue > 0 }]),
  );
  const overdueExposure = [...atEnd.values()].reduce((s, p) => s + (p.overdue ? p.exposure : 0), 0);
  return {
    figures: monthlyFigures(month, monthStart, reportEnd, loans),
    collateral: { ...(await collateralAtDate(ctx, reportEnd, await rulesOf(ctx), atEnd)), overdueExposure },
  };
}

export async function monthlyReport(ctx: ServiceContext, month: string): Promise<MonthlyReport> {
  const monthStart = `${month}-01`;
  const monthEnd = lastDayOfMonth(month);
  const today = ctx.clock.today();
  if (monthStart > today) throw invalidField('month', 'report.monthNotStarted', { month, today });
  // A month still running is reported up to today.
  const reportEnd = monthEnd < today ? monthEnd : today;
  const { figures, collateral } =
    monthEnd < today
      ? await completedMonth(ctx, month)
      : await runningMonth(ctx, month, monthStart, reportEnd);
  const activity = await monthActivity(ctx, monthStart, reportEnd, collateral);
  const settings = await loadSettings(ctx);
  const recoveries = await recoveriesBetween(ctx.db, monthStart, reportEnd);
  return {
    ...figures,
    // Recoveries are not payments (the loan has left the book), so `total` stays the ledger's.
    collections: { ...figures.collections, recoveriesAfterWriteOff: recoveries },
    companyName: settings.companyName,
    currency: settings.currency,
    generatedOn: today,
    lateEntries: await lateEntries(ctx.db, reportEnd),
    notTracked: OPTIONAL_SECTIONS.filter((s) => !TRACKED_SECTIONS.has(s)),
    activity,
    classification: await classifyMonth(ctx, month),
  };
}

/**
 * The dashboard without running the engine over the book: today's figures from the status cache,
 * the months already ended from the month-end cache, and this month's collections from the
 * status cache's running totals. Each cache is filled by the same engine and tested against it.
 */
export async function dashboard(ctx: ServiceContext): Promise<DashboardData> {
  const today = ctx.clock.today();
  const aging = await agingAsOf(ctx, today);
  const { nplRatio, coverage } = await classifyBook(ctx, today);
  const overdue = await overdueToday(ctx.db, today);

  const thisMonth = monthOf(today);
  const months = Array.from({ length: 12 }, (_, i) => monthOf(addMonthsClamped(`${thisMonth}-01`, i - 11)));
  const ended = months.slice(0, -1);
  await keepMonthEndsThrough(ctx.db, ended.at(-1)!);
  const history = await collectedAndOutstandingByMonth(ctx.db, ended[0]!);
  const current = await collectedInMonthSoFar(ctx.db, thisMonth);
  const byMonth = new Map(history.map((h) => [h.month, h]));
  const collections12 = months.map((month) => {
    const m = month === thisMonth ? current : byMonth.get(month);
    return { month, penalty: m?.penalty ?? 0, interest: m?.interest ?? 0, principal: m?.principal ?? 0 };
  });
  const thisMonthCollections = collections12.at(-1)!;
  return {
    today,
    loansInBook: AGING_BUCKETS.reduce((n, b) => n + aging.buckets[b].count, 0),
    outstanding: aging.outstanding,
    overdueAmount: overdue.amount,
    overdueLoans: overdue.loans,
    par30: aging.par.par30,
    par90: aging.par.par90,
    // Legal costs paid back count as collected, though the chart shows only the ledger parts.
    collectedThisMonth:
      thisMonthCollections.penalty +
      thisMonthCollections.interest +
      thisMonthCollections.principal +
      current.charges,
    aging: AGING_BUCKETS.map((bucket) => ({ bucket, ...aging.buckets[bucket] })),
    collections12,
    parTrend12: months.map((month) => {
      if (month === thisMonth) return { month, par30: aging.par.par30, par90: aging.par.par90 };
      const m = byMonth.get(month);
      return {
        month,
        par30: rate4(m?.par30 ?? 0, m?.outstanding ?? 0),
        par90: rate4(m?.par90 ?? 0, m?.outstanding ?? 0),
      };
    }),
    nplRatio,
    coverage,
  };
}

export function reportHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'reports.monthly' | 'reports.dashboard' | 'reports.export' | 'reports.aging'> {
  return {
    'reports.monthly': ({ month }) => monthlyReport(ctx, month),
    'reports.dashboard': () => dashboard(ctx),
    'reports.aging': ({ asOf }) => agingAsOf(ctx, asOf),
    'reports.export': async ({ month, format, language }) => {
      const report = await monthlyReport(ctx, month);
      const fileName = `pledgebook-recovery-${month}.${format}`;
      return format === 'xlsx'
        ? {
            fileName,
            mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            base64: (await reportToXlsx(report, language)).toString('base64'),
          }
        : {
            fileName,
            mimeType: 'text/csv;charset=utf-8',
            base64: Buffer.from(reportToCsv(report, language), 'utf8').toString('base64'),
          };
    },
  };
}
