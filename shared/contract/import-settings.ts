import { z } from 'zod';
import { DEFAULT_RATE_CEILING_PERCENT } from '../import/plausibility';
import { PERCENT } from './loan-settings';

/**
 * Settings → Loans, the import's part: the annual rate above which an imported loan is warned
 * of (a plausibility warning, not an error: some lenders' books legitimately charge more).
 */
export const importSettingsShape = {
  'import.rateCeilingPercent': z
    .string()
    .trim()
    .regex(PERCENT, 'must be a yearly percentage such as 24 or 36.5'),
};

export const DEFAULT_IMPORT_SETTINGS = {
  'import.rateCeilingPercent': DEFAULT_RATE_CEILING_PERCENT,
};
