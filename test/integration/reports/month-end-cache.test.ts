import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, lastDayOfMonth } from '../../../shared/dates';
import { monthlyFigures } from '../../../shared/reports/monthly';
import { rate4 } from '../../../shared/reports/rates';
import { recordPayment, reversePayment } from '../../../electron/services/payments/payments.service';
import { statementOf } from '../../../electron/services/loans/statement';
import { loadWholeBook, statusOn } from '../../../electron/services/reports/book-snapshot';
import { keepMonthEndsThrough, monthEndsProgress } from '../../../electron/services/reports/month-end-cache';
import { runAsWork } from '../../../electron/services/work';
import type { WorkProgress } from '../../../shared/contract';
import { completedMonth, reportLoansFromEngine } from '../../../electron/services/reports/report.service';
import { seedLoanBook } from '../../../electron/services/seed/seed-book';
import { openApp } from '../../../electron/services/app';
import { fixedClock } from '../../../electron/services/clock';
import { callersOf, openTestApp, type TestApp } from '../../support/test-app';

const TODAY = '2026-06-30';
const MONTHS = ['2026-03', '2026-04', '2026-05'];

/**
 * The month-end cache lets a completed month's report and the dashboard's trend skip the engine.
 * The engine is the truth: on a seeded book both paths must give the same figures to the cent,
 * and still after changes dated in the past, which the cache's triggers must notice.
 */
