import { describe, expect, it } from 'vitest';
import {
  priorityScore,
  reasonText,
  type ScoreInput,
} from '../../../electron/services/collections/priority-score';

const quiet: ScoreInput = {
  daysPastDue: 45,
  bucket: '31-60',
  overdueAmount: 250_000,
  coveragePercent: 200,
  brokenPromise: false,
  promiseDueToday: false,
  contactedSinceDue: true,
  visitDueToday: false,
  followUpDue: false,
};

describe('the priority score', () => {
  it('adds bucket points and one point per full 1,000.00 overdue', () => {
    const { score, factors } = priorityScore(quiet);
    expect(score).toBe(20 + 2);
    expect(factors.map((f) => [f.code, f.points])).toEqual([
      ['bucket', 20],
      ['overdue-amount', 2],
    ]);
  });

  it('caps the amount points at 30', () => {
    expect(priorityScore({ ...quiet, overdueAmount: 99_900_000 }).score).toBe(20 + 30);
  });

  it('scores collateral coverage: none, under 100%, under 150%, ample, unavailable', () => {
    const points = (coveragePercent: number | null | undefined) =>
      priorityScore({ ...quiet, coveragePercent }).score - 22;
    expect(points(null)).toBe(20);
    expect(points(99)).toBe(20);
    expect(points(100)).toBe(8);
    expect(points(149)).toBe(8);
    expect(points(150)).toBe(0);
    expect(points(undefined)).toBe(0);
  });

  it('raises a broken promise and a promise due today', () => {
    expect(priorityScore({ ...quiet, brokenPromise: true }).score).toBe(22 + 25);
    expect(priorityScore({ ...quiet, promiseDueToday: true }).score).toBe(22 + 20);
  });

  it('flags a new delinquency (DPD 1-3) that nobody has contacted yet', () => {
    const fresh = {
      ...quiet,
      bucket: '1-30' as const,
      daysPastDue: 3,
      overdueAmount: 0,
      contactedSinceDue: false,
    };
    expect(priorityScore(fresh).factors.map((f) => f.code)).toContain('new-delinquency');
    expect(priorityScore({ ...fresh, daysPastDue: 4 }).factors.map((f) => f.code)).not.toContain(
      'new-delinquency',
    );
    expect(priorityScore({ ...fresh, contactedSinceDue: true }).factors.map((f) => f.code)).not.toContain(
      'new-delinquency',
    );
  });

  it('puts a current account with a visit or follow-up due on the list with only those points', () => {
    const current = { ...quiet, daysPastDue: 0, bucket: 'current' as const, overdueAmount: 0 };
    expect(priorityScore(current).score).toBe(0);
    expect(priorityScore({ ...current, visitDueToday: true, followUpDue: true }).score).toBe(20);
  });

  it('explains every factor in a sentence, and the points add up to the score', () => {
    const all = priorityScore({
      ...quiet,
      coveragePercent: null,
      brokenPromise: true,
      promiseDueToday: true,
    });
    expect(all.factors.reduce((s, f) => s + f.points, 0)).toBe(all.score);
    expect(all.factors.map(reasonText)).toEqual([
      '+20: 45 days past due (bucket 31-60)',
      '+2: 2500.00 overdue (1 point per 1000.00, at most 30)',
      '+20: no collateral recorded, treated as uncovered',
      '+25: a promise to pay was broken in the last 30 days',
      '+20: a promise to pay is due today',
    ]);
  });
});
