import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/test-app';
import { aCar, appraisal, givenACarTitleLoan } from './support';

/**
 * Given a car-title loan of 60,000.00 taken out on 2026-03-10 and never paid, 66 days past due
 * on 2026-06-15, secured by a car: the lender repossesses and sells the car.
 */
async function givenARepossessedCar(app: TestApp) {
  const loan = await givenACarTitleLoan(app);
  const { id: itemId } = await app.call('collateral.create', {
    loanIds: [loan.loanId],
    details: aCar(),
    valuation: appraisal('2026-03-01', 9_000_000),
  });
  const { id } = await app.call('repossession.start', {
    itemId,
    loanId: loan.loanId,
    kind: 'repossession',
    date: '2026-06-01',
    note: 'ordered by the manager',
  });
  await app.call('repossession.record', {
    repossessionId: id,
    step: {
      step: 'possessed',
      date: '2026-06-03',
      location: 'Yard 2, Daxing',
      storageCost: 50_000,
      towingCost: 30_000,
    },
  });
  await app.call('repossession.record', {
    repossessionId: id,
    step: { step: 'listed', date: '2026-06-05', channel: 'auction', askingPrice: 8_000_000 },
  });
  return { ...loan, itemId, repossessionId: id };
}

const sell = (app: TestApp, repossessionId: number, grossPrice: number) =>
  app.call('repossession.record', {
    repossessionId,
    step: { step: 'sold', date: '2026-06-10', buyer: '赵六', grossPrice, sellingCosts: 20_000 },
  });

