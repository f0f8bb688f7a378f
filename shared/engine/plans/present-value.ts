import { addMonthsClamped, compareDates, type IsoDate } from '../../dates/civil';
import { toMinor, type Minor } from '../../money/amount';
import { roundHalfUpDiv } from '../../money/ratio';
import { monthlyRateOf } from '../rates';

export interface CashFlow {
  date: IsoDate;
  amount: Minor;
}

/**
 * Whole months from `asOf` until `date`, rounded up: a payment due any day in the k-th month after
 * the as-of date is discounted for k months; one due on or before the as-of date is not discounted.
 */
export function monthsUntil(asOf: IsoDate, date: IsoDate): number {
  let m = 0;
  while (compareDates(addMonthsClamped(asOf, m), date) < 0) m++;
  return m;
}

/**
 * Σ amount / (1 + r)^m with r the contract's monthly rate. With r = a/b every term is
 * amount · b^m / (a+b)^m, so over the common denominator (a+b)^M the sum is one exact fraction,
 * rounded once.
 */
export function presentValue(flows: readonly CashFlow[], asOf: IsoDate, annualRatePercent: string): Minor {
  const r = monthlyRateOf(annualRatePercent);
  const growth = r.num + r.den;
  const timed = flows.map((f) => ({ amount: BigInt(f.amount), m: BigInt(monthsUntil(asOf, f.date)) }));
  const horizon = timed.reduce((max, f) => (f.m > max ? f.m : max), 0n);
  const numerator = timed.reduce((sum, f) => sum + f.amount * r.den ** f.m * growth ** (horizon - f.m), 0n);
  return toMinor(roundHalfUpDiv(numerator, growth ** horizon));
}
