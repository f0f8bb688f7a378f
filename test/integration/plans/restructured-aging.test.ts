import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../electron/services/auth/actor';
import type { PlanSpecInput } from '../../../shared/contract';
import { openTestAppWithClock, WANG_FANG, type TestApp } from '../../support/test-app';
import { givenACarTitleLoan } from '../../support/fixtures';

/**
 * The plan-lifecycle loan: 60,000.00 at 12%, annuity over 12 months from 2026-03-10 (5,330.93 a
 * month, due on the 10th). Installment 1 is paid; 2 (05-10: 4,778.24 + 552.69) and 3 (06-10:
 * 4,826.02 + 504.91) are not. On 06-15 a plan of 3 arrears installments with all penalty waived
 * spreads 9,604.26 principal (3,201.42 each) and 1,057.60 interest (352.53, 352.53, 352.54) over
 * 07-15, 08-15 and 09-15, on top of the regular installments on the 10th.
 */
const LI: Actor = { userId: 1, username: 'li', displayName: 'Li Na', role: 'collector' };
const ZHANG: Actor = { userId: 2, username: 'zhang', displayName: 'Zhang Wei', role: 'manager' };
const OWNER: Actor = { userId: 3, username: 'chen', displayName: 'Chen Jie', role: 'owner' };
const ARREARS_PLAN = { type: 'arrears-installments', months: 3, waivePenaltyPercent: '100' } as const;
const REGULAR = 533_093;
const FIRST_ARREARS = 320_142 + 35_253;

let today = '2026-06-15';
let app: TestApp;

const call: TestApp['call'] = (method, input) => app.call(method, input);

beforeEach(async () => {
  app = await openTestAppWithClock({ today: () => today, now: () => `${today}T09:00:00.000Z` });
});
afterEach(async () => app.dispose());

/** The loan with installment 1 paid, assigned to Li Na (collectors propose for their own accounts). */
async function givenTheCarTitleLoanPaidOnce() {
  today = '2026-04-10';
  const { loanId } = await givenACarTitleLoan(app.dispatch, WANG_FANG);
  await call('payments.record', { loanId, date: '2026-04-10', amount: REGULAR, method: 'cash' });
  await app.ctx.db
    .insertInto('collection_assignments')
    .values({
      loan_id: loanId,
      collector: LI.displayName,
      collector_id: LI.userId,
      assigned_at: `${today}T09:00:00.000Z`,
    })
    .execute();
  return loanId;
}

async function givenAnOverdueCarTitleLoan() {
  const loanId = await givenTheCarTitleLoanPaidOnce();
  today = '2026-06-15';
  return loanId;
}

async function propose(loanId: number, spec: PlanSpecInput = ARREARS_PLAN) {
  app.session.signIn(LI);
  return call('plans.propose', { loanId, spec, note: '' });
}
async function approve(planId: number) {
  app.session.signIn(ZHANG);
  return call('plans.decide', { planId, decision: 'approve', note: '' });
}
const listed = async (loanId: number) => (await call('loans.list', {})).rows.find((r) => r.id === loanId)!;

async function payOnTime(loanId: number, dates: string[]) {
  const loan = await call('loans.get', { id: loanId });
  const rows = await call('loans.scheduleVersion', { loanId, version: loan.activeVersion });
  for (const date of dates) {
    const row = rows.find((r) => r.dueDate === date)!;
    today = date;
    await call('payments.record', { loanId, date, amount: row.principal + row.interest, method: 'cash' });
  }
}

describe('the new installment of an arrears plan on top of the regular installments', () => {
  it('is what July asks of the borrower, in the plans list and the agreement alike', async () => {
    const loanId = await givenAnOverdueCarTitleLoan();
    const proposed = await propose(loanId);
    const [row] = await call('plans.list', { loanId });
    expect(row!.comparison.installmentAmount).toBe(REGULAR + FIRST_ARREARS);
    expect(row!.comparison.installmentSplit).toEqual({ regular: REGULAR, arrears: FIRST_ARREARS });

    await approve(proposed.id);
    const agreement = await call('plans.get', { planId: proposed.id });
    expect(agreement.plan.comparison.installmentAmount).toBe(REGULAR + FIRST_ARREARS);
    // The agreement's schedule asks the same in July: 07-10 regular, 07-15 arrears.
    const july = agreement.installments.filter((i) => i.dueDate.startsWith('2026-07'));
    expect(july.map((i) => [i.dueDate, i.principal + i.interest])).toEqual([
      ['2026-07-10', REGULAR],
      ['2026-07-15', FIRST_ARREARS],
    ]);
  });
});

describe('an arrears plan approved before the monthly installment was stored', () => {
  it('shows what the borrower pays a month, worked out from its schedule version', async () => {
    const loanId = await givenAnOverdueCarTitleLoan();
    const plan = await approve((await propose(loanId)).id);
    // As stored then: the first plan row (07-10, the regular installment alone) and no split.
    const { installmentSplit: _, ...old } = plan.comparison;
    await app.ctx.db
      .updateTable('repayment_plans')
      .set({ comparison: JSON.stringify({ ...old, installmentAmount: REGULAR }) })
      .where('id', '=', plan.id)
      .execute();
    const [row] = await call('plans.list', { loanId });
    expect(row!.comparison.installmentAmount).toBe(REGULAR + FIRST_ARREARS);
    expect(row!.comparison.installmentSplit).toEqual({ regular: REGULAR, arrears: FIRST_ARREARS });
  });
});

