import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookPosition, registerPositionOfBook } from '../../../electron/services/collateral/position';
import { rulesOf } from '../../../electron/services/collateral/items.service';
import { seedLoanBook } from '../../../electron/services/seed/seed-book';
import { openTestApp, type TestApp } from '../../support/test-app';
import { aCar, appraisal, givenACarTitleLoan } from './support';

const TODAY = '2026-06-30';

/**
 * The register's position is computed a slice of borrowers at a time to bound memory. Sliced or
 * not, it must be the whole book's position: the same alerts in the same order, the same item
 * values and worst LTVs, even with slices far smaller than a borrower's loans.
 */
describe("the register's position, computed in slices", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await openTestApp(TODAY);
    await seedLoanBook(app.ctx, { loans: 300, seed: 9, asOf: TODAY });
    // A borrower with two loans sharing a car, so a slice boundary could cut through them.
    const a = await givenACarTitleLoan(app);
    const b = await givenACarTitleLoan(app, a.borrowerId, 3_000_000);
    await app.call('collateral.create', {
      loanIds: [a.loanId, b.loanId],
      details: aCar(),
      valuation: appraisal('2026-03-01', 2_000_000),
    });
  }, 120_000);
  afterAll(async () => app.dispose());

  it('equals the whole book’s position, for any slice size', async () => {
    const rules = await rulesOf(app.ctx);
    const whole = await bookPosition(app.ctx.db, TODAY, rules);
    expect(whole.alerts.length).toBeGreaterThan(20);
    const expected = {
      alerts: whole.alerts,
      alertKindsByItem: whole.alertKindsByItem,
      items: new Map(
        [...whole.items].map(([id, i]) => [
          id,
          { value: i.value, valuationDate: i.valuationDate, worstLtvBasisPoints: i.worstLtvBasisPoints },
        ]),
      ),
    };
    for (const slice of [1, 7, 5000]) {
      expect(await registerPositionOfBook(app.ctx.db, TODAY, rules, slice), `slices of ${slice}`).toEqual(
        expected,
      );
    }
  });
});
