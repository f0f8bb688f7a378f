import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsClamped,
  compareDates,
  daysBetween,
  daysInMonth,
  fromDayNumber,
  isLeapYear,
  isValidIsoDate,
  lastDayOfMonth,
  monthlyDatesAfter,
  monthOf,
  startOfMonth,
  toDayNumber,
} from '../../../shared/dates/civil';

describe('isValidIsoDate', () => {
  it.each(['2026-02-28', '2024-02-29', '2000-02-29', '2028-02-29', '2026-12-31', '0001-01-01', '9999-12-31'])(
    'accepts %s',
    (s) => expect(isValidIsoDate(s)).toBe(true),
  );

  it.each([
    '2026-02-30', // February never has 30 days
    '2025-02-29', // 2025 is not a leap year
    '1900-02-29', // divisible by 100 but not by 400
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-05',
    '2026-01-5',
    '20260105',
    '2026/01/05',
    ' 2026-01-05',
    '2026-01-05T00:00',
    '',
  ])('rejects %j', (s) => expect(isValidIsoDate(s)).toBe(false));

  it('rejects non-strings', () => {
    expect(isValidIsoDate(20260105)).toBe(false);
    expect(isValidIsoDate(null)).toBe(false);
  });
});

describe('leap years (Gregorian rule)', () => {
  it.each([
    [2024, true],
    [2028, true],
    [2000, true],
    [2400, true],
    [2026, false],
    [1900, false],
    [2100, false],
  ])('%s → %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(daysInMonth(year, 2)).toBe(leap ? 29 : 28);
  });
});

describe('day numbers', () => {
  it('counts days since 1970-01-01', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    // 30 years of 365 days plus 7 leap days (1972…1996) = 10957; then 31 (Jan) + 29 (Feb 2000).
    expect(toDayNumber('2000-03-01')).toBe(10957 + 31 + 29);
    // 56 years with 14 leap days (1972…2024), then 30 days into January.
    expect(toDayNumber('2026-01-31')).toBe(56 * 365 + 14 + 30);
  });

  it('steps one calendar day at a time from 1899 to 2101 (checked against a hand-rolled calendar)', () => {
    let [y, m, d] = [1899, 12, 1];
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    let day = toDayNumber('1899-12-01');
    const mismatches: string[] = [];
    while (y < 2101 || m < 2) {
      const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
      if (fromDayNumber(day) !== text || toDayNumber(text) !== day) mismatches.push(`${text} ≠ day ${day}`);
      // The next date, the way a person turns a wall calendar.
      const monthLength = [
        31,
        (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28,
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
      ][m - 1]!;
      if (d < monthLength) d++;
      else if (m < 12) [m, d] = [m + 1, 1];
      else [y, m, d] = [y + 1, 1, 1];
      day++;
    }
    expect(mismatches).toEqual([]);
    expect(day - toDayNumber('1899-12-01')).toBeGreaterThan(73000); // the loop really ran
  });

  it('round-trips across the whole supported range', () => {
    const first = toDayNumber('0000-01-01');
    const last = toDayNumber('9999-12-31');
    const broken: number[] = [];
    for (let n = first; n <= last; n += 97) if (toDayNumber(fromDayNumber(n)) !== n) broken.push(n);
    expect(broken).toEqual([]);
    expect(toDayNumber(fromDayNumber(last))).toBe(last);
    expect(() => fromDayNumber(last + 1)).toThrow(RangeError);
    expect(() => toDayNumber('2026-02-30')).toThrow(RangeError);
  });
});

describe('addDays / daysBetween', () => {
  it('crosses month ends and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2027-02-28', '2027-03-01')).toBe(1);
    expect(daysBetween('2026-03-31', '2026-02-28')).toBe(-31);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });
});

describe('addMonthsClamped', () => {
  it('keeps the day of the month, or the last day of a shorter month', () => {
    expect(addMonthsClamped('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2026-01-31', 2)).toBe('2026-03-31'); // from the original date, not from Feb 28
    expect(addMonthsClamped('2026-01-31', 3)).toBe('2026-04-30');
    expect(addMonthsClamped('2026-01-30', 1)).toBe('2026-02-28');
    expect(addMonthsClamped('2026-01-15', 1)).toBe('2026-02-15');
    expect(addMonthsClamped('2026-12-15', 1)).toBe('2027-01-15');
    expect(addMonthsClamped('2026-01-31', 11)).toBe('2026-12-31');
    expect(addMonthsClamped('2026-01-31', 12)).toBe('2027-01-31');
  });

  it('lands on Feb 29 in leap years only', () => {
    expect(addMonthsClamped('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsClamped('2000-01-31', 1)).toBe('2000-02-29');
    expect(addMonthsClamped('2100-01-31', 1)).toBe('2100-02-28');
    expect(addMonthsClamped('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonthsClamped('2024-02-29', 48)).toBe('2028-02-29');
  });

  it('goes backwards too', () => {
    expect(addMonthsClamped('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonthsClamped('2026-01-15', -1)).toBe('2025-12-15');
    expect(addMonthsClamped('2026-01-15', 0)).toBe('2026-01-15');
  });

  it('lists a monthly series, each date counted from the start', () => {
    expect(monthlyDatesAfter('2028-01-31', 4)).toEqual([
      '2028-02-29',
      '2028-03-31',
      '2028-04-30',
      '2028-05-31',
    ]);
    expect(monthlyDatesAfter('2026-01-31', 0)).toEqual([]);
  });

  it('refuses to leave years 0000–9999', () => {
    expect(() => addMonthsClamped('9999-12-01', 1)).toThrow(RangeError);
  });
});

describe('months', () => {
  it('names and bounds a month', () => {
    expect(monthOf('2026-02-14')).toBe('2026-02');
    expect(startOfMonth('2026-02-14')).toBe('2026-02-01');
    expect(startOfMonth('2026-02')).toBe('2026-02-01');
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(lastDayOfMonth('2100-02')).toBe('2100-02-28');
    expect(lastDayOfMonth('2026-04-10')).toBe('2026-04-30');
    expect(lastDayOfMonth('2026-12')).toBe('2026-12-31');
    expect(() => lastDayOfMonth('2026-13')).toThrow(RangeError);
    expect(() => monthOf('2026-02-30')).toThrow(RangeError);
  });

  it('orders dates chronologically', () => {
    expect(compareDates('2026-02-28', '2026-03-01')).toBe(-1);
    expect(compareDates('2026-03-01', '2026-02-28')).toBe(1);
    expect(compareDates('2026-03-01', '2026-03-01')).toBe(0);
    expect(['2027-01-01', '2026-12-31', '2026-02-01'].sort(compareDates)).toEqual([
      '2026-02-01',
      '2026-12-31',
      '2027-01-01',
    ]);
  });
});
