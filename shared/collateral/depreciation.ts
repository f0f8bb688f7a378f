/**
 * The depreciated estimate shown beside a vehicle's appraisal. It is an estimate only: it never
 * replaces a valuation, and coverage and LTV always use the latest recorded valuation.
 */
import { addMonthsClamped, daysBetween, type IsoDate } from '../dates';
import { Ratio, roundToMinor, type Minor } from '../money';

/**
 * Declining balance at `yearlyRatePercent`: each full year since the appraisal multiplies the
 * value by (1 − rate); the part-year since the last anniversary takes a pro-rata slice of that
 * year's charge, rate × days ⁄ 365, off the declining balance. Exact until one final rounding.
 * On or before the appraisal date the estimate is the appraisal itself.
 */
export function depreciatedEstimate(
  appraisal: { date: IsoDate; value: Minor },
  yearlyRatePercent: string,
  asOf: IsoDate,
): Minor {
  if (asOf <= appraisal.date) return appraisal.value;
  const rate = Ratio.fromDecimal(yearlyRatePercent).div(Ratio.fromInteger(100));
  const keep = Ratio.ONE.sub(rate);
  let years = 0;
  while (addMonthsClamped(appraisal.date, 12 * (years + 1)) <= asOf) years++;
  const anniversary = addMonthsClamped(appraisal.date, 12 * years);
  const partYear = Ratio.of(BigInt(daysBetween(anniversary, asOf)), 365n);
  const value = Ratio.fromInteger(appraisal.value)
    .mul(keep.pow(years))
    .mul(Ratio.ONE.sub(rate.mul(partYear)));
  return Math.max(0, roundToMinor(value));
}
