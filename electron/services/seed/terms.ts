/**
 * Loan terms as small secured lenders write them: car-title loans of 30,000–300,000 CNY over
 * 12–36 months at 10–24 % a year, mortgages of 200,000–3,000,000 CNY over 12–120 months at
 * 6–15 %. Amounts are whole hundreds of yuan; minor units are fen (100 CNY = 10000).
 */
import type { RepaymentMethod } from '../../../shared/engine';
import type { IsoDate } from '../../../shared/dates';
import type { Rng } from './prng';

export type SeedProduct = 'car-title' | 'mortgage';

export interface SeedTerms {
  product: SeedProduct;
  principal: number;
  annualRatePercent: string;
  months: number;
  method: RepaymentMethod;
  startDate: IsoDate;
  penaltyDailyRatePercent: string;
  graceDays: number;
  upfrontFee: number;
}

const YUAN = 100;

type Band = readonly [lo: number, hi: number, weight: number];

/**
 * An amount in yuan: a band by weight (small loans are commoner than large ones), then a whole
 * multiple of a step people actually lend in (10,000, 1,000 or 100), uniform within the band.
 * Integer arithmetic only, so the same seed gives the same amounts on any machine.
 */
function amountYuan(rng: Rng, bands: readonly Band[], steps: readonly (readonly [number, number])[]): number {
  const [lo, hi] = rng.weighted(bands.map((b) => [b, b[2]] as const));
  const step = rng.weighted(steps);
  return step * rng.int(Math.ceil(lo / step), Math.floor(hi / step));
}

const CAR_TITLE_BANDS: readonly Band[] = [
  [30_000, 60_000, 35],
  [60_000, 100_000, 30],
  [100_000, 200_000, 25],
  [200_000, 300_000, 10],
];

const MORTGAGE_BANDS: readonly Band[] = [
  [200_000, 500_000, 35],
  [500_000, 1_000_000, 35],
  [1_000_000, 2_000_000, 22],
  [2_000_000, 3_000_000, 8],
];

const CAR_RATES = [
  ['10.8', 2],
  ['12', 5],
  ['13.2', 3],
  ['14.4', 5],
  ['15', 4],
  ['15.6', 3],
  ['16.8', 4],
  ['18', 6],
  ['19.8', 3],
  ['21.6', 3],
  ['23.4', 1],
  ['24', 3],
] as const;

const MORTGAGE_RATES = [
  ['6', 2],
  ['6.6', 2],
  ['7.2', 4],
  ['7.8', 3],
  ['8.4', 4],
  ['9', 5],
  ['9.6', 4],
  ['10.8', 4],
  ['12', 5],
  ['13.2', 2],
  ['14.4', 2],
  ['15', 1],
] as const;

const PENALTY_RATES = [
  ['0.05', 70],
  ['0.03', 8],
  ['0.04', 7],
  ['0.06', 5],
  ['0.08', 5],
  ['0.1', 5],
] as const;

const GRACE_DAYS = [
  [0, 35],
  [1, 8],
  [2, 10],
  [3, 32],
  [5, 15],
] as const;

export function drawTerms(rng: Rng, product: SeedProduct, startDate: IsoDate): SeedTerms {
  const penaltyDailyRatePercent = rng.weighted(PENALTY_RATES);
  const graceDays = rng.weighted(GRACE_DAYS);
  if (product === 'car-title') {
    const principalYuan = amountYuan(rng, CAR_TITLE_BANDS, [
      [1000, 75],
      [100, 25],
    ]);
    const method = rng.weighted<RepaymentMethod>([
      ['annuity', 50],
      ['equal-principal', 32],
      ['interest-only', 18],
    ]);
    const months = rng.weighted([
      [12, 35],
      [24, 40],
      [36, 25],
    ]);
    // GPS, valuation and filing fees, a few thousand yuan.
    const feeYuan = rng.chance(0.6) ? rng.int(8, 40) * 100 : 0;
    return {
      product,
      principal: principalYuan * YUAN,
      annualRatePercent: rng.weighted(CAR_RATES),
      months,
      method,
      startDate,
      penaltyDailyRatePercent,
      graceDays,
      upfrontFee: feeYuan * YUAN,
    };
  }
  const principalYuan = amountYuan(rng, MORTGAGE_BANDS, [
    [10_000, 60],
    [1000, 30],
    [100, 10],
  ]);
  const method = rng.weighted<RepaymentMethod>([
    ['annuity', 35],
    ['equal-principal', 22],
    ['interest-only', 35],
    ['bullet', 8],
  ]);
  const months =
    method === 'bullet'
      ? rng.weighted([
          [12, 80],
          [24, 20],
        ])
      : rng.weighted([
          [12, 40],
          [24, 30],
          [36, 15],
          [60, 10],
          [120, 5],
        ]);
  // Appraisal and notary fees: 0.5–2 % of the loan, whole hundreds.
  const feeYuan = rng.chance(0.5) ? Math.round((principalYuan * rng.int(5, 20)) / 1000 / 100) * 100 : 0;
  return {
    product,
    principal: principalYuan * YUAN,
    annualRatePercent: rng.weighted(MORTGAGE_RATES),
    months,
    method,
    startDate,
    penaltyDailyRatePercent,
    graceDays,
    upfrontFee: feeYuan * YUAN,
  };
}
