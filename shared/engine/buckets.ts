/** Aging buckets: how late a loan is, in the ranges collections reports use. */

export const AGING_BUCKETS = ['current', '1-30', '31-60', '61-90', '91-180', '181+'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** Upper bound (inclusive) of days past due for each bucket but the last. */
const BUCKET_LIMITS: readonly (readonly [number, AgingBucket])[] = [
  [0, 'current'],
  [30, '1-30'],
  [60, '31-60'],
  [90, '61-90'],
  [180, '91-180'],
];

export function bucketOf(daysPastDue: number): AgingBucket {
  if (!Number.isInteger(daysPastDue) || daysPastDue < 0) {
    throw new RangeError(`days past due must be a whole number ≥ 0: ${daysPastDue}`);
  }
  for (const [limit, bucket] of BUCKET_LIMITS) if (daysPastDue <= limit) return bucket;
  return '181+';
}
