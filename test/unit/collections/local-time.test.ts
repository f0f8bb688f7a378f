import { describe, expect, it } from 'vitest';
import { instantOfLocal, localTimeOf } from '../../../electron/services/collections/local-time';

describe('the borrower’s local time', () => {
  it('converts an instant to the wall clock of the zone', () => {
    expect(localTimeOf('2026-06-14T15:00:00.000Z', 'Asia/Shanghai')).toEqual({
      date: '2026-06-14',
      minutes: 23 * 60,
      hhmm: '23:00',
    });
    expect(localTimeOf('2026-01-15T03:30:00.000Z', 'America/New_York').hhmm).toBe('22:30');
  });

  it('turns a wall-clock time back into the instant, across daylight saving', () => {
    expect(instantOfLocal('2026-06-14T23:00', 'Asia/Shanghai')).toBe('2026-06-14T15:00:00.000Z');
    expect(instantOfLocal('2026-07-01T09:00', 'America/New_York')).toBe('2026-07-01T13:00:00.000Z');
    expect(instantOfLocal('2026-01-01T09:00', 'America/New_York')).toBe('2026-01-01T14:00:00.000Z');
  });
});