describe('a restructured loan under the policy "stays overdue until cured" (3 installments)', () => {
  it('is held from the oldest unpaid due date, says so with data, and cures after 3 kept installments', async () => {
    const loanId = await givenAnOverdueCarTitleLoan();
    const plan = await approve((await propose(loanId)).id);

    const loan = await call('loans.get', { id: loanId });
    // Nothing is overdue under the plan, so the engine names no unpaid installment…
    expect(loan.statement.overdue).toEqual({ principal: 0, interest: 0, penalty: 0 });
    expect(loan.statement.dpdReason).toBeNull();
    // …and the policy holds DPD from 05-10: 36 days, bucket 31-60, on the page and in the list.
    expect(loan.statement.daysPastDue).toBe(36);
    expect(loan.restructured).toEqual({
      kind: 'held',
      planId: plan.id,
      restructuredOn: '2026-06-15',
      heldSince: '2026-05-10',
      bucket: '31-60',
      kept: 0,
      required: 3,
    });
    expect(await listed(loanId)).toMatchObject({ daysPastDue: 36, bucket: '31-60' });

    await payOnTime(loanId, ['2026-07-10', '2026-07-15']);
    today = '2026-07-20';
    const later = await call('loans.get', { id: loanId });
    expect(later.statement.daysPastDue).toBe(71); // 05-10 → 07-20
    expect(later.restructured).toMatchObject({ kind: 'held', bucket: '61-90', kept: 2, required: 3 });
    expect(await listed(loanId)).toMatchObject({ daysPastDue: 71, bucket: '61-90' });

    await payOnTime(loanId, ['2026-08-10']);
    today = '2026-08-11';
    const cured = await call('loans.get', { id: loanId });
    expect(cured.restructured).toEqual({
      kind: 'cured',
      planId: plan.id,
      restructuredOn: '2026-06-15',
      kept: 3,
    });
    expect(cured.statement.daysPastDue).toBe(0);
    expect(await listed(loanId)).toMatchObject({ daysPastDue: 0, bucket: 'current' });
  });

  it('stays held when the plan breaks before curing it, and names the broken plan’s version', async () => {
    const loanId = await givenAnOverdueCarTitleLoan();
    const plan = await approve((await propose(loanId)).id);
    // 07-10 is missed; the 7-day tolerance ends 07-17, so the plan breaks on 07-18.
    today = '2026-07-18';
    expect((await call('plans.list', { loanId }))[0]).toMatchObject({ status: 'broken' });
    const loan = await call('loans.get', { id: loanId });
    expect(loan.restructured).toEqual({
      kind: 'broken',
      planId: plan.id,
      restructuredOn: '2026-06-15',
      brokenOn: '2026-07-18',
      heldSince: '2026-05-10',
      bucket: '61-90',
    });
    expect(loan.statement.daysPastDue).toBe(69); // 05-10 → 07-18
    expect(loan.versions.map((v) => v.name)).toEqual([
      { kind: 'contract' },
      { kind: 'plan', planId: plan.id, planType: 'arrears-installments', installments: 3 },
      { kind: 'plan-broken', planId: plan.id },
    ]);
  });

  it('is re-aged at once, in the list too, when the policy in Settings changes to "reset"', async () => {
    const loanId = await givenAnOverdueCarTitleLoan();
    const plan = await approve((await propose(loanId)).id);
    expect((await listed(loanId)).daysPastDue).toBe(36);
    app.session.signIn(OWNER);
    await call('settings.update', { restructuredDpdPolicy: 'reset' });
    expect(await listed(loanId)).toMatchObject({ daysPastDue: 0, bucket: 'current' });
    const loan = await call('loans.get', { id: loanId });
    expect(loan.statement.daysPastDue).toBe(0);
    expect(loan.restructured).toEqual({ kind: 'reset', planId: plan.id, restructuredOn: '2026-06-15' });
  });

  it('holds nothing for a loan that was current when restructured', async () => {
    const loanId = await givenTheCarTitleLoanPaidOnce();
    today = '2026-04-20';
    const plan = await approve((await propose(loanId, { type: 'rate-change', annualRatePercent: '6' })).id);
    const loan = await call('loans.get', { id: loanId });
    expect(loan.restructured).toEqual({ kind: 'current', planId: plan.id, restructuredOn: '2026-04-20' });
    expect(loan.statement.daysPastDue).toBe(0);
    // Rate change re-prices installments 2–12: eleven of the plan's own.
    expect(loan.versions.at(-1)!.name).toEqual({
      kind: 'plan',
      planId: plan.id,
      planType: 'rate-change',
      installments: 11,
    });
  });
});

describe('a second plan on a loan an earlier, broken plan still holds', () => {
  it('keeps DPD counting from the date the first plan held', async () => {
    const loanId = await givenAnOverdueCarTitleLoan();
    await approve((await propose(loanId)).id);
    today = '2026-07-18';
    await call('plans.list', { loanId }); // the first plan breaks
    const second = await approve(
      (await propose(loanId, { type: 'extension', months: 12, arrears: 'capitalize' })).id,
    );
    const loan = await call('loans.get', { id: loanId });
    expect(loan.restructured).toMatchObject({
      kind: 'held',
      planId: second.id,
      restructuredOn: '2026-07-18',
      heldSince: '2026-05-10',
    });
    expect(loan.statement.daysPastDue).toBe(69);
  });
});
