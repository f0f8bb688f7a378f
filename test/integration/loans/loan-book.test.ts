import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeStatement, buildSchedule } from '../../../shared/engine';
import { openTestApp, WANG_FANG, type TestApp } from '../../support/test-app';

/**
 * A car-title loan of 60,000 at 12% over 12 months (annuity, A = 5,330.93), disbursed
 * 2026-03-10, penalty 0.05% a day, 3 grace days; today is 2026-06-15.
 */
const TERMS = {
  method: 'annuity',
  principal: 6_000_000,
  annualRatePercent: '12',
  months: 12,
  startDate: '2026-03-10',
} as const;

async function givenACarTitleLoan(app: TestApp) {
  const borrower = await app.call('borrowers.create', WANG_FANG);
  const loan = await app.call('loans.create', {
    borrowerId: borrower.id,
    product: 'car-title',
    terms: TERMS,
    penaltyDailyRatePercent: '0.05',
    graceDays: 3,
  });
  return { borrowerId: borrower.id, loanId: loan.id, number: loan.number };
}

describe('the loan book services', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  it('numbers loans with the configured prefix and the disbursement year', async () => {
    await app.call('settings.update', { loanNumberPrefix: 'CT' });
    const { number } = await givenACarTitleLoan(app);
    expect(number).toBe('CT-2026-000001');
  });

  it('shows the statement the engine computes, and a late partial payment split penalty → interest → principal', async () => {
    const { loanId } = await givenACarTitleLoan(app);
    const preview = await app.call('payments.preview', { loanId, date: '2026-05-20', amount: 300_000 });
    // 40 days × 5,330.93 × 0.05% = 106.6186 → 106.62; interest 600.00; the rest to principal.
    expect(preview.split).toEqual({ penalty: 10_662, interest: 60_000, principal: 229_338, unapplied: 0 });
    expect(preview.byInstallment).toEqual([
      { n: 1, dueDate: '2026-04-10', penalty: 10_662, interest: 60_000, principal: 229_338 },
    ]);

    await app.call('payments.record', { loanId, date: '2026-05-20', amount: 300_000, method: 'cash' });
    const loan = await app.call('loans.get', { id: loanId });
    const expected = computeStatement({
      installments: buildSchedule(TERMS),
      penaltyDailyRatePercent: '0.05',
      graceDays: 3,
      payments: [{ date: '2026-05-20', amount: 300_000, ref: 'R-2026-000001' }],
      asOf: '2026-06-15',
    });
    expect(loan.statement).toEqual(expected);
    expect(loan.statement.daysPastDue).toBe(66);
    expect(loan.statement.bucket).toBe('61-90');
    expect(loan.payments[0]?.split).toEqual({
      penalty: 10_662,
      interest: 60_000,
      principal: 229_338,
      unapplied: 0,
    });
  });

  it('keeps the status cache equal to the engine, and lists DPD from it on any later day', async () => {
    const { loanId } = await givenACarTitleLoan(app);
    await app.call('payments.record', {
      loanId,
      date: '2026-04-12',
      amount: 533_093,
      method: 'bank-transfer',
    });
    const row = await app.ctx.db
      .selectFrom('loan_status')
      .selectAll()
      .where('loan_id', '=', loanId)
      .executeTakeFirstOrThrow();
    const engine = (await app.call('loans.get', { id: loanId })).statement;
    expect(row.oldest_unpaid_due_date).toBe(engine.oldestUnpaidDueDate);
    expect(row.outstanding_principal).toBe(engine.outstandingPrincipal);
    const list = await app.call('loans.list', {});
    expect(list.rows[0]).toMatchObject({ daysPastDue: engine.daysPastDue, bucket: engine.bucket });
    // Installment 2 (due 05-10) is the oldest unpaid: 36 days on 06-15.
    expect(engine.daysPastDue).toBe(36);
    for (const asOf of ['2026-07-01', '2026-09-30']) {
      const later = (await app.call('loans.get', { id: loanId, asOf })).statement;
      const cachedDpd = Math.max(
        0,
        (Date.parse(asOf) - Date.parse(row.oldest_unpaid_due_date!)) / 86_400_000,
      );
      expect(later.daysPastDue).toBe(cachedDpd);
    }
  });

  it('reverses a payment with a new entry and recomputes; a second reversal is refused', async () => {
    const { loanId } = await givenACarTitleLoan(app);
    const paid = await app.call('payments.record', {
      loanId,
      date: '2026-05-20',
      amount: 300_000,
      method: 'cash',
    });
    await app.call('payments.reverse', { paymentId: paid.id, reason: 'cheque bounced' });
    const loan = await app.call('loans.get', { id: loanId });
    expect(loan.payments).toHaveLength(2);
    expect(loan.payments[0]).toMatchObject({ id: paid.id, reversedBy: loan.payments[1]!.id, split: null });
    expect(loan.payments[1]).toMatchObject({ reversesPaymentId: paid.id, reversalReason: 'cheque bounced' });
    expect(loan.statement.outstandingPrincipal).toBe(6_000_000);
    const again = await app.attempt('payments.reverse', { paymentId: paid.id, reason: 'again' });
    expect(again).toMatchObject({ ok: false, error: { code: 'rule-violation' } });
    const noReason = await app.attempt('payments.reverse', { paymentId: paid.id, reason: '' });
    expect(noReason).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('closes the loan when everything is paid and reopens it when that payment is reversed', async () => {
    const { loanId } = await givenACarTitleLoan(app);
    const { payoff } = await app.call('loans.get', { id: loanId });
    const paid = await app.call('payments.record', {
      loanId,
      date: '2026-06-15',
      amount: payoff,
      method: 'bank-transfer',
    });
    expect((await app.call('loans.get', { id: loanId })).status).toBe('closed');
    await app.call('payments.reverse', { paymentId: paid.id, reason: 'wrong loan' });
    expect((await app.call('loans.get', { id: loanId })).status).toBe('active');
  });

  it.each([
    ['a payment dated after today', { date: '2026-06-16', amount: 100 }, 'date'],
    ['a payment before disbursement', { date: '2026-03-09', amount: 100 }, 'date'],
    ['more than everything owed', { date: '2026-06-15', amount: 99_999_999 }, 'amount'],
    ['a zero amount', { date: '2026-06-15', amount: 0 }, 'amount'],
    ['an impossible date', { date: '2026-02-30', amount: 100 }, 'date'],
  ])('refuses %s, naming the field, and writes nothing', async (_label, payment, field) => {
    const { loanId } = await givenACarTitleLoan(app);
    const result = await app.attempt('payments.record', { loanId, method: 'cash', ...payment });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(JSON.stringify(result.error.details)).toContain(field);
    const count = await app.ctx.db
      .selectFrom('payments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(0);
  });

  it('takes no payments on a draft loan until it is activated', async () => {
    const borrower = await app.call('borrowers.create', WANG_FANG);
    const draft = await app.call('loans.create', {
      borrowerId: borrower.id,
      product: 'mortgage',
      terms: TERMS,
      activate: false,
    });
    const refused = await app.attempt('payments.record', {
      loanId: draft.id,
      date: '2026-06-15',
      amount: 100,
      method: 'cash',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'rule-violation' } });
    await app.call('loans.setStatus', { id: draft.id, status: 'active' });
    await app.call('payments.record', { loanId: draft.id, date: '2026-06-15', amount: 100, method: 'cash' });
  });

  it('never sends a full ID number back to the screen', async () => {
    const { borrowerId, loanId } = await givenACarTitleLoan(app);
    const guarantor = await app.call('borrowers.create', {
      ...WANG_FANG,
      name: '李强',
      idNumber: '31010119851212567X',
    });
    await app.call('loans.create', {
      borrowerId,
      product: 'car-title',
      terms: TERMS,
      guarantorIds: [guarantor.id],
    });
    const paid = await app.call('payments.record', {
      loanId,
      date: '2026-06-15',
      amount: 1_000,
      method: 'cash',
    });
    const responses = [
      await app.call('borrowers.list', {}),
      await app.call('borrowers.get', { id: borrowerId }),
      await app.call('loans.get', { id: loanId }),
      await app.call('loans.get', { id: loanId + 1 }),
      await app.call('payments.receipt', { paymentId: paid.id }),
      await app.call('search.global', { query: '1234' }),
    ];
    const text = JSON.stringify(responses);
    expect(text).not.toContain('110101199003071234');
    expect(text).not.toContain('31010119851212567X');
    expect(text).toContain('110***********1234');
    expect(text).toContain('310***********567X');
  });

  it('refuses a malformed resident ID and a guarantor who is the borrower', async () => {
    const bad = await app.attempt('borrowers.create', { ...WANG_FANG, idNumber: '11010119900307' });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', details: [{ field: 'idNumber' }] },
    });
    const { borrowerId } = await givenACarTitleLoan(app);
    const self = await app.attempt('loans.create', {
      borrowerId,
      product: 'car-title',
      terms: TERMS,
      guarantorIds: [borrowerId],
    });
    expect(self).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('searches by name, phone, ID tail and loan number', async () => {
    const { number } = await givenACarTitleLoan(app);
    const by = async (query: string) =>
      (await app.call('search.global', { query })).map((h) => `${h.kind}:${h.matched}`);
    expect(await by('王芳')).toEqual(['borrower:name']);
    expect(await by('138001')).toEqual(['borrower:phone']);
    expect(await by('1234')).toEqual(['borrower:idTail']);
    expect(await by(number)).toEqual(['loan:loanNumber']);
  });

  it('filters the loan list by bucket and overdue status', async () => {
    const a = await givenACarTitleLoan(app);
    const { overdue } = (await app.call('loans.get', { id: a.loanId })).statement;
    // Three installments are overdue; paying their principal, interest and penalty cures the loan.
    const arrears = overdue.principal + overdue.interest + overdue.penalty;
    expect(overdue.principal + overdue.interest).toBe(3 * 533_093);
    await app.call('payments.record', {
      loanId: a.loanId,
      date: '2026-06-15',
      amount: arrears,
      method: 'cash',
    });
    const b = await app.call('loans.create', {
      borrowerId: a.borrowerId,
      product: 'mortgage',
      terms: { ...TERMS, startDate: '2026-06-01' },
    });
    const stillOverdue = await app.call('loans.list', { overdueOnly: true });
    expect(stillOverdue.rows.map((r) => r.id)).toEqual([]);
    const current = await app.call('loans.list', { bucket: 'current' });
    expect(current.rows.map((r) => r.id).sort()).toEqual([a.loanId, b.id].sort());
    expect((await app.call('loans.list', { product: 'mortgage' })).total).toBe(1);
  });
});
