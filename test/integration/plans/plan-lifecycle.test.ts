import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../electron/services/auth/actor';
import { openTestAppWithClock, WANG_FANG, type TestApp } from '../../support/test-app';
import { givenACarTitleLoan } from '../../support/fixtures';

/**
 * The loan-book test's car-title loan: 60,000.00 at 12%, annuity over 12 months from 2026-03-10
 * (5,330.93 a month, due on the 10th), penalty 0.05% a day, 3 grace days. Installment 1 is paid;
 * 2 (due 05-10) and 3 (due 06-10) are not. The calendar moves, so the clock here can be set.
 */
const LI: Actor = { userId: 1, username: 'li', displayName: 'Li Na', role: 'collector' };
const ZHANG: Actor = { userId: 2, username: 'zhang', displayName: 'Zhang Wei', role: 'manager' };

let today = '2026-06-15';
let app: TestApp;

const call: TestApp['call'] = (method, input) => app.call(method, input);

beforeEach(async () => {
  today = '2026-06-15';
  app = await openTestAppWithClock({ today: () => today, now: () => `${today}T09:00:00.000Z` });
});
afterEach(async () => app.dispose());

async function givenAnOverdueCarTitleLoan() {
  today = '2026-04-10';
  const loan = { id: (await givenACarTitleLoan(app.dispatch, WANG_FANG)).loanId };
  await call('payments.record', { loanId: loan.id, date: '2026-04-10', amount: 533_093, method: 'cash' });
  // Collectors work their assigned accounts only.
  await app.ctx.db
    .insertInto('collection_assignments')
    .values({
      loan_id: loan.id,
      collector: LI.displayName,
      collector_id: LI.userId,
      assigned_at: `${today}T09:00:00.000Z`,
    })
    .execute();
  today = '2026-06-15';
  return loan.id;
}

const ARREARS_PLAN = { type: 'arrears-installments', months: 3, waivePenaltyPercent: '100' } as const;
const dpdOf = async (loanId: number) => (await call('loans.get', { id: loanId })).statement.daysPastDue;
const listedDpdOf = async (loanId: number) =>
  (await call('loans.list', {})).rows.find((r) => r.id === loanId)!.daysPastDue;
const countPlans = () =>
  app.ctx.db
    .selectFrom('repayment_plans')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();

async function proposeAndApprove(loanId: number) {
  app.session.signIn(LI);
  const proposed = await call('plans.propose', {
    loanId,
    spec: ARREARS_PLAN,
    note: 'borrower lost a contract',
  });
  app.session.signIn(ZHANG);
  return call('plans.decide', { planId: proposed.id, decision: 'approve', note: 'ok' });
}

/** Pays the plan installments of the active version due on `dates`, each on its due date. */
async function payOnTime(loanId: number, dates: string[]) {
  const loan = await call('loans.get', { id: loanId });
  const rows = await call('loans.scheduleVersion', { loanId, version: loan.activeVersion });
  for (const date of dates) {
    const row = rows.find((r) => r.dueDate === date)!;
    today = date;
    await call('payments.record', { loanId, date, amount: row.principal + row.interest, method: 'cash' });
  }
}

