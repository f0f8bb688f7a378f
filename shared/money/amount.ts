/**
 * Money as integer minor units (cents / 分). A `Minor` is a plain number so it is cheap to store
 * and compare, but it is always a safe integer: nothing here ever goes through floating point
 * (no parseFloat, no toFixed, no division by 100) — conversion to and from text is done on digits.
 */
import { Ratio } from './ratio';

/** Integer minor units; always `Number.isSafeInteger`. */
export type Minor = number;

export type AmountProblem = 'format' | 'range';

/** Thrown for text that is not an amount we can hold exactly. */
export class InvalidAmountError extends Error {
  override readonly name = 'InvalidAmountError';
  constructor(
    readonly input: string,
    readonly problem: AmountProblem,
  ) {
    super(
      problem === 'format'
        ? `"${input}" must be a decimal amount with at most 2 decimals, e.g. 1234.56`
        : `"${input}" is too large to be an amount`,
    );
  }
}

const AMOUNT = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

export function isMinor(value: unknown): value is Minor {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** Converts an exact integer of minor units into a `Minor`, refusing values a number can't hold. */
export function toMinor(value: bigint): Minor {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount of ${value} minor units is out of range`);
  return n;
}

/** "100000" → 10000000, "8884.88" → 888488, "0.5" → 50, "-3" → -300. */
export function parseAmount(s: string): Minor {
  const m = AMOUNT.exec(s);
  if (!m) throw new InvalidAmountError(s, 'format');
  const [, sign, whole = '', cents = ''] = m;
  const minor = BigInt(whole + cents.padEnd(2, '0'));
  const n = Number(sign === '-' ? -minor : minor);
  if (!Number.isSafeInteger(n)) throw new InvalidAmountError(s, 'range');
  return n === 0 ? 0 : n; // never hand out -0
}

/** Exactly two decimals: 888488 → "8884.88", -5 → "-0.05", 0 → "0.00". */
export function formatAmount(minor: Minor): string {
  if (!isMinor(minor)) throw new RangeError(`${minor} is not an integer amount of minor units`);
  const digits = `${minor < 0 ? -minor : minor}`.padStart(3, '0');
  const sign = minor < 0 ? '-' : '';
  return `${sign}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** The exact value of an amount, in minor units, for arithmetic that must not round yet. */
export function minorToRatio(minor: Minor): Ratio {
  return Ratio.fromInteger(minor);
}

/** Rounds an exact number of minor units to a `Minor` — i.e. rounds money to 0.01, half-up. */
export function roundToMinor(value: Ratio): Minor {
  return toMinor(value.roundHalfUp());
}
