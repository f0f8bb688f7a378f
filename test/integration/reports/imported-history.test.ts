import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPayment, reversePayment } from '../../../electron/services/payments/payments.service';
import { loadWholeBook } from '../../../electron/services/reports/book-snapshot';
import { completedMonth, reportLoansFromEngine } from '../../../electron/services/reports/report.service';
import { monthlyFigures } from '../../../shared/reports/monthly';
import { openTestApp, type TestApp } from '../../support/test-app';
import { importInto } from '../import/support';

/**
 * A loan history imported on 2026-12-05, reported for October 2026. Every loan is 10,000.00 at
 * 0%, repaid in one sum (bullet), so what is owed is plain:
 *  A  disbursed 02-01, due 03-01, repaid 03-01          → out of the book long before October
 *  B  disbursed 09-01, due 10-01, repaid 10-15          → current on 30 Sep, paid off in October
 *  C  disbursed 09-10, due 10-10, repaid 11-20          → 21 days past due on 31 Oct
 *  D  disbursed 08-01 over 6 months, due 2027-02-01     → current, nothing paid yet
 */
const TODAY = '2026-12-05';
const OCTOBER = '2026-10';
const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.join(',')).join('\r\n'));
const loan = (number: string, start: string, months: string) => [
  number,
  '周芳',
  '110101199204041234',
  '10000',
  '0',
  months,
  start,
  '到期一次还本付息',
];

describe('an imported loan history', () => {
  let app: TestApp;
  const ids: Record<string, number> = {};
  const historyOf = async (id: number) =>
    (
      await app.ctx.db
        .selectFrom('loan_status_changes')
        .select(['changed_on', 'to_status', 'recorded_on'])
        .where('loan_id', '=', id)
        .orderBy('id')
        .execute()
    ).map((c) => [c.changed_on, c.to_status, c.recorded_on]);
  /** October from the cache, checked against the engine walking the same book. */
  const october = async () => {
    const fromCache = (await completedMonth(app.ctx, OCTOBER)).figures;
    const book = await loadWholeBook(app.ctx.db);
    expect(fromCache).toEqual(
      monthlyFigures(
        OCTOBER,
        '2026-10-01',
        '2026-10-31',
        reportLoansFromEngine(book, '2026-10-01', '2026-10-31'),
      ),
    );
    return fromCache;
  };
  const fromCurrent = (figures: Awaited<ReturnType<typeof october>>) =>
    figures.rollRate.find((r) => r.from === 'current')!.to;

  beforeAll(async () => {
    app = await openTestApp(TODAY);
    const result = await importInto(app, [
      {
        name: 'loans.csv',
        bytes: csv([
          ['合同编号', '借款人', '身份证号', '贷款金额', '年利率', '期限', '放款日期', '还款方式'],
          loan('IMP-A', '2026-02-01', '1'),
          loan('IMP-B', '2026-09-01', '1'),
          loan('IMP-C', '2026-09-10', '1'),
          loan('IMP-D', '2026-08-01', '6'),
        ]),
      },
      {
        name: 'payments.csv',
        bytes: csv([
          ['合同编号', '还款日期', '还款金额'],
          ['IMP-A', '2026-03-01', '10000'],
          ['IMP-B', '2026-10-15', '10000'],
          ['IMP-C', '2026-11-20', '10000'],
        ]),
      },
    ]);
    expect(result.errors).toEqual([]);
    for (const l of await app.ctx.db.selectFrom('loans').select(['id', 'number']).execute())
      ids[l.number] = l.id;
  });
  afterAll(async () => app.dispose());

  it('opens each status history on the disbursement day and closes it on the day the last payment cleared it', async () => {
    expect(await historyOf(ids['IMP-A']!)).toEqual([
      ['2026-02-01', 'active', TODAY],
      ['2026-03-01', 'closed', TODAY],
    ]);
    expect(await historyOf(ids['IMP-B']!)).toEqual([
      ['2026-09-01', 'active', TODAY],
      ['2026-10-15', 'closed', TODAY],
    ]);
    expect(await historyOf(ids['IMP-C']!)).toEqual([
      ['2026-09-10', 'active', TODAY],
      ['2026-11-20', 'closed', TODAY],
    ]);
    expect(await historyOf(ids['IMP-D']!)).toEqual([['2026-08-01', 'active', TODAY]]);
  });

  it("leaves the loan repaid in March out of October's book, and puts the one repaid in October in the paid-off column", async () => {
    const figures = await october();
    // C (overdue) and D: A and B are gone by 31 October.
    expect(figures.summary.loansInBook).toBe(2);
    expect(figures.summary.outstanding).toBe(2_000_000);
    expect(figures.summary.overdueLoans).toBe(1);
    // On 30 September B, C and D were current (A was not in the book); B was paid off, C rolled.
    const to = fromCurrent(figures);
    expect(to['paid-off']).toEqual({ count: 1, outstanding: 1_000_000 });
    expect(to['1-30']).toEqual({ count: 1, outstanding: 1_000_000 });
    expect(to.current).toEqual({ count: 1, outstanding: 1_000_000 });
    expect(
      figures.rollRate.reduce((n, r) => n + Object.values(r.to).reduce((m, c) => m + c.count, 0), 0),
    ).toBe(3);
    expect(figures.recovery.curedLoans).toBe(0);
    // The payments of A and B were dated in or before October and keyed in today.
    expect((await app.call('reports.monthly', { month: OCTOBER })).lateEntries).toBe(2);
  });

  it('dates a back-dated settlement and its reversal on the day they took effect, each counted once', async () => {
    const d = ids['IMP-D']!;
    const { id: paymentId } = await app.ctx.db.transaction().execute((trx) =>
      recordPayment(trx, app.ctx, {
        loanId: d,
        date: '2026-10-20',
        amount: 1_000_000,
        method: 'bank-transfer',
        reference: 'found in the October bank statement',
        receivedBy: 'test',
      }),
    );
    expect((await app.call('loans.get', { id: d })).status).toBe('closed');
    expect((await historyOf(d)).at(-1)).toEqual(['2026-10-20', 'closed', TODAY]);
    let figures = await october();
    expect(fromCurrent(figures)['paid-off'].count).toBe(2);
    expect(figures.summary.loansInBook).toBe(1);
    expect((await app.call('reports.monthly', { month: OCTOBER })).lateEntries).toBe(3);

    await app.ctx.db.transaction().execute((trx) => reversePayment(trx, app.ctx, paymentId, 'bounced'));
    expect((await app.call('loans.get', { id: d })).status).toBe('active');
    // Reopened on the day it had closed: the settlement never held.
    expect((await historyOf(d)).at(-1)).toEqual(['2026-10-20', 'active', TODAY]);
    figures = await october();
    expect(fromCurrent(figures)['paid-off'].count).toBe(1);
    expect(fromCurrent(figures).current.count).toBe(1);
    expect(figures.summary.loansInBook).toBe(2);
    expect((await app.call('reports.monthly', { month: OCTOBER })).lateEntries).toBe(4);
  });
});
