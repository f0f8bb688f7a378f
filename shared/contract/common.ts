import { z } from 'zod';
import { isValidIsoDate } from '../dates/civil';
import { coded } from './error-codes';

/** A calendar date as `YYYY-MM-DD`; it never passes through a local-time `Date`. */
export const isoDate = z.string().refine(isValidIsoDate, coded('input.notDate'));

/** Money in integer minor units (cents / 分). */
export const minorAmount = z.number().int().refine(Number.isSafeInteger, coded('input.amountTooLarge'));
export const positiveMinor = minorAmount.refine((v) => v > 0, coded('input.positive'));

/** A rate kept as the decimal string the user typed, so rate maths stays exact. */
export const ratePercent = z
  .string()
  .trim()
  // abort: Zod 4 runs later refinements even after a failed check, and those parse the decimal.
  .regex(/^\d{1,3}(\.\d{1,6})?$/, { message: 'must be a percentage such as 12 or 0.05', abort: true });

export const id = z.number().int().positive();
export const nonEmptyText = (max: number) => z.string().trim().min(1, 'is required').max(max);
export const optionalText = (max: number) => z.string().trim().max(max).default('');

export const noInput = z.object({}).strict();

export const pageRequest = {
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
};
