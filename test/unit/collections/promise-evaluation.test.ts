import { describe, expect, it } from 'vitest';
import { evaluatePromise } from '../../../electron/services/collections/promise-evaluation';

const promise = { amount: 100_000, madeOn: '2026-06-10', dueDate: '2026-06-15' };

describe('promise evaluation', () => {
  it('is kept once payments since it was made cover the amount, even before its date', () => {
    const pays = [
      { date: '2026-06-11', amount: 40_000 },
      { date: '2026-06-12', amount: 60_000 },
    ];
    expect(evaluatePromise(promise, pays, '2026-06-12', 0)).toEqual({ status: 'kept', paidTowards: 100_000 });
  });

  it('ignores payments made before the promise', () => {
    const pays = [
      { date: '2026-06-09', amount: 100_000 },
      { date: '2026-06-14', amount: 99_999 },
    ];
    expect(evaluatePromise(promise, pays, '2026-06-16', 0)).toEqual({
      status: 'broken',
      paidTowards: 99_999,
    });
  });

  it('is pending until the date plus tolerance has passed', () => {
    expect(evaluatePromise(promise, [], '2026-06-15', 0).status).toBe('pending');
    expect(evaluatePromise(promise, [], '2026-06-16', 0).status).toBe('broken');
    expect(evaluatePromise(promise, [], '2026-06-17', 2).status).toBe('pending');
    expect(evaluatePromise(promise, [], '2026-06-18', 2).status).toBe('broken');
  });

  it('counts a payment on the last day of the tolerance and not the day after', () => {
    const lastDay = [{ date: '2026-06-17', amount: 100_000 }];
    expect(evaluatePromise(promise, lastDay, '2026-06-20', 2).status).toBe('kept');
    const dayAfter = [{ date: '2026-06-18', amount: 100_000 }];
    expect(evaluatePromise(promise, dayAfter, '2026-06-20', 2)).toEqual({ status: 'broken', paidTowards: 0 });
  });
});
