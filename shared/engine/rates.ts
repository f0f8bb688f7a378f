/**
 * Rates arrive as the percentage text the lender typed ("12", "0.05") and are turned into exact
 * fractions of one, so interest and penalty maths never meets a float.
 */
import { Ratio } from '../money/ratio';

function fractionOfPercent(percent: string, what: string): Ratio {
  const rate = Ratio.fromDecimal(percent).div(Ratio.fromInteger(100));
  if (rate.sign() < 0) throw new RangeError(`${what} must not be negative: ${percent}`);
  return rate;
}

/** r = annualRatePercent / 100 / 12, e.g. "12" → 1/100. */
export function monthlyRateOf(annualRatePercent: string): Ratio {
  return fractionOfPercent(annualRatePercent, 'annual rate').div(Ratio.fromInteger(12));
}

/** The share of the unpaid amount charged as penalty per day, e.g. "0.05" → 1/2000. */
export function dailyPenaltyRateOf(penaltyDailyRatePercent: string): Ratio {
  return fractionOfPercent(penaltyDailyRatePercent, 'penalty rate');
}
