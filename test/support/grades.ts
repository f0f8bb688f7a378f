import type { Actor } from '../../electron/services/auth/actor';
import { WANG_FANG, type TestApp } from './test-app';

/**
 * The default five-class bands, written out here rather than read from the engine, so a test
 * holds the engine to the rule as the issue states it.
 */
export const gradeByDefaultBands = (dpd: number) =>
  dpd === 0
    ? 'normal'
    : dpd <= 90
      ? 'special-mention'
      : dpd <= 270
        ? 'substandard'
        : dpd <= 360
          ? 'doubtful'
          : 'loss';

/** Two people with approval rights: one asks, the other decides (maker-checker). */
export const ZHANG_MANAGER: Actor = {
  userId: 2,
  username: 'zhang',
  displayName: 'Zhang Wei',
  role: 'manager',
};
export const CHEN_OWNER: Actor = { userId: 3, username: 'chen', displayName: 'Chen Jie', role: 'owner' };

/** 12,000.00 at 0% over 12 months from 2026-01-15 (1,000.00 a month), nothing paid. */
export async function givenAnUnpaidLoan(app: TestApp): Promise<number> {
  const borrower = await app.call('borrowers.create', WANG_FANG);
  const loan = await app.call('loans.create', {
    borrowerId: borrower.id,
    product: 'car-title',
    terms: {
      method: 'equal-principal',
      principal: 1_200_000,
      annualRatePercent: '0',
      months: 12,
      startDate: '2026-01-15',
    },
  });
  return loan.id;
}
