/**
 * Plausibility checks on a lender's sheet: findings the lender should see and may accept, not
 * errors (the book is not wrong because a phone number is a landline). Pure, so the preview,
 * the CLI and tests judge alike.
 */
import { addMonthsClamped } from '../dates';
import { vinCheckDigitMatches } from '../collateral/vin';
import { Ratio } from '../money';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** A mainland resident ID: 18 characters whose last is the ISO 7064 MOD 11-2 check, or 15 digits (pre-1999). */
export function isMainlandResidentId(id: string): boolean {
  if (/^\d{15}$/.test(id)) return true;
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const sum = ID_WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  return ID_CHECK[sum % 11] === id[17];
}

/** A mainland mobile: 11 digits starting with 1, after spaces, dashes and a +86 prefix. */
export function isMainlandMobile(phone: string): boolean {
  return /^1\d{10}$/.test(phone.replace(/[\s-]/g, '').replace(/^(\+?86)/, ''));
}

export const isRateAbove = (annualRatePercent: string, ceilingPercent: string) =>
  Ratio.fromDecimal(annualRatePercent).compare(Ratio.fromDecimal(ceilingPercent)) > 0;

/** Older than 12 months on `today` (exactly 12 months is still current). */
export const isAppraisalOld = (date: string, today: string) => addMonthsClamped(date, 12) < today;

export const vinCheckDigitWrong = (vin: string) => vin !== '' && !vinCheckDigitMatches(vin);

/** The ceiling the import warns above, until Settings says otherwise: 24% a year. */
export const DEFAULT_RATE_CEILING_PERCENT = '24';
