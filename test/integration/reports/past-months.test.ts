import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type PledgebookApp } from '../../../electron/services/app';
import type { Actor } from '../../../electron/services/auth/actor';
import { loadLoanRecords } from '../../../electron/services/loans/loan-records';
import { statementOf } from '../../../electron/services/loans/statement';
import { recordPayment, reversePayment } from '../../../electron/services/payments/payments.service';
import { loadWholeBook } from '../../../electron/services/reports/book-snapshot';
import { completedMonth, reportLoansFromEngine } from '../../../electron/services/reports/report.service';
import type { MethodInput, MethodName, MethodOutput, MonthlyReport } from '../../../shared/contract';
import { monthlyFigures } from '../../../shared/reports/monthly';
import { givenACarTitleLoan } from '../../support/fixtures';
import { callersOf } from '../../support/test-app';

/**
 * Given the 60,000.00 car-title loan (annuity at 12%, due on the 10th from 2026-04-10, penalty
 * 0.05% a day after 3 grace days) with installment 1 paid and 2 (05-10) and 3 (06-10) unpaid,
 * June ends 51 days past due. June's figures are read in July, then a plan is approved on
 * 20 July (the "October report, plan approved 20 November"), then a payment dated
 * 20 June is keyed in on 25 July.
 */
const ZHANG: Actor = { userId: 2, username: 'zhang', displayName: 'Zhang Wei', role: 'manager' };
const CHEN: Actor = { userId: 3, username: 'chen', displayName: 'Chen Jie', role: 'owner' };
const JUNE = '2026-06';

describe("a past month's figures", () => {
  const dir = mkdtempSync(join(tmpdir(), 'pledgebook-past-months-'));
  let today = '2026-03-10';
  let app: PledgebookApp;
  let loanId: number;
  let juneBefore: MonthlyReport;
  const call = <M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>> =>
    callersOf(app).call(method, input);

  /** June from the engine alone, each day on the schedule in force then. */
  const juneFromEngine = async () =>
    monthlyFigures(
      JUNE,
      '2026-06-01',
      '2026-06-30',
      reportLoansFromEngine(await loadWholeBook(app.ctx.db), '2026-06-01', '2026-06-30'),
    );
  /** June summed from a month-end cache built afresh, not kept from before. */
  const juneFromFreshCache = async () => {
    await app.ctx.db.deleteFrom('loan_month_ends').execute();
    await app.ctx.db.updateTable('loan_status').set({ month_ends_through: null }).execute();
    return (await completedMonth(app.ctx, JUNE)).figures;
  };
  const withoutDay = (r: MonthlyReport) => ({ ...r, generatedOn: '' });

  beforeAll(async () => {
    app = await openApp({
      databasePath: join(dir, 'book.db'),
      clock: { today: () => today, now: () => `${today}T09:00:00.000Z` },
    });
    loanId = (await givenACarTitleLoan(app.dispatch)).loanId;
    today = '2026-04-10';
    await call('payments.record', { loanId, date: '2026-04-10', amount: 533_093, method: 'cash' });
    today = '2026-07-05';
    juneBefore = await call('reports.monthly', { month: JUNE });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are first read with the loan overdue at the month end, alike from the cache and the engine', async () => {
    expect(juneBefore.topOverdue.map((t) => t.daysPastDue)).toEqual([51]);
    expect(juneBefore.summary.overdueAmount).toBeGreaterThan(2 * 5_000_00);
    expect(juneBefore.summary.par.par1).toBe('1.0000');
    expect(juneBefore.lateEntries).toBe(0);
    const { month, monthStart, monthEnd, summary, rollRate, aging, topOverdue } = juneBefore;
    expect(await juneFromEngine()).toMatchObject({
      month,
      monthStart,
      monthEnd,
      summary,
      rollRate,
      aging,
      topOverdue,
    });
  });

  it('do not move when a plan is approved after the month, and count no late entry', async () => {
    today = '2026-07-20';
    app.session.signIn(ZHANG);
    const proposed = await call('plans.propose', {
      loanId,
      spec: { type: 'arrears-installments', months: 3, waivePenaltyPercent: '100' },
      note: 'lost a contract',
    });
    app.session.signIn(CHEN);
    await call('plans.decide', { planId: proposed.id, decision: 'approve', note: 'ok' });
    // The plan took: on its schedule, 30 June would no longer look 51 days late.
    const book = await loadLoanRecords(app.ctx.db, loanId);
    expect(book.version).toBe(2);
    expect(statementOf(book, '2026-06-30').daysPastDue).not.toBe(51);

    today = '2026-08-03';
    const juneAfter = await call('reports.monthly', { month: JUNE });
    expect(withoutDay(juneAfter)).toEqual(withoutDay(juneBefore));
    expect(juneAfter.lateEntries).toBe(0);
    const engine = await juneFromEngine();
    expect(engine.summary).toEqual(juneBefore.summary);
    expect(await juneFromFreshCache()).toEqual(engine);
  });

  it('change for a payment dated in the month and keyed in later, which the report counts once', async () => {
    today = '2026-08-05';
    await app.ctx.db.transaction().execute((trx) =>
      recordPayment(trx, app.ctx, {
        loanId,
        date: '2026-06-20',
        amount: 533_093,
        method: 'cash',
        reference: 'found in the June bank statement',
        receivedBy: 'test',
      }),
    );
    const juneLate = await call('reports.monthly', { month: JUNE });
    expect(juneLate.lateEntries).toBe(1);
    expect(juneLate.summary.overdueAmount).toBeLessThan(juneBefore.summary.overdueAmount);
    expect(juneLate.collections.payments).toBe(juneBefore.collections.payments + 1);
    const engine = await juneFromEngine();
    expect(engine.summary).toEqual(juneLate.summary);
    expect(await juneFromFreshCache()).toEqual(engine);
    // May was before every entry's date: still nothing late there.
    expect((await call('reports.monthly', { month: '2026-05' })).lateEntries).toBe(0);
  });

  it('count a reversal keyed in later only where the payment it reverses was dated', async () => {
    today = '2026-08-06';
    const late = await app.ctx.db
      .selectFrom('payments')
      .select('id')
      .where('loan_id', '=', loanId)
      .where('date', '=', '2026-06-20')
      .executeTakeFirstOrThrow();
    // Straight through the service: reversing asks a second person's approval on the screen.
    await app.ctx.db
      .transaction()
      .execute((trx) => reversePayment(trx, app.ctx, late.id, 'the bank returned it'));
    // June: the late payment and now its reversal, dated August but undoing a June payment.
    expect((await call('reports.monthly', { month: JUNE })).lateEntries).toBe(2);
    // May: the reversed payment was dated after May, so May's figures cannot move.
    expect((await call('reports.monthly', { month: '2026-05' })).lateEntries).toBe(0);
  });
});