describe('repossession through sale', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  it('marks the loan repossessed once the car is taken into possession', async () => {
    const { loanId } = await givenARepossessedCar(app);
    expect((await app.call('loans.get', { id: loanId })).status).toBe('repossessed');
  });

  it('when the sale brings more than the debt: costs come off first, the loan closes, and the surplus is owed back', async () => {
    const { loanId, itemId, repossessionId } = await givenARepossessedCar(app);
    await sell(app, repossessionId, 8_000_000);
    const applied = await app.call('repossession.record', {
      repossessionId,
      step: { step: 'applied', date: '2026-06-12' },
    });
    const step = applied.steps.at(-1)!;
    const payoffOnTheDay = step.appliedAmount!;
    // 80,000.00 − storage 500.00 − towing 300.00 − selling 200.00 = 79,000.00 net.
    expect(step.netProceeds).toBe(7_900_000);
    expect(step.surplus).toBe(7_900_000 - payoffOnTheDay);
    expect(step.deficiency).toBe(0);

    const loan = await app.call('loans.get', { id: loanId });
    expect(loan.status).toBe('closed');
    expect(loan.payoff).toBe(0);
    const payment = loan.payments.find((p) => p.id === step.paymentId)!;
    expect(payment).toMatchObject({
      amount: payoffOnTheDay,
      method: 'other',
      reference: `sale of collateral #${itemId} (repossession #${repossessionId})`,
    });
    // The engine allocated it: penalty and interest before principal.
    expect(payment.split!.penalty).toBeGreaterThan(0);
    expect(payment.split!.penalty + payment.split!.interest + payment.split!.principal).toBe(payoffOnTheDay);

    const settled = await app.call('repossession.record', {
      repossessionId,
      step: { step: 'settled', date: '2026-06-12' },
    });
    expect(settled.steps.at(-1)).toMatchObject({
      step: 'settled',
      surplus: 7_900_000 - payoffOnTheDay,
      deficiency: 0,
    });
    expect(settled.next).toBeNull();
    expect((await app.call('collateral.get', { id: itemId })).status).toBe('sold');
  });

  it('when the sale brings less than the debt: the deficiency stays owing and DPD keeps counting', async () => {
    const { loanId, repossessionId } = await givenARepossessedCar(app);
    await sell(app, repossessionId, 1_000_000);
    await app.call('repossession.record', { repossessionId, step: { step: 'applied', date: '2026-06-12' } });
    const settled = await app.call('repossession.record', {
      repossessionId,
      step: { step: 'settled', date: '2026-06-12' },
    });
    const loan = await app.call('loans.get', { id: loanId });
    expect(loan.status).toBe('repossessed');
    expect(settled.steps.at(-1)!.deficiency).toBeGreaterThan(0);
    expect(loan.payments).toHaveLength(1);
    expect(loan.payments[0]!.amount).toBe(1_000_000 - 100_000);
    expect(loan.statement.daysPastDue).toBeGreaterThan(0);

    // Thirty days on, nothing more paid: still past due, and further behind.
    const state = await app.call('loans.get', { id: loanId, asOf: '2026-07-15' });
    expect(state.statement.daysPastDue).toBe(loan.statement.daysPastDue + 30);
  });

  it('refuses a person back-dated proceeds, which would post a back-dated payment without a second user', async () => {
    const { repossessionId } = await givenARepossessedCar(app);
    await sell(app, repossessionId, 8_000_000);
    app.session.signIn({ userId: 7, username: 'li', displayName: '李经理', role: 'manager' });
    const late = await app.attempt('repossession.record', {
      repossessionId,
      step: { step: 'applied', date: '2026-06-10' },
    });
    expect(!late.ok && late.error.details).toEqual([expect.objectContaining({ field: 'date' })]);
    const applied = await app.call('repossession.record', {
      repossessionId,
      step: { step: 'applied', date: '2026-06-15' },
    });
    expect(applied.steps.at(-1)).toMatchObject({ step: 'applied', recordedBy: '李经理' });
  });

  it('reverses the application of proceeds: the payment is reversed and the loan is repossessed again', async () => {
    const { loanId, repossessionId } = await givenARepossessedCar(app);
    await sell(app, repossessionId, 8_000_000);
    const applied = await app.call('repossession.record', {
      repossessionId,
      step: { step: 'applied', date: '2026-06-12' },
    });
    const reversed = await app.call('repossession.reverse', {
      repossessionId,
      reason: 'buyer’s bank transfer bounced',
    });
    expect(reversed.stage).toBe('sold');
    expect(reversed.steps.at(-1)!.reversed).toMatchObject({ reason: 'buyer’s bank transfer bounced' });
    const loan = await app.call('loans.get', { id: loanId });
    expect(loan.status).toBe('repossessed');
    expect(loan.payments.find((p) => p.id === applied.steps.at(-1)!.paymentId)!.reversedBy).not.toBeNull();
    expect(loan.payoff).toBeGreaterThan(0);
  });

  it('reverses taking possession: the loan goes back to its earlier status', async () => {
    const { loanId, repossessionId } = await givenARepossessedCar(app);
    await app.call('repossession.reverse', { repossessionId, reason: 'listed by mistake' });
    await app.call('repossession.reverse', { repossessionId, reason: 'wrong car taken' });
    expect((await app.call('loans.get', { id: loanId })).status).toBe('active');
  });

  it('refuses a sale price below zero, a step out of order, and applying proceeds to a closed loan', async () => {
    const { loanId, repossessionId } = await givenARepossessedCar(app);
    const negative = await app.attempt('repossession.record', {
      repossessionId,
      step: { step: 'sold', date: '2026-06-10', buyer: '赵六', grossPrice: -1 },
    });
    expect(!negative.ok && negative.error.details).toEqual([
      expect.objectContaining({ field: 'step.grossPrice' }),
    ]);
    const early = await app.attempt('repossession.record', {
      repossessionId,
      step: { step: 'applied', date: '2026-06-12' },
    });
    expect(!early.ok && early.error.message).toMatch(/next step .* is "sold"/);

    await sell(app, repossessionId, 8_000_000);
    // The borrower settles in full before the proceeds are applied.
    const { payoff } = await app.call('loans.get', { id: loanId });
    await app.call('payments.record', { loanId, date: '2026-06-15', amount: payoff, method: 'cash' });
    const closed = await app.attempt('repossession.record', {
      repossessionId,
      step: { step: 'applied', date: '2026-06-15' },
    });
    expect(closed.ok).toBe(false);
    expect(!closed.ok && closed.error.details).toEqual([expect.objectContaining({ field: 'loanId' })]);
    const view = (await app.call('collateral.forLoan', { loanId })).repossessions[0]!;
    expect(view.stage).toBe('sold');
  });
});
