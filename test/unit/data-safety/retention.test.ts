import { describe, expect, it } from 'vitest';
import { backupsToKeep, DEFAULT_RETENTION } from '../../../electron/services/system/auto-backup';

/** One backup at 09:00 and one at 17:00 on every day from `from`, for `days` days. */
function twiceDaily(from: string, days: number) {
  const files = [];
  const start = Date.parse(`${from}T00:00:00Z`);
  for (let d = 0; d < days; d++) {
    const day = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    for (const time of ['09:00:00.000Z', '17:00:00.000Z'])
      files.push({ path: `/b/${day}T${time}`, takenAt: `${day}T${time}`, bytes: 1 });
  }
  return files;
}

describe('backup retention', () => {
  it('defaults to 7 daily, 4 weekly and 12 monthly', () => {
    expect(DEFAULT_RETENTION).toEqual({ daily: 7, weekly: 4, monthly: 12 });
  });

  it('keeps the newest of each of the last 7 days, 4 weeks and 12 months of two years of backups', () => {
    const files = twiceDaily('2024-06-16', 730); // through 2026-06-15, a Monday
    const keep = [...backupsToKeep(files)].sort();
    const daily = ['09', '10', '11', '12', '13', '14', '15'].map((d) => `/b/2026-06-${d}T17:00:00.000Z`);
    // Weeks start on Monday: this week's and last week's newest are already kept as dailies
    // (today, and Sunday 06-14); the two weeks before end on Sundays 06-07 and 05-31.
    const weekly = ['/b/2026-05-31T17:00:00.000Z', '/b/2026-06-07T17:00:00.000Z'];
    const monthly = [
      '2025-07-31',
      '2025-08-31',
      '2025-09-30',
      '2025-10-31',
      '2025-11-30',
      '2025-12-31',
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
    ].map((d) => `/b/${d}T17:00:00.000Z`);
    expect(keep).toEqual([...new Set([...daily, ...weekly, ...monthly])].sort());
    expect(keep).toHaveLength(7 + 2 + 10); // 2026-05-31 is both a week's and a month's newest
  });

  it('keeps everything while there are fewer backups than the policy allows', () => {
    const files = [
      { path: '/b/a', takenAt: '2026-06-15T09:00:00.000Z', bytes: 1 },
      { path: '/b/b', takenAt: '2026-06-14T09:00:00.000Z', bytes: 1 },
    ];
    expect(backupsToKeep(files)).toEqual(new Set(['/b/a', '/b/b']));
  });

  it('drops the older backup of the same day', () => {
    const files = twiceDaily('2026-06-15', 1);
    expect(backupsToKeep(files)).toEqual(new Set(['/b/2026-06-15T17:00:00.000Z']));
  });
});
