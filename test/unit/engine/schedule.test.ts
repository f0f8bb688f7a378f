import { describe, expect, it } from 'vitest';
import {
  annuityInstallment,
  buildSchedule,
  REPAYMENT_METHODS,
  type LoanTerms,
} from '../../../shared/engine/schedule';

const loan = (terms: Partial<LoanTerms>): LoanTerms => ({
  method: 'annuity',
  principal: 1000_00,
  annualRatePercent: '12',
  months: 3,
  startDate: '2026-01-31',
  ...terms,
});

/** [principal, interest] pairs, in minor units. */
const amounts = (terms: Partial<LoanTerms>) =>
  buildSchedule(loan(terms)).map((i) => [i.principal, i.interest]);

describe('published figures', () => {
  it('100,000 at 12% over 12 months is 8,884.88 a month', () => {
    expect(annuityInstallment(100_000_00, '12', 12)).toBe(8_884_88);
    const schedule = buildSchedule(loan({ principal: 100_000_00, months: 12 }));
    expect(schedule.slice(0, -1).every((i) => i.principal + i.interest === 8_884_88)).toBe(true);
  });

  it('1,000,000 at 4.9% over 360 months is 5,307.27 a month', () => {
    expect(annuityInstallment(1_000_000_00, '4.9', 360)).toBe(5_307_27);
    const [first] = buildSchedule(loan({ principal: 1_000_000_00, annualRatePercent: '4.9', months: 360 }));
    expect(first!.principal + first!.interest).toBe(5_307_27);
  });

  it('the first equal-principal payment on 1,000,000 at 4.9% over 360 months is 6,861.11', () => {
    // 1,000,000 / 360 = 2,777.78 principal + 1,000,000 × 4.9% / 12 = 4,083.33 interest.
    const [first] = buildSchedule(
      loan({ method: 'equal-principal', principal: 1_000_000_00, annualRatePercent: '4.9', months: 360 }),
    );
    expect(first).toMatchObject({ principal: 2_777_78, interest: 4_083_33 });
    expect(first!.principal + first!.interest).toBe(6_861_11);
  });
});

describe('each method, worked by hand (1,000.00 at 12% a year, r = 1% a month, 3 months)', () => {
  it('annuity', () => {
    // A = 1000 × 0.01 × 1.01³ / (1.01³ − 1) = 10.30301 / 0.030301 = 340.0221… → 340.02
    // 1: B 1000.00, interest 10.00, principal 340.02 − 10.00 = 330.02
    // 2: B 669.98, interest 6.6998 → 6.70, principal 333.32
    // 3: B 336.66, interest 3.3666 → 3.37, principal = the remaining 336.66 (total 340.03)
    expect(annuityInstallment(1000_00, '12', 3)).toBe(340_02);
    expect(amounts({ method: 'annuity' })).toEqual([
      [330_02, 10_00],
      [333_32, 6_70],
      [336_66, 3_37],
    ]);
  });

  it('annuity at 0% is round(P/n), the last one taking the rest', () => {
    // 1000 / 3 = 333.333… → 333.33, 333.33, then 1000 − 666.66 = 333.34
    expect(amounts({ annualRatePercent: '0' })).toEqual([
      [333_33, 0],
      [333_33, 0],
      [333_34, 0],
    ]);
  });

  it('equal-principal', () => {
    // principal round(1000/3) = 333.33 twice, then 333.34
    // interest: 1000 × 1% = 10.00; 666.67 × 1% = 6.6667 → 6.67; 333.34 × 1% = 3.3334 → 3.33
    expect(amounts({ method: 'equal-principal' })).toEqual([
      [333_33, 10_00],
      [333_33, 6_67],
      [333_34, 3_33],
    ]);
  });

  it('interest-only', () => {
    expect(amounts({ method: 'interest-only' })).toEqual([
      [0, 10_00],
      [0, 10_00],
      [1000_00, 10_00],
    ]);
  });

  it('bullet: one installment at start + n months, interest round(P·r·n)', () => {
    // 1000 × 1% × 3 = 30.00; 2025-11-30 + 3 months is in February 2026, which has no 30th.
    expect(buildSchedule(loan({ method: 'bullet', startDate: '2025-11-30' }))).toEqual([
      { n: 1, dueDate: '2026-02-28', principal: 1000_00, interest: 30_00 },
    ]);
  });

  it('rounds half a cent of interest up', () => {
    // 0.50 × 1% = 0.005 → 0.01
    expect(amounts({ method: 'interest-only', principal: 50, months: 1 })).toEqual([[50, 1]]);
    // 6.00 × 1% / 12 = 0.005 → 0.01
    expect(amounts({ method: 'bullet', principal: 6_00, annualRatePercent: '1', months: 1 })).toEqual([
      [6_00, 1],
    ]);
    // 4.00 × 1% / 12 = 0.00333… → 0.00
    expect(amounts({ method: 'bullet', principal: 4_00, annualRatePercent: '1', months: 1 })).toEqual([
      [4_00, 0],
    ]);
  });
});

describe('due dates', () => {
  it('are start + k calendar months, on the month-end when the month is short (Jan 31 start)', () => {
    const dates = buildSchedule(loan({ months: 13 })).map((i) => i.dueDate);
    expect(dates).toEqual([
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
      '2026-08-31',
      '2026-09-30',
      '2026-10-31',
      '2026-11-30',
      '2026-12-31',
      '2027-01-31',
      '2027-02-28',
    ]);
  });

  it('include Feb 29 in a leap year', () => {
    const dates = buildSchedule(loan({ startDate: '2027-11-29', months: 4 })).map((i) => i.dueDate);
    expect(dates).toEqual(['2027-12-29', '2028-01-29', '2028-02-29', '2028-03-29']);
  });
});

describe('small loans over long terms', () => {
  it('are paid off early rather than ending with a negative repayment', () => {
    // 100.00 over 360 months at 0%: round(100/360 = 0.2777…) = 0.28 a month.
    // 357 × 0.28 = 99.96, so installment 358 repays the last 0.04 and 359–360 are zero.
    // (Taking 0.28 every month would repay 359 × 0.28 = 100.52 and leave the last at −0.52.)
    const schedule = buildSchedule(loan({ principal: 100_00, annualRatePercent: '0', months: 360 }));
    expect(schedule.slice(0, 357).every((i) => i.principal === 28)).toBe(true);
    expect(schedule.slice(357).map((i) => i.principal)).toEqual([4, 0, 0]);
  });
});

describe('invalid terms', () => {
  it.each([
    [{ principal: 0 }],
    [{ principal: -1 }],
    [{ principal: 1.5 }],
    [{ months: 0 }],
    [{ months: 1.5 }],
    [{ months: 1201 }],
    [{ annualRatePercent: '-1' }],
    [{ method: 'balloon' as LoanTerms['method'] }],
  ])('%j throws', (terms) => {
    expect(() => buildSchedule(loan(terms))).toThrow();
  });

  it('lists the methods', () => {
    expect(REPAYMENT_METHODS).toEqual(['annuity', 'equal-principal', 'interest-only', 'bullet']);
  });
});
