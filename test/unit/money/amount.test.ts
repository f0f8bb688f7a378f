import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  InvalidAmountError,
  minorToRatio,
  parseAmount,
  roundToMinor,
} from '../../../shared/money/amount';
import { Ratio } from '../../../shared/money/ratio';

describe('parseAmount', () => {
  it.each([
    ['100000', 10000000],
    ['100000.00', 10000000],
    ['8884.88', 888488],
    ['0.5', 50],
    ['0.05', 5],
    ['-3.5', -350],
    ['-0.05', -5],
    ['007', 700],
    ['90071992547409.91', 9007199254740991], // the largest safe integer
  ])('%s → %s minor units', (text, minor) => {
    expect(parseAmount(text)).toBe(minor);
  });

  it('never produces negative zero', () => {
    expect(Object.is(parseAmount('-0.00'), 0)).toBe(true);
  });

  it.each(['1.234', '1,000.00', '', '1.', '.5', '1e3', ' 12', '12 ', '+5', 'abc', '12.3.4', '１２'])(
    'rejects %j with a message that shows the expected form',
    (text) => {
      expect(() => parseAmount(text)).toThrow(InvalidAmountError);
      expect(() => parseAmount(text)).toThrow(
        'must be a decimal amount with at most 2 decimals, e.g. 1234.56',
      );
    },
  );

  it('rejects amounts a number cannot hold exactly', () => {
    let error: unknown;
    try {
      parseAmount('90071992547409.92');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidAmountError);
    expect((error as InvalidAmountError).problem).toBe('range');
  });
});

describe('formatAmount', () => {
  it.each([
    [888488, '8884.88'],
    [-5, '-0.05'],
    [0, '0.00'],
    [7, '0.07'],
    [70, '0.70'],
    [100, '1.00'],
    [-100, '-1.00'],
    [-123456789, '-1234567.89'],
  ])('%s → %s', (minor, text) => {
    expect(formatAmount(minor)).toBe(text);
  });

  it('refuses non-integers', () => {
    expect(() => formatAmount(1.5)).toThrow(RangeError);
    expect(() => formatAmount(Number.NaN)).toThrow(RangeError);
  });

  it('round-trips with parseAmount', () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (minor) => {
        expect(parseAmount(formatAmount(minor))).toBe(minor);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Minor ↔ Ratio', () => {
  it('is exact one way and rounds half-up the other', () => {
    expect(minorToRatio(888488).equals(Ratio.fromInteger(888488))).toBe(true);
    // 1/3 of 1.00 is 33.333… cents → 0.33; half a cent either side of zero rounds away from it.
    expect(roundToMinor(minorToRatio(100).div(Ratio.fromInteger(3)))).toBe(33);
    expect(roundToMinor(Ratio.of(-1n, 2n))).toBe(-1);
    expect(roundToMinor(Ratio.of(1n, 2n))).toBe(1);
    expect(() => roundToMinor(Ratio.fromInteger(2n ** 60n))).toThrow(RangeError);
  });
});