describe('the month-end cache matches the engine', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await openTestApp(TODAY);
    await seedLoanBook(app.ctx, { loans: 400, seed: 11, asOf: TODAY });
  }, 120_000);
  afterAll(async () => app.dispose());

  async function expectSameFigures() {
    const book = await loadWholeBook(app.ctx.db);
    for (const month of MONTHS) {
      const start = `${month}-01`;
      const end = lastDayOfMonth(month);
      const fromEngine = monthlyFigures(month, start, end, reportLoansFromEngine(book, start, end));
      const fromCache = (await completedMonth(app.ctx, month)).figures;
      expect(fromEngine.summary.outstanding, month).toBeGreaterThan(0);
      expect(fromCache, month).toEqual(fromEngine);
      // Every section has something in it, so a wrong sum anywhere shows.
      expect(fromCache.topOverdue, month).toHaveLength(10);
      expect(fromCache.concentration.top, month).toHaveLength(10);
      expect(fromCache.recovery.curedLoans * fromCache.recovery.newDelinquencies, month).toBeGreaterThan(0);
      expect(fromCache.collections.payments, month).toBeGreaterThan(0);
    }
  }

  it('for every section of three completed months', async () => {
    await expectSameFigures();
  });

  it('counts the LTV breaches at a month end as the collateral alerts do', async () => {
    const book = await loadWholeBook(app.ctx.db);
    const inBookOnMayEnd = new Set(
      book
        .filter((l) => ['active', 'restructured', 'legal'].includes(statusOn(l, '2026-05-31')))
        .map((l) => l.book.loan.id),
    );
    const alerts = await app.call('collateral.alerts', { asOf: '2026-05-31', kind: 'ltv' });
    const expected = alerts.filter((a) => inBookOnMayEnd.has(a.loanId)).length;
    expect(expected).toBeGreaterThan(0);
    const report = await app.call('reports.monthly', { month: '2026-05' });
    expect(report.activity.collateral.ltvBreaches).toBe(expected);
  });

  it('computes each loan once, then only what a later change touched', async () => {
    await keepMonthEndsThrough(app.ctx.db, '2026-05');
    expect(await keepMonthEndsThrough(app.ctx.db, '2026-05')).toBe(0);

    const overdue = await app.ctx.db
      .selectFrom('loan_status as s')
      .innerJoin('loans as l', 'l.id', 's.loan_id')
      .select(['l.id', 's.oldest_unpaid_due_date'])
      .where('l.status', '=', 'active')
      .where('s.oldest_unpaid_due_date', '<', '2026-04-01')
      .orderBy('l.id')
      .executeTakeFirstOrThrow();
    // A payment keyed in today but dated in April changes April and May for that loan only.
    await app.ctx.db.transaction().execute((trx) =>
      recordPayment(trx, app.ctx, {
        loanId: overdue.id,
        date: '2026-04-10',
        amount: 1_500_00,
        method: 'cash',
        reference: 'back-dated',
        receivedBy: 'test',
      }),
    );
    expect(await keepMonthEndsThrough(app.ctx.db, '2026-02')).toBe(0);
    await expectSameFigures();
    expect(await keepMonthEndsThrough(app.ctx.db, '2026-05')).toBe(0);
  });

  it('after a loan is paid off in a past month (its row moves to the paid-off column)', async () => {
    const paidOff = (figures: Awaited<ReturnType<typeof completedMonth>>['figures']) =>
      figures.rollRate.reduce((n, row) => n + row.to['paid-off'].count, 0);
    const before = paidOff((await completedMonth(app.ctx, '2026-04')).figures);
    const loan = await app.ctx.db
      .selectFrom('loans')
      .select('id')
      .where('status', '=', 'active')
      .where('start_date', '<', '2026-03-01')
      // Nothing paid after the payoff's date, so paying it off then settles the loan.
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('payments as p')
              .select('p.id')
              .whereRef('p.loan_id', '=', 'loans.id')
              .where('p.date', '>=', '2026-04-15'),
          ),
        ),
      )
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    // Settled on the day, by the app as it ran that day: the loan closes in April.
    const april = await openApp({ databasePath: app.ctx.databasePath, clock: fixedClock('2026-04-15') });
    try {
      const { payoff } = await callersOf(april).call('loans.get', { id: loan.id });
      await callersOf(april).call('payments.record', {
        loanId: loan.id,
        date: '2026-04-15',
        amount: payoff,
        method: 'bank-transfer',
      });
    } finally {
      await april.close();
    }
    expect((await app.call('loans.get', { id: loan.id })).status).toBe('closed');
    await expectSameFigures();
    expect(paidOff((await completedMonth(app.ctx, '2026-04')).figures)).toBe(before + 1);
  });

  it('after a reversal of a payment made months ago', async () => {
    const old = await app.ctx.db
      .selectFrom('payments')
      .select(['id', 'loan_id'])
      .where('date', '>=', '2026-03-01')
      .where('date', '<=', '2026-03-31')
      .where('reverses_payment_id', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await app.ctx.db.transaction().execute((trx) => reversePayment(trx, app.ctx, old.id, 'bounced cheque'));
    const mark = await app.ctx.db
      .selectFrom('loan_status')
      .select('month_ends_through')
      .where('loan_id', '=', old.loan_id)
      .executeTakeFirstOrThrow();
    expect(mark.month_ends_through).toBe('2026-02');
    await expectSameFigures();
  });

  it('after legal costs charged to a loan in a past month, which change how a later payment splits', async () => {
    const loan = await app.ctx.db
      .selectFrom('loan_status as s')
      .innerJoin('loans as l', 'l.id', 's.loan_id')
      .select('l.id')
      .where('l.status', '=', 'active')
      // Installments still to come, for the surplus to prepay.
      .where('l.start_date', '>', '2025-12-31')
      .where('l.start_date', '<', '2026-04-01')
      .orderBy('s.outstanding_principal', 'desc')
      .executeTakeFirstOrThrow();
    // Mostly paid off in April (still open): the surplus over the arrears prepays principal…
    // A fifth of the payoff stays owed, so the payments after 20 April cannot settle it either.
    const payoff = Math.min(
      (await app.call('loans.get', { id: loan.id, asOf: '2026-04-20' })).payoff,
      (await app.call('loans.get', { id: loan.id })).payoff,
    );
    expect((await app.call('loans.get', { id: loan.id })).statement.overdue.principal).toBeLessThan(
      payoff / 2,
    );
    await app.ctx.db.transaction().execute((trx) =>
      recordPayment(trx, app.ctx, {
        loanId: loan.id,
        date: '2026-04-20',
        amount: payoff - Math.floor(payoff / 5),
        method: 'cash',
        reference: 'pays most of it',
        receivedBy: 'test',
      }),
    );
    await keepMonthEndsThrough(app.ctx.db, '2026-05');
    const aprilFees = async () => (await completedMonth(app.ctx, '2026-04')).figures.collections.fees;
    const feesBefore = await aprilFees();
    // …until costs charged from 2 April take the first 800.00 of that surplus.
    const { id: caseId } = await app.call('collections.openLegalCase', {
      loanId: loan.id,
      date: '2026-04-01',
      note: 'referred',
    });
    await app.call('collections.advanceLegalCase', {
      caseId,
      stage: 'lawyer-engaged',
      date: '2026-04-02',
      cost: 80_000,
      chargeToLoan: true,
    });
    expect((await aprilFees()) - feesBefore).toBe(80_000);
    await expectSameFigures();
  });

  it('gives the dashboard the engine PAR trend and collections of the months that ended', async () => {
    const dashboard = await app.call('reports.dashboard', {});
    const book = await loadWholeBook(app.ctx.db);
    for (const month of MONTHS) {
      const end = lastDayOfMonth(month);
      let outstanding = 0;
      let par30 = 0;
      let collected = 0;
      for (const loan of book) {
        if (loan.book.loan.start_date > end) continue;
        const s = statementOf(loan.book, end);
        for (const a of s.allocations)
          if (a.date >= `${month}-01`) collected += a.penalty + a.interest + a.principal;
        if (!['active', 'restructured', 'legal'].includes(statusOn(loan, end))) continue;
        outstanding += s.outstandingPrincipal;
        if (s.daysPastDue > 30) par30 += s.outstandingPrincipal;
      }
      const trend = dashboard.parTrend12.find((p) => p.month === month)!;
      expect(trend.par30, month).toBe(rate4(par30, outstanding));
      const c = dashboard.collections12.find((p) => p.month === month)!;
      expect(c.penalty + c.interest + c.principal, month).toBe(collected);
    }
    // This month's collections come from the status cache's running totals.
    let thisMonth = 0;
    for (const loan of book) {
      for (const a of statementOf(loan.book, TODAY).allocations)
        if (a.date > addDays('2026-06-01', -1)) thisMonth += a.penalty + a.interest + a.principal + a.charges;
    }
    expect(dashboard.collectedThisMonth).toBe(thisMonth);
    expect(thisMonth).toBeGreaterThan(0);
  });
});

