import { describe, expect, it } from 'vitest';
import {
  detailsFinding,
  documentFindings,
  insuranceFinding,
  ltvFinding,
  percentText,
  valuationFinding,
  type CollateralRules,
} from '../../../shared/collateral/alerts';
import { collateralRulesOf, DEFAULT_COLLATERAL_SETTINGS } from '../../../shared/contract';

const rules: CollateralRules = collateralRulesOf(DEFAULT_COLLATERAL_SETTINGS);
const TODAY = '2026-06-15';

describe('LTV alert', () => {
  it('fires only above the threshold: 80% for a car, 70% for property', () => {
    const car = (value: number) => [{ kind: 'vehicle' as const, value }];
    expect(ltvFinding(80_000, car(100_000), rules)).toBeNull();
    expect(ltvFinding(80_001, car(100_000), rules)).toMatchObject({
      kind: 'ltv',
      code: 'ltv-above-threshold',
      params: { ltv: '80.00%', threshold: '80.00%' },
    });
    const house = [{ kind: 'property' as const, value: 1_000_000 }];
    expect(ltvFinding(700_000, house, rules)).toBeNull();
    expect(ltvFinding(750_000, house, rules)?.reason).toBe('LTV 75.00% is above the 70.00% threshold');
  });

  it('weighs mixed collateral by each item’s own threshold', () => {
    // A 100,000 house (supports 70,000) and a 100,000 car (supports 80,000): limit 150,000 = 75%.
    const both = [
      { kind: 'property' as const, value: 100_000 },
      { kind: 'vehicle' as const, value: 100_000 },
    ];
    expect(ltvFinding(150_000, both, rules)).toBeNull();
    expect(ltvFinding(150_001, both, rules)?.params).toEqual({ ltv: '75.00%', threshold: '75.00%' });
  });

  it('says nothing without a value: that is the missing-valuation alert', () => {
    expect(ltvFinding(50_000, [{ kind: 'vehicle', value: 0 }], rules)).toBeNull();
  });

  it('follows the configured threshold', () => {
    const strict = { ...rules, ltvThresholdPercent: { property: '50', vehicle: '60.5' } };
    expect(ltvFinding(60_500, [{ kind: 'vehicle', value: 100_000 }], strict)).toBeNull();
    expect(ltvFinding(60_501, [{ kind: 'vehicle', value: 100_000 }], strict)).not.toBeNull();
  });

  it('writes percentages from basis points', () => {
    expect(percentText(7050)).toBe('70.50%');
    expect(percentText(12345)).toBe('123.45%');
    expect(percentText(5)).toBe('0.05%');
  });
});

describe('stale valuation alert', () => {
  it('allows a vehicle valuation exactly 6 months old and flags one a day older', () => {
    expect(valuationFinding({ kind: 'vehicle', latestValuationDate: '2025-12-15' }, TODAY, rules)).toBeNull();
    expect(
      valuationFinding({ kind: 'vehicle', latestValuationDate: '2025-12-14' }, TODAY, rules),
    ).toMatchObject({
      kind: 'stale-valuation',
      code: 'valuation-stale',
      reason: 'latest valuation 2025-12-14 is more than 6 months old',
    });
  });

  it('allows property 12 months', () => {
    expect(
      valuationFinding({ kind: 'property', latestValuationDate: '2025-06-15' }, TODAY, rules),
    ).toBeNull();
    expect(
      valuationFinding({ kind: 'property', latestValuationDate: '2025-06-14' }, TODAY, rules)?.code,
    ).toBe('valuation-stale');
  });

  it('flags an item never valued', () => {
    expect(valuationFinding({ kind: 'property', latestValuationDate: null }, TODAY, rules)?.code).toBe(
      'valuation-missing',
    );
  });
});

describe('insurance alert', () => {
  const car = (insuranceExpiry: string | null) => ({ kind: 'vehicle' as const, insuranceExpiry });
  it('is quiet more than 30 days out and warns from 30 days', () => {
    expect(insuranceFinding(car('2026-07-16'), TODAY, rules)).toBeNull();
    expect(insuranceFinding(car('2026-07-15'), TODAY, rules)).toMatchObject({
      code: 'insurance-expiring',
      params: { date: '2026-07-15', days: 30 },
    });
  });

  it('expiring today is still cover; expired yesterday has lapsed', () => {
    expect(insuranceFinding(car(TODAY), TODAY, rules)?.code).toBe('insurance-expiring');
    expect(insuranceFinding(car('2026-06-14'), TODAY, rules)).toMatchObject({
      code: 'insurance-lapsed',
      reason: 'insurance lapsed on 2026-06-14',
    });
  });

  it('flags a car with no insurance recorded, and never property', () => {
    expect(insuranceFinding(car(null), TODAY, rules)?.code).toBe('insurance-missing');
    expect(insuranceFinding({ kind: 'property', insuranceExpiry: null }, TODAY, rules)).toBeNull();
  });
});

describe('document alert', () => {
  const property = {
    kind: 'property' as const,
    holdsTitleCertificate: true,
    mortgageRegistrationNo: 'M-1',
    holdsMortgageRegistration: true,
    holdsRegistrationCertificate: false,
  };
  it('is quiet when the title and the registered mortgage are held', () => {
    expect(documentFindings(property)).toEqual([]);
  });

  it('names each missing document', () => {
    expect(documentFindings({ ...property, holdsTitleCertificate: false }).map((f) => f.code)).toEqual([
      'title-certificate-not-held',
    ]);
    expect(documentFindings({ ...property, mortgageRegistrationNo: null }).map((f) => f.reason)).toEqual([
      'mortgage registration not held',
    ]);
    expect(documentFindings({ ...property, kind: 'vehicle' }).map((f) => f.code)).toEqual([
      'registration-certificate-not-held',
    ]);
    expect(documentFindings({ ...property, kind: 'vehicle', holdsRegistrationCertificate: true })).toEqual(
      [],
    );
  });
});

describe('details to complete', () => {
  const car = {
    kind: 'vehicle' as const,
    address: null,
    vin: null,
    plate: '京A12345',
    make: '大众',
    model: '',
    year: null,
  };
  it('names what the screen requires and an imported item lacks, and nothing once it is complete', () => {
    expect(detailsFinding(car)).toMatchObject({
      kind: 'details',
      code: 'details-incomplete',
      params: { missing: 'vin,model,year' },
    });
    expect(detailsFinding({ ...car, vin: 'LSVAU2180N2184847', model: '帕萨特', year: 2021 })).toBeNull();
  });
  it('asks a property only for its address (the title-deed number is optional on screen too)', () => {
    const home = { ...car, kind: 'property' as const, plate: null, make: null };
    expect(detailsFinding(home)?.params).toEqual({ missing: 'address' });
    expect(detailsFinding({ ...home, address: '北京市东城区1号' })).toBeNull();
  });
});
