/**
 * Exact rational numbers over BigInt, and THE rounding rule of the project.
 *
 * All money maths is exact until a figure is written to the ledger. Amounts are integer minor
 * units (cents), so "round to 0.01" is the same thing as "round a Ratio of minor units to an
 * integer". The contract says round means half-up, ties away from zero; `roundHalfUpDiv` below
 * is the only place that rule is implemented, and every rounded figure in the engine goes
 * through it (directly, or via `Ratio.roundHalfUp`).
 */

/** Thrown when a string is not a plain decimal number such as "12", "0.05" or "-3.5". */
export class DecimalFormatError extends Error {
  override readonly name = 'DecimalFormatError';
  constructor(readonly input: string) {
    super(
      `"${input}" is not a decimal number (expected digits with an optional sign and fraction, e.g. -3.5)`,
    );
  }
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

function abs(x: bigint): bigint {
  return x < 0n ? -x : x;
}

function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/**
 * num / den rounded half-up (ties away from zero) to an integer.
 * Kept separate from `Ratio` so hot paths (interest, penalty) can round a quotient of bigints
 * without first reducing it by a gcd they don't need.
 */
export function roundHalfUpDiv(num: bigint, den: bigint): bigint {
  if (den === 0n) throw new RangeError('division by zero');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  // BigInt division truncates toward zero, so work on the magnitude and restore the sign:
  // that is exactly "ties away from zero".
  const magnitude = (2n * abs(num) + den) / (2n * den);
  return num < 0n ? -magnitude : magnitude;
}

export class Ratio {
  static readonly ZERO = new Ratio(0n, 1n);
  static readonly ONE = new Ratio(1n, 1n);

  /** Always reduced, with a positive denominator, so equal values have equal fields. */
  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  static of(num: bigint, den: bigint = 1n): Ratio {
    if (den === 0n) throw new RangeError('division by zero');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num, den);
    return g === 1n ? new Ratio(num, den) : new Ratio(num / g, den / g);
  }

  static fromInteger(n: bigint | number): Ratio {
    if (typeof n === 'number' && !Number.isSafeInteger(n)) {
      throw new RangeError(`${n} is not a safe integer`);
    }
    return new Ratio(BigInt(n), 1n);
  }

  /** Parses "12", "0.05", "-3.5" exactly (no floating point on the way). */
  static fromDecimal(s: string): Ratio {
    const m = DECIMAL.exec(s);
    if (!m) throw new DecimalFormatError(s);
    const [, sign, whole = '', fraction = ''] = m;
    const digits = BigInt(whole + fraction);
    return Ratio.of(sign === '-' ? -digits : digits, 10n ** BigInt(fraction.length));
  }

  add(o: Ratio): Ratio {
    return Ratio.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  sub(o: Ratio): Ratio {
    return Ratio.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }

  mul(o: Ratio): Ratio {
    return Ratio.of(this.num * o.num, this.den * o.den);
  }

  div(o: Ratio): Ratio {
    if (o.num === 0n) throw new RangeError('division by zero');
    return Ratio.of(this.num * o.den, this.den * o.num);
  }

  neg(): Ratio {
    return new Ratio(-this.num, this.den);
  }

  /** this^n for a non-negative integer n. */
  pow(n: number): Ratio {
    if (!Number.isSafeInteger(n) || n < 0)
      throw new RangeError(`exponent must be a non-negative integer: ${n}`);
    // A reduced fraction stays reduced when both parts are raised to the same power: no gcd needed.
    const e = BigInt(n);
    return new Ratio(this.num ** e, this.den ** e);
  }

  compare(o: Ratio): -1 | 0 | 1 {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  equals(o: Ratio): boolean {
    return this.num === o.num && this.den === o.den;
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }

  /** Rounds half-up (ties away from zero) to an integer; see the module comment. */
  roundHalfUp(): bigint {
    return roundHalfUpDiv(this.num, this.den);
  }

  toString(): string {
    return this.den === 1n ? `${this.num}` : `${this.num}/${this.den}`;
  }
}