describe('building month-end history for a whole book', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await openTestApp(TODAY);
    await seedLoanBook(app.ctx, { loans: 1_200, seed: 12, asOf: TODAY });
  }, 120_000);
  afterAll(async () => app.dispose());

  it('reports its progress to the dashboard waiting on it, and computes each loan once when asked twice', async () => {
    const seen: WorkProgress[] = [];
    const first = keepMonthEndsThrough(app.ctx.db, '2026-05');
    const again = keepMonthEndsThrough(app.ctx.db, '2026-05');
    const dashboard = await app.dispatch('reports.dashboard', {}, { progress: (p) => seen.push(p) });
    expect(dashboard.ok).toBe(true);
    // The second caller, and the dashboard, joined the build in flight instead of computing the
    // same loans again.
    expect(await first).toBeGreaterThan(1_000);
    expect(await again).toBe(0);
    // Counted once the stale loans are known.
    expect(seen.some((p) => p.done > 0 && p.done < p.total)).toBe(true);
    const totals = new Set(seen.map((p) => p.total));
    expect(totals.size).toBe(1);
    expect([...totals][0]).toBeGreaterThan(1_000);
    expect(seen.at(-1)!.done).toBe(seen.at(-1)!.total);
    expect(await keepMonthEndsThrough(app.ctx.db, '2026-05')).toBe(0);
  });

  it('answers a cancelled caller at once, and stops only when every caller has cancelled', async () => {
    const through = '2026-04';
    // Forget the cache so that every loan is built again.
    await app.ctx.db.updateTable('loan_status').set({ month_ends_through: null }).execute();
    const leaving = new AbortController();
    const staying = new AbortController();
    const heard: WorkProgress[] = [];
    const left = runAsWork({ signal: leaving.signal }, () => keepMonthEndsThrough(app.ctx.db, through));
    const stayed = runAsWork(
      {
        signal: staying.signal,
        progress: (p) => {
          heard.push(p);
          if (p.done > 0) leaving.abort();
        },
      },
      () => keepMonthEndsThrough(app.ctx.db, through),
    );
    await expect(left).rejects.toMatchObject({ code: 'cancelled' });
    // The caller still waiting kept the build going to the end.
    expect(await stayed).toBe(0);
    expect(heard.at(-1)!.done).toBe(heard.at(-1)!.total);

    await app.ctx.db.updateTable('loan_status').set({ month_ends_through: null }).execute();
    const alone = new AbortController();
    const stopped = runAsWork({ signal: alone.signal, progress: (p) => p.done > 0 && alone.abort() }, () =>
      keepMonthEndsThrough(app.ctx.db, through),
    );
    await expect(stopped).rejects.toMatchObject({ code: 'cancelled' });
    // With nobody left waiting, the build stops at its next chunk boundary.
    while (monthEndsProgress(app.ctx.db) !== null) await new Promise((resolve) => setImmediate(resolve));
    const builtThrough = async () =>
      Number(
        (
          await app.ctx.db
            .selectFrom('loan_status')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('month_ends_through', '=', through)
            .executeTakeFirstOrThrow()
        ).n,
      );
    // The chunks done are kept (each right as far as it goes); the rest waits for the next caller.
    const kept = await builtThrough();
    expect(kept).toBeGreaterThan(0);
    const rest = await keepMonthEndsThrough(app.ctx.db, through);
    expect(rest).toBeGreaterThan(0);
    expect(await builtThrough()).toBe(kept + rest);
  });

  it('reports how far a month still running has got, and stops when cancelled', async () => {
    const month = TODAY.slice(0, 7);
    const seen: WorkProgress[] = [];
    const report = await app.dispatch('reports.monthly', { month }, { progress: (p) => seen.push(p) });
    expect(report.ok).toBe(true);
    const inBook = Number(
      (
        await app.ctx.db
          .selectFrom('loans')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', '<>', 'draft')
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(seen.filter((p) => p.phase === 'runningMonth').at(-1)).toEqual({
      phase: 'runningMonth',
      done: inBook,
      total: inBook,
    });
    const stop = new AbortController();
    stop.abort();
    expect(await app.dispatch('reports.monthly', { month }, { signal: stop.signal })).toMatchObject({
      ok: false,
      error: { code: 'cancelled' },
    });
  });
});
