import { describe, expect, it } from 'vitest';
import { DecimalFormatError, Ratio, roundHalfUpDiv } from '../../../shared/money/ratio';

const q = (num: bigint, den: bigint = 1n) => Ratio.of(num, den);

describe('Ratio', () => {
  it('normalizes sign and common factors, so equal values have equal parts', () => {
    const r = q(6n, -4n);
    expect([r.num, r.den]).toEqual([-3n, 2n]);
    expect(q(0n, -7n).equals(Ratio.ZERO)).toBe(true);
    expect(q(2n, 4n).equals(q(1n, 2n))).toBe(true);
  });

  it('parses plain decimal strings exactly', () => {
    expect(Ratio.fromDecimal('12').equals(q(12n))).toBe(true);
    expect(Ratio.fromDecimal('0.05').equals(q(1n, 20n))).toBe(true);
    expect(Ratio.fromDecimal('-3.5').equals(q(-7n, 2n))).toBe(true);
    expect(Ratio.fromDecimal('4.9').equals(q(49n, 10n))).toBe(true);
    expect(Ratio.fromDecimal('-0').isZero()).toBe(true);
    // 0.1 + 0.2 is exactly 0.3 here, unlike in floating point.
    expect(Ratio.fromDecimal('0.1').add(Ratio.fromDecimal('0.2')).equals(Ratio.fromDecimal('0.3'))).toBe(
      true,
    );
  });

  it.each(['', '1.', '.5', '+1', '1e3', ' 1', '1 ', '1,5', '--1', 'abc', '0x10', '1.2.3'])(
    'rejects %j as a decimal',
    (s) => {
      expect(() => Ratio.fromDecimal(s)).toThrow(DecimalFormatError);
    },
  );

  it('adds, subtracts, multiplies and divides exactly', () => {
    const a = q(1n, 3n);
    const b = q(1n, 6n);
    expect(a.add(b).equals(q(1n, 2n))).toBe(true);
    expect(b.sub(a).equals(q(-1n, 6n))).toBe(true);
    expect(a.mul(b).equals(q(1n, 18n))).toBe(true);
    expect(a.div(b).equals(q(2n))).toBe(true);
    expect(a.neg().equals(q(-1n, 3n))).toBe(true);
    expect(() => a.div(Ratio.ZERO)).toThrow(RangeError);
    expect(() => q(1n, 0n)).toThrow(RangeError);
  });

  it('raises to non-negative integer powers', () => {
    expect(q(101n, 100n).pow(3).equals(q(1030301n, 1000000n))).toBe(true);
    expect(q(-2n, 3n).pow(3).equals(q(-8n, 27n))).toBe(true);
    expect(q(5n, 7n).pow(0).equals(Ratio.ONE)).toBe(true);
    expect(() => q(2n).pow(-1)).toThrow(RangeError);
    expect(() => q(2n).pow(1.5)).toThrow(RangeError);
  });

  it('compares, and reports sign and zero', () => {
    expect(q(1n, 3n).compare(q(1n, 2n))).toBe(-1);
    expect(q(-1n, 3n).compare(q(-1n, 2n))).toBe(1);
    expect(q(2n, 4n).compare(q(1n, 2n))).toBe(0);
    expect([q(-5n).sign(), Ratio.ZERO.sign(), q(1n, 9n).sign()]).toEqual([-1, 0, 1]);
    expect(Ratio.ZERO.isZero()).toBe(true);
    expect(q(1n, 1000n).isZero()).toBe(false);
  });

  describe('roundHalfUp: ties away from zero', () => {
    it.each([
      [5n, 2n, 3n], // 2.5
      [-5n, 2n, -3n], // -2.5
      [3n, 2n, 2n], // 1.5
      [-3n, 2n, -2n], // -1.5
      [1n, 2n, 1n], // 0.5
      [-1n, 2n, -1n], // -0.5
      [7n, 3n, 2n], // 2.333…
      [-7n, 3n, -2n],
      [8n, 3n, 3n], // 2.666…
      [-8n, 3n, -3n],
      [49n, 100n, 0n], // 0.49
      [-49n, 100n, 0n],
      [0n, 1n, 0n],
      [12n, 1n, 12n],
    ])('%s/%s → %s', (num, den, expected) => {
      expect(q(num, den).roundHalfUp()).toBe(expected);
      expect(roundHalfUpDiv(num, den)).toBe(expected);
    });

    it('handles a negative denominator in the raw quotient', () => {
      expect(roundHalfUpDiv(5n, -2n)).toBe(-3n);
      expect(roundHalfUpDiv(-5n, -2n)).toBe(3n);
      expect(() => roundHalfUpDiv(1n, 0n)).toThrow(RangeError);
    });

    it('rounds money half a cent up: 0.005 → 0.01, -0.005 → -0.01', () => {
      // In minor units 0.005 is 1/2 a cent.
      expect(Ratio.fromDecimal('0.5').roundHalfUp()).toBe(1n);
      expect(Ratio.fromDecimal('-0.5').roundHalfUp()).toBe(-1n);
      expect(Ratio.fromDecimal('0.4999').roundHalfUp()).toBe(0n);
    });
  });
});
