import { z } from 'zod';
import { ratePercent } from './common';
import { coded } from './error-codes';
import { Ratio } from '../money';
import type { CollateralRules } from '../collateral/alerts';

const months = z.number().int().min(1, 'must be at least 1 month').max(120, 'must be at most 120 months');
const percent = ratePercent.refine((v) => {
  const r = Ratio.fromDecimal(v);
  return r.sign() > 0 && r.compare(Ratio.fromInteger(100)) <= 0;
}, coded('percent.range'));

/** Collateral thresholds, kept with the other settings (flat keys, so one damaged key falls back alone). */
export const collateralSettingsShape = {
  ltvThresholdPropertyPercent: percent,
  ltvThresholdVehiclePercent: percent,
  staleValuationMonthsProperty: months,
  staleValuationMonthsVehicle: months,
  insuranceWarningDays: z.number().int().min(0).max(365),
  vehicleDepreciationPercent: percent,
};

export const DEFAULT_COLLATERAL_SETTINGS = {
  ltvThresholdPropertyPercent: '70',
  ltvThresholdVehiclePercent: '80',
  staleValuationMonthsProperty: 12,
  staleValuationMonthsVehicle: 6,
  insuranceWarningDays: 30,
  vehicleDepreciationPercent: '15',
};

type CollateralSettings = {
  [K in keyof typeof collateralSettingsShape]: z.infer<(typeof collateralSettingsShape)[K]>;
};

export function collateralRulesOf(s: CollateralSettings): CollateralRules {
  return {
    ltvThresholdPercent: { property: s.ltvThresholdPropertyPercent, vehicle: s.ltvThresholdVehiclePercent },
    staleAfterMonths: { property: s.staleValuationMonthsProperty, vehicle: s.staleValuationMonthsVehicle },
    insuranceWarningDays: s.insuranceWarningDays,
  };
}
