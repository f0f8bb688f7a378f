import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/test-app';
import { CHEN_OWNER, givenAnUnpaidLoan, ZHANG_MANAGER } from '../../support/grades';

const ZHANG = ZHANG_MANAGER;
const BOSS = CHEN_OWNER;
const givenALoan = givenAnUnpaidLoan;

describe('write-off and recoveries', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  it('writes the loan off once another user approves, then records money received as a recovery', async () => {
    const loanId = await givenALoan(app);
    app.session.signIn(ZHANG);
    const requested = await app.call('writeOffs.request', { loanId, reason: 'borrower absconded' });
    expect(requested).toMatchObject({ status: 'proposed', requestedByUserId: ZHANG.userId, amount: null });

    const self = await app.attempt('writeOffs.decide', {
      writeOffId: requested.id,
      decision: 'approve',
      note: '',
    });
    expect(self.ok ? null : self.error).toMatchObject({
      code: 'rule-violation',
      message: expect.stringMatching(/another user/),
    });
    expect((await app.call('loans.get', { id: loanId })).status).toBe('active');

    app.session.signIn(BOSS);
    const approved = await app.call('writeOffs.decide', {
      writeOffId: requested.id,
      decision: 'approve',
      note: 'ok',
    });
    // No interest and no penalty rate: the payoff is the whole 12,000.00 of principal.
    expect(approved).toMatchObject({
      status: 'approved',
      amount: 1_200_000,
      principal: 1_200_000,
      approvedOn: '2026-06-15',
    });
    expect((await app.call('loans.get', { id: loanId })).status).toBe('written-off');

    // A written-off loan takes no payments: money received is a recovery.
    const payment = await app.attempt('payments.record', {
      loanId,
      date: '2026-06-15',
      amount: 50_000,
      method: 'cash',
    });
    expect(payment.ok ? null : payment.error).toMatchObject({
      code: 'rule-violation',
      message: expect.stringMatching(/is written off: record money received for it as a recovery/),
      details: { recordAs: 'recovery' },
    });
    expect((await app.call('loans.get', { id: loanId })).payments).toEqual([]);
    const early = await app.attempt('recoveries.record', {
      loanId,
      date: '2026-06-14',
      amount: 50_000,
      method: 'cash',
    });
    expect(early.ok ? null : early.error.message).toMatch(/^date: must not be before the write-off/);
    await app.call('recoveries.record', {
      loanId,
      date: '2026-06-15',
      amount: 50_000,
      method: 'cash',
      reference: 'B-1',
    });
    const recoveries = await app.call('recoveries.list', { from: '2026-06-01', to: '2026-06-30' });
    expect(recoveries.map((r) => [r.loanId, r.date, r.amount, r.receivedBy])).toEqual([
      [loanId, '2026-06-15', 50_000, 'Chen Jie'],
    ]);
  });

  it('refuses a recovery on a loan that was never written off, writing nothing', async () => {
    const loanId = await givenALoan(app);
    const result = await app.attempt('recoveries.record', {
      loanId,
      date: '2026-06-15',
      amount: 100,
      method: 'cash',
    });
    expect(result.ok ? null : result.error.code).toBe('rule-violation');
    expect(await app.call('recoveries.list', { loanId })).toEqual([]);
  });
});
