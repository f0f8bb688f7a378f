import { describe, expect, it } from 'vitest';
import { depreciatedEstimate } from '../../../shared/collateral/depreciation';

const appraisal = { date: '2025-03-10', value: 10_000_000 };

describe('depreciated estimate of a vehicle (declining balance)', () => {
  it('is the appraisal itself on the appraisal date and before it', () => {
    expect(depreciatedEstimate(appraisal, '15', '2025-03-10')).toBe(10_000_000);
    expect(depreciatedEstimate(appraisal, '15', '2025-01-01')).toBe(10_000_000);
  });

  it('takes 15% a year off the declining balance', () => {
    expect(depreciatedEstimate(appraisal, '15', '2026-03-10')).toBe(8_500_000);
    expect(depreciatedEstimate(appraisal, '15', '2027-03-10')).toBe(7_225_000);
    expect(depreciatedEstimate(appraisal, '20', '2026-03-10')).toBe(8_000_000);
  });

  it('charges a part-year pro rata by days on the balance at the last anniversary', () => {
    // 85,000.00 × (1 − 0.15 × 92/365) = 81,786.30…  → 81,786.30
    expect(depreciatedEstimate(appraisal, '15', '2026-06-10')).toBe(8_178_630);
    // The day before the first anniversary: 100,000 × (1 − 0.15 × 364/365) = 85,041.09…
    expect(depreciatedEstimate(appraisal, '15', '2026-03-09')).toBe(8_504_110);
  });

  it('never goes below zero and keeps fractional rates exact', () => {
    expect(depreciatedEstimate(appraisal, '100', '2026-03-10')).toBe(0);
    expect(depreciatedEstimate({ date: '2024-02-29', value: 100_00 }, '12.5', '2025-02-28')).toBe(87_50);
  });
});
