import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { collateralValueByLoan } from '../../../electron/services/collateral/coverage';
import { keepCollateralValues } from '../../../electron/services/collateral/kept-values';
import { seedLoanBook } from '../../../electron/services/seed/seed-book';
import { openTestApp, type TestApp } from '../../support/test-app';
import { aCar, appraisal, givenACarTitleLoan } from './support';

const TODAY = '2026-06-30';

/**
 * Each loan's share of its collateral's value is kept on its status row for the worklist. The
 * collateral service's `collateralValueByLoan` is the truth: after every kind of change that
 * moves a share, the kept values must equal it for every loan of a seeded book.
 */
describe('kept collateral values', () => {
  let app: TestApp;
  let first: number;
  let second: number;
  let item: number;
  beforeAll(async () => {
    app = await openTestApp(TODAY);
    await seedLoanBook(app.ctx, { loans: 300, seed: 5, asOf: TODAY });
    // One car securing two loans of one borrower: its value is split by outstanding principal.
    const a = await givenACarTitleLoan(app);
    const b = await givenACarTitleLoan(app, a.borrowerId, 3_000_000);
    first = a.loanId;
    second = b.loanId;
    item = (
      await app.call('collateral.create', {
        loanIds: [first, second],
        details: aCar(),
        valuation: appraisal('2026-03-01', 9_000_000),
      })
    ).id;
  }, 120_000);
  afterAll(async () => app.dispose());

  /** The kept values after bringing them up to date, beside the values computed afresh. */
  async function keptAndTruth() {
    expect(await keepCollateralValues(app.ctx.db, TODAY)).toBe(true);
    const kept = await app.ctx.db
      .selectFrom('loan_status')
      .select(['loan_id', 'collateral_value', 'collateral_stale'])
      .orderBy('loan_id')
      .execute();
    const truth = await collateralValueByLoan(app.ctx.db, TODAY);
    return {
      kept: kept.map((r) => [r.loan_id, r.collateral_value, r.collateral_stale]),
      truth: kept.map((r) => [r.loan_id, truth.get(r.loan_id) ?? null, 0]),
    };
  }
  async function expectKeptRight() {
    const { kept, truth } = await keptAndTruth();
    expect(kept.length).toBeGreaterThan(300);
    expect(kept).toEqual(truth);
  }
  const keptValueOf = async (loanId: number) =>
    (
      await app.ctx.db
        .selectFrom('loan_status')
        .select('collateral_value')
        .where('loan_id', '=', loanId)
        .executeTakeFirstOrThrow()
    ).collateral_value;

  it('for the whole book, the co-secured car split between its two loans', async () => {
    await expectKeptRight();
    const split = [await keptValueOf(first), await keptValueOf(second)];
    expect(split[0]! + split[1]!).toBe(9_000_000);
    expect(split[0]).toBe(6_000_000); // 60,000 : 30,000 of principal
  });

  it('after a new valuation, and after voiding it', async () => {
    const { id } = await app.call('collateral.addValuation', {
      itemId: item,
      ...appraisal(TODAY, 7_500_000),
    });
    await expectKeptRight();
    expect((await keptValueOf(first))! + (await keptValueOf(second))!).toBe(7_500_000);
    await app.call('collateral.voidValuation', { id, reason: 'typed the wrong figure' });
    await expectKeptRight();
    expect((await keptValueOf(first))! + (await keptValueOf(second))!).toBe(9_000_000);
  });

  it('after a payment moves the co-secured loans’ shares, and after its reversal', async () => {
    const before = await keptValueOf(second);
    const { id } = await app.call('payments.record', {
      loanId: first,
      date: TODAY,
      amount: 2_000_000,
      method: 'cash',
    });
    await expectKeptRight();
    expect(await keptValueOf(second)).toBeGreaterThan(before!);
    await app.call('payments.reverse', { paymentId: id, reason: 'cheque bounced' });
    await expectKeptRight();
    expect(await keptValueOf(second)).toBe(before);
  });

  it('after a seeded item is valued again, and a loan leaves the item', async () => {
    const seeded = await app.ctx.db
      .selectFrom('collateral_links')
      .select(['item_id', 'loan_id'])
      .where('loan_id', 'not in', [first, second])
      .orderBy('item_id')
      .executeTakeFirstOrThrow();
    await app.call('collateral.addValuation', { itemId: seeded.item_id, ...appraisal(TODAY, 123_456) });
    await expectKeptRight();
    expect(await keptValueOf(seeded.loan_id)).toBe(123_456);

    await app.call('collateral.unlink', { itemId: item, loanId: second, reason: 'refinanced elsewhere' });
    await expectKeptRight();
    expect(await keptValueOf(first)).toBe(9_000_000);
    expect(await keptValueOf(second)).toBeNull();
  });

  it('after the item is released', async () => {
    await app.call('collateral.release', { id: item, reason: 'loan restructured without it' });
    await expectKeptRight();
    expect(await keptValueOf(first)).toBeNull();
  });

  it('sums up the book’s alerts for a card: the count and the first few, as the full list has them', async () => {
    const all = await app.call('collateral.alerts', {});
    expect(all.length).toBeGreaterThan(8);
    expect(await app.call('collateral.alertSummary', { limit: 8 })).toEqual({
      total: all.length,
      first: all.slice(0, 8),
    });
    for (const limit of [0, 101, 2.5]) {
      const refused = await app.attempt('collateral.alertSummary', { limit });
      expect(refused.ok, String(limit)).toBe(false);
    }
  });

  it('would be wrong without the triggers (the test can fail)', async () => {
    const other = (await givenACarTitleLoan(app)).loanId;
    const car = (
      await app.call('collateral.create', {
        loanIds: [other],
        details: aCar({ vin: 'LFV2A21K0N3000001', plate: '京B99999' }),
        valuation: appraisal('2026-03-01', 8_000_000),
      })
    ).id;
    await expectKeptRight();
    await sql`DROP TRIGGER valuation_added_collateral_value ${sql.raw(
      app.ctx.engine === 'postgres' ? 'ON collateral_valuations' : '',
    )}`.execute(app.ctx.db);
    await app.call('collateral.addValuation', { itemId: car, ...appraisal(TODAY, 1_000_000) });
    const { kept, truth } = await keptAndTruth();
    expect(kept).not.toEqual(truth);
  });
});
