import { roundHalfUpDiv } from '../money/ratio';

/**
 * A share written as the report prints it: a decimal string with four places (0.1234 = 12.34%),
 * rounded once, half-up, by the project's single rounding rule. An empty denominator gives
 * "0.0000": no book means no portfolio at risk.
 */
export function rate4(numerator: number, denominator: number): string {
  if (denominator === 0) return '0.0000';
  const scaled = roundHalfUpDiv(BigInt(numerator) * 10_000n, BigInt(denominator));
  const sign = scaled < 0n ? '-' : '';
  const abs = scaled < 0n ? -scaled : scaled;
  return `${sign}${abs / 10_000n}.${String(abs % 10_000n).padStart(4, '0')}`;
}