describe('a negotiated plan from proposal to cure and break', () => {
  it('is proposed by one user, refused to its proposer, approved by another, kept three times, then broken', async () => {
    const loanId = await givenAnOverdueCarTitleLoan();
    // Installment 2 has been unpaid since 05-10: 36 days.
    expect(await dpdOf(loanId)).toBe(36);

    app.session.signIn(LI);
    const proposed = await call('plans.propose', {
      loanId,
      spec: ARREARS_PLAN,
      note: 'borrower lost a contract',
    });
    expect(proposed.status).toBe('proposed');
    // Penalty on 06-15: 5,330.93 × 0.05% × 36 = 95.95674 → 95.96, and × 5 = 13.327 → 13.33.
    expect(proposed.comparison.before.penalty).toBe(9_596 + 1_333);
    expect(proposed.comparison.penaltyWaived).toBe(10_929);

    const own = await app.dispatch('plans.decide', { planId: proposed.id, decision: 'approve', note: '' });
    // A collector has no approval rights at all; an approver may still not decide their own plan.
    expect(own.ok ? null : own.error.code).toBe('forbidden');
    app.session.signIn({ ...LI, role: 'manager' });
    const self = await app.dispatch('plans.decide', { planId: proposed.id, decision: 'approve', note: '' });
    expect(self.ok ? null : self.error).toMatchObject({
      code: 'rule-violation',
      message: expect.stringMatching(/another user/),
    });

    app.session.signIn(ZHANG);
    const approved = await call('plans.decide', { planId: proposed.id, decision: 'approve', note: 'ok' });
    expect(approved).toMatchObject({ status: 'active', decidedBy: 'Zhang Wei', proposedBy: 'Li Na' });

    const loan = await call('loans.get', { id: loanId });
    expect(loan.status).toBe('restructured');
    expect(loan.versions.map((v) => [v.version, v.active])).toEqual([
      [1, false],
      [2, true],
    ]);
    // The new version reconciles: installment 1 kept, and 60,000.00 of principal in all.
    const rows = await call('loans.scheduleVersion', { loanId, version: 2 });
    expect(rows[0]).toMatchObject({ dueDate: '2026-04-10', principal: 473_093, interest: 60_000 });
    expect(rows.reduce((s, r) => s + r.principal, 0)).toBe(6_000_000);
    // Regular installments stay on the 10th; the arrears come on the 15th.
    expect(rows.slice(1, 5).map((r) => r.dueDate)).toEqual([
      '2026-07-10',
      '2026-07-15',
      '2026-08-10',
      '2026-08-15',
    ]);

    // Policy 'cure' (default): DPD keeps counting from 05-10 until 3 plan installments are kept.
    expect(await dpdOf(loanId)).toBe(36);
    expect(await listedDpdOf(loanId)).toBe(36);
    await payOnTime(loanId, ['2026-07-10', '2026-07-15']);
    today = '2026-07-20';
    expect(await dpdOf(loanId)).toBe(71); // 05-10 → 07-20
    await payOnTime(loanId, ['2026-08-10']);
    today = '2026-08-11';
    expect(await dpdOf(loanId)).toBe(0);
    expect(await listedDpdOf(loanId)).toBe(0);
    expect((await call('plans.list', { loanId }))[0]!.status).toBe('active');

    // 08-15 is missed; the 7-day tolerance runs out on 08-22, so on 08-23 the plan is broken and
    // the 109.29 penalty it waived is due again.
    today = '2026-08-22';
    expect((await call('plans.list', { loanId }))[0]!.status).toBe('active');
    today = '2026-08-23';
    const [broken] = await call('plans.list', { loanId });
    expect(broken).toMatchObject({ status: 'broken', endedOn: '2026-08-23' });
    const after = await call('loans.get', { id: loanId });
    expect(after.versions.at(-1)).toMatchObject({
      version: 3,
      active: true,
      reason: `plan #${proposed.id} broken: waiver reversed`,
    });
    const reinstated = (await call('loans.scheduleVersion', { loanId, version: 3 })).find(
      (r) => r.dueDate === '2026-08-23',
    );
    expect(reinstated).toMatchObject({ principal: 0, interest: 10_929 });
    // Cured before it broke, so it is aged on its schedule: 08-15 unpaid for 8 days.
    expect(after.statement.daysPastDue).toBe(8);
  });

  it('resets DPD on approval when the policy says so', async () => {
    const loanId = await givenAnOverdueCarTitleLoan();
    await call('settings.update', { restructuredDpdPolicy: 'reset' });
    await proposeAndApprove(loanId);
    expect(await dpdOf(loanId)).toBe(0);
    expect(await listedDpdOf(loanId)).toBe(0);
  });

  it('can be rejected with a comment, leaving the loan as it was', async () => {
    const loanId = await givenAnOverdueCarTitleLoan();
    app.session.signIn(LI);
    const proposed = await call('plans.propose', { loanId, spec: ARREARS_PLAN, note: '' });
    app.session.signIn(ZHANG);
    const rejected = await call('plans.decide', {
      planId: proposed.id,
      decision: 'reject',
      note: 'ask for a guarantor',
    });
    expect(rejected).toMatchObject({ status: 'rejected', decisionNote: 'ask for a guarantor' });
    const loan = await call('loans.get', { id: loanId });
    expect(loan.status).toBe('active');
    expect(loan.activeVersion).toBe(1);
  });
});

