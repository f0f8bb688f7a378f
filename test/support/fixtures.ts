import type { Dispatch } from '../../electron/services/dispatch';

/**
 * The car-title loan most tests start from: 60,000.00 at 12% over 12 months, equal installments
 * of 5,330.93 from 2026-04-10, penalty 0.05% a day after 3 grace days.
 */
export const CAR_TITLE_60K = {
  product: 'car-title',
  terms: {
    method: 'annuity',
    principal: 6_000_000,
    annualRatePercent: '12',
    months: 12,
    startDate: '2026-03-10',
  },
  penaltyDailyRatePercent: '0.05',
  graceDays: 3,
} as const;

export const WANG_FANG_BORROWER = {
  kind: 'person',
  name: 'Wang Fang',
  idType: 'resident-id',
  idNumber: '110101199003071234',
} as const;

async function must<T>(dispatch: Dispatch, method: string, input: unknown): Promise<T> {
  const result = await dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** Given a borrower with the 60,000 car-title loan, disbursed 2026-03-10 and not yet paid. */
export async function givenACarTitleLoan(
  dispatch: Dispatch,
  borrower: Record<string, unknown> = WANG_FANG_BORROWER,
): Promise<{ borrowerId: number; loanId: number; number: string }> {
  const { id: borrowerId } = await must<{ id: number }>(dispatch, 'borrowers.create', borrower);
  const loan = await must<{ id: number; number: string }>(dispatch, 'loans.create', {
    borrowerId,
    ...CAR_TITLE_60K,
  });
  return { borrowerId, loanId: loan.id, number: loan.number };
}
