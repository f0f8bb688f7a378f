import { afterEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../../shared/contract';
import { WANG_FANG } from '../../support/test-app';
import { CAR_TITLE_60K } from '../../support/fixtures';
import { movableClock, openAccessApp, type AccessApp } from './support';

/*
 * The maker-checker list names penalty waivers and settlement discounts. Both are made as
 * repayment plans, and a plan only takes effect when a second user approves it; these tests prove
 * that, and that the approvals inbox names what is being given away and how much.
 */
let app!: AccessApp;
afterEach(async () => app.dispose());

/** The 60,000.00 car-title loan from 2026-03-10, nothing paid: three installments and penalty overdue. */
async function givenAnOverdueLoan() {
  app = await openAccessApp(movableClock('2026-06-15T09:00:00.000Z'));
  await app.as('chen', 'owner');
  const { id: borrowerId } = await app.call('borrowers.create', { ...WANG_FANG });
  const { id: loanId } = await app.call('loans.create', { borrowerId, ...CAR_TITLE_60K });
  await app.as('wu', 'manager');
  return loanId;
}

type Spec = MethodInput<'plans.propose'>['spec'];

async function proposedByWu(loanId: number, spec: Spec) {
  await app.as('wu');
  return app.call('plans.propose', { loanId, spec, note: 'borrower asked' });
}

const inbox = async () =>
  (await app.call('approvals.list', { status: 'pending' })).filter((r) => r.entity === 'plan');

describe.each([
  {
    what: 'a penalty waiver',
    spec: { type: 'arrears-installments', months: 3, waivePenaltyPercent: '100' } as Spec,
    kind: 'penalty-waiver',
    given: (c: { penaltyWaived: number }) => c.penaltyWaived,
  },
  {
    what: 'a settlement discount',
    spec: { type: 'settlement', amount: '50000.00', payBy: '2026-07-15' } as Spec,
    kind: 'settlement-discount',
    given: (c: { writtenOff: number }) => c.writtenOff,
  },
])('$what', ({ spec, kind, given }) => {
  it('cannot be activated by the manager who proposed it; another manager can', async () => {
    const loanId = await givenAnOverdueLoan();
    const plan = await proposedByWu(loanId, spec);

    const own = await app.attempt('plans.decide', { planId: plan.id, decision: 'approve', note: '' });
    expect(own).toMatchObject({
      ok: false,
      error: { code: 'rule-violation', message: expect.stringMatching(/another user/) },
    });
    expect((await app.call('loans.get', { id: loanId })).status).not.toBe('restructured');

    const [waiting] = await inbox();
    expect(waiting).toMatchObject({ kind, entityId: String(plan.id), status: 'pending', requestedBy: 'wu' });
    expect(waiting!.amount).toBe(given(plan.comparison));
    expect(waiting!.amount).toBeGreaterThan(0);

    await app.as('chen');
    await app.call('plans.decide', { planId: plan.id, decision: 'approve', note: 'ok' });
    expect((await app.call('loans.get', { id: loanId })).status).toBe('restructured');
    expect(await inbox()).toEqual([]);
    const [decided] = (await app.call('approvals.list', { status: 'approved' })).filter(
      (r) => r.entity === 'plan',
    );
    expect(decided).toMatchObject({ kind, status: 'approved', requestedBy: 'wu', decidedBy: 'chen' });
    expect(decided?.reference).toBe(`P-${decided?.id}`);
  });
});

it("a request carries the proposer's note as its reason, and no code of ours when there is none", async () => {
  const loanId = await givenAnOverdueLoan();
  const noted = await proposedByWu(loanId, { type: 'extension', months: 6 } as Spec);
  expect((await inbox())[0]?.reason).toBe('borrower asked');
  await app.as('chen');
  await app.call('plans.decide', { planId: noted.id, decision: 'reject', note: 'no' });
  await app.as('wu');
  await app.call('plans.propose', { loanId, spec: { type: 'extension', months: 6 } as Spec });
  // The screen words the plan's type from the request's terms (ApprovalsCard); the service sends
  // no English or code for it.
  const [bare] = await inbox();
  expect(bare?.reason).toBe('');
  expect(JSON.parse(bare!.summary)).toMatchObject({ type: 'extension' });
});

it('a plan that gives nothing away is listed as a plain plan approval', async () => {
  const loanId = await givenAnOverdueLoan();
  await proposedByWu(loanId, { type: 'extension', months: 6 } as Spec);
  expect(await inbox()).toMatchObject([{ kind: 'plan-approval', amount: null }]);
});
