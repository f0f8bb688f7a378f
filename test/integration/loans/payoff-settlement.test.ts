/**
 * Payoff, settlement, partial prepayment and receipts through the real services. The loan is the
 * fixtures' car-title loan: 60,000.00 at 12% (1% a month) over 12 months from 2026-03-10,
 * installments of 5,330.93 due on the 10th from 2026-04-10, penalty 0.05% a day after 3 days.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError, FieldIssue } from '../../../shared/contract';
import { givenACarTitleLoan } from '../../support/fixtures';
import { openTestApp, type TestApp } from '../../support/test-app';
import { openAccessApp, movableClock, type AccessApp } from '../access/support';

const INSTALLMENT = 5_330_93;
let app: TestApp | AccessApp;
afterEach(async () => app.dispose());

const pay = (loanId: number, date: string, amount: number, more: object = {}) =>
  app.call('payments.record', { loanId, date, amount, method: 'cash', ...more });
const reasonOf = (error: ApiError) => (error.details as FieldIssue[] | undefined)?.[0]?.reason;

describe('payoff', () => {
  it('on the day of disbursement is the principal: no interest has been earned yet', async () => {
    app = await openTestApp('2026-03-10');
    const { loanId } = await givenACarTitleLoan(app.dispatch);
    const loan = await app.call('loans.get', { id: loanId });
    expect(loan.payoff).toBe(60_000_00);
    // The whole schedule would cost 12 × 5,330.93; none of that interest is owed today.
    expect(loan.statement.payoff).toMatchObject({ principal: 60_000_00, interestAccrued: 0 });
  });

  it('mid-period counts the days of the running period, and a payment of it settles the loan', async () => {
    app = await openTestApp('2026-05-01');
    const { loanId } = await givenACarTitleLoan(app.dispatch);
    await pay(loanId, '2026-04-10', INSTALLMENT);
    // Principal 60,000.00 − 4,730.93 = 55,269.07; installment 2's interest 552.69 for 21 of the
    // 30 days from 04-10 to 05-10: 386.883 → 386.88. Payoff 55,655.95.
    const before = await app.call('loans.get', { id: loanId });
    expect(before.payoff).toBe(55_655_95);

    const preview = await app.call('payments.preview', { loanId, date: '2026-05-01', amount: 55_655_95 });
    expect(preview.settlement).toBe(true);
    const { id } = await pay(loanId, '2026-05-01', 55_655_95);

    const after = await app.call('loans.get', { id: loanId });
    expect([after.status, after.statement.settledOn, after.statement.outstandingPrincipal]).toEqual([
      'closed',
      '2026-05-01',
      0,
    ]);
    expect(after.statement.installments.slice(1).every((i) => i.status === 'settled')).toBe(true);
    const receipt = await app.call('payments.receipt', { paymentId: id });
    expect(receipt).toMatchObject({ settledLoan: true, copy: false, outstandingPrincipalAfter: 0 });
    expect(receipt.split).toMatchObject({ interest: 386_88, principal: 55_269_07, settlement: true });
    // A closed loan takes no more payments.
    const again = await app.attempt('payments.record', {
      loanId,
      date: '2026-05-01',
      amount: 100,
      method: 'cash',
    });
    expect(again.ok).toBe(false);
  });

  it('refuses a payment above the payoff on its date, with the figures for the screen', async () => {
    app = await openTestApp('2026-03-10');
    const { loanId } = await givenACarTitleLoan(app.dispatch);
    const result = await app.attempt('payments.record', {
      loanId,
      date: '2026-03-10',
      amount: 60_000_01,
      method: 'cash',
    });
    if (result.ok) throw new Error('accepted an overpayment');
    expect(reasonOf(result.error)).toBe('payment.aboveDue');
    expect((result.error.details as FieldIssue[])[0]).toMatchObject({
      field: 'amount',
      params: { amount: 60_000_01, payoff: 60_000_00, date: '2026-03-10' },
    });
    expect((await app.call('loans.get', { id: loanId })).payments).toEqual([]);
  });
});

describe('receipts stay as printed', () => {
  it('a back-dated entry and a reversal change how a payment applies, never its receipt', async () => {
    app = await openTestApp('2026-06-15');
    const { loanId } = await givenACarTitleLoan(app.dispatch);
    // Paid late on 05-12: installment 1 (due 04-10) carries 32 days of penalty.
    const late = await pay(loanId, '2026-05-12', INSTALLMENT);
    const printed = await app.call('payments.receipt', { paymentId: late.id });
    expect(printed.split.penalty).toBeGreaterThan(0);

    // Keyed in later: a payment made on 04-12, within grace. Installment 1 was paid then, so the
    // 05-12 money now pays installment 2 (due 05-10) within its grace, with no penalty.
    const early = await pay(loanId, '2026-04-12', INSTALLMENT);
    const history = (await app.call('loans.get', { id: loanId })).payments;
    const row = history.find((p) => p.id === late.id)!;
    expect(row.split?.penalty).toBe(0);
    expect(row.receiptSplit).toEqual(printed.split);

    await app.call('payments.reverse', { paymentId: early.id, reason: 'bounced transfer' });
    const reprint = await app.call('payments.receipt', { paymentId: late.id, copy: true });
    expect(reprint.copy).toBe(true);
    const figures = (r: typeof printed) => ({ split: r.split, amount: r.amount, date: r.date });
    expect(figures(reprint)).toEqual(figures(printed));
  });
});

describe('partial prepayment', () => {
  it('reduces the installment with a new schedule version named for it', async () => {
    app = await openTestApp('2026-06-10');
    const { loanId } = await givenACarTitleLoan(app.dispatch);
    await pay(loanId, '2026-04-10', INSTALLMENT);
    await pay(loanId, '2026-05-10', INSTALLMENT);
    const before = await app.call('loans.get', { id: loanId });
    // 20,000.00 on 06-10: installment 3 (due today) is paid, the rest repays principal.
    const preview = await app.call('payments.preview', {
      loanId,
      date: '2026-06-10',
      amount: 20_000_00,
      prepay: { mode: 'reduce-installment' },
    });
    expect(preview.dueNow).toBe(INSTALLMENT);
    expect(preview.prepay).toMatchObject({ installmentsLeft: 9, endDate: '2027-03-10' });
    expect(preview.prepay!.prepaidPrincipal).toBe(20_000_00 - INSTALLMENT);
    expect(preview.prepay!.newInstallment).toBeLessThan(INSTALLMENT);

    await pay(loanId, '2026-06-10', 20_000_00, { prepay: { mode: 'reduce-installment' } });
    const after = await app.call('loans.get', { id: loanId });
    expect(after.activeVersion).toBe(2);
    expect(after.versions.at(-1)).toMatchObject({
      reason: 'prepayment',
      name: { kind: 'prepayment', mode: 'reduce-installment', date: '2026-06-10' },
    });
    const third = before.statement.installments[2]!;
    expect(after.statement.outstandingPrincipal).toBe(
      before.statement.outstandingPrincipal - third.principal - preview.prepay!.prepaidPrincipal,
    );
    expect([after.statement.daysPastDue, after.statement.unapplied]).toEqual([0, 0]);
    expect(after.statement.nextDue).toEqual({
      dueDate: '2026-07-10',
      amount: preview.prepay!.newInstallment,
    });
  });

  it('refuses what it cannot take, naming the field and the reason, and writes nothing', async () => {
    app = await openTestApp('2026-06-10');
    const { loanId } = await givenACarTitleLoan(app.dispatch);
    await pay(loanId, '2026-04-10', INSTALLMENT);
    await pay(loanId, '2026-05-10', INSTALLMENT);
    const onlyDue = await app.attempt('payments.record', {
      loanId,
      date: '2026-06-10',
      amount: INSTALLMENT,
      method: 'cash',
      prepay: { mode: 'shorten-term' },
    });
    if (onlyDue.ok) throw new Error('accepted a prepayment of nothing');
    expect(reasonOf(onlyDue.error)).toBe('payment.prepayNothingBeyondDue');
    const tooEarly = await app.attempt('payments.preview', {
      loanId,
      date: '2026-05-01',
      amount: 10_000_00,
      prepay: { mode: 'reduce-installment' },
    });
    if (tooEarly.ok) throw new Error('re-planned before the last payment');
    expect(reasonOf(tooEarly.error)).toBe('payment.prepayBeforeLastPayment');
    const loan = await app.call('loans.get', { id: loanId });
    expect([loan.activeVersion, loan.payments.length]).toEqual([1, 2]);
  });

  it('takes the early-settlement terms from Settings → Loans when the loan is made, and keeps them', async () => {
    app = await openTestApp('2026-03-10');
    const bad = await app.attempt('settings.update', { prepaymentFeePercent: '150' });
    expect(bad.ok).toBe(false);
    await app.call('settings.update', { prepaymentInterest: 'whole-period', prepaymentFeePercent: '2' });
    const { loanId } = await givenACarTitleLoan(app.dispatch);
    await app.call('settings.update', { prepaymentInterest: 'to-date', prepaymentFeePercent: '0' });
    const loan = await app.call('loans.get', { id: loanId });
    expect(loan.prepayment).toEqual({ interest: 'whole-period', feePercent: '2' });
    // 60,000.00 + installment 1's 600.00 interest for the whole period + 2% of 60,000.00.
    expect(loan.payoff).toBe(60_000_00 + 600_00 + 1_200_00);
  });
});

describe('a settlement dated before the last payment', () => {
  it('needs a second user, as back-dating does', async () => {
    const access = await openAccessApp(movableClock('2026-06-15T09:00:00Z'));
    app = access;
    await access.as('owner', 'owner');
    const { loanId } = await givenACarTitleLoan(app.dispatch);
    await pay(loanId, '2026-06-14', INSTALLMENT);
    const payoffThen = (await app.call('loans.get', { id: loanId, asOf: '2026-06-13' })).payoff;
    const result = await app.attempt('payments.record', {
      loanId,
      date: '2026-06-13',
      amount: payoffThen,
      method: 'cash',
    });
    if (result.ok) throw new Error('settled before the last payment without approval');
    expect(result.error.details).toMatchObject({
      needsApproval: 'backdated-payment',
      reason: 'payment.settlementBeforeLastPayment',
    });
  });
});
