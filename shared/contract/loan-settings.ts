import { z } from 'zod';
import { PREPAYMENT_INTEREST_RULES, type PrepaymentInterestRule } from '../engine/payoff';
import { Ratio } from '../money/ratio';

/** A percentage from 0 to 100 with at most 4 decimals, written as text so it stays exact. */
export const PERCENT = /^\d{1,3}(\.\d{1,4})?$/;
export const prepaymentFeePercent = z
  .string()
  .trim()
  .regex(PERCENT, 'must be a percentage such as 0, 2 or 1.5')
  // zod runs this even when the pattern failed, so it only judges what the pattern accepts.
  .refine(
    (v) => !PERCENT.test(v) || Ratio.fromDecimal(v).compare(Ratio.fromInteger(100)) <= 0,
    'must be at most 100%',
  );

/**
 * The product defaults for early settlement (Settings → Loans). A new loan copies them, and keeps
 * them: changing the defaults never reprices a loan already made.
 */
export const loanSettingsShape = {
  prepaymentInterest: z.enum(PREPAYMENT_INTEREST_RULES),
  prepaymentFeePercent,
};

export const DEFAULT_LOAN_SETTINGS = {
  prepaymentInterest: 'to-date' as PrepaymentInterestRule,
  prepaymentFeePercent: '0',
};

export type LoanSettings = typeof DEFAULT_LOAN_SETTINGS;
