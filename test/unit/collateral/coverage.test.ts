import { describe, expect, it } from 'vitest';
import { exposureOf, ltvBasisPoints, ltvOf, splitValue } from '../../../shared/collateral/coverage';
import { Ratio } from '../../../shared/money';

describe('exposure and LTV', () => {
  it('counts outstanding principal, overdue interest and penalty due — not overdue principal twice', () => {
    const statement = {
      outstandingPrincipal: 5_000_000,
      overdue: { principal: 400_000, interest: 50_000, penalty: 1_234 },
    };
    expect(exposureOf(statement)).toBe(5_051_234);
  });

  it('gives LTV as an exact ratio, and none when the collateral is worth nothing', () => {
    expect(ltvOf(7_000_000, 10_000_000)?.equals(Ratio.of(7n, 10n))).toBe(true);
    expect(ltvOf(1, 3)?.toString()).toBe('1/3');
    expect(ltvOf(5_000, 0)).toBeNull();
    expect(ltvBasisPoints(Ratio.of(2n, 3n))).toBe(6667);
  });
});

describe('splitting an item across the loans it secures', () => {
  it('splits by outstanding principal', () => {
    const shares = splitValue(10_000_000, [
      { loanId: 1, weight: 3_000_000 },
      { loanId: 2, weight: 1_000_000 },
    ]);
    expect(shares).toEqual(
      new Map([
        [1, 7_500_000],
        [2, 2_500_000],
      ]),
    );
  });

  it('gives the rounding remainder to the largest share so the shares add up exactly', () => {
    // 100.00 in thirds: 33.33 each rounds to 99.99 in total; the extra cent goes to loan 1.
    const equal = splitValue(10_000, [
      { loanId: 3, weight: 100 },
      { loanId: 1, weight: 100 },
      { loanId: 2, weight: 100 },
    ]);
    expect(equal).toEqual(
      new Map([
        [3, 3_333],
        [1, 3_334],
        [2, 3_333],
      ]),
    );
    // 0.02 in thirds rounds to 0.01 each (0.03): the largest share gives one back.
    const over = splitValue(2, [
      { loanId: 1, weight: 1 },
      { loanId: 2, weight: 1 },
      { loanId: 3, weight: 1 },
    ]);
    expect([...over.values()].reduce((a, b) => a + b)).toBe(2);
    expect(over.get(1)).toBe(0);
  });

  it('splits equally when every loan has repaid its principal', () => {
    expect(
      splitValue(9_000, [
        { loanId: 1, weight: 0 },
        { loanId: 2, weight: 0 },
      ]),
    ).toEqual(
      new Map([
        [1, 4_500],
        [2, 4_500],
      ]),
    );
  });

  it('always adds up to the item value', () => {
    for (let value = 1; value < 400; value += 7) {
      const shares = splitValue(value, [
        { loanId: 1, weight: 123_457 },
        { loanId: 2, weight: 98_765 },
        { loanId: 3, weight: 1 },
      ]);
      expect([...shares.values()].reduce((a, b) => a + b)).toBe(value);
      expect([...shares.values()].every((s) => s >= 0)).toBe(true);
    }
  });
});
