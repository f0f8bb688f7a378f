import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collateralValueByLoan } from '../../../electron/services/collateral/coverage';
import { openTestApp, WANG_FANG, type TestApp } from '../../support/test-app';

const NOW = '2026-06-15T09:00:00.000Z';

async function givenALoan(app: TestApp, borrowerId: number, principal: number) {
  const loan = await app.call('loans.create', {
    borrowerId,
    product: 'car-title',
    terms: { method: 'annuity', principal, annualRatePercent: '12', months: 12, startDate: '2026-06-01' },
  });
  return loan.id;
}

async function givenACar(
  app: TestApp,
  borrowerId: number,
  loanIds: number[],
  valuations: [string, number][],
) {
  const { id } = await app.ctx.db
    .insertInto('collateral_items')
    .values({
      kind: 'vehicle',
      borrower_id: borrowerId,
      vin: `LSVAU2180N21${String(loanIds[0]).padStart(5, '0')}`,
      plate: '京A12345',
      make: 'VW',
      model: 'Lavida',
      year: 2021,
      created_at: NOW,
      updated_at: NOW,
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const loanId of loanIds)
    await app.ctx.db
      .insertInto('collateral_links')
      .values({ item_id: id, loan_id: loanId, linked_at: NOW, linked_by: '' })
      .execute();
  for (const [date, value] of valuations)
    await app.ctx.db
      .insertInto('collateral_valuations')
      .values({
        item_id: id,
        date,
        source: 'appraiser',
        value,
        valued_by: 'x',
        note: '',
        created_by: '',
        created_at: NOW,
      })
      .execute();
  return id;
}

describe('collateral value by loan', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await openTestApp('2026-06-15');
  });
  afterEach(async () => app.dispose());

  it('uses the latest valuation dated on or before today and splits a shared car by outstanding principal', async () => {
    const { id: borrowerId } = await app.call('borrowers.create', WANG_FANG);
    const big = await givenALoan(app, borrowerId, 3_000_000);
    const small = await givenALoan(app, borrowerId, 1_000_000);
    const bare = await givenALoan(app, borrowerId, 500_000);
    await givenACar(
      app,
      borrowerId,
      [big, small],
      [
        ['2026-01-10', 9_000_000],
        ['2026-06-01', 8_000_000],
        ['2026-07-01', 1_000], // after today: not yet known
      ],
    );

    const values = await collateralValueByLoan(app.ctx.db, '2026-06-15');
    expect(values).toEqual(
      new Map([
        [big, 6_000_000],
        [small, 2_000_000],
      ]),
    );
    expect(values.has(bare)).toBe(false);

    expect(await collateralValueByLoan(app.ctx.db, '2026-06-15', [small])).toEqual(
      new Map([[small, 2_000_000]]),
    );
    expect(await collateralValueByLoan(app.ctx.db, '2026-03-01', [big])).toEqual(new Map([[big, 6_750_000]]));
  });

  it('lists a secured loan whose collateral has no valuation yet at 0', async () => {
    const { id: borrowerId } = await app.call('borrowers.create', WANG_FANG);
    const loan = await givenALoan(app, borrowerId, 1_000_000);
    await givenACar(app, borrowerId, [loan], []);
    expect(await collateralValueByLoan(app.ctx.db, '2026-06-15')).toEqual(new Map([[loan, 0]]));
  });
});
