import type { PledgebookApp } from '../../electron/services/app';
import { CAR_TITLE_60K, WANG_FANG_BORROWER } from '../support/fixtures';
import { callersOf } from '../support/test-app';
import { aCar, appraisal } from '../integration/collateral/support';

/**
 * The fixtures' car-title loan (60,000.00 from 2026-03-10) to Wang Fang, secured by a car
 * appraised at 100,000.00 on 2026-03-01: the book several e2e files start from.
 */
export async function aCarTitleLoanOnACar(app: PledgebookApp): Promise<{ loanId: number; itemId: number }> {
  const { call } = callersOf(app);
  const { id: borrowerId } = await call('borrowers.create', WANG_FANG_BORROWER);
  const { id: loanId } = await call('loans.create', { borrowerId, ...CAR_TITLE_60K });
  const { id: itemId } = await call('collateral.create', {
    loanIds: [loanId],
    details: aCar(),
    valuation: appraisal('2026-03-01', 10_000_000),
  });
  return { loanId, itemId };
}
