/**
 * Legal costs charged to the loan are owed by the borrower: they raise the payoff by exactly their
 * amount, a payment pays them after the installments already due, and the monthly report counts
 * that money as fees. Costs not charged to the loan stay the lender's.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { givenACarTitleLoan } from '../../support/fixtures';
import { openTestApp, type TestApp } from '../../support/test-app';

describe('legal costs charged to the loan', () => {
  let app: TestApp;
  let loanId: number;
  beforeEach(async () => {
    // 2026-04-05: the first installment (due 2026-04-10) is not yet due, so nothing is overdue.
    app = await openTestApp('2026-04-05');
    ({ loanId } = await givenACarTitleLoan(app.dispatch));
  });
  afterEach(async () => app.dispose());

  it('raises the payoff by exactly the charged costs, and a payment then pays them down', async () => {
    const before = await app.call('loans.get', { id: loanId });
    const { id: caseId } = await app.call('collections.openLegalCase', {
      loanId,
      date: '2026-04-01',
      note: 'Referred after the car went missing',
    });
    await app.call('collections.advanceLegalCase', {
      caseId,
      stage: 'lawyer-engaged',
      date: '2026-04-02',
      cost: 80_000,
      chargeToLoan: true,
    });
    await app.call('collections.advanceLegalCase', {
      caseId,
      stage: 'filed',
      date: '2026-04-03',
      cost: 20_000,
    });

    const charged = await app.call('loans.get', { id: loanId });
    expect(charged.payoff - before.payoff).toBe(80_000);
    expect(charged.statement.chargesOutstanding).toBe(80_000);
    expect([charged.statement.daysPastDue, charged.statement.bucket]).toEqual([
      before.statement.daysPastDue,
      before.statement.bucket,
    ]);

    // Nothing is due yet, so 500.00 goes to the charge and none of it prepays the schedule.
    const preview = await app.call('payments.preview', { loanId, date: '2026-04-05', amount: 50_000 });
    expect(preview.split).toEqual({ penalty: 0, interest: 0, principal: 0, unapplied: 0, charges: 50_000 });
    expect(preview.payoff).toBe(charged.payoff);

    await app.call('payments.record', { loanId, date: '2026-04-05', amount: 50_000, method: 'cash' });
    const paid = await app.call('loans.get', { id: loanId });
    expect(paid.payoff).toBe(before.payoff + 30_000);
    expect(paid.statement.chargesOutstanding).toBe(30_000);
    expect(paid.statement.outstandingPrincipal).toBe(before.statement.outstandingPrincipal);
    expect(paid.payments[0]?.split?.charges).toBe(50_000);

    const report = await app.call('reports.monthly', { month: '2026-04' });
    // The loan was disbursed in March, so April's fees are the charge alone.
    expect([report.collections.fees, report.collections.total]).toEqual([50_000, 50_000]);
    expect([report.collections.penalty, report.collections.interest, report.collections.principal]).toEqual([
      0, 0, 0,
    ]);
    expect(report.collections.payments).toBe(1);

    // No more than everything owed: the payoff now includes what is left of the charge.
    const tooMuch = await app.attempt('payments.preview', {
      loanId,
      date: '2026-04-05',
      amount: paid.payoff + 1,
    });
    expect(tooMuch.ok ? '' : tooMuch.error.message).toContain('more than the payoff on');
  });
});
