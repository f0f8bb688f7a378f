import { describe, expect, it } from 'vitest';
import { AGING_BUCKETS, bucketOf } from '../../../shared/engine/buckets';

describe('bucketOf', () => {
  it.each([
    [0, 'current'],
    [1, '1-30'],
    [30, '1-30'],
    [31, '31-60'],
    [60, '31-60'],
    [61, '61-90'],
    [90, '61-90'],
    [91, '91-180'],
    [180, '91-180'],
    [181, '181+'],
    [5000, '181+'],
  ])('%s days past due → %s', (dpd, bucket) => {
    expect(bucketOf(dpd)).toBe(bucket);
  });

  it('rejects impossible day counts', () => {
    expect(() => bucketOf(-1)).toThrow(RangeError);
    expect(() => bucketOf(1.5)).toThrow(RangeError);
  });

  it('lists the buckets in aging order', () => {
    expect(AGING_BUCKETS).toEqual(['current', '1-30', '31-60', '61-90', '91-180', '181+']);
  });
});