describe('arrears installments instead of the regular installments', () => {
  it('suspends installments 4–12 for three months and charges the suspended months on the last one', async () => {
    const loanId = await givenAnOverdueCarTitleLoan();
    const original = await call('loans.scheduleVersion', { loanId, version: 1 });
    app.session.signIn(LI);
    const proposed = await call('plans.propose', {
      loanId,
      spec: { ...ARREARS_PLAN, regular: 'suspend' },
      note: '',
    });
    expect(proposed.spec).toMatchObject({ regular: 'suspend' });
    app.session.signIn(ZHANG);
    await call('plans.decide', { planId: proposed.id, decision: 'approve', note: '' });
    const loan = await call('loans.get', { id: loanId });
    const version = await call('loans.scheduleVersion', { loanId, version: loan.activeVersion });

    // Installments 4–12 were due 07-10 … 2027-03-10; each moves 3 months (10-10 … 2027-06-10),
    // and only the arrears fall due on 07-15, 08-15 and 09-15.
    const dates = version.map((r) => r.dueDate);
    expect(dates.filter((d) => d > '2026-06-15' && d < '2026-10-01')).toEqual([
      '2026-07-15',
      '2026-08-15',
      '2026-09-15',
    ]);
    expect(dates.at(-1)).toBe('2027-06-10');
    // Moved principal: 60,000.00 − 4,730.93 − 4,778.24 − 4,826.02 = 45,664.81; a month's interest
    // 456.6481 → 456.65, × 3 = 1,369.95 on the last installment.
    const last = version.at(-1)!;
    expect(last.principal).toBe(original.at(-1)!.principal);
    expect(last.interest).toBe(original.at(-1)!.interest + 136_995);
    // The new version still repays exactly the 60,000.00 lent, and the loan is paid to date.
    expect(version.reduce((sum, r) => sum + r.principal, 0)).toBe(6_000_000);
    expect(loan.statement.overdue).toEqual({ principal: 0, interest: 0, penalty: 0 });
  });
});

describe('bad plans are refused and nothing is written', () => {
  it('refuses a zero term, a settlement above the payoff and a plan on a written-off loan', async () => {
    const loanId = await givenAnOverdueCarTitleLoan();
    app.session.signIn(LI);
    const zero = await app.dispatch('plans.propose', {
      loanId,
      spec: { type: 'extension', months: 0 },
      note: '',
    });
    expect(zero.ok ? null : zero.error.code).toBe('invalid-input');
    const above = await app.dispatch('plans.propose', {
      loanId,
      spec: { type: 'settlement', amount: '999999.00', payBy: '2026-07-15' },
      note: '',
    });
    expect(above.ok ? null : above.error).toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/^plan\.amount/),
    });
    await app.ctx.db.updateTable('loans').set({ status: 'written-off' }).where('id', '=', loanId).execute();
    const writtenOff = await app.dispatch('plans.propose', { loanId, spec: ARREARS_PLAN, note: '' });
    expect(writtenOff.ok ? null : writtenOff.error).toMatchObject({
      code: 'rule-violation',
      message: expect.stringMatching(/written-off/),
    });
    expect((await countPlans()).n).toBe(0);
  });
});

describe('a discounted settlement', () => {
  const SETTLEMENT = { type: 'settlement', amount: '50000.00', payBy: '2026-07-15' } as const;

  async function approveSettlement(loanId: number) {
    app.session.signIn(LI);
    const proposed = await call('plans.propose', { loanId, spec: SETTLEMENT, note: '' });
    app.session.signIn(ZHANG);
    return call('plans.decide', { planId: proposed.id, decision: 'approve', note: '' });
  }

  it('closes the loan when paid in full on time and records what it forgave', async () => {
    const loanId = await givenAnOverdueCarTitleLoan();
    const plan = await approveSettlement(loanId);
    // What is forgiven is the payoff on the approval date less the settlement; the 109.29 penalty
    // (95.96 + 13.33, as above) is the first thing forgiven.
    expect(plan.comparison.writtenOff).toBe(plan.comparison.before.payoff - 5_000_000);
    expect(plan.comparison.penaltyWaived).toBe(10_929);
    today = '2026-07-01';
    await call('payments.record', { loanId, date: '2026-07-01', amount: 5_000_000, method: 'bank-transfer' });
    expect((await call('loans.get', { id: loanId })).status).toBe('closed');
    expect((await call('plans.list', { loanId }))[0]).toMatchObject({
      status: 'completed',
      endedOn: '2026-07-01',
    });
  });

  it('lapses when not paid in time, bringing back the schedule the loan had', async () => {
    const loanId = await givenAnOverdueCarTitleLoan();
    await approveSettlement(loanId);
    today = '2026-07-23'; // 07-15 + 7 days' tolerance has passed
    expect((await call('plans.list', { loanId }))[0]).toMatchObject({
      status: 'lapsed',
      endedOn: '2026-07-23',
    });
    const loan = await call('loans.get', { id: loanId });
    expect(loan.activeVersion).toBe(3);
    expect(await call('loans.scheduleVersion', { loanId, version: 3 })).toEqual(
      await call('loans.scheduleVersion', { loanId, version: 1 }),
    );
    // Aged on the contract schedule again: installment 2 unpaid since 05-10 is 74 days late.
    expect(loan.statement.daysPastDue).toBe(74);
  });
});
